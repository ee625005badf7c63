import JourneyKit

/// What the run loop needs from a terminal: the curses driver provides it, and an
/// in-memory terminal stands in for it in tests.
public protocol Terminal: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// The next event, or nil when nothing came before a short timeout.
    func nextEvent() -> Event?
    func draw(_ grid: Grid)
    func redraw()
    func suspend()
    func resume()
}

/// What the run loop needs from the world outside the editor: the files, the recovery
/// copy, the lock and `$EDITOR`. The executable provides it on the real file system.
/// The state is passed `inout`: the host may say something (a message, read-only after
/// its lock was taken over, a title-bar marker, a question).
public protocol SessionHost: AnyObject {
    /// An event is about to be handled (the host checks its lock here).
    func willHandle(_ event: Event, _ state: inout EditorState)
    /// The state after each event (an edit schedules the recovery copy).
    func observe(_ state: inout EditorState)
    /// No input for a moment: deferred work; returns a problem to show, if any.
    func idle(_ state: inout EditorState) -> String?
    /// Today's date (`YYYY-MM-DD`, UTC), read on every idle tick so a session that runs
    /// past midnight judges the review age against the new day.
    func today() -> String
    /// A signal arrived: keep the edits (the recovery copy) before anything else.
    func signalled(_ state: inout EditorState)
    /// The session ends; `bySignal` when a signal ended it.
    func end(_ state: inout EditorState, bySignal: Bool)
    /// Carries out a file effect (save, overwrite, reload, merge, recovery, take the lock)
    /// and returns the event that reports how it went.
    func perform(_ effect: Effect, on state: inout EditorState) -> Event?
    /// Edits `text` in `$EDITOR` in a file named after `field`; the terminal is suspended meanwhile.
    func editExternally(_ text: String, field: String) -> (text: String?, error: String?)
}

extension SessionHost {
    public func willHandle(_ event: Event, _ state: inout EditorState) {}
}

/// The run loop: draw, read an event, update, carry out the effects.
public enum Session {
    /// Runs the editor until it quits; returns the final state.
    public static func run(_ initial: EditorState, on terminal: Terminal, host: SessionHost) -> EditorState {
        var s = initial
        let (w, h) = terminal.size
        _ = Editor.update(&s, .resize(width: w, height: h))
        var bySignal = false
        host.observe(&s)
        while true {
            terminal.draw(Renderer.render(s))
            if step(&s, terminal.nextEvent(), on: terminal, host: host, bySignal: &bySignal) { return s }
        }
    }

    /// One event through update, its effects and the host; nil is no input for a moment.
    /// Returns true when the editor quits. `bySignal` notes a SIGTERM on the way.
    public static func step(_ s: inout EditorState, _ event: Event?, on terminal: Terminal, host: SessionHost,
                            bySignal: inout Bool) -> Bool {
        guard let event else {
            _ = Editor.tick(&s, today: host.today())
            if let problem = host.idle(&s) { s.message = Message(problem, isError: true) }
            return false
        }
        host.willHandle(event, &s)
        if event == .terminate || event == .interrupt {
            // A signal: the edits go to the recovery copy before anything else.
            bySignal = event == .terminate
            host.signalled(&s)
        }
        var queue = [event]
        while !queue.isEmpty {
            let e = queue.removeFirst()
            for effect in Editor.update(&s, e) {
                switch effect {
                case .quit:
                    host.end(&s, bySignal: bySignal)
                    return true
                case .redraw:
                    terminal.redraw()
                case .openExternalEditor(let text, let field):
                    terminal.suspend()
                    let result = host.editExternally(text, field: field)
                    terminal.resume()
                    queue.append(.externalEditFinished(text: result.text, error: result.error))
                case .save, .overwrite, .reload, .merge, .recovery, .takeLock:
                    if let reply = host.perform(effect, on: &s) { queue.append(reply) }
                }
            }
            host.observe(&s)
        }
        return false
    }
}
