/// What a question's answer does.
public enum ConfirmPurpose: Hashable, Sendable {
    /// Save, discard or cancel before quitting.
    case quit
    case deleteStage(id: String)
    case deleteCohort(id: String)
    case deleteModel(id: String)
    /// Overwrite, reload or save as, when the file changed on disk.
    case saveConflict(path: String)
    /// Restore, discard or keep both, for a recovery copy found on opening.
    case recovery
    /// Read-only, take over or quit, when another editor holds the journey.
    case locked
    /// The conflicts a merge resolved by keeping your side, listed for reading.
    case mergeConflicts
}

/// One answer to a question: the key that gives it and its text.
public struct ConfirmChoice: Hashable, Sendable {
    public var key: Character
    public var label: String
    public var value: String

    public init(_ key: Character, _ label: String, _ value: String) {
        self.key = key
        self.label = label
        self.value = value
    }
}

/// A question with a few answers; Esc (and Ctrl-C) give the safe answer, `safe`: the one
/// that loses nothing and writes nothing (cancel unless the question says otherwise).
public struct Confirm: Hashable, Sendable {
    public var message: String
    public var choices: [ConfirmChoice]
    public var purpose: ConfirmPurpose
    /// The value Esc answers with.
    public var safe: String

    public init(_ message: String, choices: [ConfirmChoice], purpose: ConfirmPurpose, safe: String = "cancel") {
        self.message = message
        self.choices = choices
        self.purpose = purpose
        self.safe = safe
    }

    /// "(Esc: open read-only)": what Esc does, shown with the answers.
    public var escapeHint: String {
        let label = choices.first { $0.value == safe }?.label ?? "cancel"
        return safe == "cancel" ? "(Esc cancels)" : "(Esc: \(label))"
    }

    public static func yesNo(_ message: String, purpose: ConfirmPurpose) -> Confirm {
        Confirm(message, choices: [ConfirmChoice("y", "yes", "yes"), ConfirmChoice("n", "no", "cancel")], purpose: purpose)
    }
}
