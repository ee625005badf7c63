import JourneyKit

/// The coverage grid drawn in place of the board's cards (c toggles it).
enum CoverageView {
    static func draw(_ g: inout Grid, _ s: EditorState, axis: Coverage.Axis, _ layout: Layout, _ glyphs: Glyphs) {
        let r = layout.content
        let what = axis == .model ? "engagement model" : "cohort"
        g.putClipped("Coverage: touchpoints per stage and \(what) (c: \(axis == .model ? "by cohort" : "cards"), Esc: cards)",
                     x: r.x + 1, y: r.y, width: r.width - 2, role: .stageHeader, bold: true, glyphs: glyphs)
        for x in r.x..<r.x + r.width { g[x, r.y + 1] = Cell(glyphs.horizontal, role: .border) }
        var grid = Coverage(s.journey, by: axis)
        // A custom model is named by the badge its cards show ([POOL]), not its id.
        for i in grid.columns.indices where axis == .model && EngagementModel.named(grid.columns[i].id) == nil {
            grid.columns[i].short = Choices.badge(grid.columns[i].id, in: s.journey)
        }
        guard !grid.rows.isEmpty, !grid.columns.isEmpty else {
            g.putClipped(axis == .cohort ? "No cohorts yet." : "No stages yet.", x: r.x + 1, y: r.y + 2, width: r.width - 2, role: .dim, glyphs: glyphs)
            return
        }
        let lines = grid.lines(width: r.width - 2, ascii: s.ascii)
        for (i, line) in lines.prefix(max(0, r.height - 2)).enumerated() {
            let role: StyleRole = i == 0 ? .stageHeader : (i <= grid.rows.count ? .normal : .dim)
            g.putClipped(line, x: r.x + 1, y: r.y + 2 + i, width: r.width - 2, role: role, glyphs: glyphs)
        }
    }
}
