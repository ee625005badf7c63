import JourneyKit

/// Every field of the selected item: a touchpoint, a stage or a cohort.
enum DetailPane {
    static func draw(_ g: inout Grid, _ s: EditorState, _ layout: Layout, _ glyphs: Glyphs) {
        let r = layout.detail
        guard r.width > 4, r.height > 2 else { return }
        let (title, entries) = self.entries(s)
        var body: Rect
        if layout.detailBeside {
            for y in r.y..<r.y + r.height { g.put(glyphs.vertical, x: r.x, y: y, role: .border) }
            g.putClipped(title, x: r.x + 2, y: r.y, width: r.width - 3, role: .stageHeader, bold: true, glyphs: glyphs)
            body = Rect(x: r.x + 2, y: r.y + 1, width: r.width - 3, height: r.height - 1)
        } else {
            for x in r.x..<r.x + r.width { g[x, r.y] = Cell(glyphs.horizontal, role: .border) }
            g.putClipped(" \(title) ", x: r.x + 2, y: r.y, width: r.width - 4, role: .stageHeader, bold: true, glyphs: glyphs)
            body = Rect(x: r.x + 1, y: r.y + 1, width: r.width - 2, height: r.height - 1)
        }
        let columns = entries.count > body.height && !layout.detailBeside ? 2 : 1
        let columnWidth = body.width / columns
        let labelWidth = 12
        let valueWidth = columnWidth - labelWidth - 1
        // Beside the board there are spare rows: long values wrap into them, a row at a time to
        // each value still cut, so a long value cannot starve the ones after it.
        var wrapped = entries.map { entry -> [String] in
            let text = TerminalText.singleLine(entry.1)
            return layout.detailBeside && TerminalText.width(text) > valueWidth ? TextWrap.wrap(text, width: valueWidth) : [entry.1]
        }
        var rows = wrapped.map { _ in 1 }
        var spare = layout.detailBeside ? body.height - entries.count : 0
        while spare > 0, wrapped.indices.contains(where: { rows[$0] < wrapped[$0].count }) {
            for i in wrapped.indices where spare > 0 && rows[i] < wrapped[i].count {
                rows[i] += 1
                spare -= 1
            }
        }
        for i in wrapped.indices where rows[i] < wrapped[i].count {
            let keep = rows[i]
            wrapped[i] = Array(wrapped[i].prefix(keep - 1))
                + [TextWrap.truncate(wrapped[i][keep - 1] + " " + wrapped[i][keep], width: valueWidth, ellipsis: glyphs.ellipsis)]
        }
        var row = 0, col = 0
        for (entry, lines) in zip(entries, wrapped) {
            if row + lines.count > body.height {
                col += 1
                row = 0
            }
            guard col < columns else { break }
            let x = body.x + col * columnWidth
            g.put(entry.0, x: x, y: body.y + row, maxWidth: labelWidth - 1, role: .dim)
            for (i, line) in lines.enumerated() {
                g.putClipped(line, x: x + labelWidth, y: body.y + row + i, width: valueWidth, role: .normal, glyphs: glyphs)
            }
            row += lines.count
        }
    }

    static func entries(_ s: EditorState) -> (String, [(String, String)]) {
        let j = s.journey, glyphs = Glyphs.for(s)
        func list(_ ids: [String], _ source: ChoiceSource) -> String { ids.map { Choices.label($0, source, in: j) }.joined(separator: ", ") }
        func kpis(_ k: [KPI]) -> String {
            k.map { kpi in
                "\(kpi.name) (\(kpi.kind.rawValue)\(kpi.health ? ", health" : "")"
                    + (kpi.target.map { ", target \(Forms.formatNumber($0))" + (kpi.unit.isEmpty ? "" : (kpi.unit == "%" ? "" : " ") + kpi.unit) } ?? "") + ")"
            }
                .joined(separator: "; ")
        }
        if s.panel == .models {
            guard let m = s.selectedModel else { return ("Model", [("", "No model of your own yet")]) }
            return ("Model", [
                ("Name", m.name), ("Id", m.id), ("Description", m.description),
                ("Based on", Choices.label(m.basedOn, .builtInModel, in: j)),
                ("Preset", m.preset.map { ModelPreset.named($0).map { "\($0.name): \($0.philosophy) Key metrics: \($0.keyMetrics.joined(separator: ", "))" } ?? $0 } ?? ""),
                ("Badge", Choices.badge(m.id, in: j)),
                ("Used by", plural(s.modelUsage[m.id] ?? 0, "touchpoint or cohort", "touchpoints or cohorts")),
            ])
        }
        if s.panel == .lint { return LintPanel.detail(s) }
        if s.panel == .forecast { return ForecastPanel.detail(s) }
        if s.panel == .conflicts { return ConflictsPanel.detail(s) }
        if s.panel == .cohorts {
            guard let c = s.selectedCohort else { return ("Cohort", [("", "No cohort selected")]) }
            return ("Cohort", suppressed(c.suppress, [
                ("Name", c.name), ("Id", c.id), ("Description", c.description),
                ("Size", CohortsPanel.size(c)), ("Value/user", CohortsPanel.value(c, j)),
                ("Complexity", c.complexity?.title ?? ""), ("Service", c.service?.title ?? ""), ("Level", c.level?.title ?? ""),
                ("Model", Choices.label(c.model, .model, in: j)), ("Layers", list(c.layers, .layers)),
                ("Used by", plural(s.cohortUsage[c.id] ?? 0, "touchpoint")),
            ] + cohortFields(c, j, glyphs) + advice(c, j)))
        }
        if let t = s.selectedTouchpoint, let stage = s.selectedStage {
            let trigger = t.trigger.map { $0.kind.title + ($0.detail.isEmpty ? "" : ": \($0.detail)") } ?? ""
            return ("Touchpoint", suppressed(t.suppress, [
                ("Name", t.name), ("Id", t.id), ("Stage", stage.name),
                ("Channel", Choices.label(t.channel, .channel, in: j)), ("Trigger", trigger),
                ("Model", Choices.label(t.model, .model, in: j)), ("Layers", list(t.layers, .layers)),
                ("Cohorts", list(t.cohorts, .cohorts)), ("Owner", t.owner), ("Status", t.status?.title ?? ""),
                ("Evidence", t.evidence?.title ?? ""), ("Escalation", t.escalation), ("KPIs", kpis(t.kpis)),
            ] + touchpointFields(t, glyphs) + [
                ("Content", t.content), ("Notes", t.notes),
            ]))
        }
        if let stage = s.selectedStage {
            let loops = j.loops.filter { $0.from == stage.id || $0.to == stage.id }.map {
                "\(Choices.label($0.from, .stage, in: j)) → \(Choices.label($0.to, .stage, in: j))\($0.label.isEmpty ? "" : " (\($0.label))")"
            }
            return ("Stage", suppressed(stage.suppress, [
                ("Name", stage.name), ("Id", stage.id), ("Goal", stage.goal), ("Level", stage.level?.title ?? ""),
                ("Drop-off", stage.dropOff.map { Forms.formatNumber($0) + "%" } ?? ""), ("KPIs", kpis(stage.kpis)),
                ("Touchpoints", String(stage.touchpoints.count)), ("Loops", loops.joined(separator: "; ")),
            ]))
        }
        return ("Journey", [("Title", j.title), ("Owner", j.owner), ("Reviewed", j.lastReviewed ?? "")] + healthScore(j.healthScore, j, glyphs))
    }

