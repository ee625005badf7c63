/// What a question's answer does.
public enum ConfirmPurpose: Hashable, Sendable {
    /// Save, discard or cancel before quitting.
    case quit
    case deleteStage(id: String)
    case deleteCohort(id: String)
    case deleteModel(id: String)
    case deleteScenario(id: String)
    /// Overwrite, reload or save as, when the file changed on disk.
    case saveConflict(path: String)
    /// Restore, discard or keep both, for a recovery copy found on opening.
    case recovery
    /// Read-only, take over or quit, when another editor holds the journey.
    case locked
    /// Delete the marked cards.
    case deleteMarked
    /// Keep editing or discard, on Esc in a form with changes.
    case discardForm
    /// Keep editing or discard, on Esc in a KPI list (or another list of a form) with changes.
    case discardKPIs
    /// The conflicts a merge resolved by keeping your side, listed for reading.
    case mergeConflicts
    /// Change the framework to a built-in one (the question lists what maps, is added and is kept).
    case changeFramework(id: String)
}

/// Every answer a question can have. The purpose of the question gives it its effect.
public enum ConfirmAnswer: Hashable, Sendable {
    case yes, cancel
    case save, discard
    case overwrite, reload, saveAs, merge
    case restore, keepBoth, later
    case ok
    case readOnly, takeOver, quit
    case keepEditing
    /// Apply, and make the framework custom.
    case custom
}

/// One answer to a question: the key that gives it, its text and the answer it means.
public struct ConfirmChoice: Hashable, Sendable {
    public var key: Character
    public var label: String
    public var answer: ConfirmAnswer

    public init(_ key: Character, _ label: String, _ answer: ConfirmAnswer) {
        self.key = key
        self.label = label
        self.answer = answer
    }
}

/// What a key did to a question.
public enum ConfirmOutcome: Hashable, Sendable {
    /// Nothing: the question stays.
    case none
    /// The question is answered (and closes).
    case answered(ConfirmAnswer)
}

/// A question with a few answers; Esc gives `escape` (cancel unless said otherwise).
public struct Confirm: Hashable, Sendable {
    public var message: String
    public var choices: [ConfirmChoice]
    public var purpose: ConfirmPurpose
    /// The answer Esc gives: the safe choice.
    public var escape: ConfirmAnswer

    public init(_ message: String, choices: [ConfirmChoice], purpose: ConfirmPurpose, escape: ConfirmAnswer = .cancel) {
        self.message = message
        self.choices = choices
        self.purpose = purpose
        self.escape = escape
    }

    public static func yesNo(_ message: String, purpose: ConfirmPurpose) -> Confirm {
        Confirm(message, choices: [ConfirmChoice("y", "yes", .yes), ConfirmChoice("n", "no", .cancel)], purpose: purpose)
    }

    /// Asked on Esc in a form or KPI list with changes; Esc again keeps editing.
    public static func discardChanges(_ what: String, purpose: ConfirmPurpose) -> Confirm {
        Confirm("Discard what you changed in \(what)?", choices: [
            ConfirmChoice("k", "keep editing", .keepEditing), ConfirmChoice("d", "discard", .discard),
        ], purpose: purpose, escape: .keepEditing)
    }

    /// What the answers line says Esc does.
    public var escapeHint: String {
        if escape == .cancel { return "(Esc cancels)" }
        return "(Esc: " + (choices.first { $0.answer == escape }?.label ?? "cancel") + ")"
    }

    /// The answer a key gives: a choice's letter, or Esc (and Ctrl-C) the safe one.
    public func update(_ key: Key) -> ConfirmOutcome {
        if key == .escape || key == .ctrl("c") { return .answered(escape) }
        if case .char(let c) = key, let choice = choices.first(where: { $0.key == c }) { return .answered(choice.answer) }
        return .none
    }
}
