import JourneyKit
import XCTest

/// The scenario rules: references to items the journey does not have (JM036), and a to-be over the
/// team's budget (JM037).
final class ScenarioLintTests: XCTestCase {
    static let journey = #"""
    {"formatVersion": 3, "title": "Tea club", "framework": {"id": "laer"},
     "team": {"people": 2, "budget": 5000},
     "models": [{"id": "tea-host", "name": "Tea host", "basedOn": "community"}],
     "stages": [{"id": "land", "name": "Land"}, {"id": "adopt", "name": "Adopt"}],
     "cohorts": [
      {"id": "shoppers", "name": "Shoppers", "size": 1000, "valuePerUser": 10, "model": "tech-touch"},
      {"id": "regulars", "name": "Regulars", "size": 100, "valuePerUser": 100, "model": "low-touch"}
     ],
     "scenarios": [
      {"id": "on-hybrid", "name": "Regulars on hybrid", "cohorts": [{"cohort": "regulars", "model": "hybrid"}]},
      {"id": "funded", "name": "Funded", "cohorts": [{"cohort": "regulars", "model": "hybrid"}], "team": {"budget": 20000}},
      {"id": "typos", "name": "Typos",
       "cohorts": [{"cohort": "ghosts", "model": "tea-host"}, {"cohort": "shoppers", "model": "mega-touch", "layers": ["ai-augmented", "psychic"]}],
       "stages": [{"stage": "land", "dropOff": 10}, {"stage": "nowhere", "dropOff": 5}],
       "costs": {"hybrid": 100, "imaginary": 5}}
     ]}
    """#

    func findings(_ text: String) throws -> [String] {
        let doc = try JourneyCodec.decode(text)
        let rules = LintRule.all.filter { ["JM036", "JM037"].contains($0.id) }
        return Linter(rules: rules, today: "2026-12-01").lint(doc).findings.map {
            "\($0.rule) \($0.severity) \($0.path) \($0.location.map { "\($0.line)" } ?? "-"): \($0.message)"
        }
    }

    func testScenarioRulesAreRegistered() {
        XCTAssertEqual(LintRule.named("JM036")?.severity, .error)
        XCTAssertEqual(LintRule.named("JM037")?.severity, .warning)
    }

    func testReferencesAndBudget() throws {
        // Regulars on hybrid: 1,000 x 2 + 100 x 150 = 17,000 a year against a budget of 5,000 (as-is: 2,000 + 800).
        // Funded: the same models with the scenario's own budget of 20,000: no finding.
        XCTAssertEqual(try findings(Self.journey), [
            "JM037 warning .scenarios[0] 10: Scenario \"Regulars on hybrid\" costs USD 17,000 a year to serve; the team's budget is USD 5,000: over by USD 12,000.",
            "JM036 error .scenarios[2].cohorts[0].cohort 13: Scenario \"Typos\" overrides cohort \"ghosts\", which the journey does not have.",
            "JM036 error .scenarios[2].cohorts[1].model 13: Scenario \"Typos\" gives cohort \"shoppers\" the model \"mega-touch\", which is neither built in nor defined in the journey.",
            "JM036 error .scenarios[2].cohorts[1].layers[1] 13: Scenario \"Typos\" layers \"psychic\" over cohort \"shoppers\", which is neither built in nor defined in the journey.",
            "JM036 error .scenarios[2].stages[1].stage 14: Scenario \"Typos\" overrides stage \"nowhere\", which the journey does not have.",
            "JM036 error .scenarios[2].costs.imaginary 15: Scenario \"Typos\" sets a cost for \"imaginary\", which is neither built in nor defined in the journey.",
        ])
    }

    func testAScenarioWithinBudgetAndNoTeamGiveNothing() throws {
        let noTeam = Self.journey.replacingOccurrences(of: #" "team": {"people": 2, "budget": 5000},"#, with: "")
        XCTAssertEqual(try findings(noTeam).filter { $0.hasPrefix("JM037") }, [])
        let rich = Self.journey.replacingOccurrences(of: #""budget": 5000"#, with: #""budget": 17000"#)
        XCTAssertEqual(try findings(rich).filter { $0.hasPrefix("JM037") }, [])
    }
}
