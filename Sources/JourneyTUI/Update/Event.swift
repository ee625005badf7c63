import JourneyKit

/// Something that happened: the only input `update` receives.
public enum Event: Hashable, Sendable {
    case key(Key)
    /// The terminal has a new size (columns, rows).
    case resize(width: Int, height: Int)
    /// A mouse click at a cell.
    case click(x: Int, y: Int)
    /// A second click on the same cell soon after the first (the driver tells them apart).
    case doubleClick(x: Int, y: Int)
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
    /// A save found the file changed on disk since it was read or saved: nothing was written.
    case saveConflict(path: String)
    /// A journey read for the user: reloaded from disk (`asSaved`) or restored from the
    /// recovery copy (unsaved).
    case loaded(journey: Journey, message: String, asSaved: Bool)
    /// Something the driver did that the user should read.
    case notice(String, isError: Bool)
    /// No input for a moment: work deferred from the keystroke path (the lint of a
    /// large journey) is done now.
    case idle
}

/// What `update` asks the driver to do.
public enum Effect: Hashable, Sendable {
    /// Write the journey to `path` canonically, then send `Event.saved`.
    case save(path: String)
    /// Leave the editor.
    case quit
    /// Clear and repaint the whole screen.
    case redraw
    /// Suspend the screen, edit `text` in `$EDITOR` (in a file named after `field`), then
    /// send `Event.externalEditFinished`.
    case openExternalEditor(text: String, field: String)
    /// Save to `path` even though it changed on disk, then send `Event.saved`.
    case overwrite(path: String)
    /// Read `path` again, then send `Event.loaded` (or `Event.notice` on failure).
    case reload(path: String)
    /// Merge the file on disk into the journey (three-way, from the version last read or
    /// saved), then send `Event.loaded` unsaved (or `Event.notice` on failure).
    case merge(path: String)
    /// Act on the recovery copy, then send `Event.loaded` or `Event.notice`.
    case recovery(RecoveryChoice)
    /// Take over the lock another editor holds, then send `Event.notice`.
    case takeLock
}

/// What to do with a recovery copy found on opening a journey.
public enum RecoveryChoice: Hashable, Sendable {
    /// Load its edits into the editor (unsaved).
    case restore
    /// Delete it.
    case discard
    /// Write it next to the journey as NAME.recovered.json and delete it.
    case keepBoth
    /// Leave it for the next time the journey is opened.
    case later
}
