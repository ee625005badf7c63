/// Writes a journey summary as GitHub-flavoured Markdown.
struct SummaryMarkdownRenderer {
    let journey: Journey
    let extras: SummaryExtras

    func m(_ s: String) -> String { MarkdownText.escape(s) }

    func render() -> String {
        let j = journey
        var out: [String] = []
        let title = m(j.title)
        out.append("# " + (title.isEmpty ? "(untitled journey)" : title))
        out.append("")
        for p in j.description.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let text = m(String(p))
            if !text.isEmpty { out += [text, ""] }
        }

        out += MarkdownText.header(["Journey", ""])
        out.append(MarkdownText.row(["Framework", m(j.framework.displayName) + (j.framework.custom ? " (custom)" : "")]))
        if let why = SummaryFacts.frameworkReason(j) { out.append(MarkdownText.row(["Why it fits", m(why)])) }
        if !j.owner.isEmpty { out.append(MarkdownText.row(["Owner", m(j.owner)])) }
        if let d = j.lastReviewed { out.append(MarkdownText.row(["Reviewed", m(d)])) }
        if let team = j.team, let s = SummaryFacts.team(team, currency: CostModel(j).currency) { out.append(MarkdownText.row(["Team", s])) }
        if let mat = j.maturity { out.append(MarkdownText.row(["Maturity", m(SummaryFacts.maturity(mat))])) }
        let touchpoints = j.stages.reduce(0) { $0 + $1.touchpoints.count }
        out.append(MarkdownText.row(["Size", "\(j.stages.count) stages, \(touchpoints) touchpoints, \(j.cohorts.count) cohorts"]))
        out.append("")

        if !j.stages.isEmpty {
            // GitHub draws a ```mermaid block as the diagram in a pull request.
            out += ["## Journey at a glance", "", "```mermaid"]
            out += MermaidExport.flowchart(j).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            out += ["```", ""]
        }

        out += ["## Stages", ""]
        if j.stages.isEmpty { out += ["No stages yet.", ""] }
        for (i, s) in j.stages.enumerated() { out += stage(s, number: i + 1) }

        if !j.loops.isEmpty {
            out += ["## Loop edges", ""]
            for l in j.loops {
                var line = "- " + m(SummaryFacts.stageName(l.from, in: j)) + " \u{2192} " + m(SummaryFacts.stageName(l.to, in: j))
                if !l.label.isEmpty { line += ": " + m(l.label) }
                out.append(line)
            }
            out.append("")
        }

        out += ["## Cohorts", ""]
        if j.cohorts.isEmpty {
            out += ["No cohorts yet.", ""]
        } else {
            out += MarkdownText.header(["Cohort", "Model", "Level", "Customers", "Value per customer a year (\(m(CostModel(j).currency)))"], numeric: [false, false, false, true, true])
            for c in j.cohorts {
                out.append(MarkdownText.row([
                    m(c.name), SummaryFacts.modelWithLayers(c.model, c.layers, in: j).map(m) ?? "",
                    c.level?.title ?? "", c.size.map(SummaryFacts.grouped) ?? "", c.valuePerUser.map(SummaryFacts.number) ?? "",
                ]))
            }
            out.append("")
            for c in j.cohorts where !c.routing.isEmpty || c.healthScore != nil {
                out += ["### " + m(c.name), ""]
                if !c.routing.isEmpty {
                    out.append("- Routing rules:")
                    for r in c.routing { out.append("  - " + SummaryFacts.routing(r, in: j, arrow: " \u{2192} ", text: m)) }
                }
                if let h = c.healthScore { out += healthScore(h, heading: "Health score (this cohort's own)") }
                out.append("")
            }
        }

        if !j.kpis.isEmpty {
            out += ["## Journey KPIs", ""]
            for k in j.kpis { out.append("- " + SummaryFacts.kpi(k, name: m(k.name), unit: m(k.unit))) }
            out.append("")
        }
        if let h = j.healthScore {
            out += ["## Health score", ""] + healthScore(h, heading: nil) + [""]
        }
        if !extras.lintHighlights.isEmpty {
            out += ["## Lint highlights", ""]
            for h in extras.lintHighlights { out.append("- " + m(h)) }
            out.append("")
        }
        if let table = extras.costToServe {
            out += ["## Cost to serve", ""]
            out += MarkdownText.header(table.columns.map(m), numeric: table.numeric)
            for r in table.rows { out.append(MarkdownText.row(r.map(m))) }
            out.append("")
            for n in extras.costNotes { out += [MarkdownText.withCode(n), ""] }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// A health score as a list: its components, then its bands (nested under `heading` when given).
    func healthScore(_ h: HealthScore, heading: String?) -> [String] {
        var out: [String] = []
        let indent = heading == nil ? "" : "  "
        if let heading { out.append("- " + heading + ":") }
        if h.components.isEmpty { out.append(indent + "- No components yet.") }
        for c in h.components { out.append(indent + "- " + SummaryFacts.healthComponent(c, of: h, in: journey, text: m)) }
        if !h.bands.isEmpty {
            out.append(indent + "- Bands:")
            for b in h.bands { out.append(indent + "  - " + SummaryFacts.healthBand(b, in: journey, arrow: " \u{2192} ", text: m)) }
        }
        return out
    }

    func stage(_ s: Stage, number: Int) -> [String] {
        var out = ["### \(number). " + m(s.name), ""]
        var facts: [String] = []
        if let l = s.level { facts.append("Level: " + l.title) }
        if let d = s.dropOff { facts.append("Drop-off: " + SummaryFacts.number(d) + "%") }
        if !facts.isEmpty { out += [facts.joined(separator: " \u{00B7} "), ""] }
        if !s.goal.isEmpty { out += ["**Goal:** " + m(s.goal), ""] }
        if !s.kpis.isEmpty {
            out += ["**KPIs:** " + s.kpis.map { SummaryFacts.kpi($0, name: m($0.name), unit: m($0.unit)) }.joined(separator: "; "), ""]
        }
        if s.touchpoints.isEmpty {
            out += ["No touchpoints yet.", ""]
            return out
        }
        out += MarkdownText.header(["Touchpoint", "Channel", "Model", "Owner", "Status"])
        for tp in s.touchpoints {
            out.append(MarkdownText.row([
                m(tp.name), tp.channel.map { m(SummaryFacts.channelName($0)) } ?? "",
                SummaryFacts.modelWithLayers(tp.model, tp.layers, in: journey).map(m) ?? "", m(tp.owner), tp.status?.title ?? "",
            ]))
        }
        out.append("")
        let pains = s.touchpoints.flatMap { tp in tp.painPoints.map { (tp.name, $0) } }.filter { !ReviewText.stripped($0.1).isEmpty }
        if !pains.isEmpty {
            out += ["**Pain points:**", ""]
            for (name, p) in pains { out.append("- " + m(p) + " (" + m(name) + ")") }
            out.append("")
        }
        return out
    }
}
