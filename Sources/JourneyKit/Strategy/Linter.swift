/// The findings of one lint run, and those the journey suppressed.
public struct LintReport: Sendable, Hashable {
    /// Findings in file order (by location, else by path), errors first at the same place.
    public var findings: [Finding]
    /// Findings switched off by a suppression in the journey.
    public var suppressed: [Finding]

    public init(findings: [Finding] = [], suppressed: [Finding] = []) {
        self.findings = findings
        self.suppressed = suppressed
    }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// The findings on one touchpoint (for a marker on its card).
    public func findings(stage: Int, touchpoint: Int) -> [Finding] {
        findings.filter { $0.stageIndex == stage && $0.touchpointIndex == touchpoint }
    }

    /// The findings on one stage itself, not on its touchpoints.
    public func findings(stage: Int) -> [Finding] {
        findings.filter { $0.stageIndex == stage && $0.touchpointIndex == nil }
    }

    /// The findings on one cohort.
    public func findings(cohort: Int) -> [Finding] {
        findings.filter { $0.cohortIndex == cohort }
    }

    /// The worst severity among some findings, for choosing a marker.
    public static func worst(_ findings: [Finding]) -> Severity? { findings.map(\.severity).min() }

    /// True when the run fails: any error, or any warning when `strict`.
    public func fails(strict: Bool) -> Bool {
        findings.contains { $0.severity == .error || (strict && $0.severity == .warning) }
    }

    /// `2 errors, 1 warning, 0 info`: the counts for a status line.
    public var summary: String {
        func n(_ k: Int, _ word: String) -> String { "\(k) \(word)\(k == 1 ? "" : "s")" }
        return [n(count(.error), "error"), n(count(.warning), "warning"), "\(count(.info)) info"].joined(separator: ", ")
    }
}

/// Checks a journey against the rules of `LintRule.all`.
///
/// A suppression `{rule, reason}` on the journey switches the rule off everywhere; on a
/// stage, for the stage and its touchpoints; on a touchpoint or cohort, for that item.
public struct Linter: Sendable {
    public var rules: [LintRule]
    /// Today, `YYYY-MM-DD`, for the review-age rule.
    public var today: String

    public init(rules: [LintRule] = LintRule.all, today: String = JourneyDate.today()) {
        self.rules = rules
        self.today = today
    }

    /// Lints a journey held in memory; findings carry no locations.
    public func lint(_ journey: Journey) -> LintReport {
        run(journey, locate: { _ in nil })
    }

    /// Lints a journey read from a file; findings carry line and column.
    public func lint(_ document: JourneyDocument) -> LintReport {
        run(document.journey, locate: { document.location(of: $0) })
    }

    func run(_ journey: Journey, locate: (JSONPath) -> SourceLocation?) -> LintReport {
        let context = LintContext(journey: journey, today: today)
        var found: [Finding] = [], suppressed: [Finding] = []
        for rule in rules {
            for hit in rule.check(context) {
                let f = Finding(rule: rule.id, severity: hit.severity ?? rule.severity, message: hit.message, path: hit.path,
                                location: locate(hit.path), reason: rule.reason, fix: rule.fix)
                if Linter.isSuppressed(rule.id, at: hit.path, in: journey) { suppressed.append(f) } else { found.append(f) }
            }
        }
        return LintReport(findings: Linter.ordered(found), suppressed: Linter.ordered(suppressed))
    }

    /// True when a suppression on the journey or on an item containing `path` names `rule`.
    public static func isSuppressed(_ rule: String, at path: JSONPath, in journey: Journey) -> Bool {
        var lists = [journey.suppress]
        let c = path.components
        if c.count >= 2, case .index(let i) = c[1], i >= 0 {
            if c[0] == .key("stages"), i < journey.stages.count {
                lists.append(journey.stages[i].suppress)
                if c.count >= 4, c[2] == .key("touchpoints"), case .index(let j) = c[3], j >= 0, j < journey.stages[i].touchpoints.count {
                    lists.append(journey.stages[i].touchpoints[j].suppress)
                }
            } else if c[0] == .key("cohorts"), i < journey.cohorts.count {
                lists.append(journey.cohorts[i].suppress)
            }
        }
        return lists.contains { $0.contains { $0.rule == rule } }
    }

    static func ordered(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default:
                if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
                return a.offset < b.offset
            }
        }.map(\.element)
    }
}
