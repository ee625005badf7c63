/// Lays a journey summary out as terminal text no wider than the width asked for.
struct SummaryTextRenderer {
    let journey: Journey
    let width: Int
    let ascii: Bool
    let extras: SummaryExtras
    var lines: [String] = []

    /// Decoration: box drawing and bullets, or their ASCII stand-ins.
    let titleRule: String, sectionRule: String, bullet: String, sep: String, arrow: String

    init(journey: Journey, options: SummaryOptions, extras: SummaryExtras) {
        self.journey = journey
        self.width = max(options.width, SummaryOptions.minimumWidth)
        self.ascii = options.ascii
        self.extras = extras
        titleRule = ascii ? "=" : "\u{2550}"
        sectionRule = ascii ? "-" : "\u{2500}"
        bullet = ascii ? "* " : "\u{2022} "
        // A no-break space glues each separator to the fact before it, so no line starts with one.
        sep = ascii ? "\u{00A0}| " : "\u{00A0}\u{00B7} "
        arrow = ascii ? " -> " : " \u{2192} "
    }

    /// Journey (or catalog) text made safe for the terminal, and ASCII when asked.
    func t(_ s: String) -> String {
        let safe = ReviewText.terminal(s)
        return ascii ? ReviewText.ascii(safe) : safe
    }

    mutating func render() -> String {
        let j = journey
        titleBlock()
        if !extras.brief.isEmpty {
            briefLines()
            blank()
        }
        for p in ReviewText.paragraphs(j.description) { paragraph(ascii ? ReviewText.ascii(p) : p) }
        blank()

        field("Framework", t(j.framework.displayName) + (j.framework.custom ? " (custom)" : ""))
        if let why = SummaryFacts.frameworkReason(j) { field("Why it fits", t(why)) }
        if !j.owner.isEmpty { field("Owner", t(j.owner)) }
        if let d = j.lastReviewed { field("Reviewed", t(d)) }
        if let team = j.team, let s = SummaryFacts.team(team, currency: CostModel(j).currency) { field("Team", s) }
        if let m = j.maturity { field("Maturity", SummaryFacts.maturity(m)) }
        let touchpoints = j.stages.reduce(0) { $0 + $1.touchpoints.count }
        field("Size", "\(j.stages.count) stages, \(touchpoints) touchpoints, \(j.cohorts.count) cohorts")

        section("Stages")
        if j.stages.isEmpty { paragraph("No stages yet.") }
        for (i, s) in j.stages.enumerated() { stage(s, number: i + 1) }

        if !j.loops.isEmpty {
            section("Loop edges")
            for l in j.loops {
                var text = t(SummaryFacts.stageName(l.from, in: j)) + arrow + t(SummaryFacts.stageName(l.to, in: j))
                if !l.label.isEmpty { text += ": " + t(l.label) }
                item(text, indent: "")
            }
        }

        section("Cohorts")
        if j.cohorts.isEmpty { paragraph("No cohorts yet.") }
        for c in j.cohorts { cohort(c) }

        if !j.kpis.isEmpty {
            section("Journey KPIs")
            for k in j.kpis { item(SummaryFacts.kpi(k, name: t(k.name), unit: t(k.unit)), indent: "") }
        }
        if let h = j.healthScore {
            section("Health score")
            healthScore(h, heading: nil, indent: "")
        }

        if !extras.lintHighlights.isEmpty {
            section("Lint highlights")
            for h in extras.lintHighlights { item(t(h), indent: "") }
        }
        funnelChart()
        if let table = extras.costToServe {
            section("Cost to serve")
            self.table(table)
            for n in extras.costNotes { paragraph(t(n)) }
            costChart()
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The brief as a block of its own: the title, its rule, then one line per fact.
    mutating func briefBlock() {
        titleBlock()
        briefLines()
    }

    /// The title in at most two lines (cut with an ellipsis), underlined.
    mutating func titleBlock() {
        let title = t(journey.title).isEmpty ? "(untitled journey)" : t(journey.title)
        var titleLines = TextWrap.wrap(title, width: width)
        if titleLines.count > 2 {
            titleLines = [titleLines[0], TextWrap.truncate(titleLines[1...].joined(separator: " "), width: width - 1, ellipsis: "").trimmingTrailingSpaces() + (ascii ? "~" : "\u{2026}")]
        }
        lines += titleLines
        lines.append(String(repeating: titleRule, count: min(width, titleLines.map(TerminalText.width).max() ?? 1)))
    }

    /// Each brief fact on one line, label first, cut to the width.
    mutating func briefLines() {
        let labelWidth = width >= 40 ? 10 : 0
        for (label, text) in extras.brief {
            let head = labelWidth == 0 ? (label.isEmpty ? "  " : label + ": ") : TextWrap.pad(label, to: labelWidth)
            let rest = String(repeating: " ", count: labelWidth == 0 ? 2 : labelWidth)
            let most = SummaryBrief.twoLineLabels.contains(label) ? 2 : 1
            var wrapped = TextWrap.wrap(t(text), width: width, first: head, rest: rest)
            if wrapped.count > most {
                let last = wrapped[(most - 1)...].enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst(rest.count)) }.joined(separator: " ")
                wrapped = Array(wrapped.prefix(most - 1)) + [TextWrap.truncate(last, width: width - 1, ellipsis: "").trimmingTrailingSpaces() + (ascii ? "~" : "\u{2026}")]
            }
            lines += wrapped
        }
    }

