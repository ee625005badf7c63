extension Scenario {
    /// The recommendations as a scenario named `name`: one override per cohort whose recommended
    /// model or layers differ from its own (a custom model based on the recommended one agrees).
    /// The id is the name's slug, or the id of the journey's scenario already called that.
    public static func recommended(_ recommendations: [Recommendation], in journey: Journey, name: String) -> Scenario {
        let id = journey.scenario(named: name)?.id ?? Slug.make(from: name, fallback: "scenario")
        let cohorts = Dictionary(journey.cohorts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var overrides: [CohortOverride] = []
        for r in recommendations {
            guard let c = cohorts[r.cohort] else { continue }
            let model = r.agrees ? nil : r.model
            let layers = Set(r.layers) == Set(c.layers) ? nil : r.layers
            if model != nil || layers != nil { overrides.append(CohortOverride(cohort: r.cohort, model: model, layers: layers)) }
        }
        return Scenario(id: id, name: name, description: "The engagement models journeyman recommend advises, per cohort.", cohorts: overrides)
    }
}

extension Journey {
    /// The journey with this scenario in place of the one with its id, or added after the others.
    public func saving(_ scenario: Scenario) -> Journey {
        var j = self
        if let i = j.scenarios.firstIndex(where: { $0.id == scenario.id }) { j.scenarios[i] = scenario } else { j.scenarios.append(scenario) }
        return j
    }
}
