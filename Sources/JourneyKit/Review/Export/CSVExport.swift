import Foundation

/// Which table `journeyman export --format csv` writes.
public enum CSVTable: String, CaseIterable, Sendable {
    /// One row per touchpoint, in stage order (the default).
    case touchpoints
    /// One row per cohort, in journey order.
    case cohorts
    /// One row per cohort with its yearly cost to serve against its value.
    case costs
}

/// Journey tables as CSV (RFC 4180, CRLF between records), names beside ids.
///
/// A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is written
/// with a leading single quote (`'=1+1`), so a spreadsheet shows it as text instead of
/// running it as a formula (CSV injection).
public enum CSVExport {
    /// The touchpoint table's columns, in order.
    public static let columns = ["stageOrder", "stage", "stageName", "position", "id", "name", "channel", "channelName",
                                 "trigger.kind", "trigger.detail", "model", "modelName", "layers", "layerNames",
                                 "cohorts", "cohortNames", "owner", "content", "kpis", "escalation", "status",
                                 "evidence", "sentiment", "painPoints", "notes", "suppress"]

    /// The cohort table's columns, in order; `routing` holds the cohort's routing rules, `; ` between them.
    public static let cohortColumns = ["order", "id", "name", "description", "level", "model", "modelName", "layers",
                                       "layerNames", "size", "valuePerUser", "complexity", "service", "routing"]

    /// The cost table's columns, in order.
    public static let costColumns = ["order", "cohort", "cohortName", "model", "modelName", "customers", "currency",
                                     "unitCost", "cost", "value", "costShare"]

    /// A byte-order mark some spreadsheet programs need to read UTF-8.
    public static let bom = "\u{FEFF}"

    /// The table asked for.
    public static func table(_ j: Journey, _ table: CSVTable) -> String {
        switch table {
        case .touchpoints: touchpoints(j)
        case .cohorts: cohorts(j)
        case .costs: costs(j)
        }
    }

    public static func touchpoints(_ j: Journey) -> String {
        var out = record(columns)
        let names = { (ids: [String]) in ids.map(j.modelName).joined(separator: "; ") }
        for (si, s) in j.stages.enumerated() {
            for (i, t) in s.touchpoints.enumerated() {
                out += record([
                    String(si + 1), s.id, s.name, String(i + 1), t.id, t.name, t.channel ?? "",
                    t.channel.map(SummaryFacts.channelName) ?? "", t.trigger?.kind.rawValue ?? "", t.trigger?.detail ?? "",
                    t.model ?? "", t.model.map(j.modelName) ?? "", t.layers.joined(separator: "; "), names(t.layers),
                    t.cohorts.joined(separator: "; "), t.cohorts.map { SummaryFacts.cohortName($0, in: j) }.joined(separator: "; "),
                    t.owner, t.content, t.kpis.map { SummaryFacts.kpi($0, name: $0.name, unit: $0.unit) }.joined(separator: "; "),
                    t.escalation, t.status?.rawValue ?? "", t.evidence?.rawValue ?? "", t.sentiment.map(String.init) ?? "",
                    t.painPoints.joined(separator: "; "), t.notes,
                    t.suppress.map { $0.rule + ": " + $0.reason }.joined(separator: "; "),
                ])
            }
        }
        return out
    }

    public static func cohorts(_ j: Journey) -> String {
        var out = record(cohortColumns)
        for (i, c) in j.cohorts.enumerated() {
            out += record([
                String(i + 1), c.id, c.name, c.description, c.level?.rawValue ?? "", c.model ?? "", c.model.map(j.modelName) ?? "",
                c.layers.joined(separator: "; "), c.layers.map(j.modelName).joined(separator: "; "),
                c.size.map(String.init) ?? "", c.valuePerUser.map(plain) ?? "", c.complexity?.rawValue ?? "", c.service?.rawValue ?? "",
                c.routing.map { SummaryFacts.routing($0, in: j, arrow: " -> ", text: { $0 }) }.joined(separator: "; "),
            ])
        }
        return out
    }

    public static func costs(_ j: Journey) -> String {
        var out = record(costColumns)
        let report = CostReport(j)
        for (i, (c, line)) in zip(j.cohorts, report.cohorts).enumerated() {
            out += record([
                String(i + 1), c.id, c.name, c.model ?? "", c.model.map(j.modelName) ?? "", c.size.map(String.init) ?? "",
                report.currency, line.unitCost.map(plain) ?? "", line.cost.map(plain) ?? "", line.value.map(plain) ?? "",
                line.costShare.map { plain(($0 * 10000).rounded() / 100) } ?? "",
            ])
        }
        return out
    }

    /// A number as a spreadsheet reads it: no separators, at most two decimals.
    static func plain(_ d: Double) -> String { JSONWriter.formatNumber((d * 100).rounded() / 100) }

    /// One record: fields quoted when they hold a comma, quote or line break.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A field with control characters removed (line breaks and tabs kept), defused
    /// against formula injection, and quoted as RFC 4180 asks.
    static func field(_ raw: String) -> String {
        var s = ReviewText.multiline(raw)
        if let first = s.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first) { s = "'" + s }
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
