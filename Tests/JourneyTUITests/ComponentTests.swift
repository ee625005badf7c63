import JourneyKit
@testable import JourneyTUI
import XCTest

/// Each overlay by itself: its update returns an outcome, and it draws into a small grid
/// (asserted as text lines, as ratatui tests its widgets).
final class ComponentTests: XCTestCase {
    func grid(_ w: Int, _ h: Int, _ draw: (inout Grid, Rect) -> Void) -> [String] {
        var g = Grid(width: w, height: h)
        draw(&g, Rect(x: 0, y: 0, width: w, height: h))
        return g.trimmedLines
    }

    func kpiForm() -> Form { Forms.kpi(KPI(id: "nps", name: "NPS", kind: .outcome, target: 40), index: 0) }

    // MARK: Form

    func testFormUpdateReturnsOutcomesAndEditsItsFields() {
        var f = kpiForm()
        XCTAssertEqual(f.update(.confirm), .submit)
        XCTAssertEqual(f.update(.cancel), .cancel)
        XCTAssertFalse(f.isChanged)
        XCTAssertEqual(f.type("!"), .none)
        XCTAssertEqual(f.fields[0].text, "NPS!")
        XCTAssertTrue(f.isChanged)
        XCTAssertEqual(f.update(.deleteBackward), .none)
        XCTAssertFalse(f.isChanged, "typing then deleting leaves it unchanged")
        XCTAssertEqual(f.update(.cursorLeft), .none)
        XCTAssertFalse(f.isChanged, "a cursor move is no change")
        XCTAssertEqual(f.update(.nextField), .none)
        XCTAssertEqual(f.focus, 1)
        XCTAssertEqual(f.type("a"), .openList(filter: "a"), "typing on a picker field opens it filtered")
        XCTAssertEqual(f.update(.openPicker), .openList(filter: ""))
        f.focus = 2
        XCTAssertEqual(f.update(.toggle), .none)
        XCTAssertEqual(f.fields[2].value, .toggle(true))
        XCTAssertEqual(f.update(.editNotes), .editExternally(field: 2, text: "", name: "health"))
        XCTAssertEqual(f.update(.lastField), .none)
        XCTAssertEqual(f.focus, 4)
        XCTAssertEqual(f.update(.firstField), .none)
        XCTAssertEqual(f.focus, 0)
    }

    func testFormDrawsInItsRectangle() {
        let lines = grid(40, 11) { g, r in FormWidget.draw(&g, kpiForm(), in: r, journey: Sample.journey(), .unicode) }
        XCTAssertEqual(lines, [
            "",
            "  ┌─ KPI ────────────────────────────┐",
            "  │                                  │",
            "  │          Name NPS                │",
            "  │          Kind Outcome ▾          │",
            "  │  Health score [ ] no             │",
            "  │        Target 40                 │",
            "  │          Unit                    │",
            "  │                                  │",
            "  └──────────────────────────────────┘",
            "",
        ])
    }

    // MARK: Picker

    func testPickerFiltersAndChooses() {
        var p = Picker(title: "Channel", choices: [Choice("email", "Email"), Choice("sms", "SMS"), Choice("web", "Web")], target: .formField(1))
        XCTAssertEqual(p.update(.pickerDown), .none)
        XCTAssertEqual(p.current?.id, "sms")
        p.type("w")
        XCTAssertEqual(p.visible.map(\.id), ["web"])
        XCTAssertEqual(p.update(.confirm), .choose)
        XCTAssertEqual(p.update(.deleteBackward), .none)
        XCTAssertEqual(p.visible.count, 3)
        XCTAssertEqual(p.update(.cancel), .cancel)
    }

    func testPickerDrawsInItsRectangle() {
        var p = Picker(title: "Channel", choices: [Choice("email", "Email"), Choice("sms", "SMS")], target: .formField(1))
        p.type("s")
        let lines = grid(30, 9) { g, r in PickerWidget.draw(&g, p, in: r, .unicode) }
        XCTAssertEqual(lines, [
            "",
            "",
            "  ┌─ Channel ──────────────┐",
            "  │ Filter: s              │",
            "  ├────────────────────────┤",
            "  │ SMS                    │",
            "  └────────────────────────┘",
            "",
            "",
        ])
    }

    // MARK: KPI list

    func testKPIListOutcomesAndFocusAfterAdding() {
        var l = KPIList(title: "KPIs", kpis: [KPI(id: "nps", name: "NPS", kind: .outcome)], fieldIndex: 3)
        XCTAssertEqual(l.update(.confirm), .edit(index: 0))
        XCTAssertEqual(l.update(.addTouchpoint), .add)
        l.put(KPI(id: "", name: "Churn rate", kind: .outcome), at: nil, taken: ["nps"])
        XCTAssertEqual(l.kpis.map(\.id), ["nps", "churn-rate"])
        XCTAssertEqual(l.highlight, l.doneRow, "after adding, Enter finishes")
        l.highlight = 0
        l.put(KPI(id: "nps", name: "NPS score", kind: .outcome), at: 0, taken: [])
        XCTAssertEqual(l.kpis.map(\.name), ["NPS score", "Churn rate"])
        XCTAssertEqual(l.highlight, l.doneRow, "after editing too")
        XCTAssertTrue(l.isChanged)
        XCTAssertEqual(l.update(.confirm), .done(l.kpis))
        XCTAssertEqual(l.update(.pickerUp), .none)
        XCTAssertEqual(l.update(.confirm), .add, "the Add row")
        XCTAssertEqual(l.update(.cancel), .cancel)
    }

