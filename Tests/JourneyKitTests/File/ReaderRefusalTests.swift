import Foundation
import JourneyKit
import XCTest

/// What the reader refuses beyond types and keys, each with its place and a fix: blank names
/// and titles, repeats in lists that are sets, a loop from a stage to itself, a malformed
/// suppression rule id and an unknown maturity check (docs/file-format.md, "What the reader
/// refuses"). The JSON Schema refuses the same (SchemaDifferentialTests), but the loop.
final class ReaderRefusalTests: XCTestCase {
    private func failure(_ text: String) -> String { decodeFailure(text) }

    private func replacing(_ a: String, _ b: String) -> String {
        let out = minimalJourney.replacingOccurrences(of: a, with: b)
        XCTAssertNotEqual(out, minimalJourney, "\(a) is not in the journey")
        return out
    }

    func testABlankStageNameIsRefusedAndTheWhiteSpaceShown() {
        XCTAssertEqual(failure(replacing("\"name\": \"Acquisition\"", "\"name\": \" \\t\"")), """
            j.json:15:15: .stages[0].name: a stage needs a name; " \\t" is only white space: write the name people know it by
             15 |       "name": " \\t",
                |               ^
            """)
    }

    func testAnEmptyTitleIsRefused() {
        XCTAssertEqual(failure(replacing("\"title\": \"T\"", "\"title\": \"\"")), """
            j.json:28:12: .title: the journey needs a title; this one is empty: write what the journey is called
             28 |   "title": ""
                |            ^
            """)
    }

    func testEveryKindOfWhiteSpaceIsBlankButZeroWidthSpaceIsNot() {
        for blank in ["\u{A0}", "\u{3000}", "\u{2028}", "\u{85}", "\u{2003}\u{202F}", "\n\r\u{B}\u{C}"] {
            let text = replacing("\"name\": \"New\"", "\"name\": " + JSONWriter.quoted(blank))
            XCTAssertTrue(failure(text).hasPrefix("j.json:5:15: .cohorts[0].name: a cohort needs a name; "), blank.debugDescription)
        }
        for named in ["\u{200B}", " x ", "\u{3000}長"] {
            XCTAssertEqual(failure(replacing("\"name\": \"New\"", "\"name\": " + JSONWriter.quoted(named))), "no error", named.debugDescription)
        }
        XCTAssertTrue(FieldRules.isBlank("") && FieldRules.isBlank(" \t\u{3000}") && !FieldRules.isBlank("\u{FEFF}"))
    }

    func testARepeatInATouchpointsCohortsNamesTheFirst() {
        XCTAssertEqual(failure(replacing("            \"new\"\n", "            \"new\",\n            \"new\"\n")), """
            j.json:21:13: .stages[0].touchpoints[0].cohorts[1]: "new" is listed twice in the touchpoint's cohorts (first at .stages[0].touchpoints[0].cohorts[0]); remove the repeat
             21 |             "new"
                |             ^
            """)
    }

    func testARepeatedLayerIsRefusedOnCohortsTouchpointsAndScenarios() {
        let cohort = replacing("\"name\": \"New\"", "\"layers\": [\"ai-augmented\", \"ai-augmented\"], \"name\": \"New\"")
        XCTAssertTrue(failure(cohort).hasPrefix("j.json:5:34: .cohorts[0].layers[1]: \"ai-augmented\" is listed twice in the layers (first at .cohorts[0].layers[0]); remove the repeat\n"), failure(cohort))
        let touchpoint = replacing("\"name\": \"Ad\"", "\"layers\": [\"ai-augmented\", \"ai-augmented\"], \"name\": \"Ad\"")
        XCTAssertTrue(failure(touchpoint).hasPrefix("j.json:23:38: .stages[0].touchpoints[0].layers[1]: \"ai-augmented\" is listed twice"), failure(touchpoint))
        let scenario = replacing("\"title\": \"T\"", "\"scenarios\": [{\"id\": \"s\", \"name\": \"S\", \"cohorts\": [{\"cohort\": \"new\", \"layers\": [\"ai-augmented\", \"ai-augmented\"]}]}], \"title\": \"T\"")
        XCTAssertTrue(failure(scenario).hasPrefix("j.json:28:99: .scenarios[0].cohorts[0].layers[1]: \"ai-augmented\" is listed twice"), failure(scenario))
    }

    func testALoopFromAStageToItselfIsRefused() {
        let text = replacing("  \"stages\": [", "  \"loops\": [\n    {\n      \"from\": \"acq\",\n      \"id\": \"again\",\n      \"to\": \"acq\"\n    }\n  ],\n  \"stages\": [")
        XCTAssertEqual(failure(text), """
            j.json:16:13: .loops[0].to: the loop edge leaves and returns to the same stage "acq"; a loop goes back to an earlier stage: change "to", or remove the edge
             16 |       "to": "acq"
                |             ^
            """)
    }

