/// What rules look at: the journey, the day it is judged on, and shared lookups.
struct LintContext: Sendable {
    let journey: Journey
    /// Today, `YYYY-MM-DD` (injected so the review-age rule is testable).
    let today: String
    let costs: CostModel
    /// The one decision model, shared with `recommend`.
    let decision: Decision

    /// Every touchpoint with its stage and touchpoint index.
    let touchpoints: [(stage: Int, index: Int, touchpoint: Touchpoint)]

    init(journey: Journey, today: String) {
        self.journey = journey
        self.today = today
        costs = CostModel(journey)
        decision = Decision(journey)
        touchpoints = journey.stages.enumerated().flatMap { i, s in s.touchpoints.enumerated().map { (i, $0.offset, $0.element) } }
        let acquisition = LintContext.acquisitionStages(journey)
        acquisitionStages = acquisition
        activeStages = LintContext.activeStages(journey, after: acquisition.min() ?? 0)
        retentionStages = LintContext.retentionStages(journey)
    }

    static let stages = JSONPath.root.key("stages")
    static let cohorts = JSONPath.root.key("cohorts")

    func stagePath(_ i: Int) -> JSONPath { LintContext.stages.index(i) }
    func touchpointPath(_ i: Int, _ j: Int) -> JSONPath { stagePath(i).key("touchpoints").index(j) }
    func cohortPath(_ i: Int) -> JSONPath { LintContext.cohorts.index(i) }

    /// The built-in model behind a model id.
    func base(_ model: String?) -> String? { journey.builtInModel(model) }

    /// A stage's name for messages.
    func stageName(_ i: Int) -> String { quoted(journey.stages[i].name) }

    /// Journey text in quotes for messages.
    func quoted(_ s: String) -> String { "\"" + s + "\"" }

    /// Indices of the stages up to the first purchase or sign-up: for a built-in framework its
    /// acquisition stages; else those serving the Unaware or Aware level.
    let acquisitionStages: [Int]

    /// Indices of the onboarding-to-retention window, the stages right after the first purchase
    /// or sign-up: for a built-in framework its window stages (none for AIDA, which ends at the
    /// purchase); else the stages serving the Active level that come after an acquisition stage.
    let activeStages: [Int]

    /// Indices of the stages that keep customers: those serving the Invested level, else
    /// stages named for retention.
    let retentionStages: [Int]

    /// Indices of the journey's stages that stand for these catalog stages of its built-in
    /// framework; nil when the framework is custom or none of its stages is recognised.
    static func catalogStages(_ journey: Journey, _ pick: (Framework) -> [Int]) -> [Int]? {
        guard let f = journey.framework.builtIn else { return nil }
        let known = journey.stages.indices.compactMap { i in f.index(of: journey.stages[i]).map { (i, $0) } }
        guard !known.isEmpty else { return nil }
        let wanted = Set(pick(f))
        return known.filter { wanted.contains($0.1) }.map(\.0)
    }

    static func acquisitionStages(_ journey: Journey) -> [Int] {
        catalogStages(journey, \.acquisition) ?? journey.stages.indices.filter { [.unaware, .aware].contains(journey.stages[$0].level) }
    }

    static func activeStages(_ journey: Journey, after first: Int) -> [Int] {
        if let s = catalogStages(journey, \.window) { return s }
        return journey.stages.indices.filter { $0 >= first && journey.stages[$0].level == .active }
    }

    static func retentionStages(_ journey: Journey) -> [Int] {
        let s = journey.stages.indices.filter { journey.stages[$0].level == .invested }
        if !s.isEmpty { return s }
        let names = ["retention", "engage", "renew", "post-purchase experience", "loyalty"]
        return journey.stages.indices.filter { names.contains(journey.stages[$0].name.lowercased()) }
    }

    /// The channels of automated lifecycle messaging, where a schedule means a blast.
    static let messagingChannels: Set<String> = ["email", "push", "sms", "in-app", "whatsapp"]

    /// True when a model is human-led one-to-one (high-touch, HVC).
    func isHumanLed(_ model: String?) -> Bool { ["high-touch", "hvc"].contains(base(model)) }

    /// True when a model is automation only (tech-touch, low-touch).
    func isAutomated(_ model: String?) -> Bool { ["tech-touch", "low-touch"].contains(base(model)) }
}
