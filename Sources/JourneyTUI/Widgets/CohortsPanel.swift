import JourneyKit

/// The cohorts panel: a table of cohorts with their assigned models.
enum CohortsPanel {
    static func draw(_ g: inout Grid, _ s: EditorState, _ layout: Layout, _ glyphs: Glyphs) {
        let r = layout.content
        let cohorts = s.journey.cohorts
        // The name takes what the other columns leave; columns that do not fit are dropped from the right.
        var widths = [0, 24, 10, 10, 12]
        while widths.count > 1 && widths.dropFirst().reduce(0, +) + 16 > r.width - 1 { widths.removeLast() }
        widths[0] = r.width - 1 - widths.dropFirst().reduce(0, +)
        let heads = Array(["Cohort", "Model", "Level", "Size", "Value/user"].prefix(widths.count))
        var x = r.x + 1
        for (h, w) in zip(heads, widths) {
            g.putClipped(h, x: x, y: r.y, width: w - 1, role: .stageHeader, bold: true, glyphs: glyphs)
            x += w
        }
        for xx in r.x..<r.x + r.width { g[xx, r.y + 1] = Cell(glyphs.horizontal, role: .border) }
        if cohorts.isEmpty {
            g.putClipped("No cohorts yet: press a to add one (new visitors, first-time buyers, loyal repeat customers...)",
                         x: r.x + 1, y: r.y + 2, width: r.width - 2, role: .dim, glyphs: glyphs)
            return
        }
        for row in 0..<layout.cohortRows {
            let i = s.cohortScroll + row
            guard i < cohorts.count else { break }
            let c = cohorts[i], y = r.y + 2 + row
            let selected = i == s.cohort
            let role: StyleRole = selected ? .selectedCard : .card
            if selected { g.fill(x: r.x, y: y, width: r.width, height: 1, with: Cell(" ", role: role, reverse: true)) }
            let cells = [c.name, Choices.label(c.model, .model, in: s.journey), c.level?.title ?? "",
                         c.size.map(String.init) ?? "", c.valuePerUser.map(Forms.formatNumber) ?? ""]
            var x = r.x + 1
            for (text, w) in zip(cells, widths) {
                g.putClipped(text, x: x, y: y, width: w - 1, role: role, reverse: selected, glyphs: glyphs)
                x += w
            }
        }
    }
}
