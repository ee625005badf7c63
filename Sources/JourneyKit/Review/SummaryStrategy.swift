extension SummaryExtras {
    /// The strategy engine's results for a summary: the lint counts and the worst
    /// findings (errors, then warnings, at most `maxFindings`), and the yearly cost to
    /// serve each cohort against its value, when any cohort's cost is known.
    public init(journey: Journey, lint: LintReport, maxFindings: Int = 8, today: String? = nil) {
        var highlights = [lint.summary]
        let serious = lint.findings.filter { $0.severity != .info }.sorted { $0.severity < $1.severity }
        for f in serious.prefix(maxFindings) { highlights.append("\(f.severity.rawValue) \(f.rule): \(f.message)") }
        if serious.count > maxFindings {
            highlights.append("\(serious.count - maxFindings) more errors and warnings: run `journeyman lint` for all")
        }
        let report = CostReport(journey)
        let costs = CostModel(journey)
        var table: SummaryTable? = nil
        var notes: [String] = []
        if report.cohorts.contains(where: { $0.cost != nil }) {
            let amount = { (d: Double?) in d.map(CostModel.grouped) ?? "-" }
            var rows = zip(journey.cohorts, report.cohorts).map { c, line in
                [c.name, line.size.map(SummaryFacts.grouped) ?? "-",
                 amount(line.cost), amount(line.value), SummaryExtras.share(line.costShare)]
            }
            rows.append(["Total", "", amount(report.totalCost), amount(report.totalValue),
                         SummaryExtras.share(report.totalValue > 0 ? report.totalCost / report.totalValue : nil)])
            table = SummaryTable(columns: ["Cohort", "Customers", "Cost a year", "Value a year", "Cost/value"],
                                 numeric: [false, true, true, true, true], rows: rows)
            notes.append("Amounts in \(costs.currency), the journey's currency, a year: customers x the yearly cost to serve one customer under its model and layers (the journey's \"costs\", else the defaults `journeyman recommend` lists).")
        }
        let forecast = Forecast(journey)
        self.init(lintHighlights: highlights, costToServe: table, costNotes: notes,
                  brief: SummaryBrief.lines(journey, lint: lint, report: report, today: today,
                                           funnel: SummaryBrief.funnel(forecast.summary)))
        if forecast.entering > 0 {
            funnel = forecast.stages.map { SummaryFunnelStage(name: $0.name, entering: $0.entering) }
        }
        horizonMonths = forecast.horizonMonths
        costBars = zip(journey.cohorts, report.cohorts).compactMap { c, l in
            l.cost.map { SummaryBar(name: c.name, cost: $0, value: l.value ?? 0) }
        }
        currency = report.currency
    }

    /// A cost/value share as a whole percent (`<1%` when small), or `-`.
    static func share(_ s: Double?) -> String {
        guard let s, s.isFinite else { return "-" }
        let p = s * 100
        return p > 0 && p < 1 ? "<1%" : CostModel.wholePercent(p)
    }
}
