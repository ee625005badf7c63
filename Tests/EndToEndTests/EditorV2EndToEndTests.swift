import Foundation
import XCTest

/// Issue 14's capabilities, each once through the real binary under tmux.
extension EditorEndToEndTests {
    func testEscOnAChangedFormAsksKeepEditingOrDiscard() throws {
        let t = try Tmux(self)
        let file = try makeJourney(t)
        let original = try String(contentsOfFile: file, encoding: .utf8)
        try t.editor("coffee.json")
        try t.waitFor("Landing page")
        try t.keys("a")
        try t.waitFor("New touchpoint")
        try t.type("Win-back SMS")
        try t.keys("Escape")
        try t.waitFor("Discard what you changed in 'New touchpoint'?")
        try t.waitFor("[k] keep editing  [d] discard  (Esc: keep editing)")
        try t.keys("Escape")
        try t.waitUntil("the question closes and the form keeps its text") { !$0.contains("Discard what") && $0.contains("Win-back SMS") }
        try t.keys("Escape", "d")
        try t.waitUntil("the form closes") { !$0.contains("New touchpoint") }
        try t.keys("q")
        try t.waitFor("EXIT=0")
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), original)
    }
}

extension EditorEndToEndTests {
    func testCommandPaletteFiltersAndRuns() throws {
        let t = try Tmux(self)
        _ = try makeJourney(t)
        try t.editor("coffee.json")
        try t.waitFor("Landing page")
        try t.keys(":")
        try t.waitFor("Commands (type to filter, Enter runs)")
        try t.type("next stage")
        try t.waitUntil("only the matching action is left") { $0.contains("Select the next stage") && !$0.contains("Undo the last edit") }
        try t.keys("Enter")
        try t.waitFor("Name        Activation")
        try t.keys("q")
        try t.waitFor("EXIT=0")
    }

    func testClickAPanelNameInTheTitleBar() throws {
        let t = try Tmux(self, width: 100, height: 30)
        _ = try makeJourney(t)
        try t.editor("coffee.json")
        try t.waitFor("[Board] Cohorts")
        // An X10 mouse report (TERM=tmux-256color: kmous=\E[M): button 1 at column 70, row 0 (Cohorts).
        try t.type("\u{1b}[M \(Character(UnicodeScalar(32 + 70 + 1)!))\(Character(UnicodeScalar(32 + 0 + 1)!))")
        try t.waitFor("Board [Cohorts] Lint")
        try t.keys("q")
        try t.waitFor("EXIT=0")
    }
}

extension EditorEndToEndTests {
    func testALensHidesTheOtherCardsAndTheTitleBarNamesIt() throws {
        let t = try Tmux(self)
        _ = try makeJourney(t)
        try t.editor("coffee.json")
        try t.waitFor("Welcome email")
        try t.keys("f")
        try t.waitFor("Lens (type to filter)")
        try t.type("owner: ana")
        try t.keys("Enter")
        let screen = try t.waitFor("coffee.json · lens Owner: Ana")
        XCTAssertTrue(screen.contains("(1/2)"), screen)
        XCTAssertFalse(screen.contains("Landing page"), screen)
        try t.keys("F")
        try t.waitFor("lens Owner: Ana (dim)")
        try t.waitFor("Landing page")
        try t.keys("Escape")
        try t.waitUntil("the lens is off") { !$0.contains("lens Owner") && $0.contains("Lens off: every card shows") }
        try t.keys("q")
        try t.waitFor("EXIT=0")
    }
}

