import JourneyKit
@testable import JourneyTUI
import XCTest

final class TouchpointEditingTests: XCTestCase {
    func testAddTouchpointWithChannelAndModelPicked() {
        var s = Sample.state()
        let before = s.journey
        s.press(.char("a"))
        XCTAssertEqual(s.context, .form)
        s.type("Café welcome ✓ 欢迎")
        s.press(.down)
        s.type("sms")                      // typing on a picker field opens the picker, filtered
        XCTAssertEqual(s.context, .picker)
        s.press(.enter, .down, .down, .down)
        s.press(.char(" "))                // Space opens the model picker
        s.type("tech")
        s.press(.enter, .enter)
        XCTAssertEqual(s.context, .board)
        let t = s.journey.stages[0].touchpoints[1]
        XCTAssertEqual(t.name, "Café welcome ✓ 欢迎")
        XCTAssertEqual(t.id, "cafe-welcome")
        XCTAssertEqual(t.channel, "sms")
        XCTAssertEqual(t.model, "tech-touch")
        XCTAssertEqual(s.selection, Selection(stage: 0, card: 1))
        XCTAssertTrue(s.isDirty)
        s.checkUndoRedo(before: before)
    }

    func testEmptyNameIsRefusedAndTheFormStays() {
        var s = Sample.state()
        s.press(.char("a"), .enter)
        XCTAssertEqual(s.context, .form)
        XCTAssertEqual(s.message, Message("Name cannot be empty", isError: true))
        XCTAssertEqual(s.journey, Sample.journey())
    }

    func testEscCancelsAFormAndChangesNothing() {
        var s = Sample.state()
        s.press(.char("e"))
        s.type("xyz")
        s.press(.escape)
        XCTAssertEqual(s.context, .confirm, "typing is never lost silently")
        s.press(.char("d"))
        XCTAssertEqual(s.context, .board)
        XCTAssertEqual(s.journey, Sample.journey())
        XCTAssertFalse(s.isDirty)
    }

    func testEditEveryFieldInTheForm() {
        var s = Sample.state()
        let before = s.journey
        s.press(.char("e"))
        s.press(.ctrl("u"))
        s.type("Landing")
        s.press(.tab)                                  // channel
        s.type("push"); s.press(.enter)
        s.press(.tab); s.type("event"); s.press(.enter)     // trigger kind
        s.press(.tab); s.type("ad click")                   // trigger detail
        s.press(.tab); s.type("hybrid"); s.press(.enter)    // model
        s.press(.tab, .char(" ")); s.type("ai"); s.press(.char(" "), .enter)   // layers
        s.press(.tab, .char(" "), .char(" "), .enter)       // cohorts: tick the first
        s.press(.tab); s.type("Bo")                          // owner
        s.press(.tab); s.type("Hero copy")                   // content
        s.press(.tab); s.type("VIP lands: call")             // escalation
        s.press(.tab); s.type("ret"); s.press(.enter)       // status
        s.press(.tab); s.type("research"); s.press(.enter)  // evidence
        s.press(.tab); s.type("3")                           // sentiment
        s.press(.tab, .char(" "), .char("a")); s.type("Slow"); s.press(.enter, .enter)   // pain points
        s.press(.tab, .char(" "), .char("a")); s.type("email"); s.press(.enter, .enter)  // data capture
        s.press(.tab, .char(" "))                            // loyalty programme
        s.press(.tab, .char(" "))                            // KPIs: Space opens the list
        XCTAssertEqual(s.context, .kpiList)
        s.press(.char("a")); s.type("Bounce rate"); s.press(.tab); s.type("act"); s.press(.enter)
        s.press(.tab, .char(" "), .tab); s.type("40"); s.press(.tab); s.type("%"); s.press(.enter)
        s.press(.down, .down, .enter)                       // Done
        s.press(.tab); s.type("remember")                    // notes
        s.press(.enter)
        XCTAssertEqual(s.context, .board, "\(String(describing: s.message))")
        let t = s.journey.stages[0].touchpoints[0]
        XCTAssertEqual(t, Touchpoint(id: "landing-page", name: "Landing", channel: "push", trigger: Trigger(kind: .event, detail: "ad click"),
                                     model: "hybrid", layers: ["ai-augmented"], cohorts: ["new-visitors"], owner: "Bo", content: "Hero copy",
                                     kpis: [KPI(id: "bounce-rate", name: "Bounce rate", kind: .activity, health: true, target: 40, unit: "%")],
                                     escalation: "VIP lands: call", status: .retired, evidence: .researchBacked, notes: "remember",
                                     loyaltyProgramme: true, dataCapture: [DataCapture(data: "email", party: .first)], sentiment: 3, painPoints: ["Slow"]))
        s.checkUndoRedo(before: before)
    }

