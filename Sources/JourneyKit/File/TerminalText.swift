/// Makes untrusted journey text safe to print on a terminal and measures it.
///
/// Control characters (C0, DEL, C1), and bidirectional overrides are replaced by
/// visible escapes such as `\u{1B}`, so text from a journey can never move the
/// cursor, change colours, set the title or reorder what a reviewer reads.
public enum TerminalText {
    /// True for a scalar that must never reach a terminal raw.
    public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return true }
        // Bidi embeddings, overrides and isolates; line/paragraph separators.
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
            || v == 0x061C || v == 0x2028 || v == 0x2029 { return true }
        return false
    }

    /// False when the UTF-8 bytes hold no scalar `isUnsafe` matches other than line feeds
    /// and tabs: the fast path of the output sanitizers (one pass over the bytes).
    static func mayBeUnsafe(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { u in
            var i = 0
            while i < u.count {
                let b = u[i]
                if b < 0x20 { if b != 0x0A && b != 0x09 { return true } }
                else if b == 0x7F { return true }
                else if b == 0xC2, i + 1 < u.count, u[i + 1] < 0xA0 { return true }   // C1
                else if b == 0xD8, i + 1 < u.count, u[i + 1] == 0x9C { return true }  // U+061C
                else if b == 0xE2, i + 2 < u.count {
                    let c = u[i + 1], d = u[i + 2]
                    if c == 0x80 && (d == 0x8E || d == 0x8F || (0xA8...0xAE).contains(d)) { return true }
                    if c == 0x81 && (0xA6...0xA9).contains(d) { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// Text output made safe for a terminal; everything the CLI prints goes through it.
    /// Line feeds, tabs and a carriage return before a line feed stay; every other unsafe
    /// scalar is written as `\u{XX}`, except the exact sequences in `keeping` (the CLI's
    /// own colour codes, when colour is on).
    public static func safeOutput(_ text: String, keeping: [String] = []) -> String {
        guard mayBeUnsafe(text) else { return text }
        let scalars = Array(text.unicodeScalars)
        let kept = keeping.map { Array($0.unicodeScalars) }
        var out = String.UnicodeScalarView()
        var i = 0
        next: while i < scalars.count {
            let s = scalars[i]
            if s == "\n" || s == "\t" || !isUnsafe(s) || (s == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n") {
                out.append(s)
                i += 1
                continue
            }
            if s.value == 0x1B {
                for k in kept where k.count <= scalars.count - i && scalars[i..<(i + k.count)].elementsEqual(k) {
                    out.append(contentsOf: k)
                    i += k.count
                    continue next
                }
            }
            out.append(contentsOf: ("\\u{" + String(s.value, radix: 16, uppercase: true) + "}").unicodeScalars)
            i += 1
        }
        return String(out)
    }

    /// JSON text made safe for a terminal without changing what it means: every unsafe
    /// scalar but the line feed is written as a `\uXXXX` escape. Valid JSON holds such a
    /// scalar only inside a string, where the escape stands for the same scalar.
    public static func safeJSON(_ text: String) -> String {
        guard mayBeUnsafe(text) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s == "\n" || !isUnsafe(s) {
                out.append(s)
            } else {
                let hex = String(s.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
            }
        }
        return String(out)
    }

    /// The text with whole terminal escape sequences removed: CSI (`ESC [` or C1
    /// `0x9B`, up to its final byte), OSC, DCS, SOS, PM and APC strings (up to BEL or
    /// the string terminator) and two-character `ESC x` sequences. Other scalars stay,
    /// so a caller that drops control characters leaves no `[31m` remnants behind.
    public static func removingEscapeSequences(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { $0.value == 0x1B || (0x90...0x9F).contains($0.value) }) else { return text }
        var out = String.UnicodeScalarView()
        var i = 0
        func skipString(from start: Int) -> Int {
            var j = start
            while j < scalars.count {
                let v = scalars[j].value
                if v == 0x07 || v == 0x9C { return j + 1 }
                if v == 0x1B, j + 1 < scalars.count, scalars[j + 1] == "\\" { return j + 2 }
                j += 1
            }
            return j
        }
        func skipCSI(from start: Int) -> Int {
            var j = start
            while j < scalars.count {
                let v = scalars[j].value
                if v >= 0x40 && v <= 0x7E { return j + 1 }
                if v < 0x20 || v > 0x3F { return j }
                j += 1
            }
            return j
        }
        while i < scalars.count {
            let v = scalars[i].value
            if v == 0x1B, i + 1 < scalars.count {
                let n = scalars[i + 1].value
                switch n {
                case 0x5B: i = skipCSI(from: i + 2)
                case 0x5D, 0x50, 0x58, 0x5E, 0x5F: i = skipString(from: i + 2)
                default: i += (n >= 0x20 && n <= 0x7E) ? 2 : 1
                }
                continue
            }
            switch v {
            case 0x9B: i = skipCSI(from: i + 1)
            case 0x9D, 0x90, 0x98, 0x9E, 0x9F: i = skipString(from: i + 1)
            default:
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// The text with every unsafe scalar written as `\u{XX}` (tab, newline and
    /// carriage return as `\t`, `\n`, `\r`).
    public static func escaped(_ text: String) -> String {
        if !text.unicodeScalars.contains(where: isUnsafe) { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if !isUnsafe(s) {
                out.append(s)
                continue
            }
            let rep: String
            switch s {
            case "\t": rep = "\\t"
            case "\n": rep = "\\n"
            case "\r": rep = "\\r"
            default: rep = "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
            }
            out.append(contentsOf: rep.unicodeScalars)
        }
        return String(out)
    }

    /// The text on one line: line breaks and tabs become spaces, other unsafe
    /// scalars are escaped. For cards, table cells and one-line summaries.
    public static func singleLine(_ text: String) -> String {
        if !text.unicodeScalars.contains(where: isUnsafe) { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch s {
            case "\n", "\t", "\r", "\u{2028}", "\u{2029}": out.append(" ")
            default:
                if isUnsafe(s) {
                    out.append(contentsOf: ("\\u{" + String(s.value, radix: 16, uppercase: true) + "}").unicodeScalars)
                } else {
                    out.append(s)
                }
            }
        }
        return String(out)
    }

    /// How many terminal cells a grapheme cluster takes: 0, 1 or 2.
    public static func width(of c: Character) -> Int {
        var it = c.unicodeScalars.makeIterator()
        guard let first = it.next() else { return 0 }
        // Emoji presentation (or a keycap / variation selector 16 sequence) is two cells.
        if c.unicodeScalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
        return scalarWidth(first)
    }

    /// How many terminal cells a string takes.
    public static func width(_ s: String) -> Int {
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
        // Scalars that each stand alone are each a grapheme: no need to find the clusters.
        var w = 0
        for u in s.unicodeScalars {
            guard standsAlone(u) else { return graphemeWidth(s) }
            w += u.value < 0x300 ? 1 : scalarWidth(u)
        }
        return w
    }

    /// The width of a string, grapheme cluster by grapheme cluster.
    static func graphemeWidth(_ s: String) -> Int {
        var w = 0
        for c in s {
            if c.isASCII { w += 1 } else { w += width(of: c) }
        }
        return w
    }

    /// True when the scalar is safe (`isUnsafe` is false for it) and is a grapheme cluster
    /// of its own beside any other such scalar: no mark, joiner, variation selector,
    /// emoji modifier, regional indicator, Hangul jamo or prepended sign, which combine.
    /// The common scripts and symbols only (Latin, Greek, Cyrillic, punctuation, box
    /// drawing, kana, CJK, emoji); false for the rest, which callers measure by clusters.
    /// A string of such scalars needs no cluster breaking: each scalar is a character.
    @inlinable
    public static func standsAlone(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x300 { return v >= 0x20 && (v < 0x7F || v >= 0xA0) }
        switch v {
        case 0x370...0x482, 0x48A...0x52F,                  // Greek, Cyrillic (not its combining marks)
             0x2010...0x2027, 0x2030...0x205E,                // punctuation (not bidi controls or separators)
             0x2190...0x23FF, 0x2500...0x27BF,                // arrows, technical, box drawing, shapes, dingbats
             0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF, // CJK punctuation and kana (not their marks)
             0x4E00...0x9FFF, 0xFF01...0xFF60,                // CJK ideographs, fullwidth forms
             0x1F300...0x1F3FA, 0x1F400...0x1FAFF:            // emoji (not the skin-tone modifiers)
            return true
        default:
            return false
        }
    }

    /// The cell width of one scalar (East Asian Wide and Fullwidth are two; marks zero).
    public static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        // Common scripts without marks, answered before the general category is looked up.
        if (0x400...0x482).contains(v) || (0x48A...0x52F).contains(v) { return 1 }
        if (0x4E00...0x9FFF).contains(v) { return 2 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
             0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
             0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A,
             0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251,
             0x1F260...0x1F265, 0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C,
             0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4,
             0x1F3F8...0x1F43E, 0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E,
             0x1F550...0x1F567, 0x1F57A, 0x1F595...0x1F596, 0x1F5A4, 0x1F5FB...0x1F64F,
             0x1F680...0x1F6C5, 0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF,
             0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0, 0x1F90C...0x1F93A,
             0x1F93C...0x1F945, 0x1F947...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
