/// A journey as a Graphviz graph, left to right: one node per stage, named once, with
/// its touchpoints listed in their order (each with a left border in its model's colour),
/// bold arrows in stage order, loop edges dashed with their labels, and a legend of
/// the model colours (the map's Okabe-Ito palette).
public enum DOTExport {
    public static func graph(_ j: Journey) -> String {
        var out = ["digraph journey {",
                   "  graph [rankdir=LR, labelloc=t, fontname=\"Helvetica\", nodesep=0.3, ranksep=0.5, label=\(quoted(j.title))];",
                   "  node [shape=plain, fontname=\"Helvetica\"];",
                   "  edge [fontname=\"Helvetica\"];"]
        let ids = Dictionary(j.stages.enumerated().map { ($1.id, "s\($0 + 1)") }, uniquingKeysWith: { a, _ in a })
        for (i, s) in j.stages.enumerated() {
            var rows: [String] = []
            var facts: [String] = []
            if let l = s.level { facts.append(l.title) }
            if let d = s.dropOff { facts.append("drop-off " + NumberText.percent(d)) }
            var head = "<B>" + html("\(i + 1). " + s.name, wrap: 28) + "</B>"
            if !facts.isEmpty { head += "<BR/><FONT POINT-SIZE=\"10\">" + html(facts.joined(separator: " \u{00B7} ")) + "</FONT>" }
            rows.append("<TR><TD BGCOLOR=\"\(MapPalette.headerFill)\">\(head)</TD></TR>")
            if s.touchpoints.isEmpty { rows.append("<TR><TD><FONT POINT-SIZE=\"10\">no touchpoints</FONT></TD></TR>") }
            for t in s.touchpoints {
                var details: [String] = []
                if let c = t.channel { details.append(SummaryFacts.channelName(c)) }
                if let m = SummaryFacts.modelWithLayers(t.model, t.layers, in: j) { details.append(m) }
                var cell = html(t.name.isEmpty ? t.id : t.name, wrap: 30)
                if !details.isEmpty { cell += "<BR ALIGN=\"LEFT\"/><FONT POINT-SIZE=\"10\" COLOR=\"\(MapPalette.muted)\">" + html(details.joined(separator: " \u{00B7} "), wrap: 36) + "</FONT>" }
                rows.append("<TR><TD BORDER=\"6\" SIDES=\"L\" COLOR=\"\(MapPalette.colour(t.model, in: j))\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">\(cell)<BR ALIGN=\"LEFT\"/></TD></TR>")
            }
            out.append("  s\(i + 1) [label=<<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"4\" BGCOLOR=\"#FFFFFF\">" + rows.joined() + "</TABLE>>];")
        }
        for i in j.stages.indices.dropFirst() { out.append("  s\(i) -> s\(i + 1) [penwidth=2];") }
        for l in j.loops {
            guard let from = ids[l.from], let to = ids[l.to] else { continue }
            out.append("  \(from) -> \(to) [style=dashed, constraint=false, label=\(quoted(l.label))];")
        }
        let models = MapLayout.modelsUsed(j)
        if !models.isEmpty {
            var rows = ["<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Engagement models</B></TD></TR>"]
            for m in models {
                rows.append("<TR><TD WIDTH=\"12\" BGCOLOR=\"\(MapPalette.colour(m, in: j))\"></TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">\(html(j.modelName(m), wrap: 30))</TD></TR>")
            }
            out.append("  legend [label=<<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\" COLOR=\"\(MapPalette.rule)\">" + rows.joined() + "</TABLE>>];")
            out.append("  { rank=sink; legend; }")
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

    /// Text for a Graphviz HTML-like label: control characters removed, XML-escaped,
    /// wrapped at `wrap` terminal cells with left-aligned breaks.
    static func html(_ s: String, wrap: Int = 0) -> String {
        let clean = ReviewText.stripped(s)
        let lines = wrap > 0 ? TextWrap.wrap(clean, width: wrap) : [clean]
        return lines.map(JourneyMap.xml).joined(separator: "<BR ALIGN=\"LEFT\"/>")
    }
}
