import JourneyKit
@testable import JourneyTUI
import XCTest

/// Capability 2: lenses (f) and search over every text field, with highlights and a
/// result list. Driven through the session loop.
final class LensAndSearchTests: XCTestCase {
    func keys(_ text: String) -> [Key] { text.map { .char($0) } }

    func testTheLensPickerOffersWhatTheCardsUse() {
        var s = Sample.state()
        s.press(.char("f"))
        XCTAssertEqual(s.top?.picker?.target, .lens)
        XCTAssertEqual(s.top?.picker?.choices.map(\.label), [
            "Cohort: New visitors", "Cohort: VIP",
            "Model: Tech-touch / no-touch", "Model: Low-touch", "Model: High-touch",
            "Owner: Ana",
            "Status: Planned", "Status: Live", "Status: no status",
            "Channel: Email", "Channel: Web", "Channel: Phone",
            "Lint: errors", "Lint: warnings or errors", "Lint: any finding",
        ])
    }

    func testACohortLensShowsOnlyItsCardsAndTheCountsFollow() {
        let term = MemoryTerminal(keys: [.char("f")] + keys("vip") + [.enter])
        var s = runSession(term)
        XCTAssertEqual(s.lens, Lens(.cohort, "vip"))
        let screen = term.screen
        XCTAssertTrue(screen[0].contains("coffee.json · lens Cohort: VIP"), screen[0])
        XCTAssertTrue(screen[1].hasPrefix("  Acquisition             (0/2) │ Activation            W (1/1) │ Retention             W (0/0) │"), screen[1])
        XCTAssertTrue(screen[6].hasPrefix("  none through the lens         │ First brew call             W │ no touchpoints (a adds)       │"), screen[6])
        XCTAssertFalse(screen.joined().contains("Landing page"))
        XCTAssertEqual(s.message, Message("Lens Cohort: VIP: 1 of 3 cards (F dims instead, Esc clears)"))
        // The selection left the hidden card; moves skip hidden cards.
        XCTAssertEqual(s.selection, Selection(stage: 0, card: -1))
        s.press(.char("l"), .char("j"))
        XCTAssertEqual(s.selectedTouchpoint?.id, "first-brew-call")
        s.press(.char("h"))
        XCTAssertEqual(s.selection, Selection(stage: 0, card: -1), "no card shows on Acquisition")
        // F dims the others instead; Esc takes the lens off.
        s.press(.char("F"))
        XCTAssertEqual(s.lens?.dim, true)
        let g = Renderer.render(s)
        let dimRow = g.trimmedLines.firstIndex { $0.contains("Landing page") }!
        XCTAssertEqual(g[2, dimRow].role, .dim)
        XCTAssertTrue(g.trimmedLines[0].contains("lens Cohort: VIP (dim)"))
        s.press(.escape)
        XCTAssertNil(s.lens)
        XCTAssertEqual(s.message, Message("Lens off: every card shows"))
        XCTAssertTrue(Renderer.render(s).trimmedLines[1].hasPrefix("  Acquisition               (2) │"), Renderer.render(s).trimmedLines[1])
    }

    func testLintAndOwnerLenses() {
        var s = Sample.state()
        s.lens = Lens(.owner, "Ana")
        XCTAssertEqual(s.shownCards(0), [1])
        s.lens = Lens(.lint, "warning")
        let marked = s.journey.stages.indices.map { si in s.journey.stages[si].touchpoints.indices.filter { s.lintMarks[si]?[$0] != nil } }
        XCTAssertEqual(s.journey.stages.indices.map { s.shownCards($0) }, marked)
        s.lens = Lens(.lint, "error")
        XCTAssertEqual(s.journey.stages.indices.map { s.shownCards($0) }, [[], [], []], "the sample has warnings only")
        s.press(.char("F"), .char("f"))
        XCTAssertEqual(s.top?.picker?.choices.first, Choice("", "(no lens: every card)"))
        XCTAssertEqual(s.top?.picker?.current?.id, "lint:error", "the lens on is highlighted")
        s.type("no lens")
        s.press(.enter)
        XCTAssertNil(s.lens)
    }

    func testSearchCoversEveryTextFieldAndListsTheResults() {
        var j = Sample.journey()
        j.stages[1].touchpoints[0].notes = "Offer an espresso tasting"
        j.stages[0].touchpoints[0].kpis = [KPI(id: "espresso-signups", name: "Espresso signups", kind: .outcome)]
        var s = EditorState(journey: j, path: "/tmp/coffee.json", width: 100, height: 30)
        s.press(.char("/"))
        s.type("espresso")
        s.press(.tab)
        XCTAssertEqual(s.top?.picker?.title, "2 matches for 'espresso'")
        XCTAssertEqual(s.top?.picker?.choices, [
            Choice("0:0", "Acquisition › Landing page", detail: "KPI Espresso signups"),
            Choice("1:0", "Activation › First brew call", detail: "notes"),
        ])
        s.press(.down, .enter)
        XCTAssertEqual(s.selectedTouchpoint?.id, "first-brew-call")
        XCTAssertEqual(s.searchQuery, "espresso")
        s.press(.char("n"))
        XCTAssertEqual(s.selectedTouchpoint?.id, "landing-page")
        // Cohorts, content and escalation count too.
        s.press(.char("/"))
        s.type("vip")
        s.press(.enter)
        XCTAssertEqual(s.selectedTouchpoint?.id, "first-brew-call")
    }

    func testSearchMatchesAreHighlightedOnCards() {
        let term = MemoryTerminal(keys: [.char("/")] + keys("brew") + [.enter])
        let s = runSession(term)
        XCTAssertEqual(s.selectedTouchpoint?.id, "first-brew-call")
        let g = term.screens.last!
        let row = g.trimmedLines.firstIndex { $0.contains("First brew call") }!
        let x = Array(g.trimmedLines[row]).firstIndex(of: "b").map { g.trimmedLines[row].prefix($0).count }!
        let x0 = g.trimmedLines[row].distance(from: g.trimmedLines[row].startIndex, to: g.trimmedLines[row].range(of: "brew")!.lowerBound)
        XCTAssertEqual(x, x0)
        for col in x0..<x0 + 4 { XCTAssertEqual(g[col, row].role, .warning, "column \(col)") }
        XCTAssertNotEqual(g[x0 - 1, row].role, .warning)
        XCTAssertNotEqual(g[x0 + 4, row].role, .warning)
    }
}
