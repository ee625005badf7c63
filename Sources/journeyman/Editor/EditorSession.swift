import Foundation
import JourneyKit
import JourneyTUI

/// The editor's world on the real file system: saves, reloads, merges, the recovery copy
/// and the lock (through Safekeeping), and `$EDITOR`. The run loop is `Session.run`.
final class EditorSession: SessionHost {
    let keeper: Safekeeping

    init(keeper: Safekeeping) { self.keeper = keeper }

    /// Runs the editor until it quits; returns the final state.
    static func run(_ initial: EditorState, on terminal: Terminal, keeping keeper: Safekeeping) -> EditorState {
        Session.run(initial, on: terminal, host: EditorSession(keeper: keeper))
    }

    /// Every key first checks the lock: an editor that lost it is read-only before the key acts.
    func willHandle(_ event: Event, _ state: inout EditorState) { keeper.checkLock(&state) }
    func observe(_ state: inout EditorState) { keeper.after(&state, tick: false) }
    func idle(_ state: inout EditorState) -> String? {
        keeper.after(&state, tick: true)
        return nil
    }
    func signalled(_ state: inout EditorState) { keeper.writeCopy(&state) }
    func end(_ state: inout EditorState, bySignal: Bool) {
        keeper.bySignal = bySignal
        keeper.end(&state)
    }
    func today() -> String { JourneyDate.today() }
    func editExternally(_ text: String, field: String) -> (text: String?, error: String?) {
        let result = ExternalEditor.edit(text, field: field)
        return (result.text, result.error)
    }

    func perform(_ effect: Effect, on s: inout EditorState) -> Event? {
        switch effect {
        case .save(let path): EditorSession.save(&s, to: path, keeper: keeper, force: false)
        case .overwrite(let path): EditorSession.save(&s, to: path, keeper: keeper, force: true)
        case .reload(let path): EditorSession.reload(path, keeper: keeper)
        case .merge(let path): EditorSession.merge(&s, path, keeper: keeper)
        case .recovery(let choice): keeper.answerOffer(choice)
        case .takeLock: EditorSession.takeLock(s, keeper: keeper)
        case .quit, .redraw, .openExternalEditor: nil
        }
    }

    /// Writes the journey canonically. A file that appeared since the editor started a
    /// new journey (or under a name other than the one opened) is never overwritten, nor
    /// (without `force`) one that changed on disk since it was read; a save never writes
    /// through a symbolic link that was not there when the file was opened; a failed
    /// save writes the recovery copy.
    static func save(_ s: inout EditorState, to path: String, keeper: Safekeeping, force: Bool) -> Event {
        let isNew = s.savedVersion == nil || !keeper.isOpenedFile(path)
        if isNew && PrivateFile.exists(path) {
            return .saved(path: path, error: "\(TerminalText.singleLine(path)) already exists; choose another name (s asks again)")
        }
        if !force && !isNew && keeper.conflict(path, version: s.history.version) {
            return .saveConflict(path: path)
        }
        let bytes = JourneyCodec.encode(s.journey)
        do {
            try AtomicFile.write(bytes, to: path, replacing: !isNew, links: keeper.linkRule(path))
            keeper.saved(s.journey, bytes: bytes, to: path, version: s.history.version)
            return .saved(path: path, error: nil)
        } catch {
            // The editor already names the file; the message says why and where the edits are.
            let kept = keeper.writeCopy(&s) ? "; edits kept (recovery copy written)" : "; edits kept in the editor only"
            let reason = error.diagnostics.map(\.message).joined(separator: "; ").replacingOccurrences(of: "; the file was not changed", with: "")
            return .saved(path: path, error: TerminalText.singleLine(reason) + kept)
        }
    }

    /// Reads the journey again from disk, dropping the edits (they stay undoable; saving
    /// an undone version over the reloaded file asks first).
    static func reload(_ path: String, keeper: Safekeeping) -> Event {
        do {
            let bytes = try AtomicFile.read(path)
            let doc = try JourneyCodec.decode(bytes, file: path)
            keeper.broughtIn(doc.journey, bytes: bytes, from: path)
            return .loaded(journey: doc.journey, message: "Reloaded \(TerminalText.singleLine(path)) from disk (u brings your edits back; saving them asks again)", asSaved: true)
        } catch {
            return .notice("Cannot reload: " + TerminalText.singleLine(error.lines.first ?? ""), isError: true)
        }
    }

    /// Merges the file on disk into the journey: base = the version this journey is based
    /// on (read at open, last saved, reloaded or merged), ours = the journey, theirs = the
    /// file. The result is unsaved; conflicts (each kept our side) are listed.
    static func merge(_ s: inout EditorState, _ path: String, keeper: Safekeeping) -> Event {
        let base = keeper.base(for: s.history.version)
        let bytes: [UInt8]
        let theirs: Journey
        do {
            bytes = try AtomicFile.read(path)
            theirs = try JourneyCodec.decode(bytes, file: path).journey
        } catch {
            return .notice("Cannot merge: " + TerminalText.singleLine(error.lines.first ?? "") + "; nothing changed", isError: true)
        }
        let result = JourneyMerge.merge(base: base, ours: s.journey, theirs: theirs)
        keeper.broughtIn(theirs, bytes: bytes, from: path)
        if !result.isClean {
            s.overlays.append(.confirm(.mergeConflicts(result.conflicts.map { "\($0.path): \($0.message)" })))
        }
        let message = result.isClean ? "Merged the changes on disk into yours: s saves the result (u undoes)"
            : "Merged with \(result.conflicts.count) conflict\(result.conflicts.count == 1 ? "" : "s") (your side kept): s saves the result (u undoes)"
        return .loaded(journey: result.journey, message: message, asSaved: false)
    }

    static func takeLock(_ s: EditorState, keeper: Safekeeping) -> Event {
        guard let path = s.path else { return .notice("No file to lock", isError: true) }
        switch LockFile.acquire(for: path, force: true, as: keeper.writer, isLive: keeper.isLive) {
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
