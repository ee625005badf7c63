import JourneyKit
@testable import JourneyTUI
import XCTest

/// Capability 6: the command palette (`:`) and the mouse, through the session loop.
final class PaletteAndMouseTests: XCTestCase {
    func keys(_ text: String) -> [Key] { text.map { .char($0) } }

    func testThePaletteListsEveryActionWithItsKey() {
        var s = Sample.state()
        s.press(.char(":"))
        guard let p = s.top?.picker else { return XCTFail("no palette") }
        XCTAssertEqual(p.target, .command)
        // Every board action with keys is listed once (Esc only clears the message there).
        let boardActions = Set(KeyTable.bindings.filter { $0.contexts.contains(.board) && !$0.keys.isEmpty && $0.action != .palette && $0.action != .cancel }
            .map { String(describing: $0.action) })
        XCTAssertEqual(Set(p.choices.map(\.id)), boardActions)
        XCTAssertEqual(p.choices.count, boardActions.count)
        XCTAssertEqual(p.choices.first { $0.id == "undo" }, Choice("undo", "Undo the last edit", detail: "u"))
        XCTAssertEqual(p.choices.first { $0.id == "save" }?.detail, "s/Ctrl-S")
    }

    func testThePaletteFiltersAsYouTypeAndRunsTheAction() {
        let term = MemoryTerminal(keys: [.char("J"), .char(":")] + keys("undo the"))
        var s = runSession(term)
        XCTAssertEqual(s.top?.picker?.visible.map(\.id), ["undo"])
        let screen = term.screen.joined(separator: "\n")
        XCTAssertTrue(screen.contains("Commands (type to filter, Enter runs)"), screen)
        XCTAssertTrue(term.screen.contains { $0.contains("│ Undo the last edit                                         u │") }, screen)
        s.press(.enter)
        XCTAssertTrue(s.overlays.isEmpty)
        XCTAssertEqual(s.journey, Sample.journey())
        XCTAssertEqual(s.message, Message("Undid: move 'Landing page' down"))
        // A key's name filters too.
        s.press(.char(":"))
        s.type("ctrl-s")
        XCTAssertEqual(s.top?.picker?.visible.map(\.id), ["save"])
    }

    func testADisabledPaletteActionSaysWhy() {
        var s = Sample.state()
        s.press(.char(":"))
        s.type("redo")
        s.press(.enter)
        XCTAssertTrue(s.overlays.isEmpty)
        XCTAssertEqual(s.message, Message("Nothing to redo"))
        s.press(.char(":"), .escape)
        XCTAssertTrue(s.overlays.isEmpty, "Esc closes the palette")
    }

    func testClickAPanelNameInTheTitleBar() {
        // At 100 columns the names end the title bar: "[Board] Cohorts  Lint  Models  Forecast ".
        let tabs = TitleBar.panelTabs(width: 100)
        XCTAssertEqual(tabs.map(\.panel), [.board, .cohorts, .lint, .models, .forecast])
        XCTAssertEqual(tabs.map(\.columns), [59..<66, 66..<75, 75..<81, 81..<89, 89..<99])
        let term = MemoryTerminal(events: [.click(x: 70, y: 0)])
        let s = runSession(term)
        XCTAssertEqual(s.panel, .cohorts)
        XCTAssertTrue(term.screen[0].hasSuffix("Board [Cohorts] Lint  Models  Forecast"), term.screen[0])
        var t = s
        _ = Editor.update(&t, .click(x: 78, y: 0))
        XCTAssertEqual(t.panel, .lint)
        _ = Editor.update(&t, .click(x: 95, y: 0))
        XCTAssertEqual(t.panel, .forecast)
        _ = Editor.update(&t, .click(x: 61, y: 0))
        XCTAssertEqual(t.panel, .board)
    }

    func testDoubleClickACardEditsIt() {
        var s = Sample.state()
        let layout = Layout(s)
        let card = layout.card(slot: 1, row: 0)
        _ = Editor.update(&s, .doubleClick(x: card.x + 2, y: card.y))
        XCTAssertEqual(s.selection, Selection(stage: 1, card: 0))
        XCTAssertEqual(s.form?.target, .touchpoint(id: "first-brew-call"))
        // A double click on nothing opens nothing.
        var e = Sample.state()
        _ = Editor.update(&e, .doubleClick(x: layout.card(slot: 2, row: 0).x + 2, y: layout.card(slot: 2, row: 0).y))
        XCTAssertTrue(e.overlays.isEmpty)
    }

    func testTheWheelScrollsListsAndPickers() {
        var s = Sample.state()
        s.press(.char("m"))
        XCTAssertEqual(s.top?.picker?.current?.id, "tech-touch")
        let start = s.top!.picker!.highlight
        _ = Editor.update(&s, .wheel(1))
        XCTAssertEqual(s.top?.picker?.highlight, start + 1)
        _ = Editor.update(&s, .wheel(-1))
        XCTAssertEqual(s.top?.picker?.current?.id, "tech-touch")
        s.press(.escape, .char("?"))
        _ = Editor.update(&s, .wheel(1))
        _ = Editor.update(&s, .wheel(1))
        XCTAssertEqual(s.top?.help?.scroll, 2)
        s.press(.escape, .tab, .tab)
        XCTAssertEqual(s.panel, .lint)
        _ = Editor.update(&s, .wheel(1))
        XCTAssertEqual(s.lintRow, 1)
    }
}
