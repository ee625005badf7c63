import Foundation
import XCTest

/// The Forecast panel and scenarios through the real binary under tmux.
extension EditorEndToEndTests {
    /// A cohort's forecast cost to serve as the panel writes it (whole, with separators), from
    /// `journeyman forecast --format json` on `file` changed by the jq `filter`.
    func forecastCost(_ file: String, _ filter: String, cohort: String) throws -> String {
        let r = try sh("jq \(Tmux.quote(filter)) \(Tmux.quote(file)) > \(Tmux.quote(file)).what-if.json && "
                       + "\(bin) forecast \(Tmux.quote(file)).what-if.json --format json | jq '.cohorts[] | select(.id == \"\(cohort)\") | .cost | round'")
        XCTAssertEqual(r.status, 0, r.stderr)
        let n = Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        let f = NumberFormatter()
        f.numberStyle = .decimal
        f.groupingSeparator = ","
        f.usesGroupingSeparator = true
        return f.string(from: NSNumber(value: n)) ?? ""
    }

    /// The screen has a row for the cohort with this cost in its Cost column (the fourth figure).
    func row(_ screen: String, _ cohort: String, cost: String) -> Bool {
        screen.split(separator: "\n").contains { line in
            guard line.contains("  \(cohort)  ") else { return false }
            let figures = line.split(separator: " ").filter { $0.first?.isNumber == true || $0.first == "-" }
            return figures.count >= 4 && figures[2] == cost
        }
    }

    func testTheForecastPanelFollowsAModelChangeAndAScenario() throws {
        let t = try Tmux(self, width: 130, height: 34)
        let file = try sample(t, "subscription-box-aarrr.json")
        let asIs = try forecastCost(file, ".", cohort: "gift-buyers")
        let hybrid = try forecastCost(file, #"(.cohorts[] | select(.id == "gift-buyers") | .model) = "hybrid""#, cohort: "gift-buyers")
        let trial = try forecastCost(file, ".", cohort: "trial-subscribers")
        let trialLow = try forecastCost(file, #"(.cohorts[] | select(.id == "trial-subscribers") | .model) = "low-touch""#, cohort: "trial-subscribers")
        XCTAssertNotEqual(asIs, hybrid)
        XCTAssertNotEqual(trial, trialLow)
        try t.editor("subscription-box-aarrr.json")
        try t.waitFor("[Board] Cohorts")
        try t.keys("Tab", "Tab", "Tab", "Tab")
        try t.waitFor("Forecast · as-is · 12 months · money in EUR")
        try t.waitUntil("Gift buyers cost \(asIs)") { self.row($0, "Gift buyers", cost: asIs) }
        // Gift buyers to hybrid: the cost on screen changes to what journeyman forecast computes.
        try t.keys("j", "m")
        try t.waitFor("Engagement model (or a layer)")
        try t.type("Hybrid")
        try t.keys("Enter")
        try t.waitUntil("Gift buyers cost \(hybrid)") { self.row($0, "Gift buyers", cost: hybrid) }
        // A new scenario, and Trial subscribers on low-touch in it.
        try t.keys("+")
        try t.waitFor("New scenario")
        try t.type("To-be")
        try t.keys("Enter")
        try t.waitFor("[scenario: To-be]")
        try t.waitFor("Forecast · scenario: To-be")
        try t.keys("j", "m")
        try t.waitFor("Engagement model (or a layer)")
        try t.type("Low-touch")
        try t.keys("Enter")
        try t.waitUntil("Trial subscribers cost \(trialLow) in the scenario") { self.row($0, "Trial subscribers", cost: trialLow) }
        // Back to as-is: the journey's own model and cost.
        try t.keys("W")
        try t.waitFor("Scenario (type to filter)")
        try t.type("as-is")
        try t.keys("Enter")
        try t.waitUntil("as-is again") { !$0.contains("[scenario: To-be]") && $0.contains("Forecast · as-is") }
        try t.waitUntil("Trial subscribers cost \(trial) as-is") { self.row($0, "Trial subscribers", cost: trial) }
        try t.keys("s")
        try t.waitFor("Saved")
        try t.keys("q")
        try t.waitFor("EXIT=0")
        XCTAssertEqual(try jq(#".cohorts[] | select(.id == "gift-buyers") | .model"#, file), "\"hybrid\"\n")
        XCTAssertEqual(try jq(#".cohorts[] | select(.id == "trial-subscribers") | .model"#, file), "\"tech-touch\"\n")
        XCTAssertEqual(try jq(".scenarios", file), #"[{"cohorts":[{"cohort":"trial-subscribers","model":"low-touch"}],"id":"to-be","name":"To-be"}]"# + "\n")
        // The CLI reads the scenario back.
        let r = try sh("\(bin) forecast \(Tmux.quote(file)) --scenario To-be --format json | jq '.cohorts[] | select(.id == \"trial-subscribers\") | .model'")
        XCTAssertEqual(r.stdout, "\"low-touch\"\n")
    }
}
