import JourneyKit
@testable import JourneyTUI
import XCTest

final class FileAndQuitTests: XCTestCase {
    func testSaveAsksTheDriverAndClearsTheDirtyFlag() {
        var s = Sample.state()
        s.press(.char("J"))
        XCTAssertEqual(s.press(.char("s")), [.save(path: "/tmp/coffee.json")])
        XCTAssertEqual(s.press(.ctrl("s")), [.save(path: "/tmp/coffee.json")])
        XCTAssertTrue(s.isDirty)
        XCTAssertEqual(Editor.update(&s, .saved(path: "/tmp/coffee.json", error: nil)), [])
        XCTAssertFalse(s.isDirty)
        s.press(.char("u"))
        XCTAssertTrue(s.isDirty)
    }

    func testAFailedSaveSaysWhy() {
        var s = Sample.state()
        s.press(.char("J"), .char("s"))
        _ = Editor.update(&s, .saved(path: "/tmp/coffee.json", error: "permission denied"))
        XCTAssertEqual(s.message, Message("Not saved: permission denied", isError: true))
        XCTAssertTrue(s.isDirty)
    }

    func testQuitWhenCleanQuitsAtOnce() {
        var s = Sample.state()
        XCTAssertEqual(s.press(.char("q")), [.quit])
        XCTAssertEqual(s.press(.ctrl("c")), [.quit])
    }

    func testQuitWithChangesAsksSaveDiscardCancel() {
        var s = Sample.state()
        s.press(.char("J"))
        XCTAssertEqual(s.press(.char("q")), [])
        XCTAssertEqual(s.context, .confirm)
        XCTAssertEqual(s.press(.char("c")), [])
        XCTAssertEqual(s.context, .board)
        s.press(.ctrl("c"))
        XCTAssertEqual(s.press(.escape), [])
        XCTAssertEqual(s.context, .board)
        s.press(.char("q"))
        XCTAssertEqual(s.press(.char("d")), [.quit])
        s.press(.char("q"))
        XCTAssertEqual(s.press(.char("s")), [.save(path: "/tmp/coffee.json")])
        XCTAssertEqual(Editor.update(&s, .saved(path: "/tmp/coffee.json", error: nil)), [.quit])
    }

    func testEscNeverQuits() {
        var s = Sample.state()
        s.press(.char("J"))
        for context in [[Key](), [.char("e")], [.char("m")], [.char("?")], [.char("/")], [.char("q")]] {
            for k in context { s.press(k) }
            XCTAssertEqual(s.press(.escape), [])
            XCTAssertEqual(s.context, .board)
            XCTAssertEqual(s.press(.escape), [])
        }
    }

    func testANewFileStartsWithTheFrameworkPicker() {
        var s = EditorState(newFileAt: "/tmp/new.json", width: 100, height: 30)
        XCTAssertEqual(s.context, .picker)
        XCTAssertEqual(s.press(.escape), [])
        XCTAssertEqual(s.context, .picker)
        s.type("laer")
        s.press(.enter)
        XCTAssertTrue(s.hasJourney)
        XCTAssertEqual(s.journey.stages.map(\.name), ["Land", "Adopt", "Expand", "Renew"])
        XCTAssertTrue(s.isDirty)
        XCTAssertEqual(s.press(.char("s")), [.save(path: "/tmp/new.json")])
    }

    func testCustomFrameworkFromThePicker() {
        var s = EditorState(newFileAt: nil, width: 100, height: 30)
        s.type("custom")
        s.press(.enter)
        s.type("Generic")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("List the stages, separated by commas", isError: true))
        s.type("Awareness, Consideration,Purchase")
        s.press(.enter)
        XCTAssertEqual(s.journey.framework, FrameworkRef(id: "generic", name: "Generic", custom: true))
        XCTAssertEqual(s.journey.stages.map(\.id), ["awareness", "consideration", "purchase"])
        // No file name yet: save asks for one.
        XCTAssertEqual(s.press(.char("s")), [])
        XCTAssertEqual(s.form?.title, "Save as")
        s.press(.ctrl("u"))
        s.type("/tmp/generic.json")
        XCTAssertEqual(s.press(.enter), [.save(path: "/tmp/generic.json")])
        XCTAssertEqual(s.path, "/tmp/generic.json")
    }

    func testSearchWithNextAndPrevious() {
        var s = Sample.state()
        s.press(.char("/"))
        s.type("e")
        s.press(.enter)
        XCTAssertEqual(s.selectedTouchpoint?.name, "Welcome email")
        XCTAssertEqual(s.message, Message("/e: Acquisition › Welcome email (match 2 of 3)"))
        s.press(.char("n"))
        XCTAssertEqual(s.selectedTouchpoint?.name, "First brew call")
        XCTAssertEqual(s.message, Message("/e: Activation › First brew call (match 3 of 3)"))
        s.press(.char("n"))
        XCTAssertEqual(s.selectedTouchpoint?.name, "Landing page")   // "web" channel
        s.press(.char("N"))
        XCTAssertEqual(s.selectedTouchpoint?.name, "First brew call")
        s.press(.char("/"), .ctrl("u"))
        s.type("high-touch")
        s.press(.enter)
        XCTAssertEqual(s.selectedTouchpoint?.name, "First brew call")
        s.press(.char("/"))
        s.type("ana")
        s.press(.enter)
        XCTAssertEqual(s.selectedTouchpoint?.name, "Welcome email")  // owner
        s.press(.char("/"))
        s.type("zzz")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("No touchpoint matches 'zzz'", isError: true))
    }

    func testTerminateQuitsAndInterruptAsksLikeQ() {
        var s = Sample.state()
        s.press(.char("J"))
        XCTAssertEqual(Editor.update(&s, .interrupt), [])
        XCTAssertEqual(s.context, .confirm)
        XCTAssertEqual(Editor.update(&s, .terminate), [.quit])
    }

    func testClickSelectsACard() {
        var s = Sample.state(width: 100, height: 30)
        let layout = Layout(s)
        let card = layout.card(slot: 1, row: 0)
        _ = Editor.update(&s, .click(x: card.x + 2, y: card.y + 1))
        XCTAssertEqual(s.selection, Selection(stage: 1, card: 0))
        _ = Editor.update(&s, .click(x: layout.column(2).x + 1, y: layout.content.y))
        XCTAssertEqual(s.selection, Selection(stage: 2, card: -1))
    }

    func testAMessageLastsUntilTheNextKeyOrClick() {
        var s = Sample.state()
        s.press(.char("/"))
        s.type("zzz")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("No touchpoint matches 'zzz'", isError: true))
        s.press(.char("A"))
        XCTAssertNil(s.message)
        s.press(.escape)
        s.press(.char("4"))
        XCTAssertEqual(s.message, Message("No key '4' here: press ? for the keys"))
        let card = Layout(s).card(slot: 1, row: 0)
        _ = Editor.update(&s, .click(x: card.x + 2, y: card.y + 1))
        XCTAssertNil(s.message)
        s.press(.char("L"), .char("u"))
        XCTAssertEqual(s.message?.text.hasPrefix("Undid: "), true, "\(String(describing: s.message))")
    }

    func testCtrlLAsksForARedraw() {
        var s = Sample.state()
        XCTAssertEqual(s.press(.ctrl("l")), [.redraw])
        s.press(.char("e"))
        XCTAssertEqual(s.press(.ctrl("l")), [.redraw])
    }
}
