/// How forecast text is laid out, and what it is of.
public struct ForecastTextOptions: Hashable, Sendable {
    /// No line is wider than this many terminal cells (at least `minimumWidth` is used).
    public var width: Int
    /// Pure 7-bit ASCII: `#` bars, journey text folded with `ReviewText.ascii`.
    public var ascii: Bool
    /// The day the horizon starts, `YYYY-MM-DD`; when given, the heading names the horizon's dates.
    public var start: String?

    public init(width: Int = 80, ascii: Bool = false, start: String? = nil) {
        self.width = width
        self.ascii = ascii
        self.start = start
    }

    /// The narrowest width forecast text is laid out for.
    public static let minimumWidth = 20
    /// The widest: a wider width lays out as this many cells (the bars would only grow).
    public static let maximumWidth = 1000
}

/// A forecast as terminal text: the leak first, a funnel chart, then the stages and the cohorts
/// in tables, and what was assumed. Money is in whole units of the journey's currency.
public struct ForecastText {
    let options: ForecastTextOptions
    let width: Int

    public init(_ options: ForecastTextOptions) {
        self.options = options
        width = min(max(options.width, ForecastTextOptions.minimumWidth), ForecastTextOptions.maximumWidth)
    }

    /// One forecast. `scope` names what it covers (e.g. `cohort "Loyal"`), `scenario` the name of the
    /// scenario applied; both are journey text, made safe here.
    public func render(_ f: Forecast, journey: Journey, scope: String? = nil, scenario: String? = nil) -> String {
        var lines = heading(f, journey: journey, scope: scope)
        if let scenario { lines += wrap("As the scenario \(quoted(text(scenario))) makes it.") }
        lines += wrap("Biggest leak: " + leakText(f.leak))
        lines += wrap(valueStageText(f))
        lines.append("")
        lines += funnel(f)
        lines.append("")
        lines += table(["Stage", "Entering", "Lost", "Drop-off", "Revenue", "Cost", "Margin"],
                       f.stages.map { s in [text(s.name), n(s.entering), n(s.lost), pct(s.dropOff), n(s.revenue), n(s.cost), n(s.margin)] }
                           + [["Total", n(f.entering), n(Forecast.sum(f.stages.map(\.lost))), pct(f.entering > 0 ? Forecast.sum(f.stages.map(\.lost)) / f.entering * 100 : 0),
                               n(f.revenue), n(f.cost), n(f.margin)]])
        if !f.cohorts.isEmpty {
            lines.append("")
            lines += table(["Cohort", "Entering", "Reaching last", "Revenue", "Cost", "Margin"],
                           f.cohorts.map { c in [text(c.name), n(c.entering), n(c.reachingLast), n(c.revenue), n(c.cost), n(c.margin)] })
            lines += costAgainstRevenue(f)
            lines.append("")
            lines += wrap("Biggest leak per cohort:")
            for c in f.cohorts { lines += wrap(text(c.name) + ": " + leakText(c.leak), first: "  ", rest: "    ") }
        }
        lines += notes(f.notes)
        return finish(lines)
    }

    /// The forecast as-is beside the forecast as a scenario makes it, with the changes.
    public func compare(_ asIs: Forecast, _ toBe: Forecast, journey: Journey, scenario: String, scope: String? = nil) -> String {
        var lines = heading(asIs, journey: journey, scope: scope)
        lines += wrap("As-is beside the scenario \(quoted(text(scenario))); changes are to-be minus as-is.")
        lines += wrap("Biggest leak as-is: " + leakText(asIs.leak))
        lines += wrap("Biggest leak to-be: " + leakText(toBe.leak))
        lines.append("")
        let measures: [(String, KeyPath<Forecast, Double>)] = [
            ("Entering", \.entering), ("Reaching last", \.reachingLast), ("Revenue", \.revenue), ("Cost", \.cost), ("Margin", \.margin),
        ]
        lines += table(["Total", "As-is", "To-be", "Change"],
                       measures.map { [$0.0, n(asIs[keyPath: $0.1]), n(toBe[keyPath: $0.1]), delta(asIs[keyPath: $0.1], toBe[keyPath: $0.1])] })
        lines.append("")
        let pairs = zip(asIs.stages, toBe.stages)
        lines += table(["Stage", "Entering", "Change", "Lost", "Change", "Margin", "Change"],
                       pairs.map { a, b in [text(b.name), n(b.entering), delta(a.entering, b.entering), n(b.lost), delta(a.lost, b.lost),
                                            n(b.margin), delta(a.margin, b.margin)] })
        if !toBe.cohorts.isEmpty {
            lines.append("")
            let before = Dictionary(asIs.cohorts.map { ($0.cohort, $0) }, uniquingKeysWith: { a, _ in a })
            lines += table(["Cohort", "Cost", "Change", "Margin", "Change"], toBe.cohorts.map { c in
                let a = before[c.cohort]
                return [text(c.name), n(c.cost), delta(a?.cost ?? 0, c.cost), n(c.margin), delta(a?.margin ?? 0, c.margin)]
            })
        }
        lines += notes(toBe.notes)
        return finish(lines)
    }

    // MARK: parts

    func heading(_ f: Forecast, journey: Journey, scope: String?) -> [String] {
        var horizon = "\(f.horizonMonths) month\(f.horizonMonths == 1 ? "" : "s")"
        if let start = options.start, let end = ForecastText.adding(months: f.horizonMonths, to: start) {
            horizon += " from \(start) to \(end)"
        }
        return wrap("Forecast of \(quoted(text(journey.title))): \(horizon), \(scope.map(text) ?? "all cohorts"), money in \(text(f.currency))")
    }

