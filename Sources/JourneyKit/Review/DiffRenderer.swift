extension JourneyDiff {
    /// The diff as text, one change a line, grouped by kind of item; control
    /// characters in journey text are shown as escapes. Empty when equal.
    public func text() -> String {
        var out = ""
        var group = ""
        for c in changes {
            let heading = JourneyDiff.heading(c)
            if heading != group {
                out += heading + "\n"
                group = heading
            }
            out += "  " + TerminalText.escaped(JourneyDiff.line(c, code: { $0 })) + "\n"
        }
        return out
    }

    /// The diff as GitHub-flavoured Markdown: a heading per kind of item and a list.
    public func markdown(title: String = "Journey changes") -> String {
        var out = "## " + MarkdownText.escape(title) + "\n"
        if changes.isEmpty { return out + "\nNo changes.\n" }
        var group = ""
        for c in changes {
            let heading = JourneyDiff.heading(c)
            if heading != group {
                out += "\n### " + heading + "\n\n"
                group = heading
            }
            // Without the change mark: `+`, `-` and `>` would start a nested list or a quote.
            out += "- " + TerminalText.escaped(String(JourneyDiff.line(c, code: JourneyDiff.codeSpan).dropFirst(2))) + "\n"
        }
        return out
    }

    /// A one-line count of the changes, e.g. `3 changes`.
    public var count: String { changes.count == 1 ? "1 change" : "\(changes.count) changes" }

    static func heading(_ c: Change) -> String {
        if c.kind == .reordered {
            let lists = ["stages": "Stages", "touchpoints": "Touchpoints", "kpis": "KPIs", "loops": "Loop edges", "cohorts": "Cohorts"]
            return lists[c.field ?? ""] ?? "Models"
        }
        switch c.item {
        case "journey": return "Journey"
        case "stage": return "Stages"
        case "touchpoint": return "Touchpoints"
        case "KPI": return "KPIs"
        case "loop edge": return "Loop edges"
        case "cohort": return "Cohorts"
        default: return "Models"
        }
    }

    /// One change in words; `code` marks ids and values (Markdown code spans).
    static func line(_ c: Change, code: (String) -> String) -> String {
        let what = c.item + " " + code(c.id ?? "")
        let named = c.name.map { what + " " + code(JSONWriter.quoted($0)) } ?? what
        let none = "(none)"
        switch c.kind {
        case .added: return "+ " + named + " added " + (c.new ?? "")
        case .removed: return "- " + named + " removed" + (c.old.map { " from " + $0 } ?? "")
        case .renamed: return "~ " + what + " renamed: " + code(c.old ?? none) + " -> " + code(c.new ?? none)
        case .moved: return "> " + what + " moved from " + (c.old ?? "") + " to " + (c.new ?? "")
        case .reordered:
            let owner = c.id == nil ? "the journey" : what
            return "^ " + (c.field ?? "items") + " of " + owner + " reordered: " + code(c.old ?? "") + " -> " + code(c.new ?? "")
        case .changed:
            let subject = c.id == nil ? "" : what + " "
            return "~ " + subject + code(c.field ?? "") + ": " + code(c.old ?? none) + " -> " + code(c.new ?? none)
        }
    }

    /// A Markdown code span that holds any text.
    static func codeSpan(_ s: String) -> String {
        if s.isEmpty { return "" }
        var longest = 0, run = 0
        for ch in s {
            run = ch == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = s.first == "`" || s.last == "`" ? " " : ""
        return fence + pad + ReviewText.stripped(s) + pad + fence
    }
}
