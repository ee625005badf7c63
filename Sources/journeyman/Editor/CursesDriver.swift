@preconcurrency import CNCursesW
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JourneyKit
import JourneyTUI

/// Why the terminal could not be opened (exit 74).
struct TerminalError: Error {
    let message: String
}

/// Signals that arrived since the last look, set by the handlers.
nonisolated(unsafe) private var pendingTerminate: sig_atomic_t = 0
nonisolated(unsafe) private var pendingInterrupt: sig_atomic_t = 0
nonisolated(unsafe) private var cursesActive: sig_atomic_t = 0

/// The only code that talks to ncurses: opens the terminal, reads keys, mouse and
/// resizes as events, and copies grids to the screen, writing only changed cells.
final class CursesDriver: Terminal {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: Grid?
    /// The last click, to tell a double click (the same cell within 0.4 s).
    private var lastClick: (x: Int, y: Int, at: Double)?
    private var attributes: [StyleRole: (attr_t, Int16)] = [:]
    /// The signal that ended the session, if one did.
    private(set) var terminatingSignal: Int32 = 0
    /// False when the locale is not UTF-8: draw with ASCII.
    let utf8: Bool

    /// Opens the terminal named by TERM on stdin/stdout.
    init(theme: Theme) throws(TerminalError) {
        setlocale(LC_ALL, "")
        utf8 = cnc_locale_is_utf8() != 0
        CursesDriver.installSignalHandlers()
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard let out = fdopen(1, "w"), let input = fdopen(0, "r"), let scr = newterm(nil, out, input) else {
            throw TerminalError(message: "journeyman: cannot use the terminal type '\(TerminalText.escaped(term))' (it is not in the terminfo database); set TERM to your terminal, e.g. TERM=xterm-256color")
        }
        screen = scr
        set_term(scr)
        guard cnc_has_cursor_addressing() != 0 else {
            endwin()
            delscreen(scr)
            throw TerminalError(message: "journeyman: the terminal type '\(TerminalText.escaped(term))' cannot move the cursor, so the full-screen editor cannot run; use a terminal such as xterm-256color, or the commands (validate, fmt, ...)")
        }
        window = cnc_stdscr()
        cursesActive = 1
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        wtimeout(window, 250)
        mousemask(cnc_button1_pressed() | cnc_button4_pressed() | cnc_button5_pressed(), nil)
        mouseinterval(0)
        setUpColours(theme)
    }

    /// A click, or a double click when it repeats the last one soon on the same cell.
    private func click(x: Int, y: Int) -> Event {
        let at = OS.monotonicSeconds()
        if let last = lastClick, last.x == x, last.y == y, at - last.at < 0.4 {
            lastClick = nil
            return .doubleClick(x: x, y: y)
        }
        lastClick = (x, y, at)
        return .click(x: x, y: y)
    }

    private func setUpColours(_ theme: Theme) {
        var useColour = has_colors() && !StyleRole.allCases.allSatisfy { theme.style($0).isMonochrome }
        var defaultsOK = false
        if useColour {
            useColour = start_color() != ERR
            defaultsOK = use_default_colors() != ERR
        }
        for (i, role) in StyleRole.allCases.enumerated() {
            let style = theme.style(role)
            var attr = attr_t(cnc_a_normal())
            if style.bold { attr |= attr_t(cnc_a_bold()) }
            if style.reverse { attr |= attr_t(cnc_a_reverse()) }
            if style.underline { attr |= attr_t(cnc_a_underline()) }
            if style.dim { attr |= attr_t(cnc_a_dim()) }
            var pair: Int16 = 0
            if useColour, i + 1 < cnc_color_pairs() {
                func colour(_ c: ThemeColor, _ fallback: Int16) -> Int16 {
                    switch c {
                    case .terminalDefault: return defaultsOK ? -1 : fallback
                    case .index(let n): return n < cnc_colors() ? Int16(n) : (defaultsOK ? -1 : fallback)
                    }
                }
                pair = Int16(i + 1)
                init_pair(pair, colour(style.foreground, 7), colour(style.background, 0))
            }
            attributes[role] = (attr, pair)
        }
    }

    var size: (width: Int, height: Int) { (Int(getmaxx(window)), Int(getmaxy(window))) }

    /// Waits for the next event; nil when nothing came (a timeout or a signal handled elsewhere).
    func nextEvent() -> Event? {
        if pendingTerminate != 0 {
            terminatingSignal = Int32(pendingTerminate)
            pendingTerminate = 0
            return .terminate
        }
        if pendingInterrupt != 0 {
            pendingInterrupt = 0
            return .interrupt
        }
        var ch: wint_t = 0
        let rc = wget_wch(window, &ch)
        if rc == KEY_CODE_YES { return functionKey(Int32(ch)) }
        if rc == OK { return character(UInt32(ch)) }
        return nil
    }

