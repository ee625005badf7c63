import JourneyKit
import XCTest

/// A small journey used by several tests, as canonical text.
let minimalJourney = """
    {
      "cohorts": [
        {
          "id": "new",
          "name": "New"
        }
      ],
      "formatVersion": 3,
      "framework": {
        "id": "aarrr"
      },
      "stages": [
        {
          "id": "acq",
          "name": "Acquisition",
          "touchpoints": [
            {
              "channel": "email",
              "cohorts": [
                "new"
              ],
              "id": "ad",
              "name": "Ad"
            }
          ]
        }
      ],
      "title": "T"
    }

    """

/// What the reader says about `text` read as j.json: the error's text, or "no error".
func decodeFailure(_ text: String) -> String {
    do {
        _ = try JourneyCodec.decode(text, file: "j.json")
        return "no error"
    } catch {
        return error.description
    }
}

final class JourneyCodecTests: XCTestCase {
    private func failure(_ text: String) -> String { decodeFailure(text) }

    private func replacing(_ a: String, _ b: String) -> String {
        minimalJourney.replacingOccurrences(of: a, with: b)
    }

    func testCanonicalTextRoundTripsByteForByte() throws {
        let doc = try JourneyCodec.decode(minimalJourney)
        XCTAssertEqual(JourneyCodec.encodeString(doc.journey), minimalJourney)
        XCTAssertEqual(doc.journey.stages[0].touchpoints[0].channel, "email")
        XCTAssertEqual(doc.location(of: JSONPath.root.key("stages").index(0).key("touchpoints").index(0)), SourceLocation(line: 17, column: 9))
    }

    func testEveryFieldSurvivesARoundTrip() throws {
        var j = Journey.template(Framework.named("mckinsey-cdj")!, title: "Everything ✓ 欢迎")
        j.schema = "journey.schema.json"
        j.description = "Line one\nline \"two\"\t\u{1B}[31m"
        j.owner = "Lifecycle team"
        j.lastReviewed = "2026-02-28"
        j.team = Team(people: 8, budget: 50_000)
        j.costs = CostAssumptions(currency: "EUR", perCustomerYear: ["high-touch": 950.5, "coach": 12])
        j.maturity = MaturityResult(assessed: "2026-11-01", rung: 2, level: 3, checks: ["a2-segments", "b2-reuse"])
        j.suppress = [Suppression(rule: "JM004", reason: "No activation stage in this map")]
        j.models = [CustomModel(id: "coach", name: "Coach-led", description: "A coach per member", basedOn: "high-touch")]
        j.kpis = [KPI(id: "health", name: "Health score", kind: .outcome, health: true, target: 0.8, unit: "score")]
        j.cohorts = [Cohort(id: "vip", name: "VIP", description: "Top 2%", size: 1200, valuePerUser: 2400.5, complexity: .high,
                            service: .configured, level: .invested, model: "hvc", layers: ["ai-augmented"],
                            suppress: [Suppression(rule: "JM009", reason: "Pilot")])]
        j.stages[0].goal = "Be considered"
        j.stages[0].dropOff = 62.5
        j.stages[0].kpis = [KPI(id: "reach", name: "Reach", kind: .activity)]
        j.stages[0].suppress = [Suppression(rule: "JM010", reason: "Seasonal")]
        j.stages[0].touchpoints = [Touchpoint(
            id: "call", name: "Welcome call", channel: "phone", trigger: Trigger(kind: .event, detail: "Balance > 50k"),
            model: "coach", layers: ["ai-augmented"], cohorts: ["vip"], owner: "RM team", content: "Hello",
            kpis: [KPI(id: "nps", name: "NPS", kind: .outcome, target: 50, unit: "points")], escalation: "Always human",
            status: .live, evidence: .researchBacked, notes: "Notes\nmore", suppress: [Suppression(rule: "JM002", reason: "x")])]
        let bytes = JourneyCodec.encode(j)
        let back = try JourneyCodec.decode(bytes).journey
        XCTAssertEqual(back, j)
        XCTAssertEqual(JourneyCodec.encode(back), bytes)
    }

    func testMissingCommaIsLocated() {
        XCTAssertEqual(failure("{\n  \"formatVersion\": 3\n  \"title\": \"x\"\n}\n"), """
            j.json:3:3: missing ',' before this key; add one after the previous value
             3 |   "title": "x"
               |   ^
            """)
    }

