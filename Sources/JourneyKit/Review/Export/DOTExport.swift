/// A journey as a Graphviz graph: a cluster per stage holding its touchpoints,
/// arrows in stage order, and loop edges dashed with their labels.
public enum DOTExport {
    public static func graph(_ j: Journey) -> String {
        var out = ["digraph journey {",
                   "  graph [rankdir=LR, labelloc=t, fontname=\"Helvetica\", label=\(quoted(j.title))];",
                   "  node [shape=box, style=rounded, fontname=\"Helvetica\"];",
                   "  edge [fontname=\"Helvetica\"];"]
        let ids = Dictionary(j.stages.enumerated().map { ($1.id, "s\($0 + 1)") }, uniquingKeysWith: { a, _ in a })
        for (i, s) in j.stages.enumerated() {
            let sid = "s\(i + 1)"
            out.append("  subgraph cluster_\(sid) {")
            out.append("    label=\(quoted("\(i + 1). " + ReviewText.stripped(s.name)));")
            out.append("    \(sid) [label=\(quoted(s.name)), shape=box, style=bold];")
            for (k, t) in s.touchpoints.enumerated() {
                var details: [String] = []
                if let c = t.channel { details.append(SummaryFacts.channelName(c)) }
                if let m = SummaryFacts.modelWithLayers(t.model, t.layers, in: j) { details.append(m) }
                let label = "\"" + escape(t.name) + (details.isEmpty ? "" : "\\n" + escape(details.joined(separator: ", "))) + "\""
                out.append("    \(sid)t\(k + 1) [label=\(label)];")
                out.append("    \(sid) -> \(sid)t\(k + 1) [arrowhead=none, style=dotted];")
            }
            out.append("  }")
        }
        for i in j.stages.indices.dropFirst() { out.append("  s\(i) -> s\(i + 1) [penwidth=2];") }
        for l in j.loops {
            guard let from = ids[l.from], let to = ids[l.to] else { continue }
            out.append("  \(from) -> \(to) [style=dashed, constraint=false, label=\(quoted(l.label))];")
        }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    /// A DOT string literal: control characters removed, `\` and `"` escaped.
    static func quoted(_ s: String) -> String { "\"" + escape(s) + "\"" }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in ReviewText.stripped(s) {
            if c == "\\" || c == "\"" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