    private func character(_ c: UInt32) -> Event? {
        switch c {
        case 27: return .key(.escape)
        case 10, 13: return .key(.enter)
        case 9: return .key(.tab)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(c + 96)!)))
        case 0, 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(c) else { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    private func functionKey(_ code: Int32) -> Event? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_SR: return .key(.shiftUp)
        case KEY_SF: return .key(.shiftDown)
        case KEY_SLEFT: return .key(.shiftLeft)
        case KEY_SRIGHT: return .key(.shiftRight)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_RESIZE:
            previous = nil
            let (w, h) = size
            return .resize(width: w, height: h)
        case KEY_MOUSE:
            var m = MEVENT()
            guard getmouse(&m) == OK else { return nil }
            if m.bstate & cnc_button4_pressed() != 0 { return .wheel(-1) }
            if m.bstate & cnc_button5_pressed() != 0 { return .wheel(1) }
            if m.bstate & cnc_button1_pressed() != 0 { return click(x: Int(m.x), y: Int(m.y)) }
            return nil
        default:
            // xterm-style shifted arrows that terminfo names kUP / kDN.
            guard let name = keyname(code).map({ String(cString: $0) }) else { return nil }
            switch name {
            case "kUP": return .key(.shiftUp)
            case "kDN": return .key(.shiftDown)
            case "kLFT": return .key(.shiftLeft)
            case "kRIT": return .key(.shiftRight)
            default: return nil
            }
        }
    }

    /// Copies the grid to the screen, writing only the cells that changed since the last draw.
    func draw(_ grid: Grid) {
        let old = previous.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        if old == nil { werase(window) }
        var buffer: [wchar_t] = []
        buffer.reserveCapacity(grid.width)
        let cells = grid.cells, before = old?.cells ?? []
        let w = grid.width
        for y in 0..<grid.height {
            let row = y * w
            // A row that did not change costs one comparison of plain values per cell.
            if !before.isEmpty && Grid.sameCells(before, cells, from: row, count: w) { continue }
            var x = 0
            while x < w {
                if !before.isEmpty, before[row + x] == cells[row + x] {
                    x += 1
                    continue
                }
                var start = x
                if cells[row + start].isEmpty && start > 0 { start -= 1 }
                let style = cells[row + start]
                buffer.removeAll(keepingCapacity: true)
                var end = start
                while end < w {
                    let cell = cells[row + end]
                    if end > start && !cell.hasStyle(of: style) { break }
                    if end > x, !before.isEmpty, before[row + end] == cell, !cell.isEmpty { break }
                    cell.forEachScalar { buffer.append(wchar_t(bitPattern: $0)) }
                    end += 1
                }
                let (attr, pair) = attributes[style.role] ?? (attr_t(cnc_a_normal()), 0)
                var a = attr
                if style.reverse { a |= attr_t(cnc_a_reverse()) }
                if style.bold { a |= attr_t(cnc_a_bold()) }
                buffer.append(0)
                _ = cnc_put(window, Int32(y), Int32(start), buffer, Int32(buffer.count - 1), a, pair)
                x = max(end, x + 1)
            }
        }
        if let c = grid.cursor {
            curs_set(1)
            wmove(window, Int32(c.y), Int32(c.x))
        } else {
            curs_set(0)
        }
        wrefresh(window)
        previous = grid
    }

    /// Ctrl-L: repaints the whole screen from scratch.
    func redraw() {
        previous = nil
        clearok(window, true)
    }

    /// Leaves curses mode so another program can use the terminal.
    func suspend() {
        def_prog_mode()
        endwin()
    }

    /// Returns to curses mode after `suspend`.
    func resume() {
        reset_prog_mode()
        previous = nil
        clearok(window, true)
        wrefresh(window)
    }

    /// Restores the terminal for good.
    func close() {
        werase(window)
        wrefresh(window)
        endwin()
        cursesActive = 0
        delscreen(screen)
    }

    private static func installSignalHandlers() {
        OS.handle([SIGINT, SIGTERM, SIGHUP]) { sig in
            if sig == SIGINT { pendingInterrupt = 1 } else { pendingTerminate = sig_atomic_t(sig) }
        }
        // A crash restores the terminal, then takes its default action.
        OS.handle([SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE], once: true) { sig in
            if cursesActive != 0 { endwin() }
            raise(sig)
        }
    }
}