    /// A touchpoint's format-3 fields that are set.
    static func touchpointFields(_ t: Touchpoint, _ glyphs: Glyphs) -> [(String, String)] {
        var out: [(String, String)] = []
        if let v = t.sentiment { out.append(("Sentiment", "\(v) of 5")) }
        if !t.painPoints.isEmpty { out.append(("Pain points", t.painPoints.joined(separator: "; "))) }
        if !t.dataCapture.isEmpty { out.append(("Captures", t.dataCapture.map(ItemText.dataCapture).joined(separator: "; "))) }
        if t.loyaltyProgramme { out.append(("Loyalty", "a loyalty or points programme")) }
        return out
    }

    /// A cohort's format-3 fields that are set.
    static func cohortFields(_ c: Cohort, _ j: Journey, _ glyphs: Glyphs) -> [(String, String)] {
        var out: [(String, String)] = []
        if !c.owner.isEmpty { out.append(("Owner", c.owner)) }
        if let v = c.inflowPerYear { out.append(("Inflow/year", NumberText.grouped(Double(v)))) }
        if !c.dropOff.isEmpty { out.append(("Drop-off", c.dropOffItems(in: j).map { ItemText.line($0, j, glyphs) }.joined(separator: "; "))) }
        if !c.routing.isEmpty { out.append(("Routing", c.routing.map { ItemText.routing($0, j) }.joined(separator: "; "))) }
        return out + healthScore(c.healthScore, j, glyphs)
    }

    /// A health score: its components and bands.
    static func healthScore(_ h: HealthScore?, _ j: Journey, _ glyphs: Glyphs) -> [(String, String)] {
        guard let h else { return [] }
        return [("Health", (h.components.map { ItemText.line(.component($0), j, glyphs) } + h.bands.map { ItemText.line(.band($0), j, glyphs) })
            .joined(separator: "; "))]
    }

    /// The entries, with the lint rules switched off for the item when there are any.
    static func suppressed(_ rules: [Suppression], _ entries: [(String, String)]) -> [(String, String)] {
        rules.isEmpty ? entries : entries + [("Suppressed", rules.map { "\($0.rule) (\($0.reason))" }.joined(separator: "; "))]
    }

    static func plural(_ n: Int, _ word: String, _ words: String? = nil) -> String { "\(n) \(n == 1 ? word : words ?? word + "s")" }
    /// The recommendation and cost to serve of a cohort, for its detail.
    static func advice(_ c: Cohort, _ j: Journey) -> [(String, String)] {
        let r = Recommender.recommend(c, in: j)
        let costs = CostModel(j)
        let model = ([r.model] + r.layers).map { Choices.label($0, .model, in: j) }.joined(separator: " + ")
        var out = [("Advice", "\(model)\(r.agrees ? " (as assigned)" : ""): \(r.reasons.joined(separator: " "))"),
                   ("Runner-up", "\(Choices.label(r.runnerUp, .model, in: j)): \(r.runnerUpReason)")]
        if let cost = costs.unitCost(of: c).flatMap({ u in c.size.map { Double($0) * u } }) {
            let value = c.valuePerUser.flatMap { v in c.size.map { costs.money(Double($0) * v) } }
            out.append(("Cost/year", costs.money(cost) + (value.map { " against \($0) of value" } ?? "")))
        }
        return out
    }
}
