/// A presenter's summary of a journey, as terminal text or GitHub-flavoured Markdown.
///
/// The same input always gives the same bytes. Journey text never reaches the
/// output raw: control characters are shown as visible escapes in text and
/// removed in Markdown.
public enum Summary {
    /// The brief alone: at most 15 lines (at most one per fact, each cut to the width).
    public static func brief(_ journey: Journey, options: SummaryOptions = SummaryOptions(), extras: SummaryExtras = SummaryExtras()) -> String {
        var r = SummaryTextRenderer(journey: journey, options: options, extras: extras)
        r.briefBlock()
        return r.lines.joined(separator: "\n") + "\n"
    }

    /// The plain-text summary, wrapped to `options.width` terminal cells; it opens with the brief.
    public static func text(_ journey: Journey, options: SummaryOptions = SummaryOptions(), extras: SummaryExtras = SummaryExtras()) -> String {
        var r = SummaryTextRenderer(journey: journey, options: options, extras: extras)
        return r.render()
    }

    /// The Markdown summary (GitHub-flavoured, with tables).
    public static func markdown(_ journey: Journey, extras: SummaryExtras = SummaryExtras()) -> String {
        SummaryMarkdownRenderer(journey: journey, extras: extras).render()
    }
}

/// How the text summary is laid out.
public struct SummaryOptions: Hashable, Sendable {
    /// No line is wider than this many terminal cells (at least 10 is used).
    public var width: Int
    /// Pure 7-bit ASCII: no box drawing or other non-ASCII decoration, and the
    /// journey's own text folded with `ReviewText.ascii`.
    public var ascii: Bool

    public init(width: Int = 80, ascii: Bool = false) {
        self.width = width
        self.ascii = ascii
    }

    /// The narrowest width the summary is laid out for.
    public static let minimumWidth = 10
}

/// Sections computed elsewhere (by the strategy engine) that the summary shows when given.
public struct SummaryExtras: Hashable, Sendable {
    /// The lint findings worth a presenter's attention, one line each, most severe first.
    public var lintHighlights: [String]
    /// The yearly cost to serve, as a table.
    public var costToServe: SummaryTable?
    /// Notes printed under the cost table (totals, assumptions).
    public var costNotes: [String]

    /// The brief's lines, label and text (see `SummaryBrief`); empty for no brief.
    public var brief: [(label: String, text: String)]
    /// Each cohort's yearly cost to serve and value, for the bar chart under the cost table.
    public var costBars: [SummaryBar] = []
    /// The currency of the amounts.
    public var currency: String = CostModel.defaultCurrency
    /// Customers entering each stage, from the forecast, for the funnel chart; empty for none.
    public var funnel: [SummaryFunnelStage] = []
    /// The forecast's horizon, in months.
    public var horizonMonths: Int = JourneySettings.defaultHorizonMonths

    public init(lintHighlights: [String] = [], costToServe: SummaryTable? = nil, costNotes: [String] = [], brief: [(label: String, text: String)] = []) {
        self.lintHighlights = lintHighlights
        self.costToServe = costToServe
        self.costNotes = costNotes
        self.brief = brief
    }

    public static func == (a: SummaryExtras, b: SummaryExtras) -> Bool {
        a.lintHighlights == b.lintHighlights && a.costToServe == b.costToServe && a.costNotes == b.costNotes && a.costBars == b.costBars
            && a.funnel == b.funnel && a.horizonMonths == b.horizonMonths && a.currency == b.currency
            && a.brief.map(\.label) == b.brief.map(\.label) && a.brief.map(\.text) == b.brief.map(\.text)
    }

    public func hash(into h: inout Hasher) {
        h.combine(lintHighlights)
        h.combine(costToServe)
        h.combine(costNotes)
        for line in brief { h.combine(line.label); h.combine(line.text) }
        h.combine(funnel)
    }
}

/// One stage of the summary's funnel chart: customers entering it over the forecast's horizon.
public struct SummaryFunnelStage: Hashable, Sendable {
    public var name: String
    public var entering: Double

    public init(name: String, entering: Double) {
        self.name = name
        self.entering = entering
    }
}

/// One cohort's bar: its cost to serve against its value, a year.
public struct SummaryBar: Hashable, Sendable {
    public var name: String
    public var cost: Double
    public var value: Double

    public init(name: String, cost: Double, value: Double) {
        self.name = name
        self.cost = cost
        self.value = value
    }
}

/// A small table of figures: header, rows, and which columns are numbers (right-aligned).
public struct SummaryTable: Hashable, Sendable {
    public var columns: [String]
    public var numeric: [Bool]
    public var rows: [[String]]

    public init(columns: [String], numeric: [Bool] = [], rows: [[String]]) {
        self.columns = columns
        self.numeric = numeric + Array(repeating: false, count: max(0, columns.count - numeric.count))
        self.rows = rows.map { $0.count >= columns.count ? Array($0.prefix(columns.count)) : $0 + Array(repeating: "", count: columns.count - $0.count) }
    }
}

