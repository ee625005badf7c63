import JourneyKit
@testable import JourneyTUI
import XCTest

/// A terminal in memory: scripted events in, every drawn screen out. When the script
/// runs out it ends the session with `.terminate` (counted in `ranOut`).
final class MemoryTerminal: Terminal {
    var size: (width: Int, height: Int)
    var events: [Event]
    private(set) var screens: [Grid] = []
    private(set) var redraws = 0
    private(set) var suspended = 0
    private(set) var ranOut = false
    /// How many events were read.
    private(set) var read = 0

    init(width: Int = 100, height: Int = 30, events: [Event]) {
        size = (width, height)
        self.events = events
    }

    /// Keys, one event each.
    convenience init(width: Int = 100, height: Int = 30, keys: [Key]) {
        self.init(width: width, height: height, events: keys.map { .key($0) })
    }

    func nextEvent() -> Event? {
        guard !events.isEmpty else {
            ranOut = true
            return .terminate
        }
        read += 1
        let e = events.removeFirst()
        // `.idle` in the script stands for a moment with no input.
        return e == .idle ? nil : e
    }

    func draw(_ grid: Grid) { screens.append(grid) }
    func redraw() { redraws += 1 }
    func suspend() { suspended += 1 }
    func resume() {}

    /// The last screen as text lines, trailing spaces removed.
    var screen: [String] { screens.last?.trimmedLines ?? [] }
}

/// The outside world in memory: a file system double (path to text), the canonical
/// save with the changed-on-disk check, and a scripted `$EDITOR`.
final class MemoryHost: SessionHost {
    var files: [String: String] = [:]
    /// The text of each file as the editor last read or wrote it.
    var known: [String: String] = [:]
    private(set) var effects: [Effect] = []
    private(set) var ended: (bySignal: Bool, dirty: Bool)?
    private(set) var signals = 0
    /// What `$EDITOR` turns the text into.
    var externalEdit: (String) -> String? = { $0 }

    init(files: [String: String] = [:]) {
        self.files = files
        known = files
    }

    func observe(_ state: inout EditorState) {}
    func idle(_ state: inout EditorState) -> String? { nil }
    /// The date idle ticks carry into the editor.
    var day = JourneyDate.today()
    func today() -> String { day }
    func signalled(_ state: inout EditorState) { signals += 1 }
    func end(_ state: inout EditorState, bySignal: Bool) { ended = (bySignal, state.isDirty) }
    /// The fields `$EDITOR` was asked to edit.
    private(set) var externalFields: [String] = []

    func editExternally(_ text: String, field: String) -> (text: String?, error: String?) {
        externalFields.append(field)
        guard let out = externalEdit(text) else { return (nil, "The editor failed") }
        return (out == text ? nil : out, nil)
    }

    func perform(_ effect: Effect, on state: inout EditorState) -> Event? {
        effects.append(effect)
        switch effect {
        case .save(let path), .overwrite(let path):
            let isNew = state.savedVersion == nil
            if isNew && files[path] != nil { return .saved(path: path, error: "\(path) already exists; choose another name (s asks again)") }
            if case .save = effect, !isNew, files[path] != known[path] { return .saveConflict(path: path) }
            let text = String(decoding: JourneyCodec.encode(state.journey), as: UTF8.self)
            files[path] = text
            known[path] = text
            return .saved(path: path, error: nil)
        case .reload(let path):
            guard let text = files[path], let doc = try? JourneyCodec.decode(Array(text.utf8), file: path) else {
                return .notice("Cannot reload", isError: true)
            }
            known[path] = text
            return .loaded(journey: doc.journey, message: "Reloaded \(path) from disk (u brings your edits back)", asSaved: true)
        case .merge, .recovery, .takeLock, .quit, .redraw, .openExternalEditor:
            return nil
        }
    }

    /// The journey in a file, decoded.
    func journey(_ path: String) -> Journey? {
        files[path].flatMap { try? JourneyCodec.decode(Array($0.utf8), file: path).journey }
    }
}

/// Runs a session on the sample journey (saved at /tmp/coffee.json in `host`).
@discardableResult
func runSession(_ terminal: MemoryTerminal, host: MemoryHost = MemoryHost(), state: EditorState? = nil) -> EditorState {
    let path = "/tmp/coffee.json"
    if host.files[path] == nil {
        let text = String(decoding: JourneyCodec.encode(Sample.journey()), as: UTF8.self)
        host.files[path] = text
        host.known[path] = text
    }
    let s = state ?? EditorState(journey: Sample.journey(), path: path, width: terminal.size.width, height: terminal.size.height)
    return Session.run(s, on: terminal, host: host)
}
