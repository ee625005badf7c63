import Foundation

/// Journey text made safe for review outputs: one line, no control characters,
/// and, when asked, folded to plain ASCII.
public enum ReviewText {
    /// The text on one line with every escape sequence, control character, bidi
    /// override and line separator removed (line breaks and tabs become spaces) and outer spaces trimmed.
    public static func stripped(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in TerminalText.removingEscapeSequences(text).unicodeScalars {
            switch s {
            case "\n", "\t", "\r", "\u{2028}", "\u{2029}", " ":
                pendingSpace = !out.isEmpty
            default:
                if TerminalText.isUnsafe(s) { continue }
                if pendingSpace {
                    out.append(" ")
                    pendingSpace = false
                }
                out.append(s)
            }
        }
        return String(out)
    }

    /// The text with its line breaks (as LF) and tabs, every escape sequence, other
    /// control character and bidi override removed. For formats that quote multi-line text.
    public static func multiline(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var afterCR = false
        for s in TerminalText.removingEscapeSequences(text).unicodeScalars {
            defer { afterCR = s == "\r" }
            switch s {
            case "\n": if !afterCR { out.append("\n") }
            case "\r", "\u{2028}", "\u{2029}": out.append("\n")
            case "\t": out.append(s)
            default: if !TerminalText.isUnsafe(s) { out.append(s) }
            }
        }
        return String(out)
    }

    /// Text for a terminal: one line, control characters shown as visible escapes
    /// (`\u{1B}`), runs of spaces kept as written, outer spaces trimmed.
    public static func terminal(_ text: String) -> String {
        TerminalText.singleLine(text).trimmingSpaces()
    }

    /// Paragraphs of terminal-safe text: the text split at its line breaks,
    /// each paragraph made safe with `terminal(_:)`; empty paragraphs dropped.
    public static func paragraphs(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            .map { terminal(String($0)) }
            .filter { !$0.isEmpty }
    }

    /// The text in 7-bit ASCII: accents dropped (`é` -> `e`), typographic punctuation
    /// replaced (`“` -> `"`, `—` -> `-`), anything else written as `\u{XXXX}`.
    public static func ascii(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var out = ""
        for c in text {
            if c.isASCII {
                out.append(c)
                continue
            }
            if let r = punctuation[c] {
                out += r
                continue
            }
            let base = String(c).decomposedStringWithCanonicalMapping
            if let first = base.unicodeScalars.first, first.isASCII,
               base.unicodeScalars.dropFirst().allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
                out.unicodeScalars.append(first)
                continue
            }
            for s in c.unicodeScalars {
                if s.isASCII { out.unicodeScalars.append(s) } else { out += "\\u{" + String(s.value, radix: 16, uppercase: true) + "}" }
            }
        }
        return out
    }

    static let punctuation: [Character: String] = [
        "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"",
        "\u{2013}": "-", "\u{2014}": "-", "\u{2212}": "-", "\u{2026}": "...", "\u{2022}": "*", "\u{00B7}": "-",
        "\u{00A0}": " ", "\u{2192}": "->", "\u{2190}": "<-", "\u{00AB}": "<<", "\u{00BB}": ">>", "\u{00D7}": "x",
        "\u{00DF}": "ss", "\u{00C6}": "AE", "\u{00E6}": "ae", "\u{0152}": "OE", "\u{0153}": "oe", "\u{00D8}": "O",
        "\u{00F8}": "o", "\u{0141}": "L", "\u{0142}": "l", "\u{20AC}": "EUR", "\u{00A3}": "GBP", "\u{00A5}": "JPY",
    ]
}

extension String {
    /// The string without leading and trailing spaces.
    func trimmingSpaces() -> String {
        guard let start = firstIndex(where: { $0 != " " }) else { return "" }
        let end = lastIndex(where: { $0 != " " })!
        return String(self[start...end])
    }
}
