import JourneyKit

/// The models panel: the team's own engagement models, with the built-in one each is based on.
enum ModelsPanel {
    static func draw(_ g: inout Grid, _ s: EditorState, _ layout: Layout, _ glyphs: Glyphs) {
        let r = layout.content
        let models = s.journey.models
        TableWidget.draw(&g, r, heads: ["Model", "Based on", "Used by"], widths: [max(14, r.width - 1 - 36), 24, 12],
                         count: models.count, scroll: s.modelScroll, selected: s.model,
                         empty: "No models of your own: press a to add one (transactional, value-added, proactive...); the seven built-in models are always there",
                         glyphs) { i in
            [models[i].name, Choices.label(models[i].basedOn, .builtInModel, in: s.journey), String(s.modelUsage[models[i].id] ?? 0)]
        }
    }
}
