import JourneyKit
@testable import JourneyTUI
import XCTest

/// The driver's idle tick carries the real date into the editor.
final class TickTests: XCTestCase {
    func testATickOnANewDayRelintsAgainstThatDay() {
        var journey = Sample.journey()
        journey.lastReviewed = "2025-11-22"
        var s = EditorState(journey: journey, path: "/tmp/coffee.json", width: 100, height: 30)
        _ = Editor.update(&s, .resize(width: 100, height: 30))
        XCTAssertEqual(Editor.tick(&s, today: "2026-11-22"), [])
        XCTAssertEqual(s.today, "2026-11-22")
        XCTAssertFalse(s.lint.findings.contains { $0.rule == "JM009" }, "reviewed exactly a year ago is not late")
        // Past midnight the same session judges against the new day, with no key pressed.
        XCTAssertEqual(Editor.tick(&s, today: "2026-11-23"), [])
        XCTAssertEqual(s.today, "2026-11-23")
        XCTAssertEqual(s.lint.findings.filter { $0.rule == "JM009" }.map(\.message),
                       ["The engagement model was last reviewed on 2025-11-22, more than 12 months before 2026-11-23."])
        XCTAssertEqual(s.history.version, 0, "a tick is not an edit")
        XCTAssertFalse(s.isDirty)
    }

    func testTheSessionsIdleTickReadsTheHostsDate() {
        var journey = Sample.journey()
        journey.lastReviewed = "2025-11-22"
        var s = EditorState(journey: journey, path: "/tmp/coffee.json", width: 100, height: 30)
        s.today = "2026-11-22"
        let host = MemoryHost()
        host.day = "2026-11-23"
        s = Session.run(s, on: MemoryTerminal(events: [.idle]), host: host)
        XCTAssertEqual(s.today, "2026-11-23")
        XCTAssertTrue(s.lint.findings.contains { $0.rule == "JM009" }, "\(s.lint.findings.map(\.rule))")
    }
}
