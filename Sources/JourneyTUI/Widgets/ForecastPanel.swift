import JourneyKit

/// The Forecast panel: the funnel per stage (entering, lost, drop-off, a bar), the biggest leak
/// first, and the money per cohort (customers, revenue, cost to serve, margin) in the journey's
/// currency. It draws `EditorState.forecast`, the `Forecast` that `journeyman forecast` prints.
enum ForecastPanel {
    static func draw(_ g: inout Grid, _ s: EditorState, _ r: Rect, _ glyphs: Glyphs) {
        guard r.width > 2, r.height > 0 else { return }
        let x = r.x + 1, w = r.width - 2
        var y = r.y
        let bottom = r.y + r.height
        let scope = s.scenarioName.map { "scenario: \($0)" } ?? "as-is"
        guard let f = s.forecast else {
            g.putClipped("Forecast \(glyphs.dot) \(scope)", x: x, y: y, width: w, role: .stageHeader, bold: true, glyphs: glyphs)
            let why = s.forecastIsDeferred
                ? "On a journey this large (\(CostModel.grouped(Double(s.touchpointCount))) touchpoints) the forecast is computed when you pause typing"
                : "No forecast yet"
            g.putClipped(why, x: x, y: y + 1, width: w, role: .dim, glyphs: glyphs)
            return
        }
        let heading = "Forecast \(glyphs.dot) \(scope) \(glyphs.dot) \(f.horizonMonths) month\(f.horizonMonths == 1 ? "" : "s") \(glyphs.dot) money in \(f.currency)"
        let used = g.putClipped(heading, x: x, y: y, width: w, role: .stageHeader, bold: true, glyphs: glyphs)
        if s.forecastIsStale {
            g.putClipped("  (of an earlier version: it updates when you pause)", x: x + used, y: y, width: w - used, role: .warning, glyphs: glyphs)
        }
        y += 1
        guard y < bottom else { return }
        g.putClipped("Biggest leak: " + leak(f.leak), x: x, y: y, width: w, role: f.leak == nil ? .dim : .warning, bold: f.leak != nil, glyphs: glyphs)
        y += 1

        // Both tables share the first column's width and the figure columns' widths.
        let stageRows = f.stages.map { [$0.name, n($0.entering), n($0.lost), Forecast.percent($0.dropOff) + "%"] }
        let cohortCells = f.cohorts.map { [$0.name, n($0.entering), n($0.revenue), n($0.cost), n($0.margin)] }
        let total = ["Total", n(f.entering), n(f.revenue), n(f.cost), n(f.margin)]
        let stageHead = ["Stage", "Entering", "Lost", "Drop-off"], cohortHead = ["Cohort", "Customers", "Revenue", "Cost", "Margin"]
        let names = (stageRows + cohortCells).map { TerminalText.width(TerminalText.singleLine($0[0])) }
        let nameWidth = max(8, min((names.max() ?? 0) + 1, w / 3))
        func widths(_ head: [String], _ rows: [[String]]) -> [Int] {
            (1..<head.count).map { c in ([head] + rows).map { TerminalText.width($0[c]) }.max()! + 2 }
        }
        let stageWidths = widths(stageHead, stageRows), cohortWidths = widths(cohortHead, cohortCells + [total])
        func row(_ cells: [String], _ widths: [Int], y: Int, role: StyleRole, reverse: Bool = false, bold: Bool = false) -> Int {
            if reverse { g.fill(x: r.x, y: y, width: r.width, height: 1, with: Cell(" ", role: role, reverse: true)) }
            g.putClipped(cells[0], x: x, y: y, width: nameWidth - 1, role: role, reverse: reverse, bold: bold, glyphs: glyphs)
            var cx = x + nameWidth
            for (text, cw) in zip(cells.dropFirst(), widths) where cx + cw <= x + w {
                g.put(text, x: cx + cw - TerminalText.width(text), y: y, role: role, reverse: reverse, bold: bold)
                cx += cw
            }
            return cx
        }

        // The funnel.
        guard y < bottom else { return }
        let barX = row(stageHead, stageWidths, y: y, role: .stageHeader, bold: true) + 2
        let barWidth = x + w - barX
        if barWidth >= 4 { g.putClipped("Funnel", x: barX, y: y, width: barWidth, role: .stageHeader, bold: true, glyphs: glyphs) }
        y += 1
        let top = f.stages.map(\.entering).max() ?? 0
        let bars = BarChart(width: r.width, ascii: s.ascii)
        for (i, st) in f.stages.enumerated() where y < bottom {
            let end = row(stageRows[i], stageWidths, y: y, role: .card)
            if barWidth >= 4, top > 0, end + 2 == barX {
                g.put(bars.bar(st.entering / top, cells: barWidth), x: barX, y: y, maxWidth: barWidth, role: f.leak?.stage == st.stage ? .warning : .badgeHybrid)
            }
            y += 1
        }
        if f.stages.isEmpty, y < bottom {
            g.putClipped("No stages: there is no funnel", x: x, y: y, width: w, role: .dim, glyphs: glyphs)
            y += 1
        }

        // The money per cohort.
        y += 1
        guard y + 1 < bottom else { return }
        _ = row(cohortHead, cohortWidths, y: y, role: .stageHeader, bold: true)
        for xx in r.x..<r.x + r.width { g[xx, y + 1] = Cell(glyphs.horizontal, role: .border) }
        y += 2
        if f.cohorts.isEmpty {
            g.putClipped("No cohorts: nobody enters (the cohorts panel adds them)", x: x, y: y, width: w, role: .dim, glyphs: glyphs)
            return
        }
        let (_, first, room) = ForecastPanel.cohortRows(s, f, r)
        for i in first..<min(f.cohorts.count, first + room) {
            let on = i == s.cohort
            _ = row(cohortCells[i], cohortWidths, y: y, role: on ? .selectedCard : .card, reverse: on)
            y += 1
        }
        if first > 0 { g.put(glyphs.moreUp, x: r.x + r.width - 1, y: y - min(room, f.cohorts.count), role: .warning) }
        if first + room < f.cohorts.count { g.put(glyphs.moreDown, x: r.x + r.width - 1, y: y - 1, role: .warning) }
        if y < bottom { _ = row(total, cohortWidths, y: y, role: .normal, bold: true) }
    }

