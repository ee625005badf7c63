/// A built-in lifecycle framework: a named, ordered list of stages.
public struct Framework: Hashable, Sendable, Identifiable {
    public let id: String
    public let name: String
    public let stages: [String]
    /// When a team should choose this framework.
    public let useWhen: String
    /// The kinds of business it fits best.
    public let fitsBest: String
    /// Loop edges the template includes, by stage index (from, to, label).
    public let loops: [(from: Int, to: Int, label: String)]
    /// The stages up to and including the first purchase or sign-up, by index: acquisition.
    public let acquisition: [Int]
    /// The onboarding-to-retention window: the stages right after the first purchase or sign-up,
    /// by index; empty when the framework ends at the purchase (AIDA).
    public let window: [Int]
    /// Other names of stages, by stage index (AIDA's Attention is also called Awareness).
    public let aliases: [Int: [String]]
    /// Names the stages had in earlier versions of the catalog, by stage index.
    public let formerNames: [Int: [String]]

    init(id: String, name: String, stages: [String], useWhen: String, fitsBest: String,
         loops: [(from: Int, to: Int, label: String)], acquisition: [Int], window: [Int],
         aliases: [Int: [String]] = [:], formerNames: [Int: [String]] = [:]) {
        self.id = id
        self.name = name
        self.stages = stages
        self.useWhen = useWhen
        self.fitsBest = fitsBest
        self.loops = loops
        self.acquisition = acquisition
        self.window = window
        self.aliases = aliases
        self.formerNames = formerNames
    }

    public static func == (a: Framework, b: Framework) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// The five built-in frameworks, in the order they are listed.
    public static let catalog: [Framework] = [
        Framework(
            id: "aarrr", name: "AARRR (\"pirate metrics\")",
            stages: ["Acquisition", "Activation", "Retention", "Referral", "Revenue"],
            useWhen: "Every team needs one shared, metric-driven funnel scoreboard.",
            fitsBest: "D2C, gaming, fintech apps", loops: [], acquisition: [0], window: [1]),
        Framework(
            id: "race", name: "RACE",
            stages: ["Reach", "Act", "Convert", "Engage"],
            useWhen: "You are organizing marketing activity and want a planning view.",
            fitsBest: "E-commerce, content-led brands", loops: [], acquisition: [0, 1, 2], window: [3]),
        Framework(
            id: "aida", name: "AIDA",
            stages: ["Attention", "Interest", "Desire", "Action"],
            useWhen: "The problem is top-of-funnel and conversion, not post-purchase depth.",
            fitsBest: "Awareness-stage campaigns", loops: [], acquisition: [0, 1, 2, 3], window: [],
            aliases: [0: ["Awareness"]]),
        Framework(
            id: "laer", name: "LAER (by TSIA)",
            stages: ["Land", "Adopt", "Expand", "Renew"],
            useWhen: "Most of the value comes after the first sale.",
            fitsBest: "Subscription, membership", loops: [], acquisition: [0], window: [1]),
        Framework(
            id: "mckinsey-cdj", name: "McKinsey Consumer Decision Journey",
            stages: ["Initial consideration", "Active evaluation", "Purchase", "Post-purchase experience"],
            useWhen: "You model how loyal customers skip evaluation and re-buy: a loop, not a funnel.",
            fitsBest: "Repeat-purchase consumer brands",
            loops: [(from: 3, to: 2, label: "Loyalty loop")], acquisition: [0, 1, 2], window: [3],
            formerNames: [2: ["Moment of purchase"]]),
    ]

    /// The built-in framework with this id.
    public static func named(_ id: String) -> Framework? { catalog.first { $0.id == id } }

    /// The names a stage answers to: its name, its other names and its former names.
    public func names(ofStage i: Int) -> [String] {
        [stages[i]] + (aliases[i] ?? []) + (formerNames[i] ?? [])
    }

    /// The catalog index of a journey stage: its name or id matches a stage's name, other name or
    /// former name (case-insensitive); nil when it matches none.
    public func index(of stage: Stage) -> Int? {
        stages.indices.first { i in
            names(ofStage: i).contains { n in n.lowercased() == stage.name.lowercased() || Slug.make(from: n, fallback: "") == stage.id }
        }
    }

    /// Every built-in id.
    public static var ids: [String] { catalog.map(\.id) }
}

extension Journey {
    /// The other names of a stage of this journey's built-in framework (AIDA's Attention is
    /// also called Awareness), for searching stages; empty for custom frameworks.
    public func stageAliases(_ stage: Stage) -> [String] {
        guard let f = framework.builtIn, let i = f.index(of: stage) else { return [] }
        return f.names(ofStage: i).filter { $0.lowercased() != stage.name.lowercased() }
    }
}
