import JourneyKit

/// The cohorts panel: a table of cohorts with their assigned models.
enum CohortsPanel {
    static func draw(_ g: inout Grid, _ s: EditorState, _ layout: Layout, _ glyphs: Glyphs) {
        let r = layout.content
        let cohorts = s.journey.cohorts
        TableWidget.draw(&g, r, heads: ["Cohort", "Model", "Advice", "Level", "Size", "Value/user"],
                         widths: [max(12, r.width - 68), 24, 12, 10, 10, 12], count: cohorts.count, scroll: s.cohortScroll, selected: s.cohort,
                         empty: "No cohorts yet: press a to add one (new visitors, first-time buyers, loyal repeat customers...)", glyphs) { i in
            let c = cohorts[i]
            return [c.name, Choices.label(c.model, .model, in: s.journey), advice(Recommender.recommend(c, in: s.journey), s.journey, glyphs),
                    c.level?.title ?? "", c.size.map(String.init) ?? "", c.valuePerUser.map(Forms.formatNumber) ?? ""]
        }
    }

    /// The advice column: the recommended model's badge, and whether the cohort already has it.
    static func advice(_ r: Recommendation, _ j: Journey, _ glyphs: Glyphs) -> String {
        let badge = Choices.badge(r.model, in: j) + r.layers.map { "+" + Choices.badge($0, in: j) }.joined()
        return r.agrees ? "\(glyphs.tick) \(badge)" : "\(glyphs.arrow) \(badge)"
    }
}
