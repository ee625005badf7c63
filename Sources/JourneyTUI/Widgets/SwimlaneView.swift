import JourneyKit

/// The swimlane view: a row per cohort (or model), a column per stage, the cards (one
/// line each) in the cells. A card of two cohorts shows in both lanes.
enum SwimlaneView {
    static func draw(_ g: inout Grid, _ s: EditorState, by lanes: BoardView.Lanes, _ layout: Layout, _ glyphs: Glyphs) {
        let r = layout.content
        let stages = s.journey.stages
        guard !stages.isEmpty else {
            g.put("No stages yet: press A to add one.", x: r.x + 1, y: r.y + 1, maxWidth: r.width - 1, role: .dim)
            return
        }
        let rows = s.lanes(lanes)
        let labelWidth = max(8, min(18, r.width / 5))
        let first = s.scroll.firstStage
        let count = min(layout.visibleColumns, stages.count - first)
        let columnWidth = max(4, (r.width - labelWidth) / max(1, layout.visibleColumns))
        func columnX(_ slot: Int) -> Int { r.x + labelWidth + slot * columnWidth }
        // The stage names, with the cards each shows (through the lens).
        g.putClipped(lanes == .cohort ? "Cohort" : "Model", x: r.x, y: r.y, width: labelWidth - 1, role: .dim, bold: true, glyphs: glyphs)
        for slot in 0..<count {
            let si = first + slot
            let selected = s.panel == .board && s.selection.stage == si && s.selection.isHeader
            let title = "\(stages[si].name) (\(s.lens?.dim == false ? s.matchingCount(si) : stages[si].touchpoints.count))"
            g.putClipped(title, x: columnX(slot) + 1, y: r.y, width: columnWidth - 2, role: selected ? .selectedCard : .stageHeader,
                         reverse: selected, bold: true, glyphs: glyphs)
        }
        for x in r.x..<r.x + r.width { g[x, r.y + 1] = Cell(glyphs.horizontal, role: .border) }
        var y = r.y + 2
        let bottom = r.y + r.height
        // Each visible stage's cards by lane (derived once per journey, lens and view: BoardIndex).
        let buckets = (0..<count).map { s.laneCards(first + $0, by: lanes) }
        for (index, lane) in rows.enumerated() {
            guard y < bottom else {
                g.putClipped("\(glyphs.moreDown) \(rows.count - index) more lanes", x: r.x, y: bottom - 1, width: r.width, role: .warning, glyphs: glyphs)
                break
            }
            let cells = (0..<count).map { buckets[$0].indices.contains(index) ? buckets[$0][index] : [] }
            let height = max(1, cells.map(\.count).max() ?? 1)
            let room = min(height, bottom - y)
            g.putClipped(lane.name, x: r.x, y: y, width: labelWidth - 1, role: .stageHeader, bold: true, glyphs: glyphs)
            for slot in 0..<count {
                let si = first + slot
                for x in [columnX(slot)] { for yy in y..<y + room { g.put(glyphs.vertical, x: x, y: yy, role: .border) } }
                for (row, ti) in cells[slot].prefix(room).enumerated() {
                    let selected = s.panel == .board && s.selection.stage == si && s.selection.card == ti
                    let rect = Rect(x: columnX(slot) + 1, y: y + row, width: columnWidth - 1, height: 1)
                    if s.isDimmed(si, ti) && !selected {
                        g.putClipped(stages[si].touchpoints[ti].name, x: rect.x + 1, y: rect.y, width: rect.width - 2, role: .dim, glyphs: glyphs)
                    } else {
                        if selected { g.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, with: Cell(" ", role: .selectedCard, reverse: true)) }
                        CardWidget.drawCompact(&g, s, stages[si].touchpoints[ti], rect, selected: selected, glyphs, mark: s.lintMarks[si]?[ti])
                    }
                }
                if cells[slot].count > room {
                    g.putClipped("\(glyphs.moreDown) \(cells[slot].count - room + 1) more", x: columnX(slot) + 2, y: y + room - 1, width: columnWidth - 3,
                                 role: .warning, glyphs: glyphs)
                }
            }
            y += room
            if y < bottom {
                for x in r.x..<r.x + r.width { g[x, y] = Cell(glyphs.horizontal, role: .dim) }
                y += 1
            }
        }
        if first > 0 { g.put(glyphs.moreLeft, x: r.x + labelWidth - 1, y: r.y, role: .warning) }
        if first + count < stages.count { g.put(glyphs.moreRight, x: r.x + r.width - 1, y: r.y, role: .warning) }
    }
}
