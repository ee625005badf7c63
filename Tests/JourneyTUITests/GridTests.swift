import JourneyTUI
import XCTest

final class GridTests: XCTestCase {
    func testWideCharactersTakeTwoCellsAndAreNeverSplit() {
        var g = Grid(width: 8, height: 1)
        let used = g.put("日本語x", x: 0, y: 0, maxWidth: 5)
        XCTAssertEqual(used, 5)
        XCTAssertEqual(g.lines, ["日本    "])
    }

    func testControlCharactersAreEscaped() {
        var g = Grid(width: 11, height: 1)
        g.put("a\u{1B}[2Jb", x: 0, y: 0)
        XCTAssertEqual(g.lines, ["a\\u{1B}[2Jb"])
    }
}