    func testKPIListDrawsInItsRectangle() {
        let l = KPIList(title: "KPIs", kpis: [KPI(id: "nps", name: "NPS", kind: .outcome, target: 40, unit: "pts")], fieldIndex: 3)
        let lines = grid(40, 9) { g, r in KPIListWidget.draw(&g, l, in: r, .unicode) }
        XCTAssertEqual(lines, [
            "",
            "  ┌─ KPIs ───────────────────────────┐",
            "  │                                  │",
            "  │ NPS · Outcome · target 40 pts    │",
            "  │ + Add a KPI                      │",
            "  │ ✓ Done                           │",
            "  │                                  │",
            "  └──────────────────────────────────┘",
            "",
        ])
    }

    // MARK: Confirm

    func testConfirmAnswersWithAnEnum() {
        let c = Confirm("Save?", choices: [ConfirmChoice("s", "save", .save), ConfirmChoice("d", "discard", .discard)], purpose: .quit)
        XCTAssertEqual(c.update(.char("s")), .answered(.save))
        XCTAssertEqual(c.update(.char("d")), .answered(.discard))
        XCTAssertEqual(c.update(.char("x")), .none)
        XCTAssertEqual(c.update(.escape), .answered(.cancel))
    }

    func testConfirmDrawsInItsRectangle() {
        let c = Confirm.yesNo("Delete stage 'Retention'?", purpose: .deleteStage(id: "retention"))
        let lines = grid(40, 9) { g, r in ConfirmWidget.draw(&g, c, in: r, .unicode) }
        XCTAssertEqual(lines, [
            "",
            "  ┌─ Question ───────────────────────┐",
            "  │                                  │",
            "  │ Delete stage 'Retention'?        │",
            "  │                                  │",
            "  │ [y] yes  [n] no  (Esc cancels)   │",
            "  └──────────────────────────────────┘",
            "",
            "",
        ])
    }

    // MARK: Search, help, assessment

    func testSearchPromptOutcomesAndDrawing() {
        var p = SearchPrompt()
        p.type("w")
        p.type("e")
        XCTAssertEqual(p.update(.deleteBackward), .none)
        XCTAssertEqual(p.update(.confirm), .submit("w"))
        XCTAssertEqual(p.update(.cancel), .cancel)
        let lines = grid(20, 3) { g, _ in MessageLine.drawSearch(&g, p, in: Rect(x: 0, y: 1, width: 20, height: 1)) }
        XCTAssertEqual(lines, ["", " /w", ""])
    }

    func testHelpScrollsWithinItsTextAndCloses() {
        var h = Help()
        XCTAssertEqual(h.update(.scrollUp, lineCount: 3), .none)
        XCTAssertEqual(h.scroll, 0)
        _ = h.update(.scrollDown, lineCount: 3)
        _ = h.update(.scrollDown, lineCount: 3)
        _ = h.update(.scrollDown, lineCount: 3)
        XCTAssertEqual(h.scroll, 2)
        XCTAssertEqual(h.update(.cancel, lineCount: 3), .close)
        let lines = grid(40, 7) { g, r in HelpOverlay.draw(&g, Help(scroll: 1), in: r, .ascii) }
        XCTAssertEqual(lines, [
            "",
            "  +- Keys (Esc closes, ↑↓ scroll) ---+",
            "  |   ↑/k                 The card ~^|",
            "  |                       the top c~v|",
            "  +----------------------------------+",
            "",
            "",
        ])
    }

    func testAssessmentTicksAndSubmits() {
        var a = Assessment(previous: nil)
        XCTAssertEqual(a.update(.toggle), .none)
        XCTAssertEqual(a.ticked, [Maturity.checks[0].id])
        XCTAssertEqual(a.update(.pickerDown), .none)
        XCTAssertEqual(a.row, 1)
        XCTAssertEqual(a.update(.confirm), .submit)
        XCTAssertEqual(a.update(.cancel), .cancel)
        let lines = grid(50, 10) { g, r in AssessmentWidget.draw(&g, Assessment(previous: nil), in: r, today: "2026-12-01", .unicode) }
        XCTAssertEqual(lines.count, 10)
        XCTAssertEqual(lines[1], "  ┌─ Maturity assessment (space ticks, Enter …─┐")
        XCTAssertTrue(lines[2].hasPrefix("  │ Ladder A: rung 1 Reactive."), lines[2])
        XCTAssertEqual(lines[4], "  │                                            │")
        XCTAssertEqual(lines[5], "  │ Ladder A, rung 2: Active                   │")
        XCTAssertEqual(lines[6], "  │  [ ] Do you send to defined segments or c… │")
        XCTAssertEqual(lines[7], "  └────────────────────────────────────────────┘", "the rows stay inside the box")
        // Too small for any row: the border is kept.
        let tiny = grid(50, 8) { g, r in AssessmentWidget.draw(&g, Assessment(previous: nil), in: r, today: "2026-12-01", .unicode) }
        XCTAssertEqual(tiny[5], "  └────────────────────────────────────────────┘")
    }
}
