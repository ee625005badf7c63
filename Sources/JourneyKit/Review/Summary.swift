/// A presenter's summary of a journey, as terminal text or GitHub-flavoured Markdown.
///
/// The same input always gives the same bytes. Journey text never reaches the
/// output raw: control characters are shown as visible escapes in text and
/// removed in Markdown.
public enum Summary {
    /// The plain-text summary, wrapped to `options.width` terminal cells.
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

    public init(lintHighlights: [String] = [], costToServe: SummaryTable? = nil, costNotes: [String] = []) {
        self.lintHighlights = lintHighlights
        self.costToServe = costToServe
        self.costNotes = costNotes
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

    static func team(_ t: Team) -> String? {
        var parts: [String] = []
        if let p = t.people { parts.append("\(CostModel.grouped(p)) people") }
        if let h = t.hoursPerPerson { parts.append("\(CostModel.grouped(h)) hours a year each") }
        if let b = t.budget { parts.append("budget \(CostModel.grouped(b))") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// A KPI as `Name (outcome, health, target 80 %)`.
    static func kpi(_ k: KPI, name: String, unit: String) -> String {
        var parts = [k.kind.rawValue]
        if k.health { parts.append("health score") }
        if let t = k.target { parts.append("target " + number(t) + (unit.isEmpty ? "" : unit == "%" ? unit : " " + unit)) }
        return name + " (" + parts.joined(separator: ", ") + ")"
    }

    static func number(_ d: Double) -> String { JSONWriter.formatNumber(d) }

    /// An integer with thousands separators: 120,000.
    static func grouped(_ n: Int) -> String { CostModel.grouped(Double(n)) }
}
