/// Rules about the team in numbers: the assigned models against its hours and budget.
extension LintRule {
    static let teamRules: [LintRule] = [
        LintRule(
            "JM024", .warning, "The models need more hours than the team has",
            reason: Mistake.teamCapacity,
            fix: "Move the lowest-value cohorts to automation (see `journeyman recommend`, which fits the models to the hours), or grow the team's people or hours."
        ) { cx in
            let team = cx.decision.plan.team
            guard let capacity = team.capacityHours else { return [] }
            let hours = cx.costs.cohortHours
            guard hours > capacity + 1e-9 else { return [] }
            return [Hit(JSONPath.root.key("team"), "The cohorts' models need \(CostModel.grouped(hours)) hours of people's time a year (\(Decision.fte(team.fte(hours))) FTE); the team has \(CostModel.grouped(capacity)): over by \(CostModel.grouped(hours - capacity)) hours (\(Decision.fte(team.fte(hours - capacity))) FTE).")]
        },
        LintRule(
            "JM025", .warning, "The models cost more than the team's budget",
            reason: Mistake.teamCapacity,
            fix: "Move the lowest-value cohorts to cheaper models (see `journeyman recommend`, which fits the models to the budget), or raise the budget."
        ) { cx in
            guard let budget = cx.decision.plan.team.budget else { return [] }
            let cost = CostReport(cx.journey).totalCost
            guard cost > budget + 1e-9 else { return [] }
            return [Hit(JSONPath.root.key("team"), "The cohorts' models cost \(cx.costs.money(cost)) a year to serve; the budget is \(cx.costs.money(budget)): over by \(cx.costs.money(cost - budget)).")]
        },
    ]
}
