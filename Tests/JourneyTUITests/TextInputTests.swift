@testable import JourneyTUI
import XCTest

final class TextInputTests: XCTestCase {
    func testEditingKeysWorkOnGraphemes() {
        var t = TextInput("Café 欢迎")
        XCTAssertEqual(t.cursorColumn, 9)
        t.left()
        t.deleteBackward()
        XCTAssertEqual(t.text, "Café 迎")
        t.home()
        t.deleteForward()
        XCTAssertEqual(t.text, "afé 迎")
        t.right()
        t.killToEnd()
        XCTAssertEqual(t.text, "a")
        t.insert("👍🏽x")
        XCTAssertEqual(t.text, "a👍🏽x")
        t.left()
        t.killToStart()
        XCTAssertEqual(t.text, "x")
        t.end()
        XCTAssertEqual(t.cursor, 1)
    }

    func testFormKeysEditTheFocusedField() {
        var s = Sample.state()
        s.press(.char("r"))
        s.press(.ctrl("a"), .delete, .ctrl("e"), .backspace, .home, .right)
        s.type("X")
        XCTAssertEqual(s.form?.fields[0].text, "aXnding pag")
        s.press(.ctrl("k"))
        XCTAssertEqual(s.form?.fields[0].text, "aX")
        s.press(.ctrl("u"))
        XCTAssertEqual(s.form?.fields[0].text, "")
    }
}