    func testUnknownKeySuggestsTheNearestKey() {
        XCTAssertEqual(failure(replacing("\"channel\"", "\"chanel\"")), """
            j.json:18:11: .stages[0].touchpoints[0].chanel: unknown key "chanel" in a touchpoint; did you mean "channel"?
             18 |           "chanel": "email",
                |           ^
            """)
    }

    func testWrongType() {
        XCTAssertEqual(failure(replacing("\"title\": \"T\"", "\"title\": [\"T\"]")), """
            j.json:28:12: .title: expected a string, found an array
             28 |   "title": ["T"]
                |            ^
            """)
    }

    func testBadEnumSuggests() {
        XCTAssertEqual(failure(replacing("\"email\"", "\"emial\"")), """
            j.json:18:22: .stages[0].touchpoints[0].channel: "emial" is not a valid channel; did you mean "email"? (one of: email, push, sms, in-app, whatsapp, web, social, paid-ads, search, support-chat, phone, events, direct-mail, packaging, community, sales-call)
             18 |           "channel": "email",
                |                      ^
            """.replacingOccurrences(of: "\"channel\": \"email\",\n", with: "\"channel\": \"emial\",\n"))
    }

    func testDuplicateIDNamesTheFirstUse() {
        XCTAssertEqual(failure(replacing("\"id\": \"ad\"", "\"id\": \"acq\"")), """
            j.json:22:17: .stages[0].touchpoints[0].id: duplicate id "acq"; it is already used by .stages[0].id at 14:13; ids must be unique in the journey
             22 |           "id": "acq",
                |                 ^
            """)
    }

    func testDanglingCohortReference() {
        XCTAssertEqual(failure(replacing("        \"new\"\n", "        \"neww\"\n")), """
            j.json:20:13: .stages[0].touchpoints[0].cohorts[0]: no cohort has the id "neww"; did you mean "new"?
             20 |             "neww"
                |             ^
            """)
    }

    func testFutureFormatVersionIsRefused() {
        XCTAssertEqual(failure(replacing("\"formatVersion\": 3", "\"formatVersion\": 4")), """
            j.json:8:20: .formatVersion: format version 4 is newer than this journeyman reads (3); upgrade journeyman to open it
             8 |   "formatVersion": 4,
               |                    ^
            """)
    }

    func testSeveralProblemsAreAllReported() {
        let text = replacing("\"email\"", "\"emial\"").replacingOccurrences(of: "\"title\": \"T\"", with: "\"titel\": \"T\"")
        let lines = failure(text).split(separator: "\n").filter { $0.hasPrefix("j.json:") }
        XCTAssertEqual(lines, [
            "j.json:28:3: .titel: unknown key \"titel\" in a journey; did you mean \"title\"?",
            "j.json:1:1: .: the journey is missing the required key \"title\"",
            "j.json:18:22: .stages[0].touchpoints[0].channel: \"emial\" is not a valid channel; did you mean \"email\"? (one of: email, push, sms, in-app, whatsapp, web, social, paid-ads, search, support-chat, phone, events, direct-mail, packaging, community, sales-call)",
        ])
    }

    func testFormatOneIsMigrated() throws {
        let v1 = replacing("\"formatVersion\": 3", "\"formatVersion\": 1")
            .replacingOccurrences(of: "\"framework\": {\n    \"id\": \"aarrr\"\n  },", with: "\"framework\": \"aarrr\",")
        let doc = try JourneyCodec.decode(v1)
        XCTAssertEqual(doc.sourceFormatVersion, 1)
        XCTAssertEqual(doc.journey.framework, FrameworkRef(id: "aarrr"))
        XCTAssertEqual(JourneyCodec.encodeString(doc.journey), minimalJourney)
    }

    func testErrorTextNeverCarriesRawControlCharacters() {
        let text = replacing("\"chanel\"", "x").replacingOccurrences(of: "\"channel\"", with: "\"chan\\u001b[2Jnel\"")
        let out = failure(text)
        XCTAssertFalse(out.unicodeScalars.contains { $0.value == 0x1B }, out)
        XCTAssertTrue(out.contains("unknown key \"chan\\u001b[2Jnel\" in a touchpoint"), out)
    }
}
