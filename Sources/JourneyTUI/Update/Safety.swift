import JourneyKit

/// The questions and events that keep edits safe: a file changed on disk, a recovery
/// copy found on opening, a journey another editor holds. Esc gives each one's safe
/// answer: cancel the save; keep the recovery copy for later; open read-only.
extension Confirm {
    /// Asked when a save finds the file changed on disk since it was read or saved (or
    /// the edits go back to a version older than one reloaded or merged since).
    public static func saveConflict(path: String) -> Confirm {
        Confirm("\(TerminalText.singleLine(path)) changed on disk since you opened it. Overwrite it with your version?", choices: [
            ConfirmChoice("m", "merge", .merge), ConfirmChoice("o", "overwrite", .overwrite),
            ConfirmChoice("r", "reload (drops your edits)", .reload),
            ConfirmChoice("a", "save as", .saveAs), ConfirmChoice("c", "cancel", .cancel),
        ], purpose: .saveConflict(path: path))
    }

    /// Asked on opening when a recovery copy written at `saved` (already formatted) holds unsaved edits.
    public static func recovery(saved: String) -> Confirm {
        Confirm("Unsaved edits from \(TerminalText.singleLine(saved)) were recovered. Restore them?", choices: [
            ConfirmChoice("r", "restore", .restore), ConfirmChoice("d", "discard", .discard),
            ConfirmChoice("k", "keep both", .keepBoth), ConfirmChoice("l", "later (keep the copy)", .later),
        ], purpose: .recovery, escape: .later)
    }

    /// Asked on opening when another editor holds the journey.
    public static func locked(owner: String) -> Confirm {
        Confirm("Another editor has this journey open (\(TerminalText.singleLine(owner))).", choices: [
            ConfirmChoice("r", "open read-only", .readOnly), ConfirmChoice("t", "take over", .takeOver),
            ConfirmChoice("q", "quit", .quit),
        ], purpose: .locked, escape: .readOnly)
    }

    /// Shown after a merge that found conflicts: each kept your side; the journey is unsaved.
    public static func mergeConflicts(_ lines: [String]) -> Confirm {
        let list = lines.prefix(8).map { "• " + TerminalText.singleLine($0) }.joined(separator: " ")
        let more = lines.count > 8 ? " … and \(lines.count - 8) more" : ""
        return Confirm("Merged with \(lines.count) conflict\(lines.count == 1 ? "" : "s"); your side was kept in each, nothing is saved yet: \(list)\(more)", choices: [
            ConfirmChoice("o", "ok (u undoes the merge)", .ok),
        ], purpose: .mergeConflicts, escape: .ok)
    }
}

extension Editor {
    static func safety(_ s: inout EditorState, _ event: Event) -> [Effect] {
        switch event {
        case .saveConflict(let path):
            s.quitAfterSave = false
            s.overlays.append(.confirm(.saveConflict(path: path)))
        case .loaded(let journey, let message, let asSaved):
            if !s.hasJourney {
                // A recovered new journey replaces the framework picker.
                s.overlays.removeAll()
                s.hasJourney = true
            }
            edit(&s, asSaved ? "reload from disk" : "restore the recovery copy") { $0 = journey }
            if asSaved { s.savedVersion = s.history.version }
            s.message = Message(message)
            clampSelection(&s)
            ensureVisible(&s)
        case .notice(let text, let isError):
            s.message = Message(text, isError: isError)
        default:
            break
        }
        return []
    }

    static func answerSafety(_ s: inout EditorState, _ purpose: ConfirmPurpose, _ answer: ConfirmAnswer) -> [Effect] {
        switch (purpose, answer) {
        case (.saveConflict(let path), .overwrite): return [.overwrite(path: path)]
        case (.saveConflict(let path), .reload): return [.reload(path: path)]
        case (.saveConflict(let path), .merge): return [.merge(path: path)]
        case (.saveConflict, .saveAs):
            s.overlays.append(.form(Forms.saveAs(thenQuit: false)))
        case (.recovery, .restore): return [.recovery(.restore)]
        case (.recovery, .discard): return [.recovery(.discard)]
        case (.recovery, .keepBoth): return [.recovery(.keepBoth)]
        case (.recovery, .later): return [.recovery(.later)]
        case (.locked, .readOnly):
            s.readOnly = true
            s.message = Message(EditorState.readOnlyRefusal)
        case (.locked, .takeOver): return [.takeLock]
        case (.locked, .quit): return [.quit]
        default: break
        }
        return []
    }
}
