import JourneyKit

/// A journey as it was before an edit, with where the selection was.
public struct Snapshot: Hashable, Sendable {
    public var journey: Journey
    public var selection: Selection
    public var cohort: Int
    public var version: Int
    /// What the edit did, for "Undid: ..." messages.
    public var label: String
}

/// Unlimited undo and redo. Snapshots share storage with the live journey
/// (copy on write), so an edit copies only the arrays it changes.
public struct History: Hashable, Sendable {
    public var undo: [Snapshot] = []
    public var redo: [Snapshot] = []
    /// The version of the live journey; every edit gets a new one.
    public var version = 0
    var nextVersion = 1

    public init() {}

    mutating func newVersion() -> Int {
        defer { nextVersion += 1 }
        return nextVersion
    }
}
