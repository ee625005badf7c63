/// Something that happened: the only input `update` receives.
public enum Event: Hashable, Sendable {
    case key(Key)
    /// The terminal has a new size (columns, rows).
    case resize(width: Int, height: Int)
    /// A mouse click at a cell.
    case click(x: Int, y: Int)
    /// The mouse wheel: negative scrolls up.
    case wheel(Int)
    /// SIGINT from outside: handled like Ctrl-C.
    case interrupt
    /// SIGTERM or SIGHUP: end now.
    case terminate
    /// The driver finished a save asked for by `Effect.save`; `error` is nil on success.
    case saved(path: String, error: String?)
    /// The external editor ended; `text` is nil when it failed or the text is unchanged.
    case externalEditFinished(text: String?, error: String?)
}

/// What `update` asks the driver to do.
public enum Effect: Hashable, Sendable {
    /// Write the journey to `path` canonically, then send `Event.saved`.
    case save(path: String)
    /// Leave the editor.
    case quit
    /// Clear and repaint the whole screen.
    case redraw
    /// Suspend the screen, edit `text` in `$EDITOR`, then send `Event.externalEditFinished`.
    case openExternalEditor(text: String)
}
