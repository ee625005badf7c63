import JourneyKit

/// The cohorts panel: a table of cohorts with their assigned models.
enum CohortsPanel {
    static func draw(_ g: inout Grid, _ s: EditorState, _ layout: Layout, _ glyphs: Glyphs) {
        let r = layout.content
        let cohorts = s.journey.cohorts
        // The name takes what the fixed columns leave, up to its longest entry; the model gets the rest.
        let fixed = [11, 9, 10, 12]
        let room = r.width - 1 - fixed.reduce(0, +)
        let longest = cohorts.map { TerminalText.width(TerminalText.singleLine($0.name)) }.max() ?? 0
        let name = max(12, min(longest + 1, room * 3 / 5))
        TableWidget.draw(&g, r, heads: ["Cohort", "Model", "Advice", "Level", "Size", "Value/user"],
                         widths: [name, max(12, room - name)] + fixed, count: cohorts.count, scroll: s.cohortScroll, selected: s.cohort,
                         empty: "No cohorts yet: press a to add one (new visitors, first-time buyers, loyal repeat customers...)", glyphs) { i in
            let c = cohorts[i]
            return [c.name, Choices.label(c.model, .model, in: s.journey), advice(Recommender.recommend(c, in: s.journey), s.journey, glyphs),
                    c.level?.title ?? "", size(c), value(c, s.journey)]
        }
    }

    /// The cohort's size with thousands separators.
    static func size(_ c: Cohort) -> String { c.size.map { CostModel.grouped(Double($0)) } ?? "" }

    /// The value per user with the journey's currency (separators for whole amounts).
    static func value(_ c: Cohort, _ j: Journey) -> String {
        guard let v = c.valuePerUser else { return "" }
        let costs = CostModel(j)
        return v == v.rounded() ? costs.money(v) : "\(costs.currency) \(Forms.formatNumber(v))"
    }

    /// The advice column: the recommended model's badge, and whether the cohort already has it.
    static func advice(_ r: Recommendation, _ j: Journey, _ glyphs: Glyphs) -> String {
        let badge = Choices.badge(r.model, in: j) + r.layers.map { "+" + Choices.badge($0, in: j) }.joined()
        return r.agrees ? "\(glyphs.tick) \(badge)" : "\(glyphs.arrow) \(badge)"
    }
}