extension EditorEndToEndTests {
    func testDuplicatePasteAndBulkEditThenSave() throws {
        let t = try Tmux(self)
        let file = try makeJourney(t)
        try t.editor("coffee.json")
        try t.waitFor("Landing page")
        try t.keys("D")
        try t.waitFor("Duplicated 'Landing page'")
        try t.keys("y", "l", "P")
        try t.waitFor("Pasted 'Landing page (copy)' into Activation")
        // Mark the first card, then the range to the pasted one; set the owner on all three.
        try t.keys("h", "k", "j", "Space", "l", "V")
        try t.waitFor("4 marked: B sets owner")
        try t.keys("B")
        try t.waitFor("Set on 4 cards (what you change)")
        try t.type("Ops")
        try t.keys("Enter")
        try t.waitFor("Set owner on 4 cards (u undoes)")
        try t.keys("s")
        try t.waitFor("Saved coffee.json")
        try t.keys("q")
        try t.waitFor("EXIT=0")
        XCTAssertEqual(try jq("[.stages[] | (.touchpoints // [])[] | [.id, .owner]]", file),
                       #"[["landing-page","Ops"],["landing-page-copy","Ops"],["welcome-email","Ops"],["landing-page-copy-2","Ops"]]"# + "\n")
    }
}

extension EditorEndToEndTests {
    /// The display column of the first `│` in a captured line (the emoji on screen are single
    /// wide scalars from U+1F000, two cells in tmux and xterm alike).
    func dividerColumn(_ line: String) -> Int? {
        var col = 0
        for s in line.unicodeScalars {
            if s == "│" { return col }
            col += s.value >= 0x1F000 ? 2 : 1
        }
        return nil
    }

    func testEmojiSequencesKeepTheColumnsStraight() throws {
        let t = try Tmux(self, width: 100, height: 30)
        let file = t.path("emoji.json")
        let r = try sh("""
            \(bin) new \(Tmux.quote(file)) --framework aarrr --title 'Emoji' >/dev/null && \
            jq '.stages[0].touchpoints = [{"id": "a", "name": "Thumbs 👍🏽 for the 👨‍👩‍👧 family digest"}]' \(Tmux.quote(file)) > \(Tmux.quote(file)).tmp && \
            mv \(Tmux.quote(file)).tmp \(Tmux.quote(file))
            """)
        XCTAssertEqual(r.status, 0, r.stderr)
        try t.editor("emoji.json")
        try t.waitFor("Thumbs")
        try t.keys("l", "h")
        let screen = try t.waitFor("Name        Thumbs")
        let lines = screen.split(separator: "\n").map(String.init)
        let header = try XCTUnwrap(lines.first { $0.contains("Acquisition") })
        let card = try XCTUnwrap(lines.first { $0.contains("Thumbs 👍") })
        XCTAssertEqual(dividerColumn(card), dividerColumn(header), "\(header)\n\(card)")
        XCTAssertFalse(card.unicodeScalars.contains { $0.value == 0x1F3FD || $0.value == 0x200D }, "sequences are drawn as their first scalar")
        try t.keys("q")
        try t.waitFor("EXIT=0")
    }
}

extension EditorEndToEndTests {
    func testSwimlanesByCohortAndCompactCards() throws {
        let t = try Tmux(self)
        let file = try makeJourney(t)
        let r = try sh("""
            jq '.cohorts = [{"id": "vip", "name": "VIP"}] | .stages[0].touchpoints[1].cohorts = ["vip"]' \(Tmux.quote(file)) > \(Tmux.quote(file)).tmp && \
            mv \(Tmux.quote(file)).tmp \(Tmux.quote(file))
            """)
        XCTAssertEqual(r.status, 0, r.stderr)
        try t.editor("coffee.json")
        try t.waitFor("Landing page")
        try t.keys("I", "w")
        let lanes = try t.waitFor("Swimlanes: cohorts by stages")
        let lines = lanes.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix(" VIP") && $0.contains("│ Welcome") }, lanes)
        XCTAssertTrue(lines.contains { $0.hasPrefix(" (no cohort)") && $0.contains("│ Landing") }, lanes)
        try t.keys("w", "w", "z")
        try t.waitUntil("compact cards on the whole width") { screen in
            let l = screen.split(separator: "\n").map(String.init)
            return l.count > 6 && l[5].hasPrefix("  Landing pa") && l[6].hasPrefix("  Welcome ema") && !screen.contains("Id          landing-page")
        }
        try t.keys("q")
        try t.waitFor("EXIT=0")
    }
}
