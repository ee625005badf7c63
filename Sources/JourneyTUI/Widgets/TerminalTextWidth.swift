import JourneyKit

/// Cutting and padding text by terminal cells (wide characters count two).
public enum TerminalTextWidth {
    /// The text on one line, cut to `width` cells with `ellipsis` at the end when cut.
    public static func clip(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        let line = TerminalText.singleLine(text)
        if TerminalText.width(line) <= width { return line }
        var out = "", used = 0
        let limit = width - TerminalText.width(ellipsis)
        for ch in line {
            let w = TerminalText.width(of: ch)
            if used + w > limit { break }
            out.append(ch)
            used += w
        }
        return out + ellipsis
    }

    /// The last `width` cells of the text (for a field scrolled to its cursor).
    public static func tail(_ text: String, width: Int) -> String {
        var out: [Character] = [], used = 0
        for ch in text.reversed() {
            let w = TerminalText.width(of: ch)
            if used + w > width { break }
            out.append(ch)
            used += w
        }
        return String(out.reversed())
    }

    /// The text on lines of at most `width` cells: broken at spaces where it can,
    /// inside a word when a word is longer than a line.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = [], line: [Character] = [], used = 0, lastSpace: Int? = nil
        for ch in TerminalText.singleLine(text) {
            let w = TerminalText.width(of: ch)
            if used + w > width {
                if let space = lastSpace, space > 0 {
                    lines.append(String(line[..<space]))
                    line = Array(line[(space + 1)...])
                } else {
                    lines.append(String(line))
                    line = []
                }
                used = line.reduce(0) { $0 + TerminalText.width(of: $1) }
                lastSpace = nil
            }
            if ch == " " { lastSpace = line.count }
            line.append(ch)
            used += w
        }
        if !line.isEmpty { lines.append(String(line)) }
        return lines
    }
}
