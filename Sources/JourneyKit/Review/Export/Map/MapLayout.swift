/// What the map's swim lanes group touchpoints by.
public enum MapLanes: String, CaseIterable, Sendable {
    /// One lane per engagement model (the default).
    case model
    /// One lane per channel.
    case channel
    /// One lane per cohort a touchpoint targets, plus one for touchpoints that target every cohort.
    case cohort

    var title: String {
        switch self {
        case .model: "engagement model"
        case .channel: "channel"
        case .cohort: "cohort"
        }
    }
}

/// How the journey map is drawn.
public struct JourneyMapOptions: Hashable, Sendable {
    public var lanes: MapLanes
    /// The day printed as the map's date, `YYYY-MM-DD`; none when nil.
    public var date: String?
    /// Customers reaching each stage (in stage order), from the forecast; draws the funnel band.
    public var customersPerStage: [Double]?
    /// A line under the title naming the scenario the map shows, if any.
    public var scenario: String?

    public init(lanes: MapLanes = .model, date: String? = nil, customersPerStage: [Double]? = nil, scenario: String? = nil) {
        self.lanes = lanes
        self.date = date
        self.customersPerStage = customersPerStage
        self.scenario = scenario
    }
}

/// A rectangle drawn without text: a legend swatch, a funnel bar.
public struct MapRect: Hashable, Sendable {
    public var x: Double, y: Double, width: Double, height: Double
    public var fill: String
    public var stroke: String?
}

/// An arrow back from one stage to an earlier one.
public struct MapArrow: Hashable, Sendable {
    /// Points of the poly-line, the arrowhead at the last one.
    public var points: [(Double, Double)]
    public var dashed: Bool

    public static func == (a: MapArrow, b: MapArrow) -> Bool {
        a.dashed == b.dashed && a.points.count == b.points.count && zip(a.points, b.points).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    public func hash(into h: inout Hasher) {
        h.combine(dashed)
        for p in points { h.combine(p.0); h.combine(p.1) }
    }
}

/// The whole map laid out: every box with its fitted text, the swatches and arrows.
public struct MapLayout: Sendable {
    public var width: Double
    public var height: Double
    public var title: String
    public var summary: String
    public var boxes: [MapBox] = []
    public var rects: [MapRect] = []
    public var arrows: [MapArrow] = []
    /// Poly-lines (the sentiment curve) with their dots.
    public var curves: [[(Double, Double)]] = []

    // Sizes in CSS pixels (96 per inch): an A3 landscape page holds about 1,500 x 1,050.
    static let margin = 24.0, labelWidth = 150.0, columnWidth = 224.0, pad = 8.0, gap = 8.0

