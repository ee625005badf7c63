/// How much a lint finding matters. Errors fail `journeyman lint`; warnings fail it with `--strict`.
public enum Severity: String, CaseIterable, Comparable, Sendable {
    case error, warning, info

    /// The word GitHub Actions uses for an annotation of this severity.
    public var githubCommand: String {
        switch self {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }

    /// Errors sort first.
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}
