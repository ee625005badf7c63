/// A customer lifecycle journey: one framework's stages, the touchpoints placed on
/// them, the cohorts and the engagement models assigned to both.
public struct Journey: Hashable, Sendable {
    /// The file format version this library writes.
    public static let formatVersion = 3

    /// The `$schema` reference kept from the file, if any.
    public var schema: String?
    public var title: String
    public var description: String
    public var owner: String
    public var framework: FrameworkRef
    public var stages: [Stage]
    /// Edges from a later stage back to an earlier one (the McKinsey loyalty loop).
    public var loops: [LoopEdge]
    public var cohorts: [Cohort]
    /// Engagement models the team defined beyond the seven built-in ones.
    public var models: [CustomModel]
    /// Journey-wide KPIs, such as the health score components.
    public var kpis: [KPI]
    /// The day the engagement model was last reviewed, `YYYY-MM-DD`.
    public var lastReviewed: String?
    /// The team's capacity and budget (the fourth of the four questions).
    public var team: Team?
    /// Unit-cost overrides for the cost-to-serve figures.
    public var costs: CostAssumptions?
    /// The stored result of the last maturity self-assessment.
    public var maturity: MaturityResult?
    /// Lint rules switched off for the whole journey, each with a reason.
    public var suppress: [Suppression]
    /// Settings of the strategy engine and the forecast.
    public var settings: JourneySettings
    /// The journey-wide customer health score.
    public var healthScore: HealthScore?
    /// Named what-if overrides (to-be against the journey's as-is).
    public var scenarios: [Scenario]
    /// Conflicts a merge left to resolve; the journey does not validate while any remain.
    public var conflicts: [UnresolvedConflict]

    public init(
        schema: String? = nil, title: String, description: String = "", owner: String = "",
        framework: FrameworkRef, stages: [Stage] = [], loops: [LoopEdge] = [],
        cohorts: [Cohort] = [], models: [CustomModel] = [], kpis: [KPI] = [],
        lastReviewed: String? = nil, team: Team? = nil, costs: CostAssumptions? = nil,
        maturity: MaturityResult? = nil, suppress: [Suppression] = [],
        settings: JourneySettings = JourneySettings(), healthScore: HealthScore? = nil,
        scenarios: [Scenario] = [], conflicts: [UnresolvedConflict] = []
    ) {
        self.schema = schema
        self.title = title
        self.description = description
        self.owner = owner
        self.framework = framework
        self.stages = stages
        self.loops = loops
        self.cohorts = cohorts
        self.models = models
        self.kpis = kpis
        self.lastReviewed = lastReviewed
        self.team = team
        self.costs = costs
        self.maturity = maturity
        self.suppress = suppress
        self.settings = settings
        self.healthScore = healthScore
        self.scenarios = scenarios
        self.conflicts = conflicts
    }
}

/// Which framework a journey runs on: a built-in id, or the team's own.
public struct FrameworkRef: Hashable, Sendable {
    /// A built-in id (`aarrr`, `race`, `aida`, `laer`, `mckinsey-cdj`) or a custom slug.
    public var id: String
    /// The display name; required for a custom framework, taken from the catalog otherwise.
    public var name: String?
    /// True for a framework the team made; its stage list is the journey's stages.
    public var custom: Bool

    public init(id: String, name: String? = nil, custom: Bool = false) {
        self.id = id
        self.name = name
        self.custom = custom
    }

    /// The built-in framework this refers to, or nil when custom.
    public var builtIn: Framework? { custom ? nil : Framework.catalog.first { $0.id == id } }

    /// The name to show: the custom name, the catalog name, or the id.
    public var displayName: String { name ?? builtIn?.name ?? id }
}

