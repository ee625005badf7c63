import JourneyKit
import XCTest

final class JSONReaderTests: XCTestCase {
    private func error(_ text: String, limits: JSONLimits = .default) -> (String, Int)? {
        do {
            _ = try JSONReader.read(Array(text.utf8), limits: limits)
            return nil
        } catch {
            return (error.message, error.offset)
        }
    }

    private func errorBytes(_ bytes: [UInt8]) -> (String, Int)? {
        do {
            _ = try JSONReader.read(bytes)
            return nil
        } catch {
            return (error.message, error.offset)
        }
    }

    func testValuesKeepTheirOffsets() throws {
        let node = try JSONReader.read(Array(#"{"a": [1, "x"], "b": true}"#.utf8))
        guard case .object(let members) = node.value, case .array(let items) = members[0].value.value else {
            return XCTFail("not an object with an array")
        }
        XCTAssertEqual(members.map(\.key), ["a", "b"])
        XCTAssertEqual(members.map(\.keyOffset), [1, 16])
        XCTAssertEqual(items.map(\.offset), [7, 10])
        XCTAssertEqual(members[1].value.offset, 21)
    }

    func testSyntaxErrorsSayWhatAndWhere() {
        XCTAssertEqual(error("{\"a\": 1 \"b\": 2}")?.0, "missing ',' before this key; add one after the previous value")
        XCTAssertEqual(error("[1 2]")?.0, "unexpected '2'; expected ',' or ']' after an array element")
        XCTAssertEqual(error("[1, 2,]")?.0, "trailing comma before ']'; remove the comma")
        XCTAssertEqual(error("{\"a\": 1,}")?.0, "trailing comma before '}'; remove the comma")
        XCTAssertEqual(error("{'a': 1}")?.0, "unexpected '''; expected a key in double quotes")
        XCTAssertEqual(error("['a']")?.0, "strings use double quotes (\"), not single quotes")
        XCTAssertEqual(error("{} {}")?.0, "unexpected '{' after the end of the JSON value; a journey file holds exactly one object")
        XCTAssertEqual(error("")?.0, "the file is empty; a journey is a JSON object (journeyman new FILE --framework ID makes one)")
        XCTAssertEqual(error("  \n ")?.0, "the file holds only white space; a journey is a JSON object")
        XCTAssertEqual(error("[tru]")?.0, "unexpected 't'; expected a value (did you mean true?)")
        XCTAssertEqual(error("[01]")?.0, "invalid number; leading zeros are not allowed")
        XCTAssertEqual(error("[1.]")?.0, "invalid number; a '.' must be followed by a digit")
        XCTAssertEqual(error("[1e999]")?.0, "number 1e999 is out of range")
        XCTAssertEqual(error("{\"a\": 1, \"a\": 2}")?.0, "duplicate key \"a\" (first at line 1, column 2); keep only one")
        XCTAssertEqual(error("[\"a\nb\"]")?.0, "line break inside a string; write it as \\n (or close the string: is a '\"' missing?)")
        XCTAssertEqual(error("[\"\\x\"]")?.0, "invalid escape '\\x' in a string; valid are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
        XCTAssertEqual(error("[\"\\ud800\"]")?.0, "lone surrogate \\uD800 in a string; a high surrogate must be followed by a low one")
        XCTAssertEqual(error("{\"a\": [1, 2")?.0, "unexpected end of file inside the array opened at line 1, column 7; the file may be truncated")
        XCTAssertEqual(error("[\"abc")?.0, "unterminated string (it starts here and runs to the end of the file)")
    }

    func testControlAndInvalidBytesAreRejectedAtTheirOffset() {
        XCTAssertEqual(errorBytes([0x5B, 0x22, 0x61, 0x00, 0x22, 0x5D])?.0, "control character U+0000 inside a string; write it as \\u0000")
        let bad = errorBytes([0x5B, 0x22, 0x61, 0xFF, 0x22, 0x5D])
        XCTAssertEqual(bad?.0, "invalid UTF-8 (byte 0xFF) in a string; journey files are UTF-8")
        XCTAssertEqual(bad?.1, 3)
        XCTAssertEqual(errorBytes([0x5B, 0xFF, 0x5D])?.0, "unexpected byte 0xFF (not UTF-8); expected a value (object, array, string, number, true, false or null)")
    }

    func testByteOrderMarkIsSkipped() throws {
        let node = try JSONReader.read([0xEF, 0xBB, 0xBF] + Array("[1]".utf8))
        XCTAssertEqual(node.withoutOffsets, .array([.number(1)]))
    }

    func testEscapesDecode() throws {
        let node = try JSONReader.read(Array(#"["\u00e9\ud83d\ude00\n\/"]"#.utf8))
        XCTAssertEqual(node.withoutOffsets, .array([.string("é😀\n/")]))
    }

    func testDepthLimit() {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        XCTAssertEqual(error(deep)?.0, "nesting is deeper than 64 levels; a journey never needs that many")
        XCTAssertNil(error(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)))
    }

    func testStringLengthLimit() {
        XCTAssertEqual(error("[\"abcdef\"]", limits: JSONLimits(maxDepth: 8, maxStringBytes: 5))?.0,
                       "string of 6 bytes is longer than the limit of 5 bytes")
    }

    func testLineAndColumnCountScalars() {
        let source = SourceText(Array("{\n  \"é\": x\n}".utf8))
        XCTAssertEqual(source.location(of: 10), SourceLocation(line: 2, column: 8))
        XCTAssertEqual(source.line(2), "  \"é\": x")
    }
}
