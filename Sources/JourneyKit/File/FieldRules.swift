/// The rules on single values that the reader and the JSON Schema (Journeys/journey.schema.json)
/// both enforce, written once: blank text, lint rule ids in suppressions.
public enum FieldRules {
    /// The characters a blank name is made of: Unicode's White_Space property (tab, line
    /// breaks, the space separators U+0020, U+00A0, U+1680, U+2000-U+200A, U+202F, U+205F,
    /// U+3000, and U+0085, U+2028, U+2029). The schema's name pattern is this class, negated.
    public static func isBlankScalar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// True when `text` is empty or only white space: not a name, title or reason.
    public static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(isBlankScalar)
    }

    /// The JSON Schema pattern of a value that is not blank (it holds one character outside the class).
    public static let nonBlankPattern = "[^\\t\\n\\u000b\\u000c\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]"

    /// The JSON Schema pattern of a lint rule id: `JM` and three digits.
    public static let ruleIDPattern = "^JM[0-9]{3}$"

    /// True when `rule` has the form of a lint rule id: `JM` and three digits (`JM003`).
    public static func isRuleID(_ rule: String) -> Bool {
        let u = Array(rule.utf8)
        return u.count == 5 && u[0] == 0x4A && u[1] == 0x4D && u[2...].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The rule id a malformed one most likely means (`jm3` gives `JM003`), or nil.
    public static func likelyRuleID(_ rule: String) -> String? {
        let u = rule.uppercased().filter { $0 != " " && $0 != "-" && $0 != "_" }
        guard u.hasPrefix("JM") else { return nil }
        let digits = u.dropFirst(2)
        guard (1...3).contains(digits.count), digits.allSatisfy({ $0 >= "0" && $0 <= "9" }), let n = Int(digits) else { return nil }
        let padded = String(n)
        return "JM" + String(repeating: "0", count: 3 - padded.count) + padded
    }
}
