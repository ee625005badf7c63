/// A conflict a three-way merge could not decide, kept in the journey so it cannot be
/// lost: the file stays valid, and `validate` and `lint` fail until it is resolved.
public struct UnresolvedConflict: Hashable, Sendable, Identifiable {
    public var id: String
    /// Where the conflict is, as jq writes paths: `.stages[1].touchpoints[0].name`.
    public var path: String
    /// The value in the common ancestor; nil when the item did not exist there.
    public var base: JSONNode?
    /// The value on our side; nil when our side removed it.
    public var ours: JSONNode?
    /// The value on their side; nil when their side removed it.
    public var theirs: JSONNode?
    /// The name of our side (a branch, or "ours").
    public var oursLabel: String
    /// The name of their side (a branch, or "theirs").
    public var theirsLabel: String
    /// What happened, in words.
    public var message: String

    public init(id: String, path: String, base: JSONNode? = nil, ours: JSONNode? = nil, theirs: JSONNode? = nil, oursLabel: String = "ours", theirsLabel: String = "theirs", message: String = "") {
        self.id = id
        self.path = path
        self.base = base
        self.ours = ours
        self.theirs = theirs
        self.oursLabel = oursLabel
        self.theirsLabel = theirsLabel
        self.message = message
    }
}
