import JourneyKit
import XCTest

/// Health scores and routing rules in the summary, on a journey built here: every part of a
/// rule and a band, and what is left out when absent.
final class SummaryHealthRoutingTests: XCTestCase {
    let journey: Journey = {
        var j = Journey(title: "Bank", framework: FrameworkRef(id: "laer"),
                        stages: [Stage(id: "land", name: "Land", touchpoints: [Touchpoint(id: "rm-call", name: "RM call")])],
                        kpis: [KPI(id: "logins", name: "Logins a month", kind: .activity, health: true)])
        j.cohorts = [Cohort(id: "rich", name: "Rich", routing: [
            RoutingRule(id: "quiet", signal: "balance", condition: "above 50,000, no login for 14 days", action: "the RM calls",
                        owner: "Private desk", touchpoint: "rm-call", model: "high-touch"),
            RoutingRule(id: "bare", signal: "age", condition: "over 70", action: "\u{1B}[31ma person answers"),
        ], healthScore: HealthScore(components: [HealthComponent(id: "solo", name: "Recency", kind: .recency, weight: 0)]))]
        j.healthScore = HealthScore(
            components: [HealthComponent(id: "use", name: "Use", kind: .usageFrequency, weight: 3, kpi: "logins"),
                         HealthComponent(id: "own", name: "Recency", kind: .custom, weight: 1.5, kpi: "gone")],
            bands: [HealthBand(state: .healthy), HealthBand(state: .atRisk, below: 60, leadsTo: ["rm-call", "quiet"]),
                    HealthBand(state: .critical, below: 35.5, leadsTo: ["nowhere"])])
        return j
    }()

    func testTextShowsRulesComponentsAndBands() {
        let text = Summary.text(journey, options: SummaryOptions(width: 120))
        XCTAssertTrue(text.contains("""
            • Rich
              no model
              Routing rules:
                • balance: above 50,000, no login for 14 days → the RM calls (owner Private desk; via RM call; to High-touch)
                • age: over 70 → \\u{1B}[31ma person answers
              Health score (this cohort's own):
                • Recency, weight 0
            """), text)
        XCTAssertTrue(text.contains("""
            Health score
            ────────────
            • Use (Usage frequency), weight 3 of 4.5, reads Logins a month
            • Recency (Custom), weight 1.5 of 4.5, reads gone
            Bands:
              • Healthy
              • At risk below 60 → RM call; the RM calls
              • Critical below 35.5 → nowhere
            """), text)
        let ascii = Summary.text(journey, options: SummaryOptions(width: 120, ascii: true))
        XCTAssertTrue(ascii.contains("    * balance: above 50,000, no login for 14 days -> the RM calls (owner Private desk; via RM call; to High-touch)\n"), ascii)
    }

    func testMarkdownNestsThemUnderTheCohortAndTheJourney() {
        let md = Summary.markdown(journey)
        XCTAssertTrue(md.contains("""
            ### Rich

            - Routing rules:
              - balance: above 50,000, no login for 14 days → the RM calls (owner Private desk; via RM call; to High-touch)
              - age: over 70 → a person answers
            - Health score (this cohort's own):
              - Recency, weight 0

            """), md)
        XCTAssertTrue(md.contains("""
            ## Health score

            - Use (Usage frequency), weight 3 of 4.5, reads Logins a month
            - Recency (Custom), weight 1.5 of 4.5, reads gone
            - Bands:
              - Healthy
              - At risk below 60 → RM call; the RM calls
              - Critical below 35.5 → nowhere

            """), md)
        XCTAssertFalse(md.contains("\u{1B}"))
    }

    func testTheCSVCohortTableHasTheRules() {
        let csv = CSVExport.cohorts(journey)
        XCTAssertTrue(csv.hasSuffix(",\"balance: above 50,000, no login for 14 days -> the RM calls (owner Private desk; via RM call; to High-touch); age: over 70 -> a person answers\"\r\n"), csv)
    }
}
