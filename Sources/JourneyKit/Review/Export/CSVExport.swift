import Foundation

/// A journey's touchpoints as CSV (RFC 4180): one row per touchpoint, in stage
/// order, with its stage and every field; CRLF between records.
public enum CSVExport {
    /// The column names, in order.
    public static let columns = ["stage", "stageName", "position", "id", "name", "channel", "trigger.kind", "trigger.detail",
                                 "model", "layers", "cohorts", "owner", "content", "kpis", "escalation", "status",
                                 "evidence", "notes", "suppress"]

    public static func touchpoints(_ j: Journey) -> String {
        var out = record(columns)
        for s in j.stages {
            for (i, t) in s.touchpoints.enumerated() {
                out += record([
                    s.id, s.name, String(i + 1), t.id, t.name, t.channel ?? "", t.trigger?.kind.rawValue ?? "",
                    t.trigger?.detail ?? "", t.model ?? "", t.layers.joined(separator: "; "), t.cohorts.joined(separator: "; "),
                    t.owner, t.content, t.kpis.map { SummaryFacts.kpi($0, name: $0.name, unit: $0.unit) }.joined(separator: "; "),
                    t.escalation, t.status?.rawValue ?? "", t.evidence?.rawValue ?? "", t.notes,
                    t.suppress.map { $0.rule + ": " + $0.reason }.joined(separator: "; "),
                ])
            }
        }
        return out
    }

    /// One record: fields quoted when they hold a comma, quote or line break.
    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A field with control characters removed (line breaks and tabs kept), quoted as RFC 4180 asks.
    static func field(_ raw: String) -> String {
        let s = ReviewText.multiline(raw)
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
