/// The wording of reader diagnostics, shared by the journey reader and the theme reader so
/// every file the tools read reports mistakes the same way (values quoted as JSON).
public enum DiagnosticText {
    /// `unknown key "chanel" in a touchpoint; did you mean "channel"?`, or the allowed keys.
    public static func unknownKey(_ key: String, in what: String, allowed: [String]) -> String {
        var message = "unknown key \(JSONWriter.quoted(key)) in \(what)"
        if let s = Suggest.closest(to: key, in: allowed) {
            message += "; did you mean \(JSONWriter.quoted(s))?"
        } else {
            message += "; allowed keys: " + allowed.joined(separator: ", ")
        }
        return message
    }

    /// `"x" is not a valid channel; did you mean "y"? (one of: ...)`
    public static func notAChoice(_ value: String, _ what: String, _ choices: [String]) -> String {
        var message = "\(JSONWriter.quoted(value)) is not \(what)"
        if let best = Suggest.closest(to: value, in: choices) { message += "; did you mean \(JSONWriter.quoted(best))?" }
        return message + " (one of: " + choices.joined(separator: ", ") + ")"
    }

    /// `expected a stage (an object), found an array`
    public static func expected(_ what: String, found typeName: String) -> String {
        "expected \(what), found \(typeName)"
    }

    /// `a cohort is missing the required key "name"`
    public static func missingKey(_ key: String, in what: String) -> String {
        "\(what) is missing the required key \(JSONWriter.quoted(key))"
    }
}
