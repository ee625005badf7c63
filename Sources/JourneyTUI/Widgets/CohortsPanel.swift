import JourneyKit

/// The cohorts panel: a table of cohorts with their assigned models.
enum CohortsPanel {
    static func draw(_ g: inout Grid, _ s: EditorState, _ layout: Layout, _ glyphs: Glyphs) {
        let r = layout.content
        let cohorts = s.journey.cohorts
        let widths = [max(12, r.width - 68), 24, 12, 10, 10, 12]
        let heads = ["Cohort", "Model", "Advice", "Level", "Size", "Value/user"]
        let right = r.x + r.width
        var x = r.x + 1
        for (h, w) in zip(heads, widths) where x < right {
            g.putClipped(h, x: x, y: r.y, width: min(w - 1, right - x), role: .stageHeader, bold: true, glyphs: glyphs)
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
            let cells = [c.name, Choices.label(c.model, .model, in: s.journey), advice(Recommender.recommend(c, in: s.journey), s.journey, glyphs),
                         c.level?.title ?? "", c.size.map(String.init) ?? "", c.valuePerUser.map(Forms.formatNumber) ?? ""]
            var x = r.x + 1
            for (text, w) in zip(cells, widths) where x < right {
                g.putClipped(text, x: x, y: y, width: min(w - 1, right - x), role: role, reverse: selected, glyphs: glyphs)
                x += w
            }
        }
    }

    /// The advice column: the recommended model's badge, and whether the cohort already has it.
    static func advice(_ r: Recommendation, _ j: Journey, _ glyphs: Glyphs) -> String {
        let badge = Choices.badge(r.model, in: j) + r.layers.map { "+" + Choices.badge($0, in: j) }.joined()
        return r.agrees ? "\(glyphs.tick) \(badge)" : "\(glyphs.arrow) \(badge)"
    }
}
