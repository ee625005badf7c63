import JourneyKit
@testable import JourneyTUI
import XCTest

/// Undo and redo return to versions linted a moment ago: their findings come from the memo
/// (no second lint), and are always those a fresh lint of the journey gives.
final class LintMemoTests: XCTestCase {
    private func assertCurrent(_ s: EditorState, _ step: String, file: StaticString = #filePath, line: UInt = #line) {
        let fresh = LintResult(version: s.history.version, today: s.today, report: Linter(today: s.today).lint(s.journey))
        XCTAssertFalse(s.lintIsStale, step, file: file, line: line)
        XCTAssertEqual(s.lint, fresh.report, step, file: file, line: line)
        XCTAssertEqual(s.lintMarks, fresh.marks, step, file: file, line: line)
        XCTAssertEqual(s.lintCounts, fresh.counts, step, file: file, line: line)
    }

    func testUndoAndRedoTakeTheFindingsOfTheirVersionWithoutLintingAgain() {
        var s = Sample.state()
        let before = s.lint
        // Moving the first card to the next stage and back changes the findings (the markers move with it).
        s.press(.char("L"))
        assertCurrent(s, "after L")
        XCTAssertNotEqual(s.lint, before, "the edit changes what lint finds, or this test proves nothing")
        s.press(.char("L"))
        assertCurrent(s, "after a second L")
        let linted = s.lintMemo.remembered
        for (i, key) in [Key.char("u"), .char("u"), .ctrl("r"), .ctrl("r"), .char("u")].enumerated() {
            s.press(key)
            assertCurrent(s, "step \(i)")
        }
        XCTAssertEqual(s.lintMemo.remembered, linted, "undo and redo went back to versions already linted")
        // A new edit after an undo is a version never seen: it is linted.
        s.press(.char("J"))
        assertCurrent(s, "after J")
        XCTAssertEqual(s.lintMemo.remembered, linted + 1)
    }

    func testALargeJourneysUndoShowsItsFindingsAtOnce() {
        var j = Sample.journey()
        for i in 0...EditorState.eagerLintLimit {
            j.stages[i % 3].touchpoints.append(Touchpoint(id: "t\(i)", name: "Touchpoint \(i)", channel: "email"))
        }
        var s = EditorState(journey: j, path: "/tmp/big.json", width: 120, height: 40)
        _ = Editor.update(&s, .idle)
        assertCurrent(s, "opened, then idle")
        s.press(.char("J"))
        XCTAssertTrue(s.lintIsStale, "a new version of a large journey waits for a pause")
        s.press(.char("u"))
        assertCurrent(s, "undo went back to the version linted when idle")
    }

    func testTheMemoKeepsFewRunsAndFewFindings() {
        var memo = LintMemo()
        let finding = Finding(rule: "JM001", severity: .warning, message: "m", path: .root, location: nil, reason: "r", fix: "f")
        for v in 0..<(LintMemo.runLimit + 3) {
            memo.remember(LintResult(version: v, today: "2026-12-02", report: LintReport(findings: [finding])))
        }
        XCTAssertEqual(memo.runs.map(\.version), Array(3..<(LintMemo.runLimit + 3)))
        let many = LintReport(findings: Array(repeating: finding, count: LintMemo.findingLimit / 2 + 1))
        memo.remember(LintResult(version: 100, today: "2026-12-02", report: many))
        memo.remember(LintResult(version: 101, today: "2026-12-02", report: many))
        XCTAssertEqual(memo.runs.map(\.version), [101], "two runs over the limit: only the newest stays")
        memo.remember(LintResult(version: 101, today: "2026-12-02", report: LintReport()))
        XCTAssertEqual(memo.runs.count, 1, "a version is kept once")
    }

    func testANewJourneyForgetsTheOldOnesRuns() {
        var s = Sample.state()
        XCTAssertEqual(s.history.version, 0)
        XCTAssertFalse(s.lint.findings.isEmpty)
        // A new journey starts its versions at 0 again: version 0's findings must not be the old journey's.
        Editor.start(&s, Journey.template(Framework.named("aida")!))
        _ = Editor.update(&s, .resize(width: 100, height: 30))
        XCTAssertEqual(s.history.version, 0)
        assertCurrent(s, "a new journey")
    }

    func testTheForecastPanelsUndoAndRedoShowTheForecastOfTheirVersion() {
        var s = TeaShop.forecastPanel()
        s.press(.char("j"), .char("m"))
        s.type("Hybrid")
        s.press(.enter)
        XCTAssertEqual(s.forecast, Forecast(s.journey))
        let kept = s.forecastMemo.count
        for key in [Key.char("u"), .ctrl("r"), .char("u")] {
            s.press(key)
            XCTAssertFalse(s.forecastIsStale)
            XCTAssertEqual(s.forecast, Forecast(s.journey), "\(key)")
        }
        XCTAssertEqual(s.forecastMemo.count, kept, "both versions were forecast already")
        s.press(.char("m"))
        s.type("Tech-touch")
        s.press(.enter)
        XCTAssertEqual(s.journey.cohorts[1].model, "tech-touch")
        XCTAssertEqual(s.forecast, Forecast(s.journey))
        XCTAssertEqual(s.forecastMemo.count, kept + 1)
    }
}