/// Names and figures both summary renderers show.
enum SummaryFacts {
    /// The model with its layers, e.g. `Low-touch + AI-augmented`.
    static func modelWithLayers(_ model: String?, _ layers: [String], in journey: Journey) -> String? {
        let parts = (model.map { [$0] } ?? []) + layers
        if parts.isEmpty { return nil }
        return parts.map(journey.modelName).joined(separator: " + ")
    }

    static func channelName(_ id: String) -> String { Channel.named(id)?.name ?? id }

    static func stageName(_ id: String, in journey: Journey) -> String {
        journey.stages.first { $0.id == id }?.name ?? id
    }

    static func cohortName(_ id: String, in journey: Journey) -> String {
        journey.cohorts.first { $0.id == id }?.name ?? id
    }

    /// Why the framework fits, from the catalog; nil for a custom framework.
    static func frameworkReason(_ journey: Journey) -> String? {
        guard let f = journey.framework.builtIn else { return nil }
        return "\(f.useWhen) Fits best: \(f.fitsBest)."
    }

    static func maturity(_ m: MaturityResult) -> String {
        let rung = Maturity.ladderA.first { $0.number == m.rung }?.name ?? "?"
        let level = Maturity.ladderB.first { $0.number == m.level }?.name ?? "?"
        return "rung \(m.rung) of 4 (\(rung)), level \(m.level) of 4 (\(level)), assessed \(m.assessed)"
    }

    static func team(_ t: Team, currency: String) -> String? {
        var parts: [String] = []
        if let p = t.people { parts.append("\(CostModel.grouped(p)) people") }
        if let h = t.hoursPerPerson { parts.append("\(CostModel.grouped(h)) hours a year each") }
        if let b = t.budget { parts.append("budget " + NumberText.money(b, currency: currency) + " a year") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// A KPI as `Name (outcome, health, target 80 %)`.
    static func kpi(_ k: KPI, name: String, unit: String) -> String {
        var parts = [k.kind.rawValue]
        if k.health { parts.append("health score") }
        if let t = k.target { parts.append("target " + NumberText.amount(t, unit: unit)) }
        return name + " (" + parts.joined(separator: ", ") + ")"
    }

    static func number(_ d: Double) -> String { NumberText.grouped(d) }

    /// A routing rule as `signal: condition → action (owner X; via Touchpoint; to Model)`;
    /// `text` makes journey text safe for the output, `arrow` joins the condition to the action.
    static func routing(_ r: RoutingRule, in j: Journey, arrow: String, text: (String) -> String) -> String {
        var line = text(r.signal) + ": " + text(r.condition) + arrow + text(r.action)
        var details: [String] = []
        if !r.owner.isEmpty { details.append("owner " + text(r.owner)) }
        if let tp = r.touchpoint { details.append("via " + text(touchpointName(tp, in: j))) }
        if let m = r.model { details.append("to " + text(j.modelName(m))) }
        if !details.isEmpty { line += " (" + details.joined(separator: "; ") + ")" }
        return line
    }

    /// A health score component as `Name (Recency), weight 3 of 9, reads Days since login`.
    static func healthComponent(_ c: HealthComponent, of score: HealthScore, in j: Journey, text: (String) -> String) -> String {
        var line = text(c.name)
        if c.kind.title != c.name { line += " (" + c.kind.title + ")" }
        let total = score.components.reduce(0) { $0 + $1.weight }
        line += ", weight " + number(c.weight) + (total > 0 && score.components.count > 1 ? " of " + number(total) : "")
        if let k = c.kpi {
            let name = j.allKPIs.first { $0.id == k }?.name ?? k
            if name != c.name { line += ", reads " + text(name) }
        }
        return line
    }

    /// A health band as `At risk below 60 → Salary-stop save call; the relationship manager calls`:
    /// the touchpoints by name, the routing rules by their action.
    static func healthBand(_ b: HealthBand, in j: Journey, arrow: String, text: (String) -> String) -> String {
        var line = b.state.title + (b.below.map { " below " + number($0) } ?? "")
        let rules = j.cohorts.flatMap(\.routing)
        let targets = b.leadsTo.map { id in
            rules.first { $0.id == id }.map { text($0.action) } ?? text(touchpointName(id, in: j))
        }
        if !targets.isEmpty { line += arrow + targets.joined(separator: "; ") }
        return line
    }

    static func touchpointName(_ id: String, in j: Journey) -> String {
        for s in j.stages { if let t = s.touchpoints.first(where: { $0.id == id }) { return t.name } }
        return id
    }

    /// An integer with thousands separators: 120,000.
    static func grouped(_ n: Int) -> String { CostModel.grouped(Double(n)) }
}
