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

    public static func == (a: Framework, b: Framework) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// The five built-in frameworks, in the order they are listed.
    public static let catalog: [Framework] = [
        Framework(
            id: "aarrr", name: "AARRR (\"pirate metrics\")",
            stages: ["Acquisition", "Activation", "Retention", "Referral", "Revenue"],
            useWhen: "Every team needs one shared, metric-driven funnel scoreboard.",
            fitsBest: "D2C, gaming, fintech apps", loops: []),
        Framework(
            id: "race", name: "RACE",
            stages: ["Reach", "Act", "Convert", "Engage"],
            useWhen: "You are organizing marketing activity and want a planning view.",
            fitsBest: "E-commerce, content-led brands", loops: []),
        Framework(
            id: "aida", name: "AIDA",
            stages: ["Attention", "Interest", "Desire", "Action"],
            useWhen: "The problem is top-of-funnel and conversion, not post-purchase depth.",
            fitsBest: "Awareness-stage campaigns", loops: []),
        Framework(
            id: "laer", name: "LAER (by TSIA)",
            stages: ["Land", "Adopt", "Expand", "Renew"],
            useWhen: "Most of the value comes after the first sale.",
            fitsBest: "Subscription, membership", loops: []),
        Framework(
            id: "mckinsey-cdj", name: "McKinsey Consumer Decision Journey",
            stages: ["Initial consideration", "Active evaluation", "Moment of purchase", "Post-purchase experience"],
            useWhen: "You model how loyal customers skip evaluation and re-buy: a loop, not a funnel.",
            fitsBest: "Repeat-purchase consumer brands",
            loops: [(from: 3, to: 2, label: "Loyalty loop")]),
    ]

    /// The built-in framework with this id.
    public static func named(_ id: String) -> Framework? { catalog.first { $0.id == id } }

    /// Every built-in id.
    public static var ids: [String] { catalog.map(\.id) }
}
