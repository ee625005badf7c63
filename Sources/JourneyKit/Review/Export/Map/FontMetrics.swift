import Foundation

/// Text widths in the journey map's font, DejaVu Sans, from its own width table
/// (`Scripts/font-widths.py` reads it from the font files).
///
/// A character outside the table counts as `fallbackEm`; a character the terminal
/// shows in two cells (CJK, emoji) counts as `wideEm`, wider than any CJK or emoji
/// font's advance, so measured text never comes out narrower than it renders.
public enum FontMetrics {
    /// The CSS font family the map is drawn in; the table is DejaVu Sans's, whose Latin
    /// widths Bitstream Vera shares.
    public static let family = "'DejaVu Sans', 'Bitstream Vera Sans', sans-serif"

    /// The width of a double-width character (CJK, emoji), in ems.
    public static let wideEm = 1.3
    /// The width of any other character missing from the table, in ems.
    public static let fallbackEm = 1.0

    /// The width of `text` at `size` pixels, bold or regular.
    public static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        text.reduce(0) { $0 + em($1, bold: bold) * size }
    }

    /// The width of one grapheme cluster, in ems.
    public static func em(_ c: Character, bold: Bool) -> Double {
        guard let first = c.unicodeScalars.first else { return 0 }
        if let w = (bold ? boldWidths : regularWidths)[first.value] { return Double(w) / 1000 }
        switch TerminalText.width(of: c) {
        case 0: return 0
        case 2: return wideEm
        default: return fallbackEm
        }
    }
}

/// Basic Japanese line-breaking rules (kinsoku shori): characters no line may start with.
enum LineBreakRules {
    /// Closing brackets, Japanese and full-width punctuation, small kana, the prolonged
    /// sound mark and iteration marks: a line never starts with one.
    static let noStart: Set<Character> = Set(
        ")]}\u{3009}\u{300B}\u{300D}\u{300F}\u{3011}\u{3015}\u{3017}\u{3019}\u{301B}\u{FF09}\u{FF3D}\u{FF5D}\u{FF60}" +
        "\u{3001}\u{3002}\u{FF0C}\u{FF0E}\u{FF1A}\u{FF1B}\u{FF01}\u{FF1F}\u{30FB}\u{2019}\u{201D}" +
        "\u{3041}\u{3043}\u{3045}\u{3047}\u{3049}\u{3063}\u{3083}\u{3085}\u{3087}\u{308E}\u{3095}\u{3096}" +
        "\u{30A1}\u{30A3}\u{30A5}\u{30A7}\u{30A9}\u{30C3}\u{30E3}\u{30E5}\u{30E7}\u{30EE}\u{30F5}\u{30F6}" +
        "\u{31F0}\u{31F1}\u{31F2}\u{31F3}\u{31F4}\u{31F5}\u{31F6}\u{31F7}\u{31F8}\u{31F9}\u{31FA}\u{31FB}\u{31FC}\u{31FD}\u{31FE}\u{31FF}" +
        "\u{30FC}\u{309D}\u{309E}\u{30FD}\u{30FE}\u{3005}")

    /// Opening brackets: a line never ends with one.
    static let noEnd: Set<Character> = Set("([{\u{3008}\u{300A}\u{300C}\u{300E}\u{3010}\u{3014}\u{3016}\u{3018}\u{301A}\u{FF08}\u{FF3B}\u{FF5B}\u{FF5F}\u{2018}\u{201C}")

    /// True when a break may fall between `before` and `after` inside a word.
    static func canBreak(between before: Character, and after: Character) -> Bool {
        !noStart.contains(after) && !noEnd.contains(before)
    }

