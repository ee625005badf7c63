/// Mermaid diagrams of a journey: a `journey` diagram, or a flowchart with loop edges.
///
/// Journey text is written with Mermaid entity codes (`#58;` for `:`) for every
/// character its grammar reads as syntax, so no name can end a line or a field early.
public enum MermaidExport {
    /// A user-journey diagram: sections are stages, tasks are touchpoints, actors
    /// are the cohorts a touchpoint targets, and the score is `score(_:)`: the sentiment.
    public static func journey(_ j: Journey) -> String {
        var out = ["journey", "    title " + text(j.title, fallback: "Journey")]
        for s in j.stages {
            out.append("    section " + text(s.name, fallback: s.id))
            for t in s.touchpoints {
                var line = "      " + text(taskName(t), fallback: t.id) + ": \(score(t))"
                let actors = t.cohorts.map { text(SummaryFacts.cohortName($0, in: j), fallback: $0, comma: true) }
                if !actors.isEmpty { line += ": " + actors.joined(separator: ", ") }
                out.append(line)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Mermaid draws a task in a 150-pixel box two lines high at 14 pixels: the name
    /// is shortened (with an ellipsis) to two lines of 140 pixels by the map's width table.
    static func taskName(_ t: Touchpoint) -> String {
        TextFit.fitted(ReviewText.stripped(t.name), width: 140, size: 14, maxLines: 2)
    }

    /// The task's score, which Mermaid draws as a face: the touchpoint's `sentiment`
    /// (how the customer feels there, 1 to 5) when set, else 3, a neutral face, so no
    /// face suggests a feeling nobody recorded.
    public static func score(_ t: Touchpoint) -> Int {
        min(5, max(1, t.sentiment ?? 3))
    }

    /// A left-to-right flowchart: stages as boxes (subgraphs holding their
    /// touchpoints) side by side, arrows in stage order, loop edges dotted with their labels.
    ///
    /// Mermaid 11 ignores `direction TB` inside subgraphs that are linked, so invisible
    /// links (`~~~`) chain each stage's touchpoints to stack them; a loop edge back to
    /// an earlier stage is written from that stage with the arrowhead at its start
    /// (`s3 <-.- s4`), so the layout keeps the stages in one row.
    public static func flowchart(_ j: Journey) -> String {
        var out = ["flowchart LR"]
        let ids = Dictionary(j.stages.enumerated().map { ($1.id, "s\($0 + 1)") }, uniquingKeysWith: { a, _ in a })
        for (i, s) in j.stages.enumerated() {
            let sid = "s\(i + 1)"
            let label = "\"" + text(s.name, fallback: s.id) + "\""
            if s.touchpoints.isEmpty {
                out.append("    \(sid)[\(label)]")
                continue
            }
            out.append("    subgraph \(sid)[\(label)]")
            out.append("        direction TB")
            for (k, t) in s.touchpoints.enumerated() {
                var caption = text(t.name, fallback: t.id)
                if let c = t.channel { caption += " (" + text(SummaryFacts.channelName(c), fallback: c) + ")" }
                out.append("        \(sid)t\(k + 1)[\"\(caption)\"]")
            }
            if s.touchpoints.count > 1 {
                out.append("        " + s.touchpoints.indices.map { "\(sid)t\($0 + 1)" }.joined(separator: " ~~~ "))
            }
            out.append("    end")
        }
        for i in j.stages.indices.dropFirst() { out.append("    s\(i) --> s\(i + 1)") }
        let order = Dictionary(j.stages.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for l in j.loops {
            guard let from = ids[l.from], let to = ids[l.to], let a = order[l.from], let b = order[l.to] else { continue }
            let label = l.label.isEmpty ? "" : "|\"\(text(l.label, fallback: ""))\"|"
            out.append(b < a ? "    \(to) <-.-\(label) \(from)" : "    \(from) -.->\(label) \(to)")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Journey text for a Mermaid line: one line, no control characters, syntax
    /// characters as entity codes, and a leading keyword defused.
    static func text(_ s: String, fallback: String, comma: Bool = false) -> String {
        var clean = ReviewText.stripped(s)
        if clean.isEmpty { clean = fallback }
        var out = ""
        for c in clean {
            switch c {
            case "#": out += "#35;"
            case ":": out += "#58;"
            case ";": out += "#59;"
            case "\"": out += "#quot;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "%": out += "#37;"
            case "`": out += "#96;"
            case "|": out += "#124;"
            case "," where comma: out += "#44;"
            default: out.append(c)
            }
        }
        let lower = out.lowercased()
        if ["title", "section", "acctitle", "accdescr", "journey", "end", "subgraph", "direction"].contains(where: { lower.hasPrefix($0) }),
           let first = out.unicodeScalars.first {
            out = "#\(first.value);" + String(out.unicodeScalars.dropFirst())
        }
        return out
    }
}