    func testAMalformedSuppressionRuleIdSuggestsTheWellFormedOne() {
        func suppressing(_ rule: String) -> String {
            failure(replacing("\"id\": \"ad\",", "\"id\": \"ad\",\n          \"suppress\": [\n            {\n              \"reason\": \"seasonal\",\n              \"rule\": \(JSONWriter.quoted(rule))\n            }\n          ],"))
        }
        XCTAssertEqual(suppressing("jm3"), """
            j.json:26:23: .stages[0].touchpoints[0].suppress[0].rule: "jm3" is not a lint rule id (JM and three digits); did you mean "JM003"? `journeyman lint --rules` lists them
             26 |               "rule": "jm3"
                |                       ^
            """)
        XCTAssertEqual(suppressing("stage-without-kpi").split(separator: "\n").first,
                       "j.json:26:23: .stages[0].touchpoints[0].suppress[0].rule: \"stage-without-kpi\" is not a lint rule id (JM and three digits, e.g. \"JM003\"); `journeyman lint --rules` lists them")
        // A well-formed id of a rule this journeyman does not know is lint's JM021, not the reader's.
        XCTAssertEqual(suppressing("JM999"), "no error")
        XCTAssertEqual(["JM003", "JM3", "JM0003", "jm003", "JM00a", "JM００3"].map(FieldRules.isRuleID), [true, false, false, false, false, false])
        XCTAssertEqual(["jm3", "JM-15", "jm 003", "JM1234", "no-owner"].map(FieldRules.likelyRuleID), ["JM003", "JM015", "JM003", nil, nil])
    }

    func testAnUnknownOrRepeatedMaturityCheckIsRefusedInOrder() {
        let text = replacing("  \"formatVersion\": 3,", "  \"formatVersion\": 3,\n  \"maturity\": {\n    \"assessed\": \"2026-01-01\",\n    \"checks\": [\n      \"a2-segments\",\n      \"a2-segment\",\n      \"a2-segments\"\n    ],\n    \"level\": 0,\n    \"rung\": 1\n  },")
        let lines = failure(text).split(separator: "\n").filter { $0.hasPrefix("j.json:") }
        XCTAssertEqual(lines, [
            "j.json:13:7: .maturity.checks[1]: \"a2-segment\" is not a maturity check; did you mean \"a2-segments\"? (one of: "
                + Maturity.checks.map(\.id).joined(separator: ", ") + "); remove it, or run `journeyman assess` again",
            "j.json:14:7: .maturity.checks[2]: \"a2-segments\" is listed twice in the maturity checks (first at .maturity.checks[0]); remove the repeat",
        ])
    }

    func testABlankFrameworkNameIsRefusedForBuiltInAndCustomFrameworks() {
        XCTAssertEqual(failure(replacing("\"id\": \"aarrr\"", "\"id\": \"aarrr\",\n    \"name\": \"\\u3000\"")), """
            j.json:11:13: .framework.name: the framework's name cannot be blank; "\\u3000" is only white space: remove it to show the catalog's name, or write one
             11 |     "name": "\\u3000"
                |             ^
            """)
        let custom = replacing("\"id\": \"aarrr\"", "\"custom\": true,\n    \"id\": \"mine\",\n    \"name\": \"\"")
        XCTAssertEqual(failure(custom).split(separator: "\n").first,
                       "j.json:12:13: .framework.name: a custom framework needs a name; this one is empty: write the name people know it by")
    }

    func testBlankNamesOfKPIsModelsScenariosAndHealthComponentsAreRefused() {
        let cases: [(String, String)] = [
            ("\"kpis\": [{\"id\": \"k\", \"kind\": \"outcome\", \"name\": \" \"}], \"title\": \"T\"", ".kpis[0].name: a KPI needs a name; \" \" is only white space"),
            ("\"models\": [{\"id\": \"mine\", \"name\": \"\"}], \"title\": \"T\"", ".models[0].name: a custom model needs a name; this one is empty"),
            ("\"scenarios\": [{\"id\": \"s\", \"name\": \"\\t\"}], \"title\": \"T\"", ".scenarios[0].name: a scenario needs a name; \"\\t\" is only white space"),
            ("\"healthScore\": {\"components\": [{\"id\": \"c\", \"kind\": \"recency\", \"name\": \"\", \"weight\": 1}]}, \"title\": \"T\"",
             ".healthScore.components[0].name: a health score component needs a name; this one is empty"),
        ]
        for (json, message) in cases {
            let out = failure(replacing("\"title\": \"T\"", json))
            XCTAssertTrue(out.split(separator: "\n").first?.contains(": " + message + ": write the name people know it by") == true, out)
        }
    }

    /// The editor's forms trim names with Foundation's white space and newlines: every
    /// character the reader calls blank (Unicode's White_Space) is among them, so a name the
    /// editor keeps is one the reader reads. Foundation also trims U+200B, which is not White_Space.
    func testEveryBlankCharacterIsFoundationWhiteSpace() {
        let scalars = (0..<UInt32(0x3100)).compactMap(Unicode.Scalar.init)
        XCTAssertEqual(scalars.filter { FieldRules.isBlankScalar($0) && !CharacterSet.whitespacesAndNewlines.contains($0) }, [])
        XCTAssertEqual(scalars.filter(FieldRules.isBlankScalar).map { String($0.value, radix: 16) },
                       ["9", "a", "b", "c", "d", "20", "85", "a0", "1680"] + (0x2000...0x200A).map { String($0, radix: 16) } + ["2028", "2029", "202f", "205f", "3000"])
    }

    /// The canonical writer and the samples never write what the reader refuses.
    func testTheTemplatesAreReadBack() throws {
        for f in Framework.catalog {
            let j = Journey.template(f)
            XCTAssertEqual(try JourneyCodec.decode(JourneyCodec.encode(j)).journey, j, f.id)
        }
    }
}