    func valueStageText(_ f: Forecast) -> String {
        guard let i = f.valueStage, i < f.stages.count else { return "No stages: nothing is earned." }
        let why: String
        switch f.valueRule {
        case .marked: why = "marked earnsValue"
        case .level: why = "the first stage at level Active or later"
        case .last: why = "the last stage: none is marked earnsValue or at level Active or later"
        }
        return "Value is earned at \(text(f.stages[i].name)) (\(why))."
    }

    func leakText(_ leak: Forecast.Leak?) -> String {
        guard let leak else { return "none (nobody is lost)." }
        let who = "\(n(leak.lost)) customer\(leak.lost.rounded() == 1 ? "" : "s") lost"
        return "\(text(leak.name)), \(who)" + (leak.value > 0 ? ", \(n(leak.value)) of value." : ".")
    }

    /// Customers entering each stage as bars, scaled to the largest (the chart `summary` shows too).
    func funnel(_ f: Forecast) -> [String] {
        let lines = wrap("Funnel: customers entering each stage")
        let bars = BarChart(width: width, ascii: options.ascii).lines(f.stages.map { BarChart.Row(label: text($0.name), figure: n($0.entering), value: $0.entering) })
        return lines + (bars.isEmpty ? wrap("  nobody enters.") : bars)
    }

    /// Each cohort's cost to serve against its revenue as bars on one scale (the chart `summary`
    /// draws for cost against value); nothing when no cohort has either.
    func costAgainstRevenue(_ f: Forecast) -> [String] {
        let chart = BarChart(width: width, ascii: options.ascii)
        let drawn = chart.comparison(f.cohorts.map { c in
            BarChart.Pair(label: text(c.name), first: c.cost, second: c.revenue, figure: c.revenue > 0 ? NumberText.share(c.cost / c.revenue) : "-")
        })
        guard !drawn.isEmpty, let top = f.cohorts.map({ max($0.cost, $0.revenue) }).max() else { return [] }
        return [""] + wrap(chart.comparisonLegend(first: "cost", second: "revenue", longest: n(top))) + drawn
    }

    func notes(_ notes: [String]) -> [String] {
        guard !notes.isEmpty else { return [] }
        return [""] + wrap("Assumed:") + notes.flatMap { wrap(text($0), first: "- ", rest: "  ") }
    }

    /// A table: the first column text, left-aligned and cut to fit; the others right-aligned. When
    /// the columns leave the first fewer than 6 cells, each row is written as a name and its figures.
    func table(_ header: [String], _ rows: [[String]]) -> [String] {
        let all = [header] + rows
        let figureWidths = (1..<header.count).map { c in all.map { TerminalText.width($0[c]) }.max() ?? 0 }
        let nameWidest = all.map { TerminalText.width($0[0]) }.max() ?? 0
        let nameWidth = min(nameWidest, width - figureWidths.reduce(0, +) - 2 * figureWidths.count)
        guard nameWidth >= min(6, nameWidest) else {
            return rows.flatMap { row in
                [TextWrap.truncate(row[0], width: width)]
                    + wrap((1..<header.count).map { header[$0].lowercased() + " " + row[$0] }.joined(separator: ", "), first: "  ", rest: "  ")
            }
        }
        return all.map { row in
            var line = TextWrap.pad(TextWrap.truncate(row[0], width: nameWidth), to: nameWidth)
            for c in 1..<header.count { line += "  " + TextWrap.padLeft(row[c], to: figureWidths[c - 1]) }
            return line
        }
    }

    /// Lines joined, trailing spaces dropped and each held to the width.
    func finish(_ lines: [String]) -> String {
        lines.map { TextWrap.truncate($0.trimmingTrailingSpaces(), width: width) }.joined(separator: "\n") + "\n"
    }

    func wrap(_ s: String, first: String = "", rest: String = "  ") -> [String] {
        TextWrap.wrap(s, width: width, first: first, rest: rest)
    }

    /// Journey text made safe for a terminal, folded to ASCII when asked.
    func text(_ s: String) -> String {
        let safe = ReviewText.terminal(s)
        return options.ascii ? ReviewText.ascii(safe) : safe
    }

    func quoted(_ s: String) -> String { "\"" + s + "\"" }

    /// A whole number with separators, rounded from the 2 decimals the JSON gives (so 937.5 shows as 938).
    func n(_ x: Double) -> String { CostModel.grouped(ForecastData.rounded(x)) }

    func pct(_ p: Double) -> String { Forecast.percent(p) + "%" }

    /// A change written with its sign: `+1,200`, `-35`, `0`.
    func delta(_ a: Double, _ b: Double) -> String {
        let d = ForecastData.rounded(Forecast.finite(b - a)).rounded()
        return d > 0 ? "+" + n(d) : n(d == 0 ? 0 : d)
    }

    /// The day `months` after a `YYYY-MM-DD` date, the day of month held to the month's length.
    public static func adding(months: Int, to date: String) -> String? {
        guard JourneyDate.isValid(date), (0...12_000).contains(months) else { return nil }
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let total = parts[0] * 12 + (parts[1] - 1) + months
        let y = total / 12, m = total % 12 + 1
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        let d = min(parts[2], days)
        guard y <= 9999 else { return nil }
        return String(y).leftPadded(4) + "-" + String(m).leftPadded(2) + "-" + String(d).leftPadded(2)
    }
}

extension String {
    /// The string with zeros in front up to `count` characters.
    func leftPadded(_ count: Int) -> String { self.count >= count ? self : String(repeating: "0", count: count - self.count) + self }
}
