import JourneyKit
import XCTest

/// Format 3: the team in numbers (migrated from format 2's words) and the new optional
/// fields of the strategy, numbers, presenting and review work.
final class FormatThreeTests: XCTestCase {
    /// A journey with every format-3 field set, as canonical text.
    static let full = """
        {
          "cohorts": [
            {
              "dropOff": {
                "acq": 25
              },
              "healthScore": {
                "bands": [
                  {
                    "state": "healthy"
                  },
                  {
                    "below": 50,
                    "leadsTo": [
                      "quiet"
                    ],
                    "state": "at-risk"
                  }
                ],
                "components": [
                  {
                    "id": "hs-logins",
                    "kind": "recency",
                    "kpi": "logins",
                    "name": "Days since login",
                    "weight": 2
                  }
                ]
              },
              "id": "vip",
              "inflowPerYear": 1200,
              "name": "VIP",
              "owner": "Relationship desk",
              "routing": [
                {
                  "action": "the relationship manager calls",
                  "condition": "no login for 14 days",
                  "id": "quiet",
                  "model": "high-touch",
                  "owner": "Relationship desk",
                  "signal": "days since last login",
                  "touchpoint": "ad"
                }
              ],
              "size": 500
            }
          ],
          "conflicts": [
            {
              "base": "Old",
              "id": "conflict-1",
              "message": "both sides renamed the stage",
              "ours": "Ours",
              "oursLabel": "main",
              "path": ".stages[0].name",
              "theirs": {
                "a": [
                  1,
                  null,
                  true
                ]
              },
              "theirsLabel": "feature"
            }
          ],
          "costs": {
            "minutesPerCustomerYear": {
              "high-touch": 240
            },
            "perCustomerYear": {}
          },
          "formatVersion": 3,
          "framework": {
            "id": "aarrr"
          },
          "healthScore": {
            "components": [
              {
                "id": "hs-usage",
                "kind": "usage-frequency",
                "name": "Sessions a week",
                "weight": 1
              }
            ]
          },
          "kpis": [
            {
              "id": "logins",
              "kind": "activity",
              "name": "Logins"
            }
          ],
          "loops": [
            {
              "from": "ret",
              "id": "again",
              "share": 35,
              "to": "acq"
            }
          ],
          "models": [
            {
              "basedOn": "high-touch",
              "id": "csm",
              "name": "CSM",
              "preset": "csm-driven"
            }
          ],
          "scenarios": [
            {
              "cohorts": [
                {
                  "cohort": "vip",
                  "layers": [],
                  "model": "hybrid",
                  "size": 600,
                  "valuePerUser": 900
                }
              ],
              "costs": {
                "hybrid": 40
              },
              "id": "to-be",
              "name": "To-be",
              "stages": [
                {
                  "dropOff": 10,
                  "stage": "acq"
                }
              ],
              "team": {
                "people": 3
              }
            }
          ],
          "settings": {
            "affordableShare": 25,
            "horizonMonths": 24,
            "thresholds": {
              "techTouchFromSize": 50000
            }
          },
          "stages": [
            {
              "earnsValue": true,
              "id": "acq",
              "name": "Acquisition",
              "touchpoints": [
                {
                  "dataCapture": [
                    {
                      "data": "email address",
                      "destination": "CRM",
                      "party": "zero"
                    }
                  ],
                  "id": "ad",
                  "loyaltyProgramme": true,
                  "name": "Ad",
                  "painPoints": [
                    "Too many questions"
                  ],
                  "sentiment": 4
                }
              ]
            },
            {
              "id": "ret",
              "name": "Retention"
            }
          ],
          "team": {
            "budget": 250000,
            "hoursPerPerson": 1600,
            "people": 4.5
          },
          "title": "T"
        }

        """

    func testEveryFormatThreeFieldRoundTripsByteForByte() throws {
        let doc = try JourneyCodec.decode(Self.full, file: "j.json")
        XCTAssertEqual(JourneyCodec.encodeString(doc.journey), Self.full)
        let j = doc.journey
        XCTAssertEqual(j.team, Team(people: 4.5, hoursPerPerson: 1600, budget: 250_000))
        XCTAssertEqual(j.settings, JourneySettings(affordableShare: 25, horizonMonths: 24, thresholds: ["techTouchFromSize": 50_000]))
        XCTAssertEqual(j.cohorts[0].routing[0].touchpoint, "ad")
        XCTAssertEqual(j.cohorts[0].dropOff, ["acq": 25])
        XCTAssertEqual(j.stages[0].touchpoints[0].dataCapture, [DataCapture(data: "email address", party: .zero, destination: "CRM")])
        XCTAssertEqual(j.loops[0].share, 35)
        XCTAssertEqual(j.scenarios[0].cohorts[0].layers, [])
        XCTAssertEqual(j.conflicts[0].theirs, .object([JSONMember("a", .array([.number(1), .null, .bool(true)]))]))
        XCTAssertEqual(j.conflicts[0].oursLabel, "main")
    }

