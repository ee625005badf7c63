import JourneyKit
@testable import JourneyTUI
import XCTest

/// The lint panel, card markers, status count, advice column, coverage view and assessment screen.
final class StrategyEditorTests: XCTestCase {
    func state(width: Int = 100, height: Int = 30) -> EditorState {
        var s = Sample.state(width: width, height: height)
        s.today = "2026-11-22"
        s.refreshLint()
        return s
    }

    var lines: (EditorState) -> [String] = { Renderer.render($0).trimmedLines }

    func testLintFollowsEveryEditAndUndo() {
        var s = state()
        let before = s.lint.findings.map(\.rule)
        XCTAssertTrue(before.contains("JM016"), "\(before)")  // Retention is empty
        XCTAssertEqual(s.lintMarks[2]?[-1], .warning)
        // Add a touchpoint to Retention: JM016 goes, the new card's own findings come.
        s.press(.char("l"), .char("l"), .char("a"))
        s.type("Win-back call")
        s.press(.enter)
        XCTAssertEqual(s.journey.stages[2].touchpoints.map(\.name), ["Win-back call"])
        XCTAssertFalse(s.lint.findings.contains { $0.rule == "JM016" })
        XCTAssertEqual(s.lint.findings(stage: 2, touchpoint: 0).map(\.rule), ["JM013", "JM014", "JM015"])
        XCTAssertEqual(s.lintMarks[2]?[0], .warning)
        s.press(.char("u"))
        XCTAssertEqual(s.lint.findings.map(\.rule), before)
    }

    func testCardsAndHeadersCarryMarkersAndTheStatusBarCounts() {
        let s = state(width: 80, height: 24)
        let screen = lines(s)
        // Landing page has no trigger and no owner; Retention has no touchpoints.
        XCTAssertTrue(screen[6].hasPrefix("  Landing page          W │ First brew call       W │"), screen[6])
        XCTAssertTrue(screen[1].hasSuffix("(2) │ Activation        W (1) │ Retention         W (0) │"), screen[1])
        XCTAssertTrue(screen[23].hasSuffix("W\(s.lint.count(.warning))"), screen[23])
        // With room to spare (a form's few keys), the counts are spelled out.
        var form = s
        form.press(.char("e"))
        XCTAssertTrue(lines(form)[23].hasSuffix("lint: \(s.lint.count(.warning)) warnings"), lines(form)[23])
        XCTAssertEqual(s.lint.count(.error), 0)
    }

    func testTabReachesTheLintPanelAndEnterJumpsToTheCard() throws {
        var s = state()
        s.press(.tab, .tab)
        XCTAssertEqual(s.panel, .lint)
        let screen = lines(s)
        XCTAssertTrue(screen[1].hasPrefix("  Lint: 0 errors, \(s.lint.count(.warning)) warnings, "), screen[1])
        // Select the finding on "First brew call" (Activation, first card) and jump.
        let row = try XCTUnwrap(s.lint.findings.firstIndex { $0.stageIndex == 1 && $0.touchpointIndex == 0 })
        s.press(.char("g"))
        for _ in 0..<row { s.press(.down) }
        XCTAssertEqual(s.lintRow, row)
        s.press(.enter)
        XCTAssertEqual(s.panel, .board)
        XCTAssertEqual(s.selection, Selection(stage: 1, card: 0))
        XCTAssertTrue(s.message!.text.hasPrefix("\(s.lint.findings[row].rule): Touchpoint \"First brew call\""), s.message!.text)
    }

    func testJumpToACohortFindingAndToAJourneyFinding() throws {
        var s = state()
        Editor.edit(&s, "clear a model") { $0.cohorts[0].model = nil }
        s.refreshLint()
        s.press(.tab, .tab)
        let cohortRow = try XCTUnwrap(s.lint.findings.firstIndex { $0.rule == "JM020" })
        s.lintRow = cohortRow
        s.press(.enter)
        XCTAssertEqual(s.panel, .cohorts)
        XCTAssertEqual(s.cohort, 0)
        s.press(.tab)
        s.lintRow = try XCTUnwrap(s.lint.findings.firstIndex { $0.rule == "JM009" })
        s.press(.enter)
        XCTAssertEqual(s.panel, .lint)
        XCTAssertEqual(s.message?.text, "JM009 is about the whole journey: p edits its properties")
    }

    func testCohortsPanelShowsTheAdvice() {
        var s = state()
        s.press(.tab)
        let screen = lines(s)
        XCTAssertTrue(screen[1].contains("Advice"), screen[1])
        // New visitors have no value or size: low-touch is advised against their tech-touch; VIP stays HVC?
        let r = Recommender.recommend(s.journey.cohorts[0], in: s.journey)
        XCTAssertTrue(screen[3].contains((r.agrees ? "✓ " : "→ ") + Choices.badge(r.model, in: s.journey)), screen[3])
    }

    func testCoverageViewToggles() {
        var s = state()
        s.press(.char("c"))
        XCTAssertEqual(s.coverage, .model)
        XCTAssertTrue(lines(s)[1].hasPrefix("  Coverage: touchpoints per stage and engagement model"), lines(s)[1])
        s.press(.char("c"))
        XCTAssertEqual(s.coverage, .cohort)
        XCTAssertTrue(lines(s).contains { $0.contains("New visitors") })
        s.press(.char("c"))
        XCTAssertNil(s.coverage)
        s.press(.char("c"), .escape)
        XCTAssertNil(s.coverage)
    }

    func testAssessmentScreenStoresTheResultUndoably() {
        var s = state()
        s.press(.char("M"))
        XCTAssertEqual(s.context, .assessment)
        s.press(.char(" "), .down, .char(" "), .down, .char(" "))
        XCTAssertTrue(lines(s)[2].contains("Ladder A: rung 2 Active."), lines(s)[2])
        s.press(.enter)
        XCTAssertEqual(s.journey.maturity, MaturityResult(assessed: "2026-11-22", rung: 2, level: 0, checks: ["a2-segments", "a2-triggers", "a2-measured"]))
        XCTAssertEqual(s.message?.text, "Maturity: rung 2 Active, level 0 Unstructured campaigns")
        s.press(.char("u"))
        XCTAssertNil(s.journey.maturity)
        // Esc changes nothing; the next assessment starts from the stored checks.
        s.press(.ctrl("r"), .char("M"), .char(" "), .escape)
        XCTAssertEqual(s.journey.maturity?.rung, 2)
        s.press(.char("M"))
        guard case .assessment(let a) = s.overlays.last else { return XCTFail() }
        XCTAssertEqual(a.ticked, ["a2-segments", "a2-triggers", "a2-measured"])
    }
}