    /// Lays out `journey`.
    public init(_ journey: Journey, options: JourneyMapOptions) {
        let j = journey
        let m = Self.margin, pad = Self.pad
        let columns = max(j.stages.count, 1)
        width = m * 2 + Self.labelWidth + Double(columns) * Self.columnWidth
        let touchpoints = j.stages.reduce(0) { $0 + $1.touchpoints.count }
        title = MapText.clean(j.title).isEmpty ? "(untitled journey)" : MapText.clean(j.title)
        var facts = [MapText.clean(j.framework.displayName) + (j.framework.custom ? " (custom framework)" : ""),
                     "\(Self.count(j.stages.count, "stage")), \(Self.count(touchpoints, "touchpoint")), \(Self.count(j.cohorts.count, "cohort"))"]
        if !j.owner.isEmpty { facts.append("Owner: " + MapText.clean(j.owner)) }
        if let d = j.lastReviewed { facts.append("Reviewed " + MapText.clean(d)) }
        if let d = options.date { facts.append("Map of " + d) }
        summary = facts.joined(separator: " \u{00B7} ")
        height = 0

        // Title band.
        var y = m
        var head = TextColumn(x: m + pad, top: y + 4, width: width - 2 * m - 2 * pad)
        head.add(title, size: 22, bold: true, maxLines: 2)
        head.gap(2)
        head.add(summary, size: 12, maxLines: 2, fill: MapPalette.muted)
        var sub = "Lanes by \(options.lanes.title)"
        if let s = options.scenario { sub += " \u{00B7} Scenario: " + MapText.clean(s) }
        head.add(sub, size: 11, maxLines: 1, fill: MapPalette.muted)
        boxes.append(MapBox(x: m, y: y, width: width - 2 * m, height: head.y - y + 8, kind: "head", texts: head.texts, hover: MapText.clean(j.description)))
        y = head.y + 8 + 10

        let x0 = m + Self.labelWidth
        func columnX(_ i: Int) -> Double { x0 + Double(i) * Self.columnWidth }

        // Loop band: one level per loop edge, above the stage headers.
        let index = Dictionary(j.stages.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let loops = j.loops.filter { index[$0.from] != nil && index[$0.to] != nil }
        let loopTop = y
        if !loops.isEmpty { y += 8 + 26 * Double(loops.count) }

        // Stage headers.
        var headers: [MapBox] = []
        for (i, s) in j.stages.enumerated() {
            let bx = columnX(i) + 4, bw = Self.columnWidth - 8
            var col = TextColumn(x: bx + pad, top: y + 2, width: bw - 2 * pad)
            col.add("\(i + 1). " + MapText.clean(s.name), size: 14, bold: true, maxLines: 2)
            var facts: [String] = []
            if let l = s.level { facts.append(l.title) }
            if let d = s.dropOff { facts.append("drop-off " + NumberText.percent(d)) }
            col.add(facts.joined(separator: " \u{00B7} "), size: 11, maxLines: 1, fill: MapPalette.muted)
            if !s.kpis.isEmpty {
                col.gap(2)
                col.add("KPIs: " + s.kpis.map { MapText.kpi($0) }.joined(separator: "; "), size: 10, maxLines: 3)
            }
            var hover = [MapText.clean(s.name)]
            if !s.goal.isEmpty { hover.append("Goal: " + MapText.clean(s.goal)) }
            for k in s.kpis { hover.append("KPI: " + MapText.kpi(k)) }
            headers.append(MapBox(x: bx, y: y, width: bw, height: col.y - y + pad, kind: "stage", fill: MapPalette.headerFill,
                                  texts: col.texts, hover: hover.joined(separator: "\n")))
        }
        if j.stages.isEmpty {
            var col = TextColumn(x: columnX(0) + 4 + pad, top: y + 2, width: Self.columnWidth - 8 - 2 * pad)
            col.add("No stages yet", size: 14, bold: true)
            headers.append(MapBox(x: columnX(0) + 4, y: y, width: Self.columnWidth - 8, height: col.y - y + pad, kind: "stage", fill: MapPalette.headerFill, texts: col.texts))
        }
        let headerHeight = headers.map(\.height).max() ?? 0
        for i in headers.indices { headers[i].height = headerHeight }
        boxes += headers
        var label = TextColumn(x: m + pad, top: y + 2, width: Self.labelWidth - 8 - 2 * pad)
        label.add("Stages", size: 12, bold: true)
        boxes.append(MapBox(x: m, y: y, width: Self.labelWidth - 8, height: headerHeight, kind: "lane", fill: MapPalette.headerFill, texts: label.texts))

        for (k, l) in loops.enumerated() {
            let from = index[l.from]!, to = index[l.to]!
            let level = loopTop + 8 + 26 * Double(loops.count - 1 - k) + 13
            let x1 = columnX(from) + Self.columnWidth / 2 + 20, x2 = columnX(to) + Self.columnWidth / 2 - 20
            arrows.append(MapArrow(points: [(x1, y), (x1, level), (x2, level), (x2, y - 1)], dashed: true))
            let text = l.label.isEmpty ? "loop" : MapText.clean(l.label)
            let size = 11.0
            let room = max(abs(x1 - x2) - 24, 60)
            let fitted = TextFit.lines(text, width: room, size: size, bold: true, maxLines: 1)[0]
            let w = FontMetrics.width(fitted, size: size, bold: true) + 12
            let cx = (x1 + x2) / 2
            boxes.append(MapBox(x: cx - w / 2, y: level - 9, width: w, height: 18, kind: "loop",
                                texts: [MapText(x: cx, y: level + 4, size: size, bold: true, text: fitted, centred: true)],
                                hover: "Loop edge: " + MapText.clean(j.stages[from].name) + " \u{2192} " + MapText.clean(j.stages[to].name)))
        }
        y += headerHeight + 10

        // Funnel band: customers reaching each stage, from the forecast.
        if let customers = options.customersPerStage, customers.count == j.stages.count, let top = customers.max(), top > 0 {
            let bandHeight = 58.0
            var lab = TextColumn(x: m + pad, top: y + 2, width: Self.labelWidth - 8 - 2 * pad)
            lab.add("Customers", size: 12, bold: true)
            lab.add("a year, forecast", size: 10, maxLines: 2, fill: MapPalette.muted)
            boxes.append(MapBox(x: m, y: y, width: Self.labelWidth - 8, height: bandHeight, kind: "lane", fill: MapPalette.laneShade, texts: lab.texts))
            for (i, c) in customers.enumerated() {
                let bx = columnX(i) + 4, bw = Self.columnWidth - 8
                let barWidth = max(2, (bw - 2 * pad) * c / top)
                rects.append(MapRect(x: bx + pad, y: y + 30, width: barWidth, height: 18, fill: MapPalette.muted))
                var col = TextColumn(x: bx + pad, top: y + 2, width: bw - 2 * pad)
                var text = CostModel.grouped(c)
                if i > 0, customers[i - 1] > 0 { text += " (" + CostModel.wholePercent(100 * c / customers[i - 1]) + " of previous)" }
                col.add(text, size: 11, bold: true)
                boxes.append(MapBox(x: bx, y: y, width: bw, height: bandHeight, kind: "band", fill: MapPalette.laneShade, texts: col.texts))
            }
            y += bandHeight + 10
        }

        // Swim lanes.
        for (n, lane) in Self.lanes(j, options.lanes).enumerated() {
            let shade = n % 2 == 0 ? MapPalette.laneShade : "#FFFFFF"
            var cells: [MapBox] = []
            var cellBottom = y + pad
            for (i, s) in j.stages.enumerated() {
                var cy = y + pad
                for t in s.touchpoints where lane.holds(t) {
                    let card = Self.card(t, in: j, lanes: options.lanes, x: columnX(i) + pad, y: cy, width: Self.columnWidth - 2 * pad)
                    cells.append(card)
                    cy += card.height + Self.gap
                }
                cellBottom = max(cellBottom, cy)
            }
            let laneHeight = max(cellBottom - y, 48)
            var lab = TextColumn(x: m + pad + (lane.colour == nil ? 0 : 14), top: y + 4, width: Self.labelWidth - 8 - 2 * pad - (lane.colour == nil ? 0 : 14))
            lab.add(lane.name, size: 12, bold: true, maxLines: 3)
            lab.add(lane.detail, size: 10, maxLines: 3, fill: MapPalette.muted)
            let labelBox = MapBox(x: m, y: y, width: width - 2 * m, height: laneHeight, kind: "lane", fill: shade, texts: lab.texts, hover: lane.hover)
            boxes.append(labelBox)
            if let c = lane.colour { rects.append(MapRect(x: m + pad, y: y + 8, width: 10, height: 10, fill: c, stroke: MapPalette.ink)) }
            boxes += cells
            y += laneHeight + 4
        }
        // The sentiment curve: how the customer feels at each touchpoint that says.
        let felt = j.stages.enumerated().flatMap { i, s in s.touchpoints.filter { $0.sentiment != nil }.map { (i, $0) } }
        if !felt.isEmpty {
            let laneHeight = 112.0
            var lab = TextColumn(x: m + pad, top: y + 4, width: Self.labelWidth - 8 - 2 * pad)
            lab.add("Sentiment", size: 12, bold: true)
            lab.add("how the customer feels, 1 (upset) to 5 (delighted)", size: 10, maxLines: 4, fill: MapPalette.muted)
            boxes.append(MapBox(x: m, y: y, width: width - 2 * m, height: laneHeight, kind: "lane", fill: MapPalette.laneShade, texts: lab.texts,
                                hover: "The sentiment of each touchpoint that records one, in journey order"))
            let top = y + 16, span = laneHeight - 32
            for level in [1, 3, 5] {
                rects.append(MapRect(x: x0, y: top + span * Double(5 - level) / 4, width: Double(columns) * Self.columnWidth, height: 0.75, fill: MapPalette.rule))
            }
            var points: [(Double, Double)] = []
            for i in j.stages.indices {
                let here = felt.filter { $0.0 == i }.map(\.1)
                for (k, t) in here.enumerated() {
                    let x = columnX(i) + pad + (Double(k) + 0.5) / Double(here.count) * (Self.columnWidth - 2 * pad)
                    let value = min(5, max(1, t.sentiment ?? 3))
                    let py = top + span * Double(5 - value) / 4
                    points.append((x, py))
                    boxes.append(MapBox(x: x - 8, y: py - 8, width: 16, height: 16, kind: "dot", stroke: MapPalette.accent,
                                        texts: [MapText(x: x, y: py + 3.5, size: 10, bold: true, text: "\(value)", centred: true)],
                                        hover: MapText.clean(t.name) + ": feels \(value) of 5"))
                }
            }
            curves.append(points)
            y += laneHeight + 4
        }

        // Pain points, per stage.
        if j.stages.contains(where: { $0.touchpoints.contains { !$0.painPoints.isEmpty } }) {
            var cells: [MapBox] = []
            var bottom = y + pad
            for (i, s) in j.stages.enumerated() {
                let pains = s.touchpoints.flatMap(\.painPoints).map(MapText.clean).filter { !$0.isEmpty }
                guard !pains.isEmpty else { continue }
                var col = TextColumn(x: columnX(i) + 2 * pad, top: y + pad, width: Self.columnWidth - 4 * pad)
                for p in pains.prefix(6) { col.add("\u{2022} " + p, size: 10, maxLines: 2) }
                if pains.count > 6 { col.add("and \(pains.count - 6) more", size: 10, fill: MapPalette.muted) }
                let cell = MapBox(x: columnX(i) + pad, y: y + pad, width: Self.columnWidth - 2 * pad, height: col.y - y, kind: "pain",
                                  stroke: MapPalette.rule, texts: col.texts, hover: pains.joined(separator: "\n"))
                cells.append(cell)
                bottom = max(bottom, cell.y + cell.height)
            }
            var lab = TextColumn(x: m + pad, top: y + 4, width: Self.labelWidth - 8 - 2 * pad)
            lab.add("Pain points", size: 12, bold: true)
            lab.add("what goes wrong for the customer", size: 10, maxLines: 3, fill: MapPalette.muted)
            let laneHeight = max(bottom + pad - y, lab.y - y + pad)
            boxes.append(MapBox(x: m, y: y, width: width - 2 * m, height: laneHeight, kind: "lane", fill: "#FFFFFF", stroke: MapPalette.rule, texts: lab.texts))
            boxes += cells
            y += laneHeight + 4
        }

        if Self.lanes(j, options.lanes).isEmpty {
            var lab = TextColumn(x: m + pad, top: y + 4, width: width - 2 * m - 2 * pad)
            lab.add("No touchpoints yet.", size: 12, fill: MapPalette.muted)
            boxes.append(MapBox(x: m, y: y, width: width - 2 * m, height: 40, kind: "lane", fill: MapPalette.laneShade, texts: lab.texts))
            y += 44
        }
        y += 6

        // Legend.
        var legendTexts: [MapText] = []
        var lx = m + pad, ly = y + 8
        let legendRight = width - m - pad
        func item(_ text: String, swatch: String?, stroke: String? = MapPalette.ink, dashed: Bool = false) {
            let size = 11.0
            let textWidth = min(FontMetrics.width(text, size: size), legendRight - m - pad - 20)
            let w = (swatch == nil ? 0 : 18) + textWidth + 18
            if lx + w > legendRight && lx > m + pad { lx = m + pad; ly += 20 }
            if let swatch { rects.append(MapRect(x: lx, y: ly + 2, width: 12, height: 12, fill: swatch, stroke: stroke)) }
            let fitted = TextFit.truncate(text, width: textWidth, size: size)
            legendTexts.append(MapText(x: lx + (swatch == nil ? 0 : 18), y: ly + 12, size: size, text: fitted))
            lx += w
        }
        item("Engagement models:", swatch: nil)
        for id in Self.modelsUsed(j) {
            var name = MapText.clean(j.modelName(id))
            if let base = j.builtInModel(id), base != id { name += " (based on " + MapText.clean(j.modelName(base)) + ")" }
            item(name, swatch: MapPalette.colour(id, in: j))
        }
        lx = m + pad
        ly += 20
        item("Status:", swatch: nil)
        for s in TouchpointStatus.allCases { item(MapText.statusMark(s) + " " + s.title, swatch: nil) }
        item("Dashed card: not live yet; faded card: retired", swatch: nil)
        if !loops.isEmpty { item("Dashed arrow: loop edge back to an earlier stage", swatch: nil) }
        let legendHeight = ly + 20 - y
        boxes.append(MapBox(x: m, y: y, width: width - 2 * m, height: legendHeight, kind: "legend", stroke: MapPalette.rule, texts: legendTexts))
        y += legendHeight
        height = y + m
    }

    /// A lane: its name, the touchpoints it holds, and its colour swatch.
    struct Lane {
        var name: String
        var detail: String
        var colour: String?
        var hover: String
        var holds: (Touchpoint) -> Bool
    }

    /// The lanes in the order their first touchpoint appears (cohorts in journey order).
    static func lanes(_ j: Journey, _ by: MapLanes) -> [Lane] {
        let all = j.stages.flatMap(\.touchpoints)
        switch by {
        case .model:
            var seen: [String?] = []
            for t in all where !seen.contains(t.model) { seen.append(t.model) }
            return seen.map { id in
                guard let id else {
                    return Lane(name: "No model", detail: "", colour: MapPalette.none, hover: "Touchpoints with no engagement model", holds: { $0.model == nil })
                }
                let cohorts = j.cohorts.filter { $0.model == id }.map { MapText.clean($0.name) }
                let detail = cohorts.isEmpty ? "" : "Cohorts: " + cohorts.joined(separator: ", ")
                let what = EngagementModel.named(j.builtInModel(id) ?? "")?.whatItIs ?? MapText.clean(j.models.first { $0.id == id }?.description ?? "")
                return Lane(name: MapText.clean(j.modelName(id)), detail: detail, colour: MapPalette.colour(id, in: j), hover: what, holds: { $0.model == id })
            }
        case .channel:
            var seen: [String?] = []
            for t in all where !seen.contains(t.channel) { seen.append(t.channel) }
            return seen.map { id in
                Lane(name: id.map { MapText.clean(SummaryFacts.channelName($0)) } ?? "No channel", detail: "", colour: nil, hover: "", holds: { $0.channel == id })
            }
        case .cohort:
            var out: [Lane] = []
            if all.contains(where: { $0.cohorts.isEmpty }) {
                out.append(Lane(name: "Every cohort", detail: "touchpoints that name no cohort", colour: nil, hover: "", holds: { $0.cohorts.isEmpty }))
            }
            for c in j.cohorts where all.contains(where: { $0.cohorts.contains(c.id) }) {
                var detail: [String] = []
                if let n = c.size { detail.append(NumberText.grouped(Double(n)) + " customers") }
                if let model = SummaryFacts.modelWithLayers(c.model, c.layers, in: j) { detail.append(MapText.clean(model)) }
                // The lane's hover holds the description and the cohort's routing rules, as the summary writes them.
                let hover = ([MapText.clean(c.description)].filter { !$0.isEmpty }
                             + c.routing.map { "Routing: " + SummaryFacts.routing($0, in: j, arrow: " \u{2192} ", text: MapText.clean) }).joined(separator: "\n")
                out.append(Lane(name: MapText.clean(c.name), detail: detail.joined(separator: ", "), colour: c.model.map { MapPalette.colour($0, in: j) },
                                hover: hover, holds: { $0.cohorts.contains(c.id) }))
            }
            return out
        }
    }

    /// The models the map colours: touchpoints' models and layers, in order of first use.
    static func modelsUsed(_ j: Journey) -> [String] {
        var out: [String] = []
        for t in j.stages.flatMap(\.touchpoints) {
            for id in (t.model.map { [$0] } ?? []) + t.layers where !out.contains(id) { out.append(id) }
        }
        return out
    }

    /// A touchpoint's card.
    static func card(_ t: Touchpoint, in j: Journey, lanes: MapLanes, x: Double, y: Double, width: Double) -> MapBox {
        let stripe = 6.0
        var col = TextColumn(x: x + stripe + pad, top: y + 3, width: width - stripe - 2 * pad)
        col.add(MapText.clean(t.name).isEmpty ? t.id : MapText.clean(t.name), size: 12, bold: true, maxLines: 3)
        var who: [String] = []
        if let c = t.channel { who.append(MapText.clean(SummaryFacts.channelName(c))) }
        if !t.owner.isEmpty { who.append(MapText.clean(t.owner)) }
        col.add(who.joined(separator: " \u{00B7} "), size: 10.5, maxLines: 2, fill: MapPalette.muted)
        var state: [String] = []
        if let s = t.status { state.append(MapText.statusMark(s) + " " + s.title) }
        if let e = t.evidence { state.append(e.title.lowercased()) }
        col.add(state.joined(separator: " \u{00B7} "), size: 10.5, maxLines: 1)
        if lanes == .model {
            if !t.layers.isEmpty { col.add("+ " + t.layers.map { MapText.clean(j.modelName($0)) }.joined(separator: " + "), size: 10.5, maxLines: 1) }
        } else {
            col.add(SummaryFacts.modelWithLayers(t.model, t.layers, in: j).map(MapText.clean) ?? "No model", size: 10.5, maxLines: 1)
        }
        var hover = [MapText.clean(t.name)]
        if let c = t.channel { hover.append("Channel: " + MapText.clean(SummaryFacts.channelName(c))) }
        if let tr = t.trigger { hover.append("Trigger: " + tr.kind.title + (tr.detail.isEmpty ? "" : ", " + MapText.clean(tr.detail))) }
        if let model = SummaryFacts.modelWithLayers(t.model, t.layers, in: j) { hover.append("Model: " + MapText.clean(model)) }
        if !t.cohorts.isEmpty { hover.append("Cohorts: " + t.cohorts.map { MapText.clean(SummaryFacts.cohortName($0, in: j)) }.joined(separator: ", ")) }
        if !t.owner.isEmpty { hover.append("Owner: " + MapText.clean(t.owner)) }
        if !t.content.isEmpty { hover.append("Content: " + MapText.clean(t.content)) }
        for k in t.kpis { hover.append("KPI: " + MapText.kpi(k)) }
        if !t.escalation.isEmpty { hover.append("Escalation: " + MapText.clean(t.escalation)) }
        if !t.notes.isEmpty { hover.append("Notes: " + MapText.clean(t.notes)) }
        if let f = t.sentiment { hover.append("Sentiment: \(f) of 5") }
        for p in t.painPoints { hover.append("Pain point: " + MapText.clean(p)) }
        let live = t.status == .live || t.status == nil
        return MapBox(x: x, y: y, width: width, height: col.y - y + pad, kind: "card", stroke: MapPalette.ink, dashed: !live && t.status != .retired,
                      stripe: MapPalette.colour(t.model, in: j), faded: t.status == .retired, texts: col.texts, hover: hover.joined(separator: "\n"))
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(NumberText.grouped(Double(n))) \(noun)\(n == 1 ? "" : "s")" }
}

extension MapText {
    /// Journey text for the map: one line, no control characters.
    static func clean(_ s: String) -> String { ReviewText.stripped(s) }

    /// A KPI in short: its name and target, e.g. `Repeat purchase rate 70%`.
    static func kpi(_ k: KPI) -> String {
        var s = clean(k.name)
        if let t = k.target { s += " " + NumberText.amount(t, unit: clean(k.unit)) }
        return s
    }

    /// The mark the map and legend show for a status.
    static func statusMark(_ s: TouchpointStatus) -> String {
        switch s {
        case .live: "\u{25CF}"
        case .planned: "\u{25D0}"
        case .idea: "\u{25CB}"
        case .retired: "\u{00D7}"
        }
    }
}
