import JourneyKit
@testable import JourneyTUI
import XCTest

final class StageEditingTests: XCTestCase {
    func testAddStageAfterTheSelectedOne() {
        var s = Sample.state()
        let before = s.journey
        s.press(.char("A"))
        s.type("Referral")
        s.press(.enter)
        XCTAssertEqual(s.journey.stages.map(\.id), ["acquisition", "referral", "activation", "retention"])
        XCTAssertEqual(s.selection, Selection(stage: 1, card: -1))
        s.checkUndoRedo(before: before)
    }

    func testRenameStageKeepsItsIDAndLoops() {
        var s = Sample.state()
        let before = s.journey
        s.press(.char("l"), .char("k"), .char("r"), .ctrl("u"))
        s.type("Onboarding")
        s.press(.enter)
        XCTAssertEqual(s.journey.stages[1].name, "Onboarding")
        XCTAssertEqual(s.journey.stages[1].id, "activation")
        XCTAssertEqual(s.journey.loops, before.loops)
        s.checkUndoRedo(before: before)
    }

    func testEditGoalLevelDropOffAndKPIs() {
        var s = Sample.state()
        let before = s.journey
        s.press(.char("k"), .enter)                   // header selected: the stage form
        XCTAssertEqual(s.form?.title, "Stage")
        s.press(.tab); s.type("Get found")
        s.press(.tab); s.type("unaw"); s.press(.enter)
        s.press(.tab); s.type("35.5")
        s.press(.tab, .char(" "))                     // KPIs list: CAC, Add, Done
        s.press(.char("d"))                           // delete CAC
        s.press(.enter); s.type("Conversion rate"); s.press(.enter)   // the Add row
        s.press(.char("j"), .char("j"), .enter)       // Done
        s.press(.enter)
        let st = s.journey.stages[0]
        XCTAssertEqual(st.goal, "Get found")
        XCTAssertEqual(st.level, .unaware)
        XCTAssertEqual(st.dropOff, 35.5)
        XCTAssertEqual(st.kpis, [KPI(id: "conversion-rate", name: "Conversion rate", kind: .outcome)])
        s.checkUndoRedo(before: before)
    }

    func testDropOffMustBeAPercentage() {
        var s = Sample.state()
        s.press(.char("k"), .enter, .tab, .tab, .tab)
        s.type("140")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("Drop-off % must be from 0 to 100", isError: true))
        XCTAssertEqual(s.context, .form)
    }

    func testKPIListEscKeepsTheFormsKPIs() {
        var s = Sample.state()
        s.press(.char("k"), .enter, .tab, .tab, .tab, .tab, .char(" "), .char("d"), .escape)
        XCTAssertEqual(s.context, .confirm, "a changed list asks")
        s.press(.char("d"))
        XCTAssertEqual(s.context, .form)
        s.press(.enter)
        XCTAssertEqual(s.journey, Sample.journey())
    }

    func testDeleteStageAsksFirstAndRemovesItsLoops() {
        var s = Sample.state()
        let before = s.journey
        s.press(.char("l"), .char("l"), .char("d"))
        XCTAssertEqual(s.context, .confirm)
        s.press(.char("n"))
        XCTAssertEqual(s.journey, before)
        s.press(.char("d"), .escape)
        XCTAssertEqual(s.journey, before)
        s.press(.char("d"), .char("y"))
        XCTAssertEqual(s.journey.stages.map(\.id), ["acquisition", "activation"])
        XCTAssertEqual(s.journey.loops, [])
        s.checkUndoRedo(before: before)
    }

    func testDeleteStageWithTouchpoints() {
        var s = Sample.state()
        s.press(.char("k"), .char("d"))
        guard case .confirm(let c) = s.overlays.last else { return XCTFail("no question") }
        XCTAssertEqual(c.message, "Delete stage 'Acquisition' and its 2 touchpoints?")
        s.press(.char("y"))
        XCTAssertEqual(s.journey.stages.map(\.id), ["activation", "retention"])
    }

    func testReorderStagesFromTheHeader() {
        var s = Sample.state()
        let before = s.journey
        s.press(.char("k"), .char("L"))
        XCTAssertEqual(s.journey.stages.map(\.id), ["activation", "acquisition", "retention"])
        XCTAssertEqual(s.selection, Selection(stage: 1, card: -1))
        s.checkUndoRedo(before: before)
    }

    func testAddAndRemoveLoopEdges() {
        var s = Sample.state()
        let before = s.journey
        s.press(.char("l"), .char("l"), .char("o"))   // from Retention; "back to" defaults to the previous stage
        s.press(.tab, .char(" "))
        s.type("acq")
        s.press(.enter, .tab, .ctrl("u"))
        s.type("Referral loop")
        s.press(.enter)
        XCTAssertEqual(s.journey.loops.last, LoopEdge(id: "referral-loop", from: "retention", to: "acquisition", label: "Referral loop"))
        s.checkUndoRedo(before: before)
        let withTwo = s.journey
        s.press(.char("O"))
        s.type("win")
        s.press(.enter)
        XCTAssertEqual(s.journey.loops.map(\.id), ["referral-loop"])
        s.checkUndoRedo(before: withTwo)
    }

    func testLoopToItselfIsRefused() {
        var s = Sample.state()
        s.press(.char("o"), .tab, .char(" "))
        s.type("acq")
        s.press(.enter, .enter)
        XCTAssertEqual(s.message, Message("A loop edge must return to another stage", isError: true))
    }
}