    /// Where the cohort rows are in `r`: the first one's line, the first cohort shown, and how many
    /// rows there are (the total takes the line after them); the selected cohort stays in view.
    static func cohortRows(_ s: EditorState, _ f: Forecast, _ r: Rect) -> (y: Int, first: Int, room: Int) {
        // The heading, the leak, the stages' heading, the stages (or the line saying there are none),
        // a blank line, the cohorts' heading and its rule.
        let y = r.y + 3 + max(1, f.stages.count) + 3
        let room = max(1, r.y + r.height - y - 1)
        return (y, max(0, min(s.cohort - room + 1, f.cohorts.count - room)), room)
    }

    /// The cohort a click at line `y` of the panel `r` is on, if any.
    static func cohort(at y: Int, _ s: EditorState, _ r: Rect) -> Int? {
        guard let f = s.forecast else { return nil }
        let rows = cohortRows(s, f, r)
        let i = rows.first + y - rows.y
        return y >= rows.y && y - rows.y < rows.room && f.cohorts.indices.contains(i) ? i : nil
    }

    /// The biggest leak in words: `Consider, 900 customers lost, 4,500 of value`.
    static func leak(_ leak: Forecast.Leak?) -> String {
        guard let leak else { return "none (nobody is lost)" }
        return "\(leak.name), \(n(leak.lost)) customer\(leak.lost.rounded() == 1 ? "" : "s") lost" + (leak.value > 0 ? ", \(n(leak.value)) of value" : "")
    }

    /// A whole number with separators.
    static func n(_ x: Double) -> String { CostModel.grouped(x) }

    /// The detail pane of the Forecast panel: the selected cohort's forecast.
    static func detail(_ s: EditorState) -> (String, [(String, String)]) {
        guard let c = s.selectedCohort else { return ("Cohort", [("", "No cohort selected")]) }
        guard let f = s.forecast?.cohorts.first(where: { $0.cohort == c.id }) else { return (c.name, [("", "No forecast yet")]) }
        let money = CostModel(s.journey)
        let entry: String
        switch f.entry {
        case .size: entry = "its size, \(n(f.entering)) customers"
        case .inflow: entry = "its inflow, \(n(f.entering)) customers over the horizon"
        case .none: entry = "no size or inflow: 0"
        }
        return (c.name, [
            ("Model", Editor.modelBadge(c.model, c.layers, in: s.journey)), ("Entering", entry),
            ("Value/user", f.valuePerUser.map(money.money) ?? "not given"), ("Unit cost", f.unitCost.map { money.money($0) + " a year" } ?? "unknown"),
            ("Reach last", n(f.reachingLast)), ("Revenue", money.money(f.revenue)), ("Cost", money.money(f.cost)),
            ("Margin", money.money(f.margin)), ("Leak", leak(f.leak)),
        ])
    }
}