    mutating func stage(_ s: Stage, number: Int) {
        var head = "\(number). " + t(s.name)
        if let l = s.level { head += sep + "level " + l.title }
        if let d = s.dropOff { head += sep + "drop-off " + SummaryFacts.number(d) + "%" }
        lines += TextWrap.wrap(head, width: width, rest: "   ")
        if !s.goal.isEmpty { lines += TextWrap.wrap(t(s.goal), width: width, first: "   Goal: ", rest: "         ") }
        if !s.kpis.isEmpty {
            let kpis = s.kpis.map { SummaryFacts.kpi($0, name: t($0.name), unit: t($0.unit)) }.joined(separator: "; ")
            lines += TextWrap.wrap(kpis, width: width, first: "   KPIs: ", rest: "         ")
        }
        // An owner every touchpoint of the stage shares is said once, for the stage.
        let owners = Set(s.touchpoints.map(\.owner))
        let sharedOwner = s.touchpoints.count > 1 && owners.count == 1 && !s.touchpoints[0].owner.isEmpty ? s.touchpoints[0].owner : nil
        if let o = sharedOwner { lines += TextWrap.wrap(t(o), width: width, first: "   Owner: ", rest: "          ") }
        if s.touchpoints.isEmpty { lines += TextWrap.wrap("(no touchpoints)", width: width, first: "   ", rest: "   ") }
        for tp in s.touchpoints {
            item(t(tp.name), indent: "   ")
            var facts: [String] = []
            facts.append(tp.channel.map { t(SummaryFacts.channelName($0)) } ?? "no channel")
            facts.append(SummaryFacts.modelWithLayers(tp.model, tp.layers, in: journey).map(t) ?? "no model")
            if sharedOwner == nil { facts.append(tp.owner.isEmpty ? "no owner" : "owner " + t(tp.owner)) }
            if let st = tp.status { facts.append(st.rawValue) }
            if let f = tp.sentiment { facts.append("feels\u{00A0}\(f)/5") }
            lines += TextWrap.wrap(facts.joined(separator: sep), width: width, first: "     ", rest: "     ")
        }
        let pains = s.touchpoints.flatMap(\.painPoints).map(t).filter { !$0.isEmpty }
        if !pains.isEmpty {
            lines += TextWrap.wrap("Pain points:", width: width, first: "   ", rest: "   ")
            for p in pains { item(p, indent: "     ") }
        }
        blank()
    }

    mutating func cohort(_ c: Cohort) {
        item(t(c.name), indent: "")
        var facts: [String] = [SummaryFacts.modelWithLayers(c.model, c.layers, in: journey).map(t) ?? "no model"]
        if let l = c.level { facts.append("level " + l.title) }
        if let n = c.size { facts.append(SummaryFacts.grouped(n) + " customers") }
        if let v = c.valuePerUser { facts.append("value " + NumberText.money(v, currency: CostModel(journey).currency) + " per customer a year") }
        lines += TextWrap.wrap(facts.joined(separator: sep), width: width, first: "  ", rest: "  ")
        if !c.routing.isEmpty {
            lines += TextWrap.wrap("Routing rules:", width: width, first: "  ", rest: "  ")
            for r in c.routing { item(SummaryFacts.routing(r, in: journey, arrow: arrow, text: t), indent: "    ") }
        }
        if let h = c.healthScore { healthScore(h, heading: "Health score (this cohort's own):", indent: "  ") }
    }

