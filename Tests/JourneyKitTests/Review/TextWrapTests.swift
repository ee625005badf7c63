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

    func testJapaneseLineBreakingRules() {
        // 。、 ） and small kana never start a line; the character before goes down with them.
        XCTAssertEqual(TextWrap.wrap("日本語。テスト", width: 6), ["日本", "語。テ", "スト"])
        XCTAssertEqual(TextWrap.wrap("（日本）語", width: 6), ["（日", "本）語"])
        XCTAssertEqual(TextWrap.wrap("ちょっと", width: 2), ["ち", "ょ", "っ", "と"], "one cell wide lines still cut")
        XCTAssertEqual(TextWrap.wrap("きょうは", width: 2), ["き", "ょ", "う", "は"])
        XCTAssertEqual(TextWrap.wrap("きょうは", width: 4), ["きょ", "うは"])
        XCTAssertEqual(TextWrap.wrap("あきょう", width: 4), ["あ", "きょ", "う"])
        // From 8 cells on, a line after the first holds three characters, so the rules can hold.
        for w in 8...20 {
            for line in TextWrap.wrap("日本語の文章、句読点。「括弧」（丸括弧）ちょっとキャッシュ", width: w, first: "* ", rest: "  ").dropFirst() {
                if let first = line.trimmingCharacters(in: .whitespaces).first { XCTAssertFalse("、。」）ょっャッ".contains(first), "\(w): \(line)") }
                XCTAssertLessThanOrEqual(TerminalText.width(line), w)
            }
        }
    }

    func testASCIIEscapesAreNeverSplit() {
        let text = ReviewText.ascii("日本語、テキスト")
        XCTAssertEqual(text, "\\u{65E5}\\u{672C}\\u{8A9E}\\u{3001}\\u{30C6}\\u{30AD}\\u{30B9}\\u{30C8}")
        for w in 9...40 {
            for line in TextWrap.wrap(text, width: w) {
                XCTAssertNotNil(line.wholeMatch(of: /(\\u\{[0-9A-F]+\})+/), "\(w): \(line)")
                XCTAssertLessThanOrEqual(line.count, w)
            }
        }
    }

    func testTruncateAndPad() {
        XCTAssertEqual(TextWrap.truncate("日本語テキスト", width: 7), "日本...")
        XCTAssertEqual(TextWrap.pad("日本", to: 6), "日本  ")
        XCTAssertEqual(TextWrap.padLeft("7", to: 3), "  7")
    }
}
