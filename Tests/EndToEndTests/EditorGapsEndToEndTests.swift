import Foundation
import XCTest

/// Issue 14 capability 5 (costs, loop labels) and issue 15 item 4 (the conflicts panel), once
/// through the real binary under tmux, on a journey a real `journeyman merge` left a conflict in.
extension EditorEndToEndTests {
    func testChangeTheCurrencyRenameALoopAndResolveAMergeConflict() throws {
        let t = try Tmux(self, width: 100, height: 30)
        let base = try makeJourney(t, "base.json")
        let q = Tmux.quote
        let ours = t.path("ours.json"), theirs = t.path("theirs.json")
        var r = try sh("""
            jq '.loops = [{"id": "win-back", "from": "retention", "to": "activation", "label": "Win-back"}]' \(q(base)) > \(q(base)).tmp && \
            mv \(q(base)).tmp \(q(base)) && \(bin) fmt \(q(base)) >/dev/null && \
            jq '.stages[0].touchpoints[1].name = "Welcome mail"' \(q(base)) > \(q(ours)) && \
            jq '.stages[0].touchpoints[1].name = "Hello email"' \(q(base)) > \(q(theirs))
            """)
        XCTAssertEqual(r.status, 0, r.stderr)
        r = try sh("\(bin) merge \(q(base)) \(q(ours)) \(q(theirs)) --name ours.json --ours-label main --theirs-label feature")
        XCTAssertEqual(r.status, 1, "the merge reports the conflict")
        XCTAssertEqual(try jq(".conflicts | length", ours), "1\n")
        XCTAssertNotEqual(try sh("\(bin) validate \(q(ours))").status, 0, "validate fails while the conflict remains")

        try t.editor("ours.json")
        try t.waitFor("A merge left 1 conflict in this journey")
        try t.waitFor("[1 conflict]")
        try t.keys("Tab", "Tab", "Tab", "Tab", "Tab")
        try t.waitFor("Conflicts: 1 to resolve")
        let panel = try t.waitFor("feature (theirs)")
        XCTAssertTrue(panel.contains(".stages[0].touchpoints[1].name"), panel)
        XCTAssertTrue(panel.contains("\"Hello email\""), panel)
        try t.keys("t")
        try t.waitFor("took feature (theirs) (\"Hello email\"); no conflicts left")
        try t.waitUntil("the title bar drops the marker") { !$0.contains("[1 conflict]") }

        try t.keys("Tab")
        try t.waitFor("[Board]")
        try t.keys("$")
        try t.waitFor("Cost assumptions, a customer a year")
        try t.keys("Enter")
        try t.waitFor("Currency (empty: USD)")
        try t.type("EUR")
        try t.keys("Enter")
        try t.waitFor("Currency USD → EUR")
        try t.keys("Escape", "l", "l", "E")
        try t.waitFor("Edit a loop edge")
        try t.keys("Enter")
        try t.waitFor("Loop edge Retention → Activation")
        try t.keys("C-u")
        try t.type("Come back")
        try t.keys("Enter")
        try t.waitFor("'Come back'")
        try t.keys("s")
        try t.waitFor("Saved")
        try t.keys("q")
        try t.waitFor("EXIT=0")

        XCTAssertEqual(try jq("[.costs.currency, .loops[0].label, .stages[0].touchpoints[1].name, .conflicts]", ours),
                       "[\"EUR\",\"Come back\",\"Hello email\",null]\n")
        let v = try sh("\(bin) validate \(q(ours))")
        XCTAssertEqual(v.status, 0, v.stdout + v.stderr)
    }
}
