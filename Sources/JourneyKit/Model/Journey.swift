/// A customer lifecycle journey: one framework's stages, the touchpoints placed on
/// them, the cohorts and the engagement models assigned to both.
public struct Journey: Hashable, Sendable {
    /// The file format version this library writes.
    public static let formatVersion = 2

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

    public init(
        schema: String? = nil, title: String, description: String = "", owner: String = "",
        framework: FrameworkRef, stages: [Stage] = [], loops: [LoopEdge] = [],
        cohorts: [Cohort] = [], models: [CustomModel] = [], kpis: [KPI] = [],
        lastReviewed: String? = nil, team: Team? = nil, costs: CostAssumptions? = nil,
        maturity: MaturityResult? = nil, suppress: [Suppression] = []
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

    public init(
        id: String, name: String, goal: String = "", level: CustomerLevel? = nil,
        dropOff: Double? = nil, kpis: [KPI] = [], touchpoints: [Touchpoint] = [],
        suppress: [Suppression] = []
    ) {
        self.id = id
        self.name = name
        self.goal = goal
        self.level = level
        self.dropOff = dropOff
        self.kpis = kpis
        self.touchpoints = touchpoints
        self.suppress = suppress
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

    public init(
        id: String, name: String, channel: String? = nil, trigger: Trigger? = nil,
        model: String? = nil, layers: [String] = [], cohorts: [String] = [], owner: String = "",
        content: String = "", kpis: [KPI] = [], escalation: String = "",
        status: TouchpointStatus? = nil, evidence: Evidence? = nil, notes: String = "",
        suppress: [Suppression] = []
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

    public init(
        id: String, name: String, description: String = "", size: Int? = nil,
        valuePerUser: Double? = nil, complexity: Rating? = nil, service: ServiceMode? = nil,
        level: CustomerLevel? = nil, model: String? = nil, layers: [String] = [],
        suppress: [Suppression] = []
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

    public init(id: String, from: String, to: String, label: String = "") {
        self.id = id
        self.from = from
        self.to = to
        self.label = label
    }
}

/// An engagement model the team defined.
public struct CustomModel: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var description: String
    /// The built-in model it is closest to, used for recommendations and costs.
    public var basedOn: String?

    public init(id: String, name: String, description: String = "", basedOn: String? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.basedOn = basedOn
    }
}

/// The team's means: the fourth of the four questions.
public struct Team: Hashable, Sendable {
    public var capacity: Rating?
    public var budget: Rating?

    public init(capacity: Rating? = nil, budget: Rating? = nil) {
        self.capacity = capacity
        self.budget = budget
    }
}

/// Overrides of the yearly cost to serve one customer under each model.
public struct CostAssumptions: Hashable, Sendable {
    /// ISO currency code or symbol used in reports; empty means the default.
    public var currency: String
    /// Model id to yearly cost per customer.
    public var perCustomerYear: [String: Double]

    public init(currency: String = "", perCustomerYear: [String: Double] = [:]) {
        self.currency = currency
        self.perCustomerYear = perCustomerYear
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
