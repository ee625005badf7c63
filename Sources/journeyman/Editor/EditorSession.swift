import Foundation
import JourneyKit
import JourneyTUI

/// The editor's world on the real file system: saves, reloads, the recovery copy and
/// the lock (through Safekeeping), and `$EDITOR`. The run loop is `Session.run`.
final class EditorSession: SessionHost {
    let keeper: Safekeeping

    init(keeper: Safekeeping) { self.keeper = keeper }

    /// Runs the editor until it quits; returns the final state.
    static func run(_ initial: EditorState, on terminal: Terminal, keeping keeper: Safekeeping) -> EditorState {
        Session.run(initial, on: terminal, host: EditorSession(keeper: keeper))
    }

    func observe(_ state: EditorState) { keeper.observe(state) }
    func idle(_ state: EditorState) -> String? { keeper.tick(state) }
    func signalled(_ state: EditorState) { keeper.writeCopy(state) }
    func end(_ state: EditorState, bySignal: Bool) { keeper.end(state, bySignal: bySignal) }
    func editExternally(_ text: String) -> (text: String?, error: String?) {
        let result = ExternalEditor.edit(text)
        return (result.text, result.error)
    }

    func perform(_ effect: Effect, on s: EditorState) -> Event? {
        switch effect {
        case .save(let path): EditorSession.save(s, to: path, keeper: keeper, force: false)
        case .overwrite(let path): EditorSession.save(s, to: path, keeper: keeper, force: true)
        case .reload(let path): EditorSession.reload(path, keeper: keeper)
        case .recovery(let choice): EditorSession.recover(choice, keeper: keeper)
        case .takeLock: EditorSession.takeLock(s, keeper: keeper)
        case .quit, .redraw, .openExternalEditor: nil
        }
    }

    /// Writes the journey canonically. A file that appeared since the editor started a
    /// new journey is never overwritten, nor (without `force`) one that changed on disk
    /// since it was read; a failed save writes the recovery copy.
    static func save(_ s: EditorState, to path: String, keeper: Safekeeping, force: Bool) -> Event {
        let isNew = s.savedVersion == nil
        if isNew && FileManager.default.fileExists(atPath: path) {
            return .saved(path: path, error: "\(TerminalText.singleLine(path)) already exists; choose another name (s asks again)")
        }
        if !force && !isNew && keeper.changedOnDisk(path) {
            return .saveConflict(path: path)
        }
        let bytes = JourneyCodec.encode(s.journey)
        do {
            try AtomicFile.write(bytes, to: path, replacing: !isNew)
            keeper.saved(bytes, to: path, ownsCopy: !s.readOnly)
            return .saved(path: path, error: nil)
        } catch {
            // The editor already names the file; the message says why and where the edits are.
            let kept = keeper.writeCopy(s) == nil ? "; edits kept (recovery copy written)" : "; edits kept in the editor only"
            let reason = error.diagnostics.map(\.message).joined(separator: "; ").replacingOccurrences(of: "; the file was not changed", with: "")
            return .saved(path: path, error: TerminalText.singleLine(reason) + kept)
        }
    }

    /// Reads the journey again from disk, dropping the edits (they stay undoable).
    static func reload(_ path: String, keeper: Safekeeping) -> Event {
        do {
            let bytes = try AtomicFile.read(path)
            let doc = try JourneyCodec.decode(bytes, file: path)
            keeper.saved(bytes, to: path)
            return .loaded(journey: doc.journey, message: "Reloaded \(TerminalText.singleLine(path)) from disk (u brings your edits back)", asSaved: true)
        } catch {
            return .notice("Cannot reload: " + TerminalText.singleLine(error.lines.first ?? ""), isError: true)
        }
    }

    static func recover(_ choice: RecoveryChoice, keeper: Safekeeping) -> Event {
        guard let recovery = keeper.recovery, let copy = recovery.pending() else {
            return .notice("The recovery copy is gone", isError: true)
        }
        switch choice {
        case .restore:
            return .loaded(journey: copy.journey, message: "Restored the unsaved edits: s saves them", asSaved: false)
        case .discard:
            recovery.discard()
            return .notice("Discarded the recovery copy", isError: false)
        case .keepBoth:
            do {
                let path = try recovery.keepBoth(copy)
                return .notice("The recovered edits are in \(TerminalText.singleLine(path))", isError: false)
            } catch {
                return .notice("Not kept: " + TerminalText.singleLine(error.lines.first ?? ""), isError: true)
            }
        }
    }

    static func takeLock(_ s: EditorState, keeper: Safekeeping) -> Event {
        guard let path = s.path else { return .notice("No file to lock", isError: true) }
        switch LockFile.acquire(for: path, force: true) {
        case .acquired(let lock, _):
            keeper.lock = lock
            return .notice("You now hold the lock on \(TerminalText.singleLine(path))", isError: false)
        case .held(let owner):
            return .notice("Still held by \(owner.description)", isError: true)
        case .unavailable(let reason):
            return .notice(reason, isError: true)
        }
    }
}
