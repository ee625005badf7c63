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

    func testAScenarioOverTheTeamsHours() throws {
        // The scenario's own team: 1 person x 1,000 hours = 1,000 hours a year, no budget (so no budget finding).
        // Regulars on high-touch: 100 customers x 720 minutes = 72,000 minutes = 1,200 hours;
        // shoppers on hybrid: 1,000 x 30 minutes = 30,000 minutes = 500 hours; 1,700 in all (1.7 FTE),
        // over by 700 hours (0.7 FTE). As-is (the journey's 2 people x 1,600 = 3,200 hours): shoppers
        // tech-touch 0 + regulars low-touch 100 x 2 minutes = 3.33 hours: within.
        let text = Self.journey.replacingOccurrences(of: #"{"id": "on-hybrid""#, with: #"""
            {"id": "staffed", "name": "Staffed", "cohorts": [{"cohort": "regulars", "model": "high-touch"}, {"cohort": "shoppers", "model": "hybrid"}],
             "team": {"people": 1, "hoursPerPerson": 1000}},
            {"id": "on-hybrid"
            """#)
        XCTAssertEqual(try findings(text).filter { $0.hasPrefix("JM037") }, [
            "JM037 warning .scenarios[0] 10: Scenario \"Staffed\" needs 1,700 hours of people's time a year (1.7 FTE); the team has 1,000 (1 x 1,000 hours): over by 700 hours (0.7 FTE).",
            "JM037 warning .scenarios[1] 12: Scenario \"Regulars on hybrid\" costs USD 17,000 a year to serve; the team's budget is USD 5,000: over by USD 12,000.",
        ])
    }
}
