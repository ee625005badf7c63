/// Journey text escaped for GitHub-flavoured Markdown.
public enum MarkdownText {
    /// One line of inline Markdown that shows exactly the text: control characters
    /// removed, line breaks as spaces, and every character Markdown or HTML would
    /// read as syntax (`\ ` * _ [ ] < > | ~ & #`, and list or heading markers at
    /// the start) escaped with a backslash. Safe inside table cells.
    public static func escape(_ text: String) -> String {
        let s = ReviewText.stripped(text)
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            if special.contains(c) { out.append("\\") }
            out.append(c)
        }
        // A leading list, quote, heading or thematic-break marker.
        if let f = out.first, "-+=>".contains(f) { out.insert("\\", at: out.startIndex) }
        if let dot = out.firstIndex(where: { !$0.isASCII || !$0.isNumber }), dot != out.startIndex,
           out[dot] == "." || out[dot] == ")" {
            out.insert("\\", at: dot)
        }
        return out
    }

    /// Our own text (not journey text) where backquoted parts are code: those become code
    /// spans, the rest is escaped as `escape` does.
    static func withCode(_ text: String) -> String {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().map { i, part in
            i % 2 == 1 && !part.isEmpty ? "`" + ReviewText.stripped(String(part)) + "`"
                : (part.first == " " ? " " : "") + escape(String(part)) + (part.count > 1 && part.last == " " ? " " : "")
        }.joined()
    }

    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "#", "!"]

    /// A table row from cells that are already escaped.
    static func row(_ cells: [String]) -> String {
        "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |"
    }

    /// A table header and its delimiter row; `numeric` columns are right-aligned.
    static func header(_ columns: [String], numeric: [Bool] = []) -> [String] {
        [row(columns), "|" + columns.indices.map { i in i < numeric.count && numeric[i] ? "---:|" : "---|" }.joined()]
    }
}
