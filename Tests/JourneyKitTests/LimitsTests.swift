import XCTest
@testable import JourneyKit

/// The limits that keep a hostile file from exhausting the stack or memory.
final class LimitsTests: XCTestCase {
    let journey = #"{"formatVersion": 3, "title": "T", "framework": {"id": "aarrr"}, "stages": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}]}"#

    func lines(_ text: String, _ limits: JourneyLimits) -> [String] {
        do {
            _ = try JourneyCodec.decode(Array(text.utf8), file: "j.json", limits: limits)
            return []
        } catch {
            return error.lines
        }
    }

    func testItemCountLimit() {
        XCTAssertEqual(lines(journey, JourneyLimits(maxItems: 3)), [])
        XCTAssertEqual(lines(journey, JourneyLimits(maxItems: 2)), ["j.json:1:76: .stages: 3 elements is more than the limit of 2"])
    }

    func testDepthLimit() {
        XCTAssertEqual(lines(journey, JourneyLimits(json: JSONLimits(maxDepth: 3))), [])
        XCTAssertEqual(lines(journey, JourneyLimits(json: JSONLimits(maxDepth: 2))),
                       ["j.json:1:77: nesting is deeper than 2 levels; a journey never needs that many"])
    }

    func testStringLimit() {
        XCTAssertEqual(lines(journey, JourneyLimits(json: JSONLimits(maxStringBytes: 13))), [])
        XCTAssertEqual(lines(journey, JourneyLimits(json: JSONLimits(maxStringBytes: 12))),
                       ["j.json:1:2: string of 13 bytes is longer than the limit of 12 bytes"])
    }

    func testFileSizeLimitAppliesToBytesToo() {
        let n = journey.utf8.count
        XCTAssertEqual(lines(journey, JourneyLimits(maxFileBytes: n)), [])
        XCTAssertEqual(lines(journey, JourneyLimits(maxFileBytes: n - 1)),
                       ["j.json: the file is \(n) bytes, more than the limit of \(n - 1) bytes; raise it with --max-bytes if the file is genuine"])
    }

    func testDefaults() {
        let d = JourneyLimits.default
        XCTAssertEqual(d.maxFileBytes, 64 << 20)
        XCTAssertEqual(d.maxItems, 1_000_000)
        XCTAssertEqual(d.json.maxDepth, 64)
        XCTAssertEqual(d.json.maxStringBytes, 1 << 20)
    }

    func testHugeTokensAreClippedInMessages() {
        let id = String(repeating: "X", count: 5000)
        let text = journey.replacingOccurrences(of: #""id": "a""#, with: "\"id\": \"\(id)\"")
        let line = lines(text, .default).first ?? ""
        XCTAssertLessThan(line.count, 400)
        XCTAssertTrue(line.contains("…XXXXXXXXXXX\" (5002 characters) is not a valid id"), line)
        XCTAssertEqual(JourneyError.clipped("short message stays"), "short message stays")
    }
}
