import Foundation
import XCTest

/// The format-3 fields through the real binary under tmux: a touchpoint's sentiment and
/// pain points, a cohort's routing rule, saved and read back with jq.
extension EditorEndToEndTests {
    func testEditSentimentPainPointsAndARoutingRuleThenSave() throws {
        let t = try Tmux(self)
        let file = try makeJourney(t)
        try t.editor("coffee.json")
        try t.waitFor("Landing page")
        // The first card: sentiment (after Evidence: twelve Tabs), then one pain point.
        try t.keys("e")
        try t.waitFor("Sentiment (1-5)")
        for _ in 0..<12 { try t.keys("Tab") }
        try t.type("9")
        try t.keys("Enter")
        try t.waitFor("Sentiment must be a whole number from 1 (bad) to 5 (good), or empty")
        try t.keys("C-u")
        try t.type("2")
        try t.keys("Tab", "Space")
        try t.waitFor("+ Add a pain point")
        try t.keys("a")
        try t.waitFor("New pain point")
        try t.type("Slow to load")
        try t.keys("Enter")
        try t.waitUntil("the list holds the pain point") { $0.contains("Slow to load") && $0.contains("Done") && !$0.contains("New pain point") }
        try t.keys("Enter")
        try t.waitFor("1: Slow to load")
        try t.keys("Enter")
        try t.waitUntil("the form closes") { !$0.contains("Sentiment (1-5)") }
        // A cohort with a routing rule.
        try t.keys("Tab", "a")
        try t.waitFor("New cohort")
        try t.type("VIP")
        try t.keys("Enter")
        try t.waitUntil("the cohort is added") { $0.contains("VIP") && !$0.contains("New cohort") }
        try t.keys("e")
        try t.waitFor("Routing rules")
        for _ in 0..<12 { try t.keys("Tab") }
        try t.keys("Space")
        try t.waitFor("+ Add a routing rule")
        try t.keys("a")
        try t.waitFor("New routing rule")
        try t.type("orders")
        try t.keys("Tab")
        try t.type("none for 30 days")
        try t.keys("Tab")
        try t.type("the roaster calls")
        try t.keys("Enter")
        try t.waitUntil("the list holds the rule") { $0.contains("orders none for 30 days: the roaster calls") && !$0.contains("New routing rule") }
        try t.keys("Enter")
        try t.waitFor("1: orders none for 30 days: the roaster calls")
        try t.keys("Enter")
        try t.waitUntil("the form closes") { !$0.contains("Routing rules") }
        try t.keys("s")
        try t.waitFor("Saved")
        try t.keys("q")
        try t.waitFor("EXIT=0")
        XCTAssertEqual(try jq(".stages[0].touchpoints[0] | [.sentiment, .painPoints]", file), "[2,[\"Slow to load\"]]\n")
        XCTAssertEqual(try jq(".cohorts[0].routing | map([.id, .signal, .condition, .action])", file),
                       "[[\"orders\",\"orders\",\"none for 30 days\",\"the roaster calls\"]]\n")
        let validate = try sh("\(bin) validate \(Tmux.quote(file))")
        XCTAssertEqual(validate.status, 0, validate.stdout + validate.stderr)
    }
}
