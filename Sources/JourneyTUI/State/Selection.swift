/// Where the cursor is on the board.
public struct Selection: Hashable, Sendable {
    /// The stage (column) index.
    public var stage: Int
    /// The touchpoint index in the stage, or -1 for the stage header.
    public var card: Int

    public init(stage: Int = 0, card: Int = -1) {
        self.stage = stage
        self.card = card
    }

    public var isHeader: Bool { card < 0 }
}

/// How far the board is scrolled.
public struct BoardScroll: Hashable, Sendable {
    /// The first stage shown.
    public var firstStage = 0
    /// The first card shown, per stage id.
    public var firstCard: [String: Int] = [:]

    public init() {}
}

/// The text on the message line.
public struct Message: Hashable, Sendable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// What the text coming back from `$EDITOR` replaces.
public enum ExternalTarget: Hashable, Sendable {
    /// A field of the open form.
    case formField(Int)
    /// The notes of a touchpoint on the board.
    case touchpointNotes(id: String)
}
