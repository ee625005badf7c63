import JourneyKit
@testable import JourneyTUI
import XCTest

/// Capability 5 (part): suppressing a lint finding from the lint panel.
final class EditingGapsTests: XCTestCase {
    func testSuppressAFindingAsksForTheReason() {
        var s = Sample.state()
        s.press(.tab, .tab)
        XCTAssertEqual(s.panel, .lint)
        guard let finding = s.selectedFinding else { return XCTFail("the sample has findings") }
        let before = s.journey
        let count = s.lint.findings.count
        s.press(.char("x"))
        XCTAssertEqual(s.form?.title, "Suppress \(finding.rule) (\(LintPanel.place(finding, s.journey)))")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("Say why: the reason is kept in the file beside the rule", isError: true))
        s.type("Reviewed with the team")
        s.press(.enter)
        XCTAssertTrue(s.overlays.isEmpty)
        XCTAssertEqual(s.lint.findings.count, count - 1)
        XCTAssertFalse(s.lint.findings.contains(finding))
        let suppressions = s.journey.stages.flatMap { $0.suppress + $0.touchpoints.flatMap(\.suppress) } + s.journey.cohorts.flatMap(\.suppress) + s.journey.suppress
        XCTAssertEqual(suppressions, [Suppression(rule: finding.rule, reason: "Reviewed with the team")])
        XCTAssertTrue(s.message?.text.hasPrefix("Suppressed \(finding.rule) on '") ?? false, "\(String(describing: s.message))")
        s.checkUndoRedo(before: before)
    }
}
