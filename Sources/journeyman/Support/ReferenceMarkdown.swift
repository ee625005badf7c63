/// Table cells and code spans for the reference tables generated into docs/ (authored text:
/// its code spans are kept, only `|` is escaped).
enum ReferenceMarkdown {
    /// Text for a table cell: `|` escaped, one line.
    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// A code span holding `s` (a span with a backtick in it is fenced with two and padded).
    static func code(_ s: String) -> String {
        s.contains("`") ? "`` \(cell(s)) ``" : "`\(cell(s))`"
    }

    /// A table: the header row, the rule, one row per item; cells are written as given
    /// (pass them through `cell` or `code` first).
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let line = { (cells: [String]) in "| " + cells.joined(separator: " | ") + " |" }
        return ([line(header), "|" + String(repeating: "---|", count: header.count)] + rows.map(line))
            .joined(separator: "\n") + "\n"
    }
}
