import JourneyKit

/// The models panel: the team's own engagement models, with the built-in one each is based on.
enum ModelsPanel {
    static func draw(_ g: inout Grid, _ s: EditorState, _ layout: Layout, _ glyphs: Glyphs) {
        let r = layout.content
        let models = s.journey.models
        let widths = [max(14, r.width - 1 - 36), 24, 12]
        var x = r.x + 1
        for (h, w) in zip(["Model", "Based on", "Used by"], widths) {
            g.putClipped(h, x: x, y: r.y, width: w - 1, role: .stageHeader, bold: true, glyphs: glyphs)
            x += w
        }
        for xx in r.x..<r.x + r.width { g[xx, r.y + 1] = Cell(glyphs.horizontal, role: .border) }
        if models.isEmpty {
            g.putClipped("No models of your own: press a to add one (transactional, value-added, proactive...); the seven built-in models are always there",
                         x: r.x + 1, y: r.y + 2, width: r.width - 2, role: .dim, glyphs: glyphs)
            return
        }
        for row in 0..<layout.cohortRows {
            let i = s.modelScroll + row
            guard i < models.count else { break }
            let m = models[i], y = r.y + 2 + row
            let selected = i == s.model
            let role: StyleRole = selected ? .selectedCard : .card
            if selected { g.fill(x: r.x, y: y, width: r.width, height: 1, with: Cell(" ", role: role, reverse: true)) }
            let cells = [m.name, Choices.label(m.basedOn, .builtInModel, in: s.journey), String(s.modelUsage[m.id] ?? 0)]
            var x = r.x + 1
            for (text, w) in zip(cells, widths) {
                g.putClipped(text, x: x, y: y, width: min(w - 1, r.x + r.width - x), role: role, reverse: selected, glyphs: glyphs)
                x += w
            }
        }
    }
}
