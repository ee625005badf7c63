import Foundation
import XCTest

/// The strategy engine in the editor, in a real (tmux) terminal: introduce a finding, see it in
/// the lint panel, jump to it, fix it, see it go; the coverage view and the assessment screen.
final class EditorLintEndToEndTests: XCTestCase {
    /// A journey with no findings (JM009 suppressed so the test passes on any day).
    static let journey = #"""
    {"formatVersion": 3, "title": "Clean", "framework": {"id": "aarrr"},
     "suppress": [{"rule": "JM009", "reason": "the test runs on any day"}],
     "kpis": [{"id": "retention-rate", "name": "Retention rate", "kind": "outcome", "health": true}],
     "cohorts": [
      {"id": "free", "name": "Free users", "size": 50000, "valuePerUser": 10, "complexity": "low", "service": "self-serve", "model": "tech-touch"},
      {"id": "pro", "name": "Pro teams", "size": 2000, "valuePerUser": 1200, "complexity": "high", "service": "configured", "model": "hybrid",
       "routing": [{"id": "stalled-setup", "signal": "setup steps done", "condition": "no step for 3 days", "action": "a CSM calls"}]}
     ],
     "stages": [
      {"id": "acquisition", "name": "Acquisition", "level": "aware", "kpis": [{"id": "signup-rate", "name": "Sign-up rate", "kind": "outcome"}], "touchpoints": [
       {"id": "search-ad", "name": "Search ad", "channel": "search", "trigger": {"kind": "event"}, "owner": "Growth"}]},
      {"id": "activation", "name": "Activation", "level": "active", "kpis": [{"id": "activation-rate", "name": "Activation rate", "kind": "outcome"}], "touchpoints": [
       {"id": "welcome", "name": "Welcome flow", "channel": "email", "trigger": {"kind": "event"}, "owner": "Lifecycle",
        "dataCapture": [{"data": "role and team size", "party": "zero", "destination": "CRM"}]}]}
     ]}
    """#

    func start(_ t: Tmux) throws -> String {
        let path = t.path("j.json")
        try Self.journey.write(toFile: path, atomically: true, encoding: .utf8)
        try t.editor("j.json")
        try t.waitFor("lint ok")
        return path
    }

    func testIntroduceJumpToAndFixAFinding() throws {
        let t = try Tmux(self, width: 100, height: 30)
        let file = try start(t)
        // Introduce a finding: the configured, complex cohort gets low-touch.
        try t.keys("Tab")
        try t.waitFor("[Cohorts]")
        try t.keys("j", "m")
        try t.waitFor("Engagement model")
        try t.type("Low-t")
        try t.keys("Enter")
        try t.waitFor("W1")
        try t.waitFor("→ HYB")  // the advice column disagrees now
        // The lint panel lists it.
        try t.keys("Tab")
        try t.waitFor("[Lint]")
        try t.waitFor("Lint: 0 errors, 1 warning, 0 info")
        try t.waitFor("W JM012  cohort Pro")
        // Enter jumps to the cohort.
        try t.keys("Enter")
        try t.waitFor("JM012: Cohort \"Pro teams\" needs the product configured")
        try t.waitFor("[Cohorts]")
        // Fix it: hybrid again; the finding goes.
        try t.keys("m")
        try t.waitFor("Engagement model")
        try t.type("Hybrid")
        try t.keys("Enter")
        try t.waitFor("lint ok")
        try t.keys("Tab")
        try t.waitFor("No findings: the journey passes every rule (Tab: on to the models panel)")
        try t.keys("Tab")
        try t.waitFor("[Models]")
        try t.keys("s")
        try t.waitFor("Saved")
        try t.keys("q")
        try t.waitFor("EXIT=0")
        XCTAssertEqual(try sh("jq -r '.cohorts[1].model' \(Tmux.quote(file))").stdout, "hybrid\n")
    }

    func testCoverageViewAndAssessmentScreen() throws {
        let t = try Tmux(self, width: 100, height: 30)
        let file = try start(t)
        try t.keys("c")
        try t.waitFor("Coverage: touchpoints per stage and engagement model")
        try t.waitFor("HIGH  LOW  HYB  TECH  COMM  HVC  AI")
        try t.keys("Escape", "M")
        try t.waitFor("Maturity assessment")
        try t.keys("Space", "Down", "Space", "Down", "Space")
        try t.waitFor("Ladder A: rung 2 Active.")
        try t.keys("Enter")
        try t.waitFor("Maturity: rung 2 Active, level 0 Unstructured campaigns")
        try t.keys("s")
        try t.waitFor("Saved")
        try t.keys("q")
        try t.waitFor("EXIT=0")
        XCTAssertEqual(try sh("jq -c '.maturity | [.rung, .level, .checks]' \(Tmux.quote(file))").stdout,
                       #"[2,0,["a2-segments","a2-triggers","a2-measured"]]"# + "\n")
    }
}
