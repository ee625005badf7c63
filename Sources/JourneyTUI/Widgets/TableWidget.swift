import JourneyKit

/// A panel table: a heading row, a rule, then one row per item from `scroll`, the
/// selected one in reverse video. Columns past the right edge are cut.
enum TableWidget {
    static func draw(_ g: inout Grid, _ r: Rect, heads: [String], widths: [Int], count: Int, scroll: Int, selected: Int,
                     empty: String, _ glyphs: Glyphs, cells: (Int) -> [String]) {
        let right = r.x + r.width
        func row(_ texts: [String], y: Int, role: StyleRole, reverse: Bool, bold: Bool) {
            var x = r.x + 1
            for (text, w) in zip(texts, widths) where x < right {
                g.putClipped(text, x: x, y: y, width: min(w - 1, right - x), role: role, reverse: reverse, bold: bold, glyphs: glyphs)
                x += w
            }
        }
        row(heads, y: r.y, role: .stageHeader, reverse: false, bold: true)
        for xx in r.x..<right { g[xx, r.y + 1] = Cell(glyphs.horizontal, role: .border) }
        if count == 0 {
            g.putClipped(empty, x: r.x + 1, y: r.y + 2, width: r.width - 2, role: .dim, glyphs: glyphs)
            return
        }
        for line in 0..<max(0, r.height - 2) {
            let i = scroll + line
            guard i < count else { break }
            let y = r.y + 2 + line, on = i == selected
            let role: StyleRole = on ? .selectedCard : .card
            if on { g.fill(x: r.x, y: y, width: r.width, height: 1, with: Cell(" ", role: role, reverse: true)) }
            row(cells(i), y: y, role: role, reverse: on, bold: false)
        }
    }
}
