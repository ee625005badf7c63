import JourneyKit
@testable import JourneyTUI
import XCTest

/// Large journeys are linted when the user pauses, not on every key.
final class DeferredLintTests: XCTestCase {
    private func large(touchpoints: Int) -> Journey {
        var j = Sample.journey()
        for i in 0..<touchpoints {
            j.stages[i % 3].touchpoints.append(Touchpoint(id: "t\(i)", name: "Touchpoint \(i)", channel: "email"))
        }
        return j
    }

    func testSmallJourneysAreLintedAfterEveryEdit() {
        var s = Sample.state()
        XCTAssertFalse(s.lintIsStale)
        s.press(.char("J"))
        XCTAssertFalse(s.lintIsStale)
        XCTAssertFalse(Renderer.render(s).trimmedLines.last?.hasSuffix("…") ?? true)
    }

    func testLargeJourneysAreLintedWhenIdle() {
        var s = EditorState(journey: large(touchpoints: EditorState.eagerLintLimit + 1), path: "/tmp/big.json", width: 120, height: 40)
        _ = Editor.update(&s, .resize(width: 120, height: 40))
        XCTAssertTrue(s.lintIsStale, "not linted while opening")
        XCTAssertEqual(Renderer.render(s).trimmedLines.last?.hasSuffix("linting …"), true)
        _ = Editor.update(&s, .idle)
        XCTAssertFalse(s.lintIsStale)
        let findings = s.lint.findings.count
        XCTAssertGreaterThan(findings, 0)
        s.press(.char("J"))
        XCTAssertTrue(s.lintIsStale, "an edit leaves the lint for later")
        s.press(.char("j"))
        XCTAssertTrue(s.lintIsStale, "moving does not lint either")
        _ = Editor.update(&s, .idle)
        XCTAssertFalse(s.lintIsStale)
    }

    func testTheLintPanelIsAlwaysCurrent() {
        var s = EditorState(journey: large(touchpoints: EditorState.eagerLintLimit + 1), path: "/tmp/big.json", width: 120, height: 40)
        _ = Editor.update(&s, .resize(width: 120, height: 40))
        while s.panel != .lint { s.press(.tab) }
        XCTAssertFalse(s.lintIsStale)
    }
}
