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

    /// Lints now when that is cheap (a small journey, the lint panel open, or a version linted
    /// a moment ago, as undo and redo bring back); otherwise leaves it to the next `Event.idle`.
    mutating func refreshLintIfCheap() {
        guard lintIsStale else { return }
        if panel == .lint || lintMemo.run(version: history.version, today: today) != nil || touchpointCount <= EditorState.eagerLintLimit {
            refreshLint()
        }
    }

    /// Lints the journey again when it (or the day) changed since the last run. A version
    /// linted a moment ago (undo and redo go back to one) takes its findings from `lintMemo`.
    public mutating func refreshLint() {
        guard hasJourney else { return }
        if let done = lintedFor, done.version == history.version, done.today == today { return }
        let result: LintResult
        if let known = lintMemo.run(version: history.version, today: today) {
            result = known
        } else {
            result = LintResult(version: history.version, today: today, report: Linter(today: today).lint(journey))
            lintMemo.remember(result)
        }
        lint = result.report
        lintMarks = result.marks
        lintCounts = result.counts
        lintRevision &+= 1
        lintedFor = (history.version, today)
        lintRow = min(lintRow, max(0, lint.findings.count - 1))
    }

    /// The selected finding of the lint panel.
    public var selectedFinding: Finding? {
        lint.findings.indices.contains(lintRow) ? lint.findings[lintRow] : nil
    }
}

/// One lint run of one version of the journey, with what the board and status bar take from it.
struct LintResult: Sendable {
    var version: Int
    var today: String
    var report: LintReport
    /// The worst finding per stage and touchpoint (-1: the stage itself).
    var marks: [Int: [Int: Severity]] = [:]
    var counts: [Severity: Int] = [:]

    init(version: Int, today: String, report: LintReport) {
        self.version = version
        self.today = today
        self.report = report
        for f in report.findings {
            counts[f.severity, default: 0] += 1
            guard let s = f.stageIndex else { continue }
            let key = f.touchpointIndex ?? -1
            if let old = marks[s]?[key], old <= f.severity { continue }
            marks[s, default: [:]][key] = f.severity
        }
    }
}

/// The lint runs of the last few versions, newest last: undo and redo return to versions that
/// were linted when they were made, and find their findings here instead of linting again.
struct LintMemo: Sendable {
    /// At most this many runs are kept, and no more findings in all than `findingLimit`
    /// (the newest run is always kept), so a journey with thousands of findings keeps few copies.
    static let runLimit = 8
    static let findingLimit = 20_000
    private(set) var runs: [LintResult] = []
    /// How many runs were remembered (each one a lint of a version not linted before).
    private(set) var remembered = 0

    /// The run of this version on this day, if it is kept.
    func run(version: Int, today: String) -> LintResult? { runs.last { $0.version == version && $0.today == today } }

    mutating func remember(_ run: LintResult) {
        runs.removeAll { $0.version == run.version }
        runs.append(run)
        remembered += 1
        while runs.count > LintMemo.runLimit
            || (runs.count > 1 && runs.reduce(0, { $0 + $1.report.findings.count + $1.report.suppressed.count }) > LintMemo.findingLimit) {
            runs.removeFirst()
        }
    }
}
