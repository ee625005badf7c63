import Foundation
import JourneyKit

/// The `?` overlay: every binding of the key table, grouped by where it works.
enum HelpOverlay {
    /// The help text lines, straight from the key table, with descriptions wrapped to `width`.
    static func lines(width: Int = 200) -> [(text: String, heading: Bool)] {
        var out: [(String, Bool)] = []
        func row(_ keys: String, _ text: String) {
            let prefix = "  " + keys.padding(toLength: max(18, keys.count), withPad: " ", startingAt: 0) + "  "
            let wrapped = TextWrap.wrap(text, width: max(20, width - prefix.count))
            for (i, line) in wrapped.enumerated() {
                out.append(((i == 0 ? prefix : String(repeating: " ", count: prefix.count)) + line, false))
            }
        }
        for context in KeyContext.allCases {
            let bindings = KeyTable.bindings.filter { $0.contexts.contains(context) }
            guard !bindings.isEmpty else { continue }
            if !out.isEmpty { out.append(("", false)) }
            out.append((context.title, true))
            for b in bindings { row(b.keys.isEmpty ? "(letter)" : b.keyLabel, b.help) }
            switch context {
            case .board:
                row("(mouse)", "Click a card or a stage header to select it, double-click to edit it; click a panel name in the title bar to switch to it; the wheel moves the selection, and scrolls pickers, lists and this help")
                row("(status bar)", "The keys that work now; at the right the lint counts: E errors, W warnings, i info (in words when there is room)")
            case .cohorts, .models:
                row("(mouse)", "Click a row to select it, double-click to edit it")
            case .form: row("(other keys)", "Type text; on a picker field, typing opens the picker filtered")
            case .picker: row("(other keys)", "Type to filter the list")
            default: break
            }
        }
        return out
    }

    /// The width the help text wraps to in a terminal this wide.
    static func textWidth(_ terminalWidth: Int) -> Int { terminalWidth - 8 }

    /// Draws the help in a box inside `area`.
    static func draw(_ g: inout Grid, _ help: Help, in area: Rect, _ glyphs: Glyphs) {
        let box = Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: area.height - 3)
        g.box(box, title: "Keys (Esc closes, ↑↓ scroll)", glyphs: glyphs)
        let all = lines(width: textWidth(area.width))
        let rows = box.height - 2
        let top = max(0, min(help.scroll, all.count - rows))
        for row in 0..<rows where top + row < all.count {
            let line = all[top + row]
            g.putClipped(line.text, x: box.x + 2, y: box.y + 1 + row, width: box.width - 4, role: line.heading ? .stageHeader : .overlay,
                         bold: line.heading, glyphs: glyphs)
        }
        if top > 0 { g.put(glyphs.moreUp, x: box.x + box.width - 2, y: box.y + 1, role: .warning) }
        if top + rows < all.count { g.put(glyphs.moreDown, x: box.x + box.width - 2, y: box.y + box.height - 2, role: .warning) }
    }
}
