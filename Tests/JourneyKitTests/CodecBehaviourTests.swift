import JourneyKit
import XCTest

/// Pins what the fast reader and writer must keep: values, locations, messages.
final class CodecBehaviourTests: XCTestCase {
    let text = """
        {"formatVersion": 3, "title": "Caf\\u00e9 \\"ü\\" 🎉\\n2",
         "framework": {"id": "aarrr"},
         "stages": [
          {"id": "acquisition", "name": "Acquisition", "dropOff": 12.5,
           "touchpoints": [{"id": "welcome", "name": "Welcome – 日本", "cohorts": ["new"], "notes": "a\\tb\\u0001/\\/"}]},
          {"id": "retention", "name": "Retention", "kpis": [{"id": "d30", "name": "D30", "kind": "outcome", "target": 1e-7}]}
         ],
         "cohorts": [{"id": "new", "name": "New", "size": 12000, "valuePerUser": 0.1}]
        }
        """

    func testDecodesValuesAndEscapes() throws {
        let doc = try JourneyCodec.decode(text)
        let j = doc.journey
        XCTAssertEqual(j.title, "Café \"ü\" 🎉\n2")
        XCTAssertEqual(j.stages.map(\.id), ["acquisition", "retention"])
        XCTAssertEqual(j.stages[0].dropOff, 12.5)
        XCTAssertEqual(j.stages[0].touchpoints[0].name, "Welcome – 日本")
        XCTAssertEqual(j.stages[0].touchpoints[0].notes, "a\tb\u{1}//")
        XCTAssertEqual(j.stages[1].kpis[0].target, 1e-7)
        XCTAssertEqual(j.cohorts[0].size, 12000)
        XCTAssertEqual(j.cohorts[0].valuePerUser, 0.1)
    }

    func testCanonicalOutputIsAFixedPoint() throws {
        let bytes = JourneyCodec.encode(try JourneyCodec.decode(text).journey)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), """
            {
              "cohorts": [
                {
                  "id": "new",
                  "name": "New",
                  "size": 12000,
                  "valuePerUser": 0.1
                }
              ],
              "formatVersion": 3,
              "framework": {
                "id": "aarrr"
              },
              "stages": [
                {
                  "dropOff": 12.5,
                  "id": "acquisition",
                  "name": "Acquisition",
                  "touchpoints": [
                    {
                      "cohorts": [
                        "new"
                      ],
                      "id": "welcome",
                      "name": "Welcome – 日本",
                      "notes": "a\\tb\\u0001//"
                    }
                  ]
                },
                {
                  "id": "retention",
                  "kpis": [
                    {
                      "id": "d30",
                      "kind": "outcome",
                      "name": "D30",
                      "target": 1e-07
                    }
                  ],
                  "name": "Retention"
                }
              ],
              "title": "Café \\"ü\\" 🎉\\n2"
            }

            """)
        XCTAssertEqual(JourneyCodec.encode(try JourneyCodec.decode(bytes).journey), bytes)
    }

    func testLocationOfPaths() throws {
        let doc = try JourneyCodec.decode(text)
        XCTAssertEqual(doc.location(of: .root), SourceLocation(line: 1, column: 1))
        XCTAssertEqual(doc.location(of: JSONPath().key("stages").index(0).key("touchpoints").index(0).key("name")),
                       SourceLocation(line: 5, column: 46))
        XCTAssertEqual(doc.location(of: JSONPath().key("stages").index(1).key("kpis").index(0)),
                       SourceLocation(line: 6, column: 53))
        // A missing key or index gives its nearest existing parent.
        XCTAssertEqual(doc.location(of: JSONPath().key("stages").index(7).key("name")), SourceLocation(line: 3, column: 12))
        XCTAssertEqual(doc.location(of: JSONPath().key("cohorts").index(0).key("nope")), SourceLocation(line: 8, column: 14))
    }

    func testLocationInALongArray() throws {
        let touchpoints = (0..<100).map { "{\"id\": \"t\($0)\", \"name\": \"T\"}" }.joined(separator: ",\n")
        let doc = try JourneyCodec.decode("""
            {"formatVersion": 3, "title": "T", "framework": {"id": "aarrr"}, "stages": [{"id": "s", "name": "S", "touchpoints": [
            \(touchpoints)]}]}
            """)
        let list = JSONPath().key("stages").index(0).key("touchpoints")
        XCTAssertEqual(doc.location(of: list.index(0).key("name")), SourceLocation(line: 2, column: 22))
        XCTAssertEqual(doc.location(of: list.index(99).key("name")), SourceLocation(line: 101, column: 23))
        XCTAssertEqual(doc.location(of: list.index(70)), SourceLocation(line: 72, column: 1))
        XCTAssertEqual(doc.location(of: list.index(100).key("name")), SourceLocation(line: 1, column: 117))
    }

    func testTreeKeepsOffsets() throws {
        let doc = try JourneyCodec.decode(text)
        guard case .object(let members) = doc.tree.value else { return XCTFail("root is not an object") }
        XCTAssertEqual(members.map(\.key), ["formatVersion", "title", "framework", "stages", "cohorts"])
        XCTAssertEqual(members[1].keyOffset, 21)
        XCTAssertEqual(doc.tree["framework"]?["id"], JSONNode(.string("aarrr"), offset: 79))
    }

    func errors(_ text: String) -> String {
        do {
            _ = try JourneyCodec.decode(text, file: "j.json")
            return "no error"
        } catch {
            return error.description
        }
    }

    func testSyntaxErrorsKeepTheirTextAndPlace() {
        XCTAssertEqual(errors("{\"a\": 1, \"a\": 2}"), """
            j.json:1:10: duplicate key "a" (first at line 1, column 2); keep only one
             1 | {"a": 1, "a": 2}
               |          ^
            """)
        XCTAssertEqual(errors("{\"title\": \"x\n\"}"), """
            j.json:1:13: line break inside a string; write it as \\n (or close the string: is a '"' missing?)
             1 | {"title": "x
               |             ^
            """)
        XCTAssertEqual(errors("[1, 2"), """
            j.json:1:6: unexpected end of file inside the array opened at line 1, column 1; the file may be truncated
             1 | [1, 2
               |      ^
            """)
        XCTAssertEqual(errors("{\"n\": 1e999}"), """
            j.json:1:7: number 1e999 is out of range
             1 | {"n": 1e999}
               |       ^
            """)
    }

    func testModelErrorsAreAllReportedInOrder() {
        let bad = """
            {"formatVersion": 3, "title": "T", "framework": {"id": "aarrr"},
             "stages": [{"id": "a", "name": "A", "touchpoints": [{"id": "a", "name": 3, "chanel": "email", "cohorts": ["zz"]}]}]}
            """
        XCTAssertEqual(errorLines(bad), [
            "j.json:2:77: .stages[0].touchpoints[0].chanel: unknown key \"chanel\" in a touchpoint; did you mean \"channel\"?",
            "j.json:2:61: .stages[0].touchpoints[0].id: duplicate id \"a\"; it is already used by .stages[0].id at 2:20; ids must be unique in the journey",
            "j.json:2:74: .stages[0].touchpoints[0].name: expected a string, found a number",
            "j.json:2:108: .stages[0].touchpoints[0].cohorts[0]: no cohort has the id \"zz\"; add it under \"cohorts\" or remove the reference",
        ])
    }

    func errorLines(_ text: String) -> [String] {
        do {
            _ = try JourneyCodec.decode(text, file: "j.json")
            return []
        } catch {
            return error.lines
        }
    }
}
