/// One problem the linter found in a journey.
public struct Finding: Hashable, Sendable {
    /// The rule id, `JM001` and on.
    public var rule: String
    public var severity: Severity
    /// What is wrong, naming the item.
    public var message: String
    /// Where the item is in the file, as jq writes paths.
    public var path: JSONPath
    /// Line and column in the source; nil when the journey was not read from text.
    public var location: SourceLocation?
    /// The common mistake or model trap the rule guards against.
    public var reason: String
    /// How to fix it.
    public var fix: String

    public init(rule: String, severity: Severity, message: String, path: JSONPath, location: SourceLocation? = nil,
                reason: String, fix: String) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.path = path
        self.location = location
        self.reason = reason
        self.fix = fix
    }

    /// The index of the stage the finding is in, when it is inside `.stages[i]`.
    public var stageIndex: Int? {
        guard path.components.count >= 2, path.components[0] == .key("stages"), case .index(let i) = path.components[1] else { return nil }
        return i
    }

    /// The index of the touchpoint the finding is in, when it is inside `.stages[i].touchpoints[j]`.
    public var touchpointIndex: Int? {
        guard path.components.count >= 4, stageIndex != nil, path.components[2] == .key("touchpoints"),
              case .index(let j) = path.components[3] else { return nil }
        return j
    }

    /// The index of the cohort the finding is in, when it is inside `.cohorts[i]`.
    public var cohortIndex: Int? {
        guard path.components.count >= 2, path.components[0] == .key("cohorts"), case .index(let i) = path.components[1] else { return nil }
        return i
    }
}
