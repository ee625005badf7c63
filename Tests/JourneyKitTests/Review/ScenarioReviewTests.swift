import JourneyKit
import XCTest

/// Scenarios through diff, merge and the canonical writer: followed by id, written back byte for byte.
final class ScenarioReviewTests: XCTestCase {
    /// The worked example of docs/forecast.md (a journey with one scenario).
    func teaClub() throws -> Journey {
        try JourneyCodec.decode(try ForecastTests.docBlocks("json")[0]).journey
    }

    func testScenariosRoundTripByteForByte() throws {
        var j = try teaClub()
        j.scenarios.append(Scenario(id: "all-in", name: "All in", description: "Everyone on hybrid, \"for now\"",
                                    cohorts: [CohortOverride(cohort: "shoppers", model: "hybrid", layers: ["ai-augmented"], size: 1200, valuePerUser: 12.5),
                                              CohortOverride(cohort: "regulars", layers: [])],
                                    stages: [StageOverride(stage: "buy", dropOff: 0), StageOverride(stage: "stay")],
                                    costs: ["hybrid": 120, "ai-augmented": 2.5], team: Team(people: 3, hoursPerPerson: 1500, budget: 40000)))
        let bytes = JourneyCodec.encode(j)
        let back = try JourneyCodec.decode(bytes).journey
        XCTAssertEqual(back.scenarios, j.scenarios)
        XCTAssertEqual(JourneyCodec.encode(back), bytes)
        // An empty layers list is kept (it clears the cohort's layers), an absent one is left out.
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.contains(#""cohort": "regulars",\#n          "layers": []\#n"#), text)
    }

    func testDiffNamesScenariosByID() throws {
        let old = try teaClub()
        var new = old
        new.scenarios[0].stages[0].dropOff = 4
        new.scenarios.append(Scenario(id: "all-in", name: "All in"))
        let diff = JourneyDiff(old: old, new: new)
        XCTAssertEqual(diff.text(), """
            Scenarios
              ~ scenario regulars-on-hybrid stages: [{"dropOff": 5, "stage": "stay"}] -> [{"dropOff": 4, "stage": "stay"}]
              + scenario all-in "All in" added at position 2

            """)
        var renamed = old
        renamed.scenarios[0].name = "Hybrid regulars"
        XCTAssertEqual(JourneyDiff(old: old, new: renamed).text(), """
            Scenarios
              ~ scenario regulars-on-hybrid renamed: "Regulars on hybrid" -> "Hybrid regulars"

            """)
    }

    func testMergeFollowsScenarioIDs() throws {
        let base = try teaClub()
        var ours = base, theirs = base
        // Ours adds a scenario and edits the existing one's cohorts; theirs edits its stages and adds another.
        ours.scenarios.append(Scenario(id: "ours", name: "Ours"))
        ours.scenarios[0].cohorts[0].layers = ["ai-augmented"]
        theirs.scenarios[0].stages[0].dropOff = 8
        theirs.scenarios.append(Scenario(id: "theirs", name: "Theirs"))
        let r = JourneyMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(r.conflicts, [])
        XCTAssertEqual(r.journey.scenarios.map(\.id), ["regulars-on-hybrid", "ours", "theirs"])
        XCTAssertEqual(r.journey.scenarios[0].cohorts[0].layers, ["ai-augmented"])
        XCTAssertEqual(r.journey.scenarios[0].stages[0].dropOff, 8)
    }

    func testBothChangingOneScenarioFieldIsAConflict() throws {
        let base = try teaClub()
        var ours = base, theirs = base
        ours.scenarios[0].stages[0].dropOff = 4
        theirs.scenarios[0].stages[0].dropOff = 8
        let r = JourneyMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(r.conflicts.map(\.path.description), [".scenarios[0].stages"])
        XCTAssertEqual(r.journey.scenarios[0].stages[0].dropOff, 4)
    }
}
