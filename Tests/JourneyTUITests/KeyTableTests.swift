import JourneyKit
@testable import JourneyTUI
import XCTest

/// The key table: named fields, a reason when a key does nothing, Ctrl-C and the moves
/// from the table.
final class KeyTableTests: XCTestCase {
    func testADisabledKeySaysWhy() {
        var s = Sample.state()
        s.press(.char("k"))
        s.press(.char("u"))
        XCTAssertEqual(s.message, Message("Nothing to undo"))
        s.press(.ctrl("r"))
        XCTAssertEqual(s.message, Message("Nothing to redo"))
        s.press(.char("n"))
        XCTAssertEqual(s.message, Message("No search yet: / searches"))
        // On a stage header the card moves say so.
        s.press(.char("J"))
        XCTAssertEqual(s.message, Message("Select a card first"))
        XCTAssertEqual(s.touchpointNames[0], ["Landing page", "Welcome email"])
    }

    func testReadOnlyRefusalComesFromTheTable() {
        var s = Sample.state()
        s.readOnly = true
        s.press(.char("a"))
        XCTAssertEqual(s.message, Message(EditorState.readOnlyRefusal, isError: true))
        XCTAssertTrue(s.overlays.isEmpty)
    }

    func testCtrlCClosesAnOverlayAndQuitsFromTheFrameworkPicker() {
        var s = Sample.state()
        s.press(.char("/"))
        XCTAssertEqual(s.context, .search)
        s.press(.ctrl("c"))
        XCTAssertTrue(s.overlays.isEmpty)
        XCTAssertEqual(KeyTable.binding(for: .ctrl("c"), in: s)?.action, .quit)
        var n = EditorState(newFileAt: "/tmp/new.json")
        XCTAssertEqual(KeyTable.binding(for: .ctrl("c"), in: n)?.action, .quit)
        XCTAssertEqual(n.press(.ctrl("c")), [.quit])
    }

    func testTheMoveGroupShowsTheKeysThatWork() {
        var s = Sample.state()
        s.press(.char("k"))
        let move = KeyTable.statusBindings(s).first { $0.group == "move" }!
        XCTAssertEqual(KeyTable.statusKeys(for: move, in: s), "H/L", "a header moves only sideways")
        s.press(.char("j"))
        XCTAssertEqual(KeyTable.statusKeys(for: move, in: s), "H/L/J/K")
    }

    func testEveryBindingHasHelpAndKeys() {
        for b in KeyTable.bindings where b.action != .answer {
            XCTAssertFalse(b.keys.isEmpty, "\(b.action)")
            XCTAssertFalse(b.help.isEmpty, "\(b.action)")
        }
    }
}