    /// Cuts a word too long for a line into pieces no wider than `room` for the first
    /// piece and `width` for the others, between grapheme clusters, moving characters
    /// to the next piece as the rules ask (a piece is never empty, so a run of
    /// forbidden characters may still be cut).
    static func cut(_ word: Substring, room: Double, width: Double, measure: (Character) -> Double) -> [String] {
        var pieces: [String] = []
        var piece: [Character] = []
        var used = 0.0
        var limit = room
        for c in word {
            let w = measure(c)
            if used + w > limit && !piece.isEmpty {
                // Move characters down while the break would break a rule.
                var carry: [Character] = [c]
                var k = piece.count
                // Prefer a break after a hyphen in the later half of the piece.
                if let h = piece.lastIndex(of: "-"), h + 1 < piece.count, h + 1 >= piece.count / 2 {
                    carry = Array(piece[(h + 1)...]) + [c]
                    k = h + 1
                }
                while k > 1 && !canBreak(between: piece[k - 1], and: carry[0]) {
                    k -= 1
                    carry.insert(piece[k], at: 0)
                }
                if k == 1 && !canBreak(between: piece[0], and: carry[0]) {
                    carry = [c]
                    k = piece.count
                }
                pieces.append(String(piece[..<k]))
                piece = carry
                used = carry.reduce(0) { $0 + measure($1) }
                limit = width
                // The carried run may itself be too wide: cut it plainly.
                while used > limit && piece.count > 1 {
                    var take = 0, w2 = 0.0
                    while take < piece.count - 1 && w2 + measure(piece[take]) <= limit { w2 += measure(piece[take]); take += 1 }
                    pieces.append(String(piece[..<max(take, 1)]))
                    piece.removeFirst(max(take, 1))
                    used = piece.reduce(0) { $0 + measure($1) }
                }
                continue
            }
            piece.append(c)
            used += w
        }
        pieces.append(String(piece))
        return pieces
    }
}

/// Text fitted into a box of the map: wrapped at spaces (long words cut between
/// characters by the line-breaking rules), then cut with an ellipsis when it needs
/// more lines than the box holds. Every line measures at most the width given.
public enum TextFit {
    public static let ellipsis = "\u{2026}"
    /// Rounding slack when comparing sums of widths.
    static let epsilon = 1e-6

    /// At most `maxLines` lines of `text`, each no wider than `width` pixels at `size`.
    public static func lines(_ text: String, width: Double, size: Double, bold: Bool = false, maxLines: Int = 1) -> [String] {
        let maxLines = max(maxLines, 1)
        let measure = { (c: Character) in FontMetrics.em(c, bold: bold) * size }
        let space = measure(" ")
        var lines: [String] = []
        var line = ""
        var used = 0.0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if lines.count > maxLines { break }
            let w = word.reduce(0) { $0 + measure($1) }
            let gap = line.isEmpty ? 0 : space
            if used + gap + w <= width + epsilon {
                if !line.isEmpty { line += " " }
                line += word
                used += gap + w
                continue
            }
            if !line.isEmpty { lines.append(line) }
            if w <= width + epsilon {
                line = String(word)
                used = w
                continue
            }
            let pieces = LineBreakRules.cut(word, room: width, width: width, measure: measure)
            lines += pieces.dropLast()
            line = pieces.last ?? ""
            used = line.reduce(0) { $0 + measure($1) }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        guard lines.count > maxLines else { return lines }
        let last = lines[(maxLines - 1)...].joined(separator: " ")
        return Array(lines.prefix(maxLines - 1)) + [truncate(last, width: width, size: size, bold: bold, force: true)]
    }

    /// The text fitted to `maxLines` lines as one string: the lines joined by the space
    /// the text had between them, or none where a word was cut (for renderers that wrap
    /// it themselves). The text should be single-spaced, as `ReviewText.stripped` makes it.
    public static func fitted(_ text: String, width: Double, size: Double, bold: Bool = false, maxLines: Int) -> String {
        let lines = lines(text, width: width, size: size, bold: bold, maxLines: maxLines)
        var out = ""
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        for (i, line) in lines.enumerated() {
            if i > 0 && rest.first == " " {
                out += " "
                rest = rest.dropFirst()
            }
            out += line
            rest = rest.dropFirst(line.hasSuffix(ellipsis) && i == lines.count - 1 ? line.count - 1 : line.count)
        }
        return out
    }

    /// The text cut to `width` pixels, ending in an ellipsis when cut (or always, with `force`).
    public static func truncate(_ text: String, width: Double, size: Double, bold: Bool = false, force: Bool = false) -> String {
        let measure = { (c: Character) in FontMetrics.em(c, bold: bold) * size }
        let total = text.reduce(0) { $0 + measure($1) }
        if total <= width + epsilon && !force { return text }
        let room = width - measure(Character(ellipsis))
        var out = ""
        var used = 0.0
        for c in text {
            if used + measure(c) > room { break }
            out.append(c)
            used += measure(c)
        }
        // Cut at the last word break when that keeps most of the text.
        if out.count < text.count, let space = out.lastIndex(of: " "), text[text.index(text.startIndex, offsetBy: out.count)] != " ",
           out.distance(from: out.startIndex, to: space) * 2 >= out.count {
            out = String(out[..<space])
        }
        while out.last == " " { out.removeLast() }
        return out.isEmpty && room < 0 ? "" : out + ellipsis
    }
}