/// A lifecycle stage: a column on the board.
public struct Stage: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var goal: String
    /// The customer level this stage serves.
    public var level: CustomerLevel?
    /// Expected drop-off at this stage, in percent (0-100).
    public var dropOff: Double?
    public var kpis: [KPI]
    public var touchpoints: [Touchpoint]
    public var suppress: [Suppression]
    /// True when customers who reach this stage start to bring their value (forecast).
    public var earnsValue: Bool

    public init(
        id: String, name: String, goal: String = "", level: CustomerLevel? = nil,
        dropOff: Double? = nil, kpis: [KPI] = [], touchpoints: [Touchpoint] = [],
        suppress: [Suppression] = [], earnsValue: Bool = false
    ) {
        self.id = id
        self.name = name
        self.goal = goal
        self.level = level
        self.dropOff = dropOff
        self.kpis = kpis
        self.touchpoints = touchpoints
        self.suppress = suppress
        self.earnsValue = earnsValue
    }
}

/// What fires a touchpoint: its kind plus free text.
public struct Trigger: Hashable, Sendable {
    public var kind: TriggerKind
    public var detail: String

    public init(kind: TriggerKind, detail: String = "") {
        self.kind = kind
        self.detail = detail
    }
}

/// One moment of contact with the customer, placed on a stage.
public struct Touchpoint: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    /// A channel id from `Channel.catalog`.
    public var channel: String?
    public var trigger: Trigger?
    /// The engagement model: a built-in or custom model id.
    public var model: String?
    /// Models layered over the main one, e.g. `ai-augmented`.
    public var layers: [String]
    /// Ids of the cohorts this touchpoint targets.
    public var cohorts: [String]
    public var owner: String
    public var content: String
    public var kpis: [KPI]
    /// When to escalate to a human; empty when it never does.
    public var escalation: String
    public var status: TouchpointStatus?
    public var evidence: Evidence?
    public var notes: String
    public var suppress: [Suppression]
    /// True when this touchpoint is a loyalty or points programme.
    public var loyaltyProgramme: Bool
    /// The first- or zero-party data this touchpoint captures.
    public var dataCapture: [DataCapture]
    /// How the customer feels here, 1 (bad) to 5 (good).
    public var sentiment: Int?
    /// What goes wrong for the customer here, in short texts.
    public var painPoints: [String]

    public init(
        id: String, name: String, channel: String? = nil, trigger: Trigger? = nil,
        model: String? = nil, layers: [String] = [], cohorts: [String] = [], owner: String = "",
        content: String = "", kpis: [KPI] = [], escalation: String = "",
        status: TouchpointStatus? = nil, evidence: Evidence? = nil, notes: String = "",
        suppress: [Suppression] = [], loyaltyProgramme: Bool = false, dataCapture: [DataCapture] = [],
        sentiment: Int? = nil, painPoints: [String] = []
    ) {
        self.id = id
        self.name = name
        self.channel = channel
        self.trigger = trigger
        self.model = model
        self.layers = layers
        self.cohorts = cohorts
        self.owner = owner
        self.content = content
        self.kpis = kpis
        self.escalation = escalation
        self.status = status
        self.evidence = evidence
        self.notes = notes
        self.suppress = suppress
        self.loyaltyProgramme = loyaltyProgramme
        self.dataCapture = dataCapture
        self.sentiment = sentiment
        self.painPoints = painPoints
    }
}

/// A segment of customers handled the same way.
public struct Cohort: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var description: String
    /// Number of customers in the cohort.
    public var size: Int?
    /// Yearly revenue per customer, in the journey's currency.
    public var valuePerUser: Double?
    public var complexity: Rating?
    public var service: ServiceMode?
    public var level: CustomerLevel?
    /// The assigned engagement model id.
    public var model: String?
    /// Models layered over the main one, e.g. `ai-augmented`.
    public var layers: [String]
    public var suppress: [Suppression]
    /// Who owns the relationship with this cohort (a relationship manager, a community host).
    public var owner: String
    /// New customers a year entering the first stage; when set, the forecast uses it instead of `size`.
    public var inflowPerYear: Int?
    /// Stage id to drop-off percent for this cohort, over the stage's own.
    public var dropOff: [String: Double]
    /// When to move a customer of this cohort between human and automated touch.
    public var routing: [RoutingRule]
    /// This cohort's own health score, over the journey's.
    public var healthScore: HealthScore?

    public init(
        id: String, name: String, description: String = "", size: Int? = nil,
        valuePerUser: Double? = nil, complexity: Rating? = nil, service: ServiceMode? = nil,
        level: CustomerLevel? = nil, model: String? = nil, layers: [String] = [],
        suppress: [Suppression] = [], owner: String = "", inflowPerYear: Int? = nil,
        dropOff: [String: Double] = [:], routing: [RoutingRule] = [], healthScore: HealthScore? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.size = size
        self.valuePerUser = valuePerUser
        self.complexity = complexity
        self.service = service
        self.level = level
        self.model = model
        self.layers = layers
        self.suppress = suppress
        self.owner = owner
        self.inflowPerYear = inflowPerYear
        self.dropOff = dropOff
        self.routing = routing
        self.healthScore = healthScore
    }
}

