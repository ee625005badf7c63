import Foundation
import JourneyKit
import JourneyTUI

/// The run loop: draw, read an event, update, carry out the effects.
enum EditorSession {
    /// Runs the editor until it quits; returns the final state.
    static func run(_ initial: EditorState, on terminal: Terminal, keeping keeper: Safekeeping) -> EditorState {
        var s = initial
        let (w, h) = terminal.size
        _ = Editor.update(&s, .resize(width: w, height: h))
        keeper.observe(s)
        while true {
            terminal.draw(Renderer.render(s))
            if handle(&s, terminal.nextEvent(), terminal: terminal, keeper: keeper) { return s }
        }
    }

    /// One event through update, its effects and the keeper; nil is a tick (no input for
    /// a moment). Returns true when the editor quits.
    static func handle(_ s: inout EditorState, _ event: Event?, terminal: Terminal, keeper: Safekeeping) -> Bool {
        guard let event else {
            _ = Editor.update(&s, .idle)
            keeper.after(&s, tick: true)
            return false
        }
        // Every key first checks the lock: an editor that lost it is read-only before the key acts.
        keeper.checkLock(&s)
        if event == .terminate || event == .interrupt {
            // A signal: the edits go to the recovery copy before anything else.
            keeper.bySignal = event == .terminate
            keeper.writeCopy(&s)
        }
        var queue = [event]
        var answeredOffer = false
        while !queue.isEmpty {
            let e = queue.removeFirst()
            for effect in Editor.update(&s, e) {
                switch effect {
                case .quit:
                    keeper.end(&s)
                    return true
                case .redraw:
                    terminal.redraw()
                case .save(let path):
                    queue.append(save(&s, to: path, keeper: keeper, force: false))
                case .overwrite(let path):
                    queue.append(save(&s, to: path, keeper: keeper, force: true))
                case .reload(let path):
                    queue.append(reload(path, keeper: keeper))
                case .merge(let path):
                    queue.append(merge(&s, path, keeper: keeper))
                case .recovery(let choice):
                    queue.append(keeper.answerOffer(choice))
                    answeredOffer = true
                case .takeLock:
                    queue.append(takeLock(s, keeper: keeper))
                case .openExternalEditor(let text):
                    terminal.suspend()
                    let result = ExternalEditor.edit(text)
                    terminal.resume()
                    queue.append(.externalEditFinished(text: result.text, error: result.error))
                }
            }
            keeper.observe(s)
        }
        // The next recovery copy's question, once the last one is answered.
        if answeredOffer { keeper.askNextOffer(&s) }
        keeper.after(&s, tick: false)
        return false
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
