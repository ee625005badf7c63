import JourneyKit

extension EditorState {
    /// Journeys with up to this many touchpoints are linted after every edit; larger
    /// ones when the user pauses (`Event.idle`), so keys stay instant on any journey.
    public static let eagerLintLimit = 5_000

    /// True when the findings shown belong to an older version of the journey.
    public var lintIsStale: Bool {
        guard hasJourney else { return false }
        guard let done = lintedFor else { return true }
        return done.version != history.version || done.today != today
    }

    /// Lints now when that is cheap (a small journey, or the lint panel is open);
    /// otherwise leaves it to the next `Event.idle`.
    mutating func refreshLintIfCheap() {
        guard lintIsStale else { return }
        if panel == .lint || journey.stages.reduce(0, { $0 + $1.touchpoints.count }) <= EditorState.eagerLintLimit {
            refreshLint()
        }
    }

    /// Lints the journey again when it (or the day) changed since the last run.
    public mutating func refreshLint() {
        guard hasJourney else { return }
        if let done = lintedFor, done.version == history.version, done.today == today { return }
        lint = Linter(today: today).lint(journey)
        var marks: [Int: [Int: Severity]] = [:]
        var counts: [Severity: Int] = [:]
        for f in lint.findings {
            counts[f.severity, default: 0] += 1
            guard let s = f.stageIndex else { continue }
            let key = f.touchpointIndex ?? -1
            if let old = marks[s]?[key], old <= f.severity { continue }
            marks[s, default: [:]][key] = f.severity
        }
        lintMarks = marks
        lintRevision &+= 1
        lintCounts = counts
        lintedFor = (history.version, today)
        lintRow = min(lintRow, max(0, lint.findings.count - 1))
    }

    /// The selected finding of the lint panel.
    public var selectedFinding: Finding? {
        lint.findings.indices.contains(lintRow) ? lint.findings[lintRow] : nil
    }
}