    func testFormatTwoTeamWordsBecomeNumbers() throws {
        let v2 = minimalJourney.replacingOccurrences(of: "\"formatVersion\": 3", with: "\"formatVersion\": 2")
            .replacingOccurrences(of: "  \"title\": \"T\"", with: "  \"team\": {\n    \"budget\": \"low\",\n    \"capacity\": \"high\"\n  },\n  \"title\": \"T\"")
        let doc = try JourneyCodec.decode(v2, file: "j.json")
        XCTAssertEqual(doc.sourceFormatVersion, 2)
        XCTAssertEqual(doc.journey.team, Team(people: 25, budget: 50_000))
        XCTAssertTrue(JourneyCodec.encodeString(doc.journey).contains("\"team\": {\n    \"budget\": 50000,\n    \"people\": 25\n  },"))
        // The migrated tree (what diff and merge read) says the same as the model.
        XCTAssertEqual(doc.tree["team"]?.withoutOffsets, .object([JSONMember("budget", .number(50_000)), JSONMember("people", .number(25))]))
    }

    func testFormatTwoWordsAreRefusedInFormatThree() {
        let text = minimalJourney.replacingOccurrences(of: "  \"title\": \"T\"", with: "  \"team\": {\n    \"capacity\": \"high\"\n  },\n  \"title\": \"T\"")
        XCTAssertEqual(failure(text), """
            j.json:29:5: .team.capacity: unknown key "capacity" in the team; allowed keys: people, hoursPerPerson, budget
             29 |     "capacity": "high"
                |     ^
            """)
    }

    func testDanglingFormatThreeReferencesAreLocated() {
        let text = Self.full
            .replacingOccurrences(of: "\"touchpoint\": \"ad\"", with: "\"touchpoint\": \"add\"")
            .replacingOccurrences(of: "\"kpi\": \"logins\"", with: "\"kpi\": \"login\"")
            .replacingOccurrences(of: "\"quiet\"\n", with: "\"quite\"\n")
            .replacingOccurrences(of: "\"acq\": 25", with: "\"acquisition\": 25")
        let lines = failure(text).split(separator: "\n").filter { $0.hasPrefix("j.json:") }
        XCTAssertEqual(lines, [
            "j.json:5:9: .cohorts[0].dropOff.acquisition: no stage has the id \"acquisition\"",
            "j.json:42:25: .cohorts[0].routing[0].touchpoint: no touchpoint has the id \"add\"; did you mean \"ad\"?",
            "j.json:24:20: .cohorts[0].healthScore.components[0].kpi: no KPI has the id \"login\"; did you mean \"logins\"?",
            "j.json:15:15: .cohorts[0].healthScore.bands[1].leadsTo[0]: no touchpoint or routing rule has the id \"quite\"; did you mean \"quiet\"?",
        ])
    }

    func testBadFormatThreeValuesSayWhatIsAllowed() {
        let text = Self.full
            .replacingOccurrences(of: "\"sentiment\": 4", with: "\"sentiment\": 6")
            .replacingOccurrences(of: "\"party\": \"zero\"", with: "\"party\": \"third\"")
            .replacingOccurrences(of: "\"techTouchFromSize\"", with: "\"techTouchFromSiz\"")
            .replacingOccurrences(of: "\"preset\": \"csm-driven\"", with: "\"preset\": \"csm\"")
        let lines = failure(text).split(separator: "\n").filter { $0.hasPrefix("j.json:") }
        XCTAssertEqual(lines, [
            "j.json:106:17: .models[0].preset: \"csm\" is not a model preset (one of: transactional, value-added, proactive, automated-retention, csm-driven, collaborative-roadmap, usp)",
            "j.json:154:24: .stages[0].touchpoints[0].dataCapture[0].party: \"third\" is not a valid data party (one of: first, zero)",
            "j.json:163:24: .stages[0].touchpoints[0].sentiment: 6 is out of range; expected a whole number from 1 to 5",
            "j.json:140:7: .settings.thresholds.techTouchFromSiz: \"techTouchFromSiz\" is not a decision threshold; did you mean \"techTouchFromSize\"? (one of: aiLayerFromSize, channelsBeforePurchase, defaultHoursPerPerson, hvcMaxCustomerShare, hvcMinValueMultiple, hvcMinValueShare, maxComponentWeight, needShare, techTouchFromSize)",
        ])
    }

    func testEverySampleIsFormatThree() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Journeys")
        let samples = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") && $0 != "journey.schema.json" }
        XCTAssertEqual(samples.count, 6)
        for name in samples {
            let bytes = try [UInt8](Data(contentsOf: dir.appendingPathComponent(name)))
            let doc = try JourneyCodec.decode(bytes, file: name)
            XCTAssertEqual(doc.sourceFormatVersion, 3, name)
            XCTAssertEqual(JourneyCodec.encode(doc.journey), bytes, name)
        }
    }

    func testScenarioApplyOverridesOnlyWhatItNames() throws {
        let j = try JourneyCodec.decode(Self.full).journey
        let to = j.scenarios[0].apply(to: j)
        XCTAssertEqual(to.cohorts[0].model, "hybrid")
        XCTAssertEqual(to.cohorts[0].size, 600)
        XCTAssertEqual(to.cohorts[0].valuePerUser, 900)
        XCTAssertEqual(to.cohorts[0].layers, [])
        XCTAssertEqual(to.stages[0].dropOff, 10)
        XCTAssertEqual(to.costs?.perCustomerYear, ["hybrid": 40])
        XCTAssertEqual(to.costs?.minutesPerCustomerYear, ["high-touch": 240])
        XCTAssertEqual(to.team, Team(people: 3))
        XCTAssertEqual(to.cohorts[0].owner, j.cohorts[0].owner)
        XCTAssertEqual(j.scenario(named: "To-be")?.id, "to-be")
    }

    private func failure(_ text: String) -> String {
        do {
            _ = try JourneyCodec.decode(text, file: "j.json")
            return "no error"
        } catch {
            return error.description
        }
    }
}
