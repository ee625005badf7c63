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
        var bySignal = false
        keeper.observe(s)
        while true {
            terminal.draw(Renderer.render(s))
            guard let event = terminal.nextEvent() else {
                _ = Editor.tick(&s, today: JourneyDate.today())
                if let problem = keeper.tick(s) { s.message = Message(problem, isError: true) }
                continue
            }
            if event == .terminate || event == .interrupt {
                // A signal: the edits go to the recovery copy before anything else.
                bySignal = event == .terminate
                keeper.writeCopy(s)
            }
            var queue = [event]
            while !queue.isEmpty {
                let e = queue.removeFirst()
                for effect in Editor.update(&s, e) {
                    switch effect {
                    case .quit:
                        keeper.end(s, bySignal: bySignal)
                        return s
                    case .redraw:
                        terminal.redraw()
                    case .save(let path):
                        queue.append(save(s, to: path, keeper: keeper, force: false))
                    case .overwrite(let path):
                        queue.append(save(s, to: path, keeper: keeper, force: true))
                    case .reload(let path):
                        queue.append(reload(path, keeper: keeper))
                    case .recovery(let choice):
                        queue.append(recover(choice, keeper: keeper))
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
