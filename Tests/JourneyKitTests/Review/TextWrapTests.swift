import JourneyKit
import XCTest

final class TextWrapTests: XCTestCase {
    func testWrapsAtWordsWithHangingIndent() {
        XCTAssertEqual(TextWrap.wrap("one two three four", width: 10, first: "- ", rest: "  "), ["- one two", "  three", "  four"])
    }

    func testWideCharactersCountTwoCellsAndLongWordsAreCut() {
        let lines = TextWrap.wrap("日本語のテキスト abcdefghijklmnop", width: 7)
        XCTAssertEqual(lines, ["日本語", "のテキ", "スト", "abcdefg", "hijklmn", "op"])
        for w in 2...30 {
            for line in TextWrap.wrap("😀😀 日本 a-very-long-word-without-breaks x 👍🏽 ok", width: w, first: "* ", rest: "  ") {
                XCTAssertLessThanOrEqual(TerminalText.width(line), w, "\(w): \(line)")
            }
        }
    }

    func testTruncateAndPad() {
        XCTAssertEqual(TextWrap.truncate("日本語テキスト", width: 7), "日本...")
        XCTAssertEqual(TextWrap.pad("日本", to: 6), "日本  ")
        XCTAssertEqual(TextWrap.padLeft("7", to: 3), "  7")
    }
}
