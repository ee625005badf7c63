import JourneyKit

extension Editor {
    /// Keys of the Forecast panel: the rows are the cohorts (the cohorts panel's selection).
    static func forecastAction(_ s: inout EditorState, _ action: Action) -> [Effect] {
        switch action {
        case .moveUp, .moveDown, .first, .last, .pageUp, .pageDown:
            s.cohort = listRow(s.cohort, action, count: s.journey.cohorts.count, page: max(1, Layout(s).content.height / 2))
        case .edit, .assignModel:
            // The cohorts panel's form and model picker, on the cohort selected here.
            s.panel = .cohorts
            let effects = panelAction(&s, action)
            s.panel = .forecast
            return effects
        case .applyRecommendation:
            applyRecommendationShowingForecast(&s)
        default:
            return panelAction(&s, action)
        }
        return []
    }

    /// R in the Forecast panel: the cohorts panel's R (one undoable edit; in a scenario, into the
    /// scenario), with the cohort's forecast cost to serve and margin before and after.
    static func applyRecommendationShowingForecast(_ s: inout EditorState) {
        guard let c = s.selectedCohort else { return }
        let version = s.history.version
        let before = Forecast(s.journey, cohort: c.id)
        applyRecommendation(&s)
        guard s.history.version != version, s.scenarioRefusal == nil, let now = s.journey.cohorts.first(where: { $0.id == c.id }) else { return }
        let after = Forecast(s.journey, cohort: c.id)
        let money = CostModel(s.journey)
        let a = before.cohorts.first, b = after.cohorts.first
        let months = after.horizonMonths
        s.message = Message("'\(c.name)' now \(modelBadge(now.model, now.layers, in: s.journey)): cost to serve \(money.money(a?.cost ?? 0)) → \(money.money(b?.cost ?? 0)), "
                            + "margin \(money.money(a?.margin ?? 0)) → \(money.money(b?.margin ?? 0)) over \(months) month\(months == 1 ? "" : "s") (u undoes)")
    }

    /// A model and its layers as badges: `HY+AI`.
    static func modelBadge(_ model: String?, _ layers: [String], in j: Journey) -> String {
        (model.map { Choices.badge($0, in: j) } ?? "no model") + layers.map { "+" + Choices.badge($0, in: j) }.joined()
    }
}
