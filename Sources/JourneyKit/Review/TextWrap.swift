/// Word wrapping measured in terminal cells (`TerminalText.width`): CJK and emoji
/// take two cells, and no line is ever wider than the width asked for.
public enum TextWrap {
    /// The text broken into lines of at most `width` cells. The first line starts
    /// with `first`, the others with `rest` (a hanging indent). A word longer than a
    /// line is cut between grapheme clusters. A prefix that leaves fewer than two
    /// cells is dropped. A no-break space (U+00A0) joins two words and is written as
    /// a space. Returns at least one line.
    public static func wrap(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
        let width = max(width, 2)
        let firstPrefix = TerminalText.width(first) <= width - 2 ? first : ""
        let restPrefix = TerminalText.width(rest) <= width - 2 ? rest : ""
        // Most text is one short line of plain ASCII words: nothing to break.
        if isPlainASCIIWords(text), TerminalText.width(firstPrefix) + text.utf8.count <= width {
            return [firstPrefix + text]
        }
        var lines: [String] = []
        var line = firstPrefix
        var used = TerminalText.width(firstPrefix)
        var lineHasWord = false

        func newLine() {
            lines.append(line)
            line = restPrefix
            used = TerminalText.width(restPrefix)
            lineHasWord = false
        }

        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let w = TerminalText.width(String(word))
            let gap = lineHasWord ? 1 : 0
            if used + gap + w <= width {
                if lineHasWord { line += " " }
                line += word
                used += gap + w
                lineHasWord = true
                continue
            }
            if lineHasWord { newLine() }
            if used + w <= width {
                line += word
                used += w
                lineHasWord = true
                continue
            }
            // The word is longer than a whole line: cut it between units (a character, or a
            // whole `\u{...}` escape), never before a character a line may not start with.
            var piece: [String] = []
            for u in units(word, longest: width - max(TerminalText.width(restPrefix), TerminalText.width(firstPrefix))) {
                let cw = TerminalText.width(u)
                if used + cw > width && lineHasWord {
                    var carry: [String] = []
                    var next = u.first!
                    while piece.count > 1, let last = piece.last?.last, !LineBreakRules.canBreak(between: last, and: next) {
                        carry.insert(piece.removeLast(), at: 0)
                        next = carry[0].first!
                    }
                    let carried = carry.reduce(0) { $0 + TerminalText.width($1) }
                    if carried + cw + TerminalText.width(restPrefix) > width {
                        piece += carry
                        carry = []
                    }
                    for c in carry {
                        line.removeLast(c.count)
                        used -= TerminalText.width(c)
                    }
                    newLine()
                    for c in carry {
                        line += c
                        used += TerminalText.width(c)
                    }
                    piece = carry
                    lineHasWord = !carry.isEmpty
                }
                line += u
                used += cw
                piece.append(u)
                lineHasWord = true
            }
        }
        lines.append(line)
        return lines.map { line in
            let spaced = line.unicodeScalars.contains("\u{00A0}") ? String(line.map { $0 == "\u{00A0}" ? " " : $0 }) : line
            return spaced.trimmingTrailingSpaces()
        }
    }

    /// A word as the units a cut may fall between: grapheme clusters, except that a
    /// `\u{...}` escape (as `ReviewText.ascii` writes) stays whole unless it is longer
    /// than `longest` cells.
    static func units(_ word: Substring, longest: Int) -> [String] {
        var out: [String] = []
        var i = word.startIndex
        while i < word.endIndex {
            if word[i] == "\\", word[i...].hasPrefix("\\u{"), let close = word[i...].firstIndex(of: "}"),
               word.distance(from: i, to: close) <= 10, word.distance(from: i, to: close) < longest {
                out.append(String(word[i...close]))
                i = word.index(after: close)
            } else {
                out.append(String(word[i]))
                i = word.index(after: i)
            }
        }
        return out
    }

    /// True for non-empty printable ASCII with single spaces between words and none at
    /// the ends: text that `wrap` would return unchanged when it fits.
    static func isPlainASCIIWords(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        var any = false
        for b in text.utf8 {
            guard b >= 0x20 && b < 0x7F, !(b == 0x20 && previous == 0x20) else { return false }
            previous = b
            any = true
        }
        return any && previous != 0x20
    }

    /// The text cut to at most `width` cells, ending in `ellipsis` when cut.
    public static func truncate(_ text: String, width: Int, ellipsis: String = "...") -> String {
        if TerminalText.width(text) <= width { return text }
        let room = width - TerminalText.width(ellipsis)
        guard room > 0 else { return String(ellipsis.prefix(max(width, 0))) }
        let scalars = text.unicodeScalars
        if scalars.allSatisfy(TerminalText.standsAlone) {
            // Each scalar is a character: cut at a scalar, with no cluster breaking.
            var used = 0
            var end = scalars.startIndex
            while end < scalars.endIndex {
                let cw = TerminalText.scalarWidth(scalars[end])
                if used + cw > room { break }
                used += cw
                scalars.formIndex(after: &end)
            }
            return String(scalars[..<end]) + ellipsis
        }
        var out = ""
        var used = 0
        for c in text {
            let cw = TerminalText.width(of: c)
            if used + cw > room { break }
            out.append(c)
            used += cw
        }
        return out + ellipsis
    }

    /// The text followed by spaces up to `width` cells.
    public static func pad(_ text: String, to width: Int) -> String {
        let w = TerminalText.width(text)
        return w >= width ? text : text + String(repeating: " ", count: width - w)
    }

    /// The text preceded by spaces up to `width` cells.
    public static func padLeft(_ text: String, to width: Int) -> String {
        let w = TerminalText.width(text)
        return w >= width ? text : String(repeating: " ", count: width - w) + text
    }
}

extension String {
    /// The string without trailing spaces.
    func trimmingTrailingSpaces() -> String {
        guard let end = lastIndex(where: { $0 != " " }) else { return "" }
        return String(self[...end])
    }
}
