import Foundation
import JourneyKit

/// The `?` overlay: every binding of the key table, grouped by where it works.
enum HelpOverlay {
    /// The help text lines, straight from the key table.
    static func lines() -> [(text: String, heading: Bool)] {
        var out: [(String, Bool)] = []
        for context in KeyContext.allCases {
            let bindings = KeyTable.bindings.filter { $0.contexts.contains(context) }
            guard !bindings.isEmpty else { continue }
            if !out.isEmpty { out.append(("", false)) }
            out.append((context.title, true))
            for b in bindings {
                let keys = b.keys.isEmpty ? "(letter)" : b.keyLabel
                out.append(("  " + keys.padding(toLength: max(18, keys.count), withPad: " ", startingAt: 0) + "  " + b.help, false))
            }
            if context == .form {
                out.append(("  (other keys)".padding(toLength: 20, withPad: " ", startingAt: 0) + "  Type text; on a picker field, typing opens the picker filtered", false))
            }
            if context == .picker {
                out.append(("  (other keys)".padding(toLength: 20, withPad: " ", startingAt: 0) + "  Type to filter the list", false))
            }
        }
        return out
    }

    static func draw(_ g: inout Grid, scroll: Int, _ s: EditorState, _ glyphs: Glyphs) {
        let box = Rect(x: 2, y: 1, width: g.width - 4, height: g.height - 3)
        g.box(box, title: "Keys (Esc closes, ↑↓ scroll)", glyphs: glyphs)
        let all = lines()
        let rows = box.height - 2
        let top = max(0, min(scroll, all.count - rows))
        for row in 0..<rows where top + row < all.count {
            let line = all[top + row]
            g.putClipped(line.text, x: box.x + 2, y: box.y + 1 + row, width: box.width - 4, role: line.heading ? .stageHeader : .overlay,
                         bold: line.heading, glyphs: glyphs)
        }
        if top > 0 { g.put(glyphs.moreUp, x: box.x + box.width - 2, y: box.y + 1, role: .warning) }
        if top + rows < all.count { g.put(glyphs.moreDown, x: box.x + box.width - 2, y: box.y + box.height - 2, role: .warning) }
    }
}
