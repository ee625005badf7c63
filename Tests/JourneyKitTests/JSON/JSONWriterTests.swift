import JourneyKit
import XCTest

final class JSONWriterTests: XCTestCase {
    /// Expected texts are what `jq -S --indent 2 .` (jq 1.6) prints for the same numbers.
    func testNumbersAreFormattedLikeJq() {
        let cases: [(Double, String)] = [
            (1, "1"), (0.1, "0.1"), (1e100, "1e+100"), (1.5e-7, "1.5e-07"), (123456789012, "123456789012"),
            (-0.0, "-0"), (2.5, "2.5"), (1e17, "1e+17"), (0.30000000000000004, "0.30000000000000004"),
            (0.0001, "0.0001"), (0.00001, "1e-05"), (0.000012345, "1.2345e-05"), (1e16, "1e+16"),
            (1.5e16, "15000000000000000"), (Double("12345678901234567")!, "12345678901234568"), (12345600, "12345600"),
            (Double.leastNonzeroMagnitude, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"), (100, "100"), (-42.75, "-42.75"),
            (0, "0"),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(JSONWriter.formatNumber(value), expected, "\(value)")
        }
    }

    func testStringsAreEscapedLikeJq() {
        XCTAssertEqual(JSONWriter.quoted("a\"b\\c"), #""a\"b\\c""#)
        XCTAssertEqual(JSONWriter.quoted("\u{7F}\u{1}\u{1B} x\u{2028} / 😀 é"), "\"\\u007f\\u0001\\u001b x\u{2028} / 😀 é\"")
        XCTAssertEqual(JSONWriter.quoted("\u{8}\u{C}\n\r\t"), #""\b\f\n\r\t""#)
        XCTAssertEqual(JSONWriter.quoted("\u{80}\u{9B}"), "\"\u{80}\u{9B}\"")
    }

    func testCanonicalLayoutSortsKeysByUTF8Bytes() {
        let node = JSONNode.object([
            JSONMember("z", .number(2)), JSONMember("é", .number(1)), JSONMember("a", .array([])),
            JSONMember("A", .object([])), JSONMember("b", .array([.string("x"), .bool(true), .null])),
        ])
        XCTAssertEqual(JSONWriter.canonicalString(node), """
            {
              "A": {},
              "a": [],
              "b": [
                "x",
                true,
                null
              ],
              "z": 2,
              "é": 1
            }

            """)
    }

    func testReadThenWriteIsAFixedPoint() throws {
        let text = "{\n  \"a\": [\n    1.5,\n    \"\\u001b\"\n  ],\n  \"b\": {}\n}\n"
        let node = try JSONReader.read(Array(text.utf8))
        XCTAssertEqual(JSONWriter.canonicalString(node), text)
    }
}
