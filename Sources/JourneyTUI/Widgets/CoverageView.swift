import JourneyKit

/// The coverage grid drawn in place of the board's cards (c toggles it).
enum CoverageView {
    static func draw(_ g: inout Grid, _ s: EditorState, axis: Coverage.Axis, _ layout: Layout, _ glyphs: Glyphs) {
        let r = layout.content
        let what = axis == .model ? "engagement model" : "cohort"
        g.putClipped("Coverage: touchpoints per stage and \(what) (c: \(axis == .model ? "by cohort" : "cards"), Esc: cards)",
                     x: r.x + 1, y: r.y, width: r.width - 2, role: .stageHeader, bold: true, glyphs: glyphs)
        for x in r.x..<r.x + r.width { g[x, r.y + 1] = Cell(glyphs.horizontal, role: .border) }
        // A custom model is named by the badge its cards show ([POOL]), not its id.
        let grid = Editor.coverageGrid(s, axis)
        guard !grid.rows.isEmpty, !grid.columns.isEmpty else {
            g.putClipped(axis == .cohort ? "No cohorts yet." : "No stages yet.", x: r.x + 1, y: r.y + 2, width: r.width - 2, role: .dim, glyphs: glyphs)
            return
        }
        let lines = grid.lines(width: r.width - 2, ascii: s.ascii)
        for (i, line) in lines.prefix(max(0, r.height - 2)).enumerated() {
            let role: StyleRole = i == 0 ? .stageHeader : (i <= grid.rows.count ? .normal : .dim)
            g.putClipped(line, x: r.x + 1, y: r.y + 2 + i, width: r.width - 2, role: role, glyphs: glyphs)
        }
        // The highlighted cell: its count, found as the row's token for the column.
        let row = s.coverageCell.y + 1
        guard s.panel == .board, lines.indices.contains(row), row < r.height - 2 else { return }
        if let span = cellSpan(lines[row], column: s.coverageCell.x, of: grid.columns.count) {
            for x in span where x < r.width - 2 { g[r.x + 1 + x, r.y + 2 + row].reverse = true }
        }
    }

    /// The display columns of a row line's count for `column`: the counts are the last
    /// `columns` space-separated tokens of the line.
    static func cellSpan(_ line: String, column: Int, of columns: Int) -> Range<Int>? {
        var tokens: [Range<Int>] = []
        var col = 0, start: Int?
        for ch in line {
            if ch == " " {
                if let s = start { tokens.append(s..<col) }
                start = nil
            } else if start == nil {
                start = col
            }
            col += TerminalText.width(of: ch)
        }
        if let s = start { tokens.append(s..<col) }
        guard tokens.count >= columns, column < columns else { return nil }
        return tokens[tokens.count - columns + column]
    }
}
