import JourneyKit

/// How to get from one version of the journey to another.
///
/// Moves are recorded as moves, not copies of the journey: the live journey then
/// owns its arrays alone and a move changes them in place, however many
/// touchpoints a stage holds.
public enum Change: Hashable, Sendable {
    /// Put this whole journey back (shares storage with the live one until either changes).
    case replace(Journey)
    /// Take the touchpoint at `from` and insert it at `to` (stage index, touchpoint index).
    case moveCard(from: CardPosition, to: CardPosition)
    /// Swap two stages.
    case swapStages(Int, Int)

    /// Applies the change; returns the change that undoes it.
    func apply(to j: inout Journey) -> Change {
        switch self {
        case .replace(let other):
            let old = j
            j = other
            return .replace(old)
        case .moveCard(let from, let to):
            let card = j.stages[from.stage].touchpoints.remove(at: from.index)
            j.stages[to.stage].touchpoints.insert(card, at: to.index)
            return .moveCard(from: to, to: from)
        case .swapStages(let a, let b):
            j.stages.swapAt(a, b)
            return self
        }
    }
}

/// A touchpoint's place: its stage index and its index in the stage.
public struct CardPosition: Hashable, Sendable {
    public var stage: Int
    public var index: Int

    public init(stage: Int, index: Int) {
        self.stage = stage
        self.index = index
    }
}

/// One step of the history: the change that returns to a version, with where the selection was.
public struct Snapshot: Hashable, Sendable {
    public var change: Change
    public var selection: Selection
    public var cohort: Int
    public var version: Int
    /// What the edit did, for "Undid: ..." messages.
    public var label: String
}

/// Unlimited undo and redo.
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
