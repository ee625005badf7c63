import JourneyKit
@testable import JourneyTUI
import XCTest

/// Capability 3: swimlanes, compact cards, no detail pane, the cards' last line.
final class ViewsTests: XCTestCase {
    func testCohortSwimlanesShowWhoEachStageServes() {
        var j = Sample.journey()
        j.stages[1].touchpoints[0].cohorts = ["vip", "new-visitors"]
        var s = EditorState(journey: j, path: "/tmp/coffee.json", width: 100, height: 24)
        _ = Editor.update(&s, .resize(width: 100, height: 24))
        s.press(.char("w"))
        XCTAssertEqual(s.view.lanes, .cohort)
        XCTAssertEqual(s.message, Message("Swimlanes: cohorts by stages (w: models)"))
        let lines = Renderer.render(s).trimmedLines
        XCTAssertEqual(Array(lines[1...8]), [
            " Cohort             Acquisition (2)           Activation (1)            Retention (0)",
            " ──────────────────────────────────────────────────────────────────────────────────────────────────",
            " New visitors      │ Welcome email   W [LOW] │ First brew ca… W [HIGH] │",
            " ──────────────────────────────────────────────────────────────────────────────────────────────────",
            " VIP               │                         │ First brew ca… W [HIGH] │",
            " ──────────────────────────────────────────────────────────────────────────────────────────────────",
            " (no cohort)       │ Landing page   W [TECH] │                         │",
            " ──────────────────────────────────────────────────────────────────────────────────────────────────",
        ])
        // The selected card is in reverse video wherever it shows.
        let g = Renderer.render(s)
        XCTAssertTrue(g[22, 7].reverse, "Landing page is selected")
        s.press(.char("l"), .char("j"))
        let h = Renderer.render(s)
        XCTAssertTrue(h[48, 3].reverse && h[48, 5].reverse, "First brew call, in both its lanes")
        XCTAssertFalse(h[22, 7].reverse)
        // The lens applies to the lanes too.
        s.lens = Lens(.owner, "Ana")
        XCTAssertFalse(Renderer.render(s).trimmedLines[2...8].joined().contains("First brew"))
        s.lens = nil
        s.press(.char("w"))
        XCTAssertTrue(Renderer.render(s).trimmedLines[3].hasPrefix(" High-touch        │"))
        s.press(.char("w"))
        XCTAssertNil(s.view.lanes)
        s.press(.char("w"), .escape)
        XCTAssertNil(s.view.lanes, "Esc goes back to the cards")
    }

    func testSixStagesReadAt120ColumnsCompactWithoutTheDetailPane() {
        var j = Journey(title: "Six", framework: FrameworkRef(id: "custom"))
        j.stages = ["Awareness", "Consideration", "Purchase", "Onboarding", "Retention", "Advocacy"].enumerated().map { i, name in
            Stage(id: name.lowercased(), name: name, touchpoints: (0..<3).map { Touchpoint(id: "t\(i)-\($0)", name: "\(name) \($0 + 1)", channel: "email") })
        }
        var s = EditorState(journey: j, path: "/tmp/six.json", width: 120, height: 30)
        _ = Editor.update(&s, .resize(width: 120, height: 30))
        XCTAssertEqual(Layout(s).visibleColumns, 4)
        s.press(.char("z"), .char("I"))
        XCTAssertEqual(Layout(s).visibleColumns, 6)
        XCTAssertEqual(Layout(s).detail.width, 0)
        let lines = Renderer.render(s).trimmedLines
        for name in ["Awareness", "Consideration", "Purchase", "Onboarding", "Retention", "Advocacy"] {
            XCTAssertTrue(lines[1].contains(name.prefix(9)), lines[1])
        }
        // One line per card, one under the other.
        XCTAssertTrue(lines[5].hasPrefix("  Awareness 1"), lines[5])
        XCTAssertTrue(lines[6].hasPrefix("  Awareness 2"), lines[6])
        XCTAssertTrue(lines[7].hasPrefix("  Awareness 3"), lines[7])
        // Clicks and moves follow the one-line cards.
        _ = Editor.update(&s, .click(x: 4, y: 7))
        XCTAssertEqual(s.selection, Selection(stage: 0, card: 2))
        s.press(.char("z"), .char("I"))
        XCTAssertEqual(Layout(s).visibleColumns, 4)
    }

    func testTheCardsLastLineShowsStatusCohortsOrOwner() {
        var s = Sample.state(width: 100, height: 30)
        XCTAssertTrue(Renderer.render(s).trimmedLines[12].contains("Planned · Assumed"))
        s.press(.char("t"))
        XCTAssertEqual(s.message, Message("Cards show their cohorts on the last line"))
        XCTAssertTrue(Renderer.render(s).trimmedLines[12].hasPrefix("  New visitors"), Renderer.render(s).trimmedLines[12])
        s.press(.char("t"))
        XCTAssertTrue(Renderer.render(s).trimmedLines[12].hasPrefix("  Ana"))
        XCTAssertTrue(Renderer.render(s).trimmedLines[8].hasPrefix("  no owner"))
        s.press(.char("t"))
        XCTAssertEqual(s.view.cardLine, .status)
    }
}

extension ViewsTests {
    func testCoverageCellsDrillDownToTheirTouchpoints() {
        var s = Sample.state(width: 100, height: 30)
        s.press(.char("c"))
        XCTAssertEqual(s.coverage, .model)
        // The columns are the seven built-in models: High-touch is the first; Activation the second row.
        s.press(.char("j"))
        XCTAssertEqual(s.coverageCell, Point(x: 0, y: 1))
        XCTAssertEqual(s.message, Message("Activation × High-touch: 1 touchpoint (Enter shows them)"))
        let g = Renderer.render(s)
        let row = g.trimmedLines.firstIndex { $0.hasPrefix("  Activation") }!
        let reversed = (0..<g.width).filter { g[$0, row].reverse }
        XCTAssertEqual(reversed.count, 1, "one cell, the count")
        XCTAssertEqual(g[reversed[0], row].text, "1")
        s.press(.enter)
        XCTAssertNil(s.coverage)
        XCTAssertEqual(s.lens, Lens(.model, "high-touch"))
        XCTAssertEqual(s.selectedTouchpoint?.id, "first-brew-call")
        XCTAssertEqual(s.message, Message("Activation × High-touch: 1 touchpoint here, 1 in all (Esc clears the lens)"))
        // By cohort: the columns are the cohorts.
        s.press(.escape, .char("c"), .char("c"))
        XCTAssertEqual(s.coverage, .cohort)
        s.press(.char("l"))
        XCTAssertEqual(s.message, Message("Activation × VIP: 1 touchpoint (Enter shows them)"))
        s.press(.enter)
        XCTAssertEqual(s.lens, Lens(.cohort, "vip"))
    }
}
