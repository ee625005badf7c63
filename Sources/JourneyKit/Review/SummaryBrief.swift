/// The brief: what a presenter says first, in at most 15 lines at 80 columns. The
/// shape of the journey, the funnel headline, money (cost to serve against value,
/// and every cohort that costs more than it is worth), the top problems (lint and
/// models that differ from the recommendation) and the review age.
public enum SummaryBrief {
    /// The most lint findings the brief names.
    public static let maxFindings = 3
    /// The facts that may take two lines (the rest take one): with the title (at most two
    /// lines) and its rule, at most 15 lines.
    public static let twoLineLabels: Set<String> = ["Shape", "Funnel", "Models"]

    /// The funnel headline from the forecast: how many of those entering reach the last
    /// stage, and the biggest leak; nil when no cohort has customers to forecast.
    public static func funnel(_ f: ForecastSummary) -> String? {
        guard f.entering > 0, let last = f.lastStageName else { return nil }
        var text = CostModel.grouped(f.reachingLast) + " of " + CostModel.grouped(f.entering) + " customers reach "
            + ReviewText.stripped(last)
        if let leak = f.leak, leak.lost > 0 {
            text += "; biggest leak at " + ReviewText.stripped(leak.name) + ": " + CostModel.grouped(leak.lost) + " lost"
            if leak.value > 0 { text += ", " + NumberText.money(leak.value, currency: f.currency) }
        }
        return text
    }

    /// The brief's facts as label and text, one line each.
    public static func lines(_ j: Journey, lint: LintReport, report: CostReport, today: String?, funnel: String? = nil) -> [(label: String, text: String)] {
        var out: [(label: String, text: String)] = []
        let touchpoints = j.stages.reduce(0) { $0 + $1.touchpoints.count }
        out.append(("Shape", ReviewText.stripped(j.framework.displayName) + ": " + [
            count(j.stages.count, "stage"), count(touchpoints, "touchpoint"), count(j.cohorts.count, "cohort"),
        ].joined(separator: ", ")))
        if let funnel {
            out.append(("Funnel", funnel))
        } else if let leak = j.stages.filter({ $0.dropOff != nil }).max(by: { $0.dropOff! < $1.dropOff! }) {
            out.append(("Funnel", "biggest drop-off at " + ReviewText.stripped(leak.name) + " (" + NumberText.percent(leak.dropOff!) + ")"))
        }
        let money = { (d: Double) in NumberText.money(d, currency: report.currency) }
        if report.cohorts.contains(where: { $0.cost != nil }) {
            var text = "cost to serve " + money(report.totalCost) + " a year against value " + money(report.totalValue)
            if report.totalValue > 0 { text += " (" + NumberText.share(report.totalCost / report.totalValue) + ")" }
            out.append(("Money", text))
            let losing = zip(j.cohorts, report.cohorts).filter { _, l in (l.cost ?? 0) > (l.value ?? .infinity) }
            out.append(("", losing.isEmpty ? "every cohort is worth more than it costs"
                        : "cost over value: " + losing.map { c, l in ReviewText.stripped(c.name) + " (" + money(l.cost ?? 0) + " vs " + money(l.value ?? 0) + ")" }.joined(separator: "; ")))
        }
        let serious = lint.findings.filter { $0.severity != .info }.sorted { $0.severity < $1.severity }
        out.append(("Problems", lint.summary + (serious.count > maxFindings ? "; the worst \(maxFindings):" : "")))
        for f in serious.prefix(maxFindings) { out.append(("", "\u{2022} \(f.severity.rawValue) \(f.rule): " + ReviewText.stripped(f.message))) }
        let differing = Recommender.recommend(j).filter { !$0.agrees && $0.current != nil }
        if !differing.isEmpty {
            out.append(("Models", differing.map { r in
                ReviewText.stripped(SummaryFacts.cohortName(r.cohort, in: j)) + ": " + ReviewText.stripped(j.modelName(r.current!))
                    + ", advised " + ReviewText.stripped(j.modelName(r.model))
            }.joined(separator: "; ")))
        }
        if let reviewed = j.lastReviewed {
            var text = ReviewText.stripped(reviewed)
            if let today, let a = dayNumber(reviewed), let b = dayNumber(today) {
                let days = b - a
                text += days == 0 ? ", today" : days > 0 ? ", \(NumberText.grouped(Double(days))) day\(days == 1 ? "" : "s") ago" : ""
            }
            out.append(("Reviewed", text))
        } else {
            out.append(("Reviewed", "never: review the model at least yearly"))
        }
        return out
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(NumberText.grouped(Double(n))) \(noun)\(n == 1 ? "" : "s")" }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` date, or nil.
    static func dayNumber(_ s: String) -> Int? {
        guard JourneyDate.isValid(s) else { return nil }
        let p = s.split(separator: "-").compactMap { Int($0) }
        var y = p[0]
        let m = p[1], d = p[2]
        y -= m <= 2 ? 1 : 0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}
