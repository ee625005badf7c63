import JourneyKit
import XCTest

final class TerminalTextTests: XCTestCase {
    func testEscapeSequencesAreRemovedWhole() {
        XCTAssertEqual(TerminalText.removingEscapeSequences("Evil\u{1B}[31mRED\u{1B}[0m"), "EvilRED")
        XCTAssertEqual(TerminalText.removingEscapeSequences("a\u{1B}]0;title\u{7}b"), "ab")
        XCTAssertEqual(TerminalText.removingEscapeSequences("a\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\b"), "alinkb")
        XCTAssertEqual(TerminalText.removingEscapeSequences("a\u{9B}2Jb\u{9D}0;t\u{9C}c"), "abc")
        XCTAssertEqual(TerminalText.removingEscapeSequences("a\u{1B}cb\u{1B}"), "ab\u{1B}")
        XCTAssertEqual(TerminalText.removingEscapeSequences("plain 欢迎 ✓"), "plain 欢迎 ✓")
    }

    func testEscapedShowsEveryUnsafeScalar() {
        XCTAssertEqual(TerminalText.escaped("a\u{1B}[2J\u{7}\u{9B}\u{202E}\tb\n"), "a\\u{1B}[2J\\u{7}\\u{9B}\\u{202E}\\tb\\n")
        XCTAssertEqual(TerminalText.singleLine("a\nb\tc"), "a b c")
    }

    func testCellWidths() {
        XCTAssertEqual(TerminalText.width("abc"), 3)
        XCTAssertEqual(TerminalText.width("欢迎"), 4)
        XCTAssertEqual(TerminalText.width("e\u{301}"), 1)
        XCTAssertEqual(TerminalText.width("👩‍💻"), 2)
        XCTAssertEqual(TerminalText.width("✓"), 1)
    }
}

final class TextWrapFastPathTests: XCTestCase {
    /// The shortcut for short plain-ASCII text gives what the general path gives.
    func testShortcutMatchesTheGeneralPath() {
        for text in ["a b c", "Welcome email", " lead", "trail ", "two  spaces", "tab\there", "", "x"] {
            let fast = TextWrap.wrap(text, width: 40, first: "- ", rest: "  ")
            let slow = TextWrap.wrap(text + " \u{00E9}", width: 40, first: "- ", rest: "  ").map { $0.replacingOccurrences(of: " \u{00E9}", with: "").replacingOccurrences(of: "\u{00E9}", with: "") }
            XCTAssertEqual(fast, slow.map { $0.hasSuffix(" ") ? String($0.dropLast()) : $0 }, text)
        }
        XCTAssertEqual(TextWrap.wrap("one two three", width: 9), ["one two", "three"])
        XCTAssertEqual(TerminalText.width("plain ascii"), 11)
        XCTAssertEqual(TerminalText.width("tab\t"), 4)
    }
}
