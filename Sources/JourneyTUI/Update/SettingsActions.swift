import JourneyKit

/// Editing the journey settings (`T`): the affordable share, the forecast horizon and the
/// decision thresholds; an empty field means the documented default.
extension Forms {
    public static func settings(_ j: Journey) -> Form {
        let s = j.settings
        return Form("Journey settings (empty: the default)", [
            number(.affordableShare, "Affordable share % (default \(CostModel.grouped(JourneySettings.defaultAffordableShare)))", s.affordableShare),
            number(.horizonMonths, "Forecast months (default \(JourneySettings.defaultHorizonMonths))", s.horizonMonths.map(Double.init)),
        ] + JourneySettings.thresholdNames.map { name in
            number(.threshold, "\(name) (default \(CostModel.grouped(DecisionThresholds.defaults[name] ?? 0)))", s.thresholds[name])
        }, target: .settings)
    }
}

extension Editor {
    /// Enter in the settings form: every value within the decoder's limits, one undoable edit.
    static func commitSettings(_ s: inout EditorState, _ values: FormValues) throws(FormProblem) {
        var settings = JourneySettings()
        settings.affordableShare = try amount(values, .affordableShare, max: JourneySettings.affordableShareRange.upperBound)
        if let i = values.index(.horizonMonths), let months = try amount(values, at: i, max: Double(JourneySettings.horizonMonthsRange.upperBound)) {
            let range = JourneySettings.horizonMonthsRange
            guard months == months.rounded(), range.contains(Int(months)) else {
                throw FormProblem(field: i, message: "\(values.form.fields[i].label) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            settings.horizonMonths = Int(months)
        }
        let fields = values.form.fields.indices.filter { values.form.fields[$0].key == .threshold }
        for (name, i) in zip(JourneySettings.thresholdNames, fields) {
            settings.thresholds[name] = try amount(values, at: i, max: JourneySettings.thresholdRange.upperBound)
        }
        close(&s)
        guard settings != s.journey.settings else { return }
        let before = s.journey
        edit(&s, "edit the journey settings") { $0.settings = settings }
        let set = [settings.affordableShare.map { "affordable share \(Forms.formatNumber($0))%" },
                   settings.horizonMonths.map { "forecast \($0) months" },
                   settings.thresholds.isEmpty ? nil : "\(settings.thresholds.count) threshold\(settings.thresholds.count == 1 ? "" : "s") set"].compactMap { $0 }
        s.message = Message("Journey settings: " + (set.isEmpty ? "all defaults" : set.joined(separator: ", "))
            + adviceChanges(before, s.journey) + costChanges(before, s.journey) + " (u undoes)")
    }

    /// How the cohorts' recommendations moved: "; advice 'VIP' HVC → HIGH".
    static func adviceChanges(_ before: Journey, _ after: Journey) -> String {
        let a = Recommender.recommend(before), b = Recommender.recommend(after)
        var changed: [String] = []
        for (cohort, (old, new)) in zip(after.cohorts, zip(a, b)) where old.model != new.model || old.layers != new.layers {
            changed.append("'\(cohort.name)' \(Choices.badge(old, in: before)) → \(Choices.badge(new, in: after))")
        }
        guard !changed.isEmpty else { return "" }
        return "; advice " + changed.prefix(2).joined(separator: ", ") + (changed.count > 2 ? " and \(changed.count - 2) more" : "")
    }
}

extension Choices {
    /// A recommendation's model and layers as badges: `HIGH+AI`.
    static func badge(_ r: Recommendation, in journey: Journey) -> String {
        badge(r.model, in: journey) + r.layers.map { "+" + badge($0, in: journey) }.joined()
    }
}