    func testRenameKeepsTheID() {
        var s = Sample.state()
        let before = s.journey
        s.press(.char("r"))
        XCTAssertEqual(s.form?.fields.map(\.key), [.name])
        s.press(.ctrl("u"))
        s.type("Home page")
        s.press(.enter)
        XCTAssertEqual(s.journey.stages[0].touchpoints[0].name, "Home page")
        XCTAssertEqual(s.journey.stages[0].touchpoints[0].id, "landing-page")
        s.checkUndoRedo(before: before)
    }

    func testDeleteTouchpoint() {
        var s = Sample.state()
        let before = s.journey
        s.press(.char("j"), .char("d"))
        XCTAssertEqual(s.touchpointNames[0], ["Landing page"])
        XCTAssertEqual(s.message?.text, "Deleted 'Welcome email' (u undoes)")
        s.checkUndoRedo(before: before)
    }

    func testMoveToNextAndPreviousStage() {
        var s = Sample.state()
        let before = s.journey
        s.press(.char("L"))
        XCTAssertEqual(s.touchpointNames, [["Welcome email"], ["Landing page", "First brew call"], []])
        XCTAssertEqual(s.selection, Selection(stage: 1, card: 0))
        s.checkUndoRedo(before: before)
        s.press(.shiftRight, .shiftLeft, .char("H"))
        XCTAssertEqual(s.touchpointNames, [["Landing page", "Welcome email"], ["First brew call"], []])
        s.press(.char("H"))
        XCTAssertEqual(s.message?.text, "Already the first stage")
    }

    func testReorderWithinAStage() {
        var s = Sample.state()
        let before = s.journey
        s.press(.char("J"))
        XCTAssertEqual(s.touchpointNames[0], ["Welcome email", "Landing page"])
        XCTAssertEqual(s.selection.card, 1)
        s.checkUndoRedo(before: before)
        s.press(.shiftUp)
        XCTAssertEqual(s.touchpointNames[0], ["Landing page", "Welcome email"])
        s.press(.shiftDown, .char("K"))
        XCTAssertEqual(s.touchpointNames[0], ["Landing page", "Welcome email"])
    }

    func testAssignModelWithM() {
        var s = Sample.state()
        let before = s.journey
        s.press(.char("m"))
        s.type("commun")
        s.press(.enter)
        XCTAssertEqual(s.journey.stages[0].touchpoints[0].model, "community")
        s.checkUndoRedo(before: before)
    }

    func testNotesInExternalEditorAreOneUndoableEdit() {
        var s = Sample.state()
        let before = s.journey
        XCTAssertEqual(s.press(.ctrl("e")), [.openExternalEditor(text: "", field: "notes")])
        _ = Editor.update(&s, .externalEditFinished(text: "Line one\nLine two", error: nil))
        XCTAssertEqual(s.journey.stages[0].touchpoints[0].notes, "Line one\nLine two")
        s.checkUndoRedo(before: before)
    }

    func testNotesFromTheFormGoToTheField() {
        var s = Sample.state()
        s.press(.char("e"))
        for _ in 0..<17 { s.press(.tab) }
        XCTAssertEqual(s.form?.fields[s.form!.focus].key, .notes)
        XCTAssertEqual(s.press(.ctrl("o")), [.openExternalEditor(text: "", field: "notes")])
        _ = Editor.update(&s, .externalEditFinished(text: "From vi", error: nil))
        s.press(.enter)
        XCTAssertEqual(s.journey.stages[0].touchpoints[0].notes, "From vi")
    }

    func testTriggerDetailNeedsAKind() {
        var s = Sample.state()
        s.press(.char("e"), .tab, .tab, .tab)
        s.type("x")
        s.press(.enter)
        XCTAssertEqual(s.context, .form)
        XCTAssertEqual(s.form?.focus, 2)
        XCTAssertTrue(s.message!.isError)
    }
}
