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
            "JM037", .warning, "Scenario over the team's capacity: its budget or its hours",
            reason: Mistake.scenarioOverBudget,
            fix: "Move the scenario's lowest-value cohorts to cheaper or more automated models, or give the scenario the team it needs (its \"team\": people, hoursPerPerson, budget)."
        ) { cx in
            cx.journey.scenarios.enumerated().flatMap { i, s -> [Hit] in
                let applied = s.apply(to: cx.journey)
                let money = CostModel(applied), team = applied.teamNumbers
                let at = JSONPath.root.key("scenarios").index(i)
                var hits: [Hit] = []
                if let budget = applied.team?.budget, budget.isFinite {
                    let cost = CostReport(applied).totalCost
                    if cost > budget + 1e-9 {
                        hits.append(Hit(at, "Scenario \(cx.quoted(s.name)) costs \(money.money(cost)) a year to serve; the team's budget is \(money.money(budget)): over by \(money.money(cost - budget))."))
                    }
                }
                // The hours as recommend and JM024 count them: size x minutes of the model and layers.
                if let capacity = team.capacityHours, capacity.isFinite {
                    let hours = money.cohortHours
                    if hours > capacity + 1e-9 {
                        hits.append(Hit(at, "Scenario \(cx.quoted(s.name)) needs \(CostModel.grouped(hours)) hours of people's time a year (\(Decision.fte(team.fte(hours))) FTE); the team has \(CostModel.grouped(capacity)) (\(CostModel.grouped(team.people ?? 0)) x \(CostModel.grouped(team.hoursPerPerson)) hours): over by \(CostModel.grouped(hours - capacity)) hours (\(Decision.fte(team.fte(hours - capacity))) FTE)."))
                    }
                }
                return hits
            }
        },
    ]
}

extension Mistake {
    static let scenarioReference = "A scenario is a to-be kept beside the as-is; an override of a cohort, stage or model the journey does not have changes nothing, so the to-be the team reviews is not the one it believes."
    static let scenarioOverBudget = "Team capacity and budget (the fourth question): a to-be the team cannot fund or staff is a fantasy, however good its margin looks."
}
