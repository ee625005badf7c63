import JourneyKit
@testable import JourneyTUI
import XCTest

/// Capability 4: duplicate, yank and paste, marks and bulk edits; each one undo step.
final class ReuseAndBulkTests: XCTestCase {
    func uniqueIDs(_ j: Journey, file: StaticString = #filePath, line: UInt = #line) {
        var all: [String] = j.cohorts.map(\.id)
        for st in j.stages {
            all.append(st.id)
            all += st.kpis.map(\.id)
            for t in st.touchpoints { all.append(t.id); all += t.kpis.map(\.id) }
        }
        XCTAssertEqual(all.count, Set(all).count, "ids are unique", file: file, line: line)
    }

    func testDuplicateACardAndAStage() {
        var j = Sample.journey()
        j.stages[0].touchpoints[0].kpis = [KPI(id: "bounce", name: "Bounce", kind: .activity)]
        var s = EditorState(journey: j, path: "/tmp/coffee.json", width: 100, height: 30)
        s.press(.char("D"))
        XCTAssertEqual(s.touchpointNames[0], ["Landing page", "Landing page (copy)", "Welcome email"])
        let copy = s.journey.stages[0].touchpoints[1]
        XCTAssertEqual(copy.id, "landing-page-copy")
        XCTAssertEqual(copy.kpis.map(\.name), ["Bounce"])
        XCTAssertEqual(copy.channel, "web")
        XCTAssertEqual(s.selectedTouchpoint?.id, "landing-page-copy")
        XCTAssertEqual(s.message, Message("Duplicated 'Landing page' (r renames it, u undoes)"))
        uniqueIDs(s.journey)
        s.checkUndoRedo(before: j)

        var h = EditorState(journey: j, path: "/tmp/coffee.json", width: 100, height: 30)
        h.press(.char("k"), .char("D"))
        XCTAssertEqual(h.journey.stages.map(\.name), ["Acquisition", "Acquisition (copy)", "Activation", "Retention"])
        XCTAssertEqual(h.journey.stages[1].touchpoints.map(\.name), ["Landing page", "Welcome email"])
        XCTAssertEqual(h.selection, Selection(stage: 1, card: -1))
        uniqueIDs(h.journey)
        h.checkUndoRedo(before: j)
    }

    func testYankAndPasteIntoAnotherStage() {
        let term = MemoryTerminal(keys: [.char("y"), .char("l"), .char("l"), .char("P"), .char("P")])
        let s = runSession(term)
        XCTAssertEqual(s.touchpointNames[2], ["Landing page", "Landing page"])
        XCTAssertEqual(s.journey.stages[2].touchpoints.map(\.id), ["landing-page-2", "landing-page-3"])
        XCTAssertEqual(s.message, Message("Pasted 'Landing page' into Retention (u undoes)"))
        XCTAssertEqual(s.touchpointNames[0], ["Landing page", "Welcome email"], "yank copies")
        uniqueIDs(s.journey)
        var u = s
        u.press(.char("u"))
        XCTAssertEqual(u.touchpointNames[2], ["Landing page"], "one paste, one undo step")
    }

    func testMarksRangeAndBulkSet() {
        var s = Sample.state()
        // Mark Landing page, then a range to First brew call (across a stage).
        s.press(.char(" "), .char("l"), .char("V"))
        XCTAssertEqual(s.marked, ["landing-page", "welcome-email", "first-brew-call"])
        XCTAssertEqual(s.message, Message("3 marked: B sets owner, model, status, cohorts; d deletes; y yanks; Esc unmarks"))
        let g = Renderer.render(s).trimmedLines
        XCTAssertTrue(g[6].hasPrefix(" ✓Landing page"), g[6])
        s.press(.char("B"))
        XCTAssertEqual(s.form?.title, "Set on 3 cards (what you change)")
        XCTAssertEqual(s.form?.fields.map(\.key), [.owner, .model, .status, .cohorts])
        let before = s.journey
        s.type("Growth")
        s.press(.tab, .tab)
        s.type("liv")
        s.press(.enter, .tab)
        s.type("New")
        s.press(.char(" "), .enter, .enter)
        XCTAssertTrue(s.overlays.isEmpty)
        XCTAssertEqual(s.message, Message("Set owner, status, cohorts (add/remove) on 3 cards (u undoes)"))
        let cards = s.journey.stages.flatMap(\.touchpoints).filter { s.marked.contains($0.id) }
        XCTAssertEqual(cards.map(\.owner), ["Growth", "Growth", "Growth"])
        XCTAssertEqual(cards.map(\.status), [.live, .live, .live])
        XCTAssertEqual(cards.map(\.cohorts), [["new-visitors"], ["new-visitors"], ["vip", "new-visitors"]])
        XCTAssertEqual(cards.map(\.model), ["tech-touch", "low-touch", "high-touch"], "the model was not changed")
        s.checkUndoRedo(before: before)
        s.press(.escape)
        XCTAssertTrue(s.marked.isEmpty)
    }

    func testBulkRemovesACohortFromEveryMarkedCard() {
        var j = Sample.journey()
        j.stages[0].touchpoints[0].cohorts = ["vip", "new-visitors"]
        var s = EditorState(journey: j, path: "/tmp/coffee.json", width: 100, height: 30)
        s.press(.char(" "), .char("j"), .char(" "), .char("B"), .tab, .tab, .tab, .char(" "))
        // The two cards share New visitors: unticking it removes it from both, VIP stays.
        s.type("New")
        s.press(.char(" "), .enter, .enter)
        XCTAssertEqual(s.journey.stages[0].touchpoints.map(\.cohorts), [["vip"], []])
    }

    func testBulkDeleteAsksAndIsOneUndoStep() {
        var s = Sample.state()
        s.press(.char(" "), .char("l"), .char(" "), .char("d"))
        XCTAssertEqual(s.top?.confirm?.message, "Delete the 2 marked cards?")
        s.press(.char("y"))
        XCTAssertEqual(s.touchpointNames, [["Welcome email"], [], []])
        XCTAssertEqual(s.message, Message("Deleted 2 cards (u undoes)"))
        XCTAssertTrue(s.marked.isEmpty)
        s.checkUndoRedo(before: Sample.journey())
    }

    func testDisabledReuseKeysSayWhy() {
        var s = Sample.state()
        s.press(.char("P"))
        XCTAssertEqual(s.message, Message("Nothing yanked yet: y copies the selected card"))
        s.press(.char("B"))
        XCTAssertEqual(s.message, Message("Mark cards with Space (V marks a range) first"))
        s.press(.char("k"), .char(" "))
        XCTAssertEqual(s.message, Message("Select a card first"))
    }
}
