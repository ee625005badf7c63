import JourneyKit

extension EditorState {
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
        lintCounts = counts
        lintedFor = (history.version, today)
        lintRow = min(lintRow, max(0, lint.findings.count - 1))
    }

    /// The selected finding of the lint panel.
    public var selectedFinding: Finding? {
        lint.findings.indices.contains(lintRow) ? lint.findings[lintRow] : nil
    }
}