/// A measure of health or success.
public struct KPI: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var kind: KPIKind
    /// True when this KPI is a component of the customer health score.
    public var health: Bool
    public var target: Double?
    public var unit: String

    public init(id: String, name: String, kind: KPIKind, health: Bool = false, target: Double? = nil, unit: String = "") {
        self.id = id
        self.name = name
        self.kind = kind
        self.health = health
        self.target = target
        self.unit = unit
    }
}

/// An edge from one stage back to another, such as the loyalty loop.
public struct LoopEdge: Hashable, Sendable, Identifiable {
    public var id: String
    /// The stage id the edge leaves.
    public var from: String
    /// The stage id the edge returns to.
    public var to: String
    public var label: String
    /// The percent of the `from` stage's customers the edge carries back (forecast).
    public var share: Double?

    public init(id: String, from: String, to: String, label: String = "", share: Double? = nil) {
        self.id = id
        self.from = from
        self.to = to
        self.label = label
        self.share = share
    }
}

/// An engagement model the team defined.
public struct CustomModel: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var description: String
    /// The built-in model it is closest to, used for recommendations and costs.
    public var basedOn: String?
    /// The preset of the guides it follows (`ModelPreset.catalog`), if any.
    public var preset: String?

    public init(id: String, name: String, description: String = "", basedOn: String? = nil, preset: String? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.basedOn = basedOn
        self.preset = preset
    }
}

/// The team's means, in numbers: the fourth of the four questions.
public struct Team: Hashable, Sendable {
    /// People who can serve customers.
    public var people: Double?
    /// Working hours a year per person; nil means the strategy engine's documented default.
    public var hoursPerPerson: Double?
    /// The yearly budget for serving customers, in the journey's currency.
    public var budget: Double?

    public init(people: Double? = nil, hoursPerPerson: Double? = nil, budget: Double? = nil) {
        self.people = people
        self.hoursPerPerson = hoursPerPerson
        self.budget = budget
    }
}

/// Overrides of the yearly cost to serve one customer under each model.
public struct CostAssumptions: Hashable, Sendable {
    /// ISO currency code or symbol used in reports; empty means the default.
    public var currency: String
    /// Model id to yearly cost per customer.
    public var perCustomerYear: [String: Double]
    /// Model id to minutes of human time per customer-year.
    public var minutesPerCustomerYear: [String: Double]

    public init(currency: String = "", perCustomerYear: [String: Double] = [:], minutesPerCustomerYear: [String: Double] = [:]) {
        self.currency = currency
        self.perCustomerYear = perCustomerYear
        self.minutesPerCustomerYear = minutesPerCustomerYear
    }
}

/// The stored result of a maturity self-assessment (both ladders).
public struct MaturityResult: Hashable, Sendable {
    /// The day of the assessment, `YYYY-MM-DD`.
    public var assessed: String
    /// Ladder A (Reactive 1 to Predictive 4): the rung reached.
    public var rung: Int
    /// Ladder B (Unstructured campaigns 0 to OS-powered engagement system 4): the level reached.
    public var level: Int
    /// Ids of the checklist items ticked, on both ladders.
    public var checks: [String]

    public init(assessed: String, rung: Int, level: Int, checks: [String] = []) {
        self.assessed = assessed
        self.rung = rung
        self.level = level
        self.checks = checks
    }
}

/// A lint rule switched off, with the reason the team gave.
public struct Suppression: Hashable, Sendable {
    public var rule: String
    public var reason: String

    public init(rule: String, reason: String) {
        self.rule = rule
        self.reason = reason
    }
}
