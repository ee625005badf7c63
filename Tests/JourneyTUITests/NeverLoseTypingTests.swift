import JourneyKit
@testable import JourneyTUI
import XCTest

/// Capability 1: Esc on a changed form or KPI list asks; after adding a KPI the focus is
/// where the next action is. Driven through the session loop.
final class NeverLoseTypingTests: XCTestCase {
    func keys(_ text: String) -> [Key] { text.map { .char($0) } }

    func testEscOnAChangedFormAsksAndEscAgainKeepsEditing() {
        let term = MemoryTerminal(keys: [.char("a")] + keys("Win-back SMS") + [.escape])
        let s = runSession(term)
        XCTAssertEqual(s.top?.confirm?.purpose, .discardForm)
        XCTAssertTrue(term.screen.contains { $0.contains("Discard what you changed in 'New touchpoint'?") }, term.screen.joined(separator: "\n"))
        XCTAssertTrue(term.screen.contains { $0.contains("[k] keep editing  [d] discard  (Esc: keep editing)") }, term.screen.joined(separator: "\n"))

        // Esc again, and Ctrl-C, keep the form with its text.
        let again = MemoryTerminal(keys: [.escape])
        var kept = Session.run(s, on: again, host: MemoryHost())
        XCTAssertEqual(kept.form?.fields[0].text, "Win-back SMS")
        kept.press(.ctrl("c"))
        XCTAssertEqual(kept.top?.confirm?.purpose, .discardForm)
        kept.press(.char("k"))
        XCTAssertEqual(kept.form?.fields[0].text, "Win-back SMS")
        kept.press(.enter)
        XCTAssertEqual(kept.touchpointNames[0], ["Landing page", "Win-back SMS", "Welcome email"])
    }

    func testDiscardClosesTheFormAndChangesNothing() {
        let term = MemoryTerminal(keys: [.char("e"), .ctrl("u")] + keys("Gone") + [.escape, .char("d")])
        let s = runSession(term)
        XCTAssertTrue(s.overlays.isEmpty)
        XCTAssertEqual(s.journey, Sample.journey())
        XCTAssertFalse(s.isDirty)
    }

    func testAnUnchangedFormClosesAtOnce() {
        var s = Sample.state()
        s.press(.char("e"), .tab, .right, .escape)
        XCTAssertTrue(s.overlays.isEmpty, "moving the focus or the cursor is no change")
        // Typed then deleted: nothing changed either.
        s.press(.char("r"), .char("x"), .backspace, .escape)
        XCTAssertTrue(s.overlays.isEmpty)
    }

    func testEscOnAChangedKPIListAsksAndTheFocusFollowsTheNextAction() {
        var s = Sample.state()
        s.press(.char("e"))
        while s.form?.fields[s.form!.focus].key != .kpis { s.press(.tab) }
        s.press(.char(" "), .char("a"))
        s.type("Reply rate")
        s.press(.enter)
        // After adding, Enter finishes the list (the highlight is on Done) and a adds another.
        XCTAssertEqual(s.top?.kpiList?.highlight, s.top?.kpiList?.doneRow)
        s.press(.escape)
        XCTAssertEqual(s.top?.confirm?.purpose, .discardKPIs)
        s.press(.escape)
        XCTAssertEqual(s.top?.kpiList?.kpis.map(\.name), ["Reply rate"], "Esc keeps editing")
        s.press(.enter)
        XCTAssertEqual(s.form?.field(.kpis)?.value, .kpis([KPI(id: "reply-rate", name: "Reply rate", kind: .outcome)]))
        s.press(.enter)
        XCTAssertEqual(s.journey.stages[0].touchpoints[0].kpis.map(\.name), ["Reply rate"])

        // Discarding the list keeps the field as it was.
        s.press(.char("e"))
        while s.form?.fields[s.form!.focus].key != .kpis { s.press(.tab) }
        s.press(.char(" "), .char("d"), .escape, .char("d"))
        XCTAssertEqual(s.context, .form)
        XCTAssertEqual(s.form?.field(.kpis)?.value, .kpis(s.journey.stages[0].touchpoints[0].kpis))
    }

    func testTheKPIFormAsksToo() {
        var s = Sample.state()
        s.press(.char("e"))
        while s.form?.fields[s.form!.focus].key != .kpis { s.press(.tab) }
        s.press(.char(" "), .char("a"))
        s.type("Half")
        s.press(.escape)
        XCTAssertEqual(s.top?.confirm?.purpose, .discardForm)
        s.press(.char("d"))
        XCTAssertEqual(s.context, .kpiList, "back in the list, which is unchanged")
        s.press(.escape)
        XCTAssertEqual(s.context, .form)
    }
}
