/// Rules about the scenarios kept in the journey: what they refer to, and what they cost.
extension LintRule {
    static let scenarioRules: [LintRule] = [
        LintRule(
            "JM036", .error, "Scenario refers to an item the journey does not have",
            reason: Mistake.scenarioReference,
            fix: "Point the override at a cohort, stage or model id the journey has (see `journeyman summary`), or remove it."
        ) { cx in
            let cohorts = Set(cx.journey.cohorts.map(\.id)), stages = Set(cx.journey.stages.map(\.id))
            let models = Set(cx.journey.models.map(\.id))
            func known(_ model: String) -> Bool { EngagementModel.named(model) != nil || models.contains(model) }
            var hits: [Hit] = []
            for (i, s) in cx.journey.scenarios.enumerated() {
                let path = JSONPath.root.key("scenarios").index(i)
                let name = cx.quoted(s.name)
                for (k, o) in s.cohorts.enumerated() {
                    let at = path.key("cohorts").index(k)
                    if !cohorts.contains(o.cohort) {
                        hits.append(Hit(at.key("cohort"), "Scenario \(name) overrides cohort \(cx.quoted(o.cohort)), which the journey does not have."))
                    }
                    if let m = o.model, !known(m) {
                        hits.append(Hit(at.key("model"), "Scenario \(name) gives cohort \(cx.quoted(o.cohort)) the model \(cx.quoted(m)), which is neither built in nor defined in the journey."))
                    }
                    for (n, layer) in (o.layers ?? []).enumerated() where !known(layer) {
                        hits.append(Hit(at.key("layers").index(n), "Scenario \(name) layers \(cx.quoted(layer)) over cohort \(cx.quoted(o.cohort)), which is neither built in nor defined in the journey."))
                    }
                }
                for (k, o) in s.stages.enumerated() where !stages.contains(o.stage) {
                    hits.append(Hit(path.key("stages").index(k).key("stage"), "Scenario \(name) overrides stage \(cx.quoted(o.stage)), which the journey does not have."))
                }
                for model in s.costs.keys.sorted() where !known(model) {
                    hits.append(Hit(path.key("costs").key(model), "Scenario \(name) sets a cost for \(cx.quoted(model)), which is neither built in nor defined in the journey."))
                }
            }
            return hits
        },
        LintRule(
            "JM037", .warning, "Scenario costs more than the team's budget",
            reason: Mistake.scenarioOverBudget,
            fix: "Move the scenario's lowest-value cohorts to cheaper models, or give the scenario the team and budget it needs (its \"team\")."
        ) { cx in
            cx.journey.scenarios.enumerated().compactMap { i, s in
                let applied = s.apply(to: cx.journey)
                guard let budget = applied.team?.budget, budget.isFinite else { return nil }
                let cost = CostReport(applied).totalCost
                guard cost > budget + 1e-9 else { return nil }
                let money = CostModel(applied)
                return Hit(JSONPath.root.key("scenarios").index(i),
                           "Scenario \(cx.quoted(s.name)) costs \(money.money(cost)) a year to serve; the team's budget is \(money.money(budget)): over by \(money.money(cost - budget)).")
            }
        },
    ]
}

extension Mistake {
    static let scenarioReference = "A scenario is a to-be kept beside the as-is; an override of a cohort, stage or model the journey does not have changes nothing, so the to-be the team reviews is not the one it believes."
    static let scenarioOverBudget = "Team capacity and budget (the fourth question): a to-be the team cannot fund is a fantasy, however good its margin looks."
}
