import Foundation
import JourneyKit

/// The `?` overlay: every binding of the key table, grouped by where it works.
enum HelpOverlay {
    /// The help text lines, straight from the key table, with descriptions wrapped to `width`.
    static func lines(width: Int = 200) -> [(text: String, heading: Bool)] {
        KeyReference.textLines(width: width)
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
