/// A place in the journey a rule points at, with what is wrong there.
struct Hit: Sendable {
    var path: JSONPath
    var message: String
    /// A severity below the rule's own, for a rule with two levels (JM022); nil: the rule's.
    var severity: Severity?

    init(_ path: JSONPath, _ message: String, severity: Severity? = nil) {
        self.path = path
        self.message = message
        self.severity = severity
    }
}

/// A lint rule: a stable id, its severity, what it catches, the mistake it guards against and the fix.
public struct LintRule: Sendable, Identifiable {
    public let id: String
    public let severity: Severity
    /// What the rule catches, in a few words (the rule table of docs/strategy.md).
    public let title: String
    /// The common mistake or model trap from the domain brief that it guards against.
    public let reason: String
    /// How to fix what it finds.
    public let fix: String
    let check: @Sendable (LintContext) -> [Hit]

    init(_ id: String, _ severity: Severity, _ title: String, reason: String, fix: String,
         check: @escaping @Sendable (LintContext) -> [Hit]) {
        self.id = id
        self.severity = severity
        self.title = title
        self.reason = reason
        self.fix = fix
        self.check = check
    }

    /// Every rule, ordered by id.
    public static let all: [LintRule] = (modelRules + measurementRules + lifecycleRules + touchpointRules + hygieneRules + teamRules + craftRules + scenarioRules)
        .sorted { $0.id < $1.id }

    /// The rule with this id.
    public static func named(_ id: String) -> LintRule? { all.first { $0.id == id } }
}

/// The reasons rules give, one per common mistake or model trap of the domain brief.
enum Mistake {
    static let highTouchEveryone = "Common mistake 1: high-touch applied to everyone; it is expensive and a slow bleed, and must be a triage decision."
    static let healthNotMeasured = "Common mistake 2: playbooks shipped but health never measured (no KPI, no health score)."
    static let staticModel = "Common mistake 3: the model treated as static; customers move between levels, so review it at least yearly and its metrics quarterly."
    static let activityNotOutcome = "Common mistake 4: activity confused with outcomes; a dashboard of opens and clicks only measures motion."
    static let activeLevel = "Common mistake 5: under-investing in the onboarding-to-retention transition, where most churn lives (the Active level)."
    static let loyaltyProgramme = "Common mistake 6: a loyalty programme mistaken for loyalty; points are a retention tool, not a relationship."
    static let inconsistency = "Common mistake 7: inconsistency across channels; one cohort gets a slick experience in one place and a careless one in another."
    static let aiLayer = "AI-augmented trap: it is a layer over one of the other six models, not a model on its own."
    static let humanEscalation = "HVC and high-touch need a person at the moments that matter; a cohort paid for as high-touch but never escalated to a human gets automation at high-touch prices."
    static let needBeforeSpend = "Segment by need, bounded by economics: customers who need help must get it from a person or a well-designed automated equivalent."
    static let lowTouchEffort = "Low-touch trap: \"low-touch\" read as \"low-effort\"; a play nobody owns or that fires on nothing is where silent churn starts."
    static let batchAndBlast = "Tech-touch trap: batch-and-blast; behavioural triggers beat scheduled blasts (push opens 14.4% vs 4.19%, about 3.4x)."
    static let dropOff = "Building a journey starts with mapping the stages with their real drop-off points; a stage with nothing on it is a drop-off nobody works on."
    static let loop = "The McKinsey Consumer Decision Journey is a loop, not a funnel: loyal customers skip evaluation and buy again."
    static let modelUnassigned = "A journey is stages plus touchpoints plus the models assigned to cohorts; a cohort without a model has no posture and no cost to serve."
    static let costToServe = "Segment by need, bounded by economics: a model must be affordable at the cohort's scale; a cohort that costs more to serve than it is worth is the literal form of high-touch for everyone."
    static let hvcTopCohort = "HVC trap: it is a relationship layer for an identified top cohort, where a small share of customers holds a large share of value; on anyone else it is high-touch cost without the reason."
    static let level = "The level is the diagnosis, the model the prescription: high-touch spent on an Aware tire-kicker wastes resources; a person belongs with Invested customers going quiet."
    static let teamCapacity = "The fourth question: a model the team cannot staff or fund is a fantasy; the hours and the budget bound the choice."
    static let routing = "Hybrid trap: the craft is the routing rule; without one, who gets a person is left to chance (escalate the moments that matter: a high-balance customer going quiet gets a call)."
    static let communityHost = "Community-led trap: no host, no moderation; a community nobody runs turns quiet or toxic."
    static let hvcSignals = "HVC trap: pushing meetings on VIPs who do not want them; watch the signals (purchase frequency, order value, going quiet) and act on them."
    static let dataCapture = "First- and zero-party data collected along the journey is the foundation: everything downstream depends on knowing who sits where."
    static let suppression = "A suppression that names no rule silences nothing; the team believes a rule is off while it still fires, or mistyped the one it meant."
}