    /// A health score: its components, then its bands and where each sends a customer.
    mutating func healthScore(_ h: HealthScore, heading: String?, indent: String) {
        if let heading { lines += TextWrap.wrap(heading, width: width, first: indent, rest: indent) }
        let inner = heading == nil ? indent : indent + "  "
        if h.components.isEmpty { lines += TextWrap.wrap("No components yet.", width: width, first: inner, rest: inner) }
        for c in h.components { item(SummaryFacts.healthComponent(c, of: h, in: journey, text: t), indent: inner) }
        if !h.bands.isEmpty {
            lines += TextWrap.wrap("Bands:", width: width, first: inner, rest: inner)
            for b in h.bands { item(SummaryFacts.healthBand(b, in: journey, arrow: arrow, text: t), indent: inner + "  ") }
        }
    }

    /// Customers entering each stage, from the forecast, as bars (the chart `forecast` draws).
    mutating func funnelChart() {
        let rows = extras.funnel.map { BarChart.Row(label: t($0.name), figure: CostModel.grouped(ForecastData.rounded($0.entering)), value: $0.entering) }
        let bars = BarChart(width: width, ascii: ascii).lines(rows)
        guard !bars.isEmpty else { return }
        section("Funnel")
        paragraph("Customers entering each stage in \(extras.horizonMonths) month\(extras.horizonMonths == 1 ? "" : "s"), from the forecast (`journeyman forecast` has the figures):")
        lines += bars
    }

    /// Cost against value as bars, one line per cohort (`BarChart.comparison`), under a legend.
    mutating func costChart() {
        let bars = extras.costBars
        let chart = BarChart(width: width, ascii: ascii)
        let rows = bars.map { BarChart.Pair(label: t($0.name), first: $0.cost, second: $0.value,
                                            figure: $0.value > 0 ? NumberText.share($0.cost / $0.value) : "-") }
        let drawn = chart.comparison(rows)
        guard !drawn.isEmpty, let top = bars.map({ max($0.cost, $0.value) }).max() else { return }
        blank()
        lines += TextWrap.wrap(chart.comparisonLegend(first: "cost", second: "value", longest: t(NumberText.money(top, currency: extras.currency)) + " a year"), width: width)
        lines += drawn
    }

    /// A table with aligned columns when it fits the width, else one block per row.
    mutating func table(_ table: SummaryTable) {
        let head = table.columns.map(t)
        let rows = table.rows.map { $0.map(t) }
        var widths = head.map(TerminalText.width)
        for r in rows { for (i, cell) in r.enumerated() { widths[i] = max(widths[i], TerminalText.width(cell)) } }
        let total = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
        if total <= width {
            func line(_ cells: [String]) -> String {
                cells.enumerated().map { i, c in table.numeric[i] ? TextWrap.padLeft(c, to: widths[i]) : TextWrap.pad(c, to: widths[i]) }
                    .joined(separator: "  ").trimmingTrailingSpaces()
            }
            lines.append(line(head))
            lines.append(widths.map { String(repeating: sectionRule, count: $0) }.joined(separator: "  "))
            for r in rows { lines.append(line(r)) }
        } else {
            for r in rows {
                item(r.first ?? "", indent: "")
                for (i, cell) in r.enumerated().dropFirst() where !cell.isEmpty {
                    lines += TextWrap.wrap(head[i] + ": " + cell, width: width, first: "  ", rest: "    ")
                }
            }
        }
    }

    mutating func section(_ name: String) {
        if lines.last != "" { blank() }
        let heading = TextWrap.wrap(name, width: width)
        lines += heading
        lines.append(String(repeating: sectionRule, count: heading.map(TerminalText.width).max() ?? 1))
    }

    /// A label and value; the value wraps under itself.
    mutating func field(_ label: String, _ value: String) {
        let labelWidth = width >= 40 ? 13 : 0
        if labelWidth == 0 {
            lines += TextWrap.wrap(value, width: width, first: label + ": ", rest: "  ")
        } else {
            lines += TextWrap.wrap(value, width: width, first: TextWrap.pad(label, to: labelWidth), rest: String(repeating: " ", count: labelWidth))
        }
    }

    mutating func item(_ text: String, indent: String) {
        lines += TextWrap.wrap(text, width: width, first: indent + bullet, rest: indent + "  ")
    }

    mutating func paragraph(_ text: String) {
        lines += TextWrap.wrap(text, width: width)
    }

    mutating func blank() {
        if lines.last != "" { lines.append("") }
    }
}
