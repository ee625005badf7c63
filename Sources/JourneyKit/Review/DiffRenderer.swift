extension JourneyDiff {
    /// The diff as text, one change a line, grouped by kind of item; control
    /// characters in journey text are shown as escapes. Empty when equal. With `colour`,
    /// headings are bold, additions green, removals red, edits yellow, moves cyan (ANSI).
    public func text(colour: Bool = false) -> String {
        var out = ""
        var group = ""
        func paint(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m" + s + "\u{1B}[0m" : s }
        for c in changes {
            let heading = JourneyDiff.heading(c)
            if heading != group {
                out += paint(heading, "1") + "\n"
                group = heading
            }
            out += "  " + paint(TerminalText.escaped(JourneyDiff.line(c, code: { $0 })), JourneyDiff.colourCode(c.kind)) + "\n"
        }
        return out
    }

    static func colourCode(_ kind: Change.Kind) -> String {
        switch kind {
        case .added: "32"
        case .removed: "31"
        case .renamed, .changed: "33"
        case .moved, .reordered: "36"
        }
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

    /// The diff for tools (`diff --format json`): `{"equal": Bool, "changes": [...]}`, each
    /// change with `kind`, `item`, `id`, `name`, `path` and, by kind: `field`, `old` and `new`
    /// as JSON values (changed, renamed); `list`, `old` and `new` as id arrays (reordered);
    /// `fields` (added); `position` and `parent` (`{"item", "id"}`, null for the journey) for
    /// added, moved and removed items, plus `from` (the old parent, the same shape) when moved. Keys are sorted
    /// and absent values left out; docs/review.md describes the format.
    public func json() -> JSONNode {
        func value(_ s: String?) -> JSONNode? {
            guard let s else { return nil }
            return (try? JSONReader.read(Array(s.utf8), limits: JSONLimits(maxDepth: 64, maxStringBytes: .max)))?.withoutOffsets ?? .string(s)
        }
        let items: [JSONNode] = changes.map { c in
            var m: [JSONMember] = [JSONMember("kind", .string(c.kind.rawValue)), JSONMember("item", .string(c.item)),
                                   JSONMember("path", .string(c.path.description))]
            if let id = c.id { m.append(JSONMember("id", .string(id))) }
            if let name = c.name { m.append(JSONMember("name", .string(name))) }
            func put(_ key: String, _ v: JSONNode?) { if let v { m.append(JSONMember(key, v)) } }
            switch c.kind {
            case .changed:
                put("field", c.field.map(JSONNode.string))
                put("old", value(c.old))
                put("new", value(c.new))
            case .renamed:
                put("old", value(c.old))
                put("new", value(c.new))
            case .moved:
                // The old place is "the journey" or "KIND ID" (a stage or touchpoint: one word each).
                let from = (c.old ?? "").split(separator: " ", maxSplits: 1).map(String.init)
                put("from", c.old == "the journey" || from.count != 2 ? JSONNode(.null)
                    : .object([JSONMember("item", .string(from[0])), JSONMember("id", .string(from[1]))]))
            case .reordered:
                put("list", c.field.map(JSONNode.string))
                let ids = { (s: String?) in JSONNode.array((s ?? "").split(separator: ",").map { .string(String($0.drop { $0 == " " })) }) }
                put("old", ids(c.old))
                put("new", ids(c.new))
            case .added:
                put("fields", .object(c.details))
            case .removed: break
            }
            if let position = c.position {
                put("position", .number(position))
                put("parent", c.parentItem.map { .object([JSONMember("item", .string($0)), JSONMember("id", .string(c.parentId ?? ""))]) } ?? JSONNode(.null))
            }
            return .object(m)
        }
        return .object([JSONMember("equal", .bool(changes.isEmpty)), JSONMember("changes", .array(items))])
    }

    /// A one-line count of the changes, e.g. `3 changes`.
    public var count: String { changes.count == 1 ? "1 change" : "\(changes.count) changes" }

    static func heading(_ c: Change) -> String {
        if c.kind == .reordered {
            let lists = ["stages": "Stages", "touchpoints": "Touchpoints", "kpis": "KPIs", "loops": "Loop edges", "cohorts": "Cohorts",
                         "routing": "Routing rules", "scenarios": "Scenarios", "conflicts": "Conflicts"]
            return lists[c.field ?? ""] ?? "Models"
        }
        switch c.item {
        case "journey": return "Journey"
        case "stage": return "Stages"
        case "touchpoint": return "Touchpoints"
        case "KPI": return "KPIs"
        case "loop edge": return "Loop edges"
        case "cohort": return "Cohorts"
        case "routing rule": return "Routing rules"
        case "scenario": return "Scenarios"
        case "conflict": return "Conflicts"
        default: return "Models"
        }
    }

    /// One change in words; `code` marks ids and values (Markdown code spans).
    static func line(_ c: Change, code: (String) -> String) -> String {
        let what = c.item + " " + code(c.id ?? "")
        let named = c.name.map { what + " " + code(JSONWriter.quoted($0)) } ?? what
        let none = "(none)"
        switch c.kind {
        case .added: return "+ " + named + " added " + (c.new ?? "") + (c.details.isEmpty ? "" : ": " + c.details.map { $0.key + " " + code(FieldPaths.compact($0.value)) }.joined(separator: ", "))
        case .removed: return "- " + named + " removed" + (c.old.map { " from " + $0 } ?? "")
        case .renamed: return "~ " + what + " renamed: " + code(c.old ?? none) + " -> " + code(c.new ?? none)
        case .moved: return "> " + what + " moved from " + (c.old ?? "") + " to " + (c.new ?? "")
        case .reordered:
            let owner = c.id == nil ? "the journey" : what
            return "^ " + (c.field ?? "items") + " of " + owner + " reordered: " + code(c.old ?? "") + " -> " + code(c.new ?? "")
        case .changed where c.id == nil && c.field == "formatVersion":
            return "~ format upgraded: " + code(c.old ?? none) + " -> " + code(c.new ?? none)
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
