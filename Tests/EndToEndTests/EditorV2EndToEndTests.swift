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
        // An X10 mouse report (TERM=tmux-256color: kmous=\E[M): button 1 at column 80, row 0.
        try t.type("\u{1b}[M \(Character(UnicodeScalar(32 + 80 + 1)!))\(Character(UnicodeScalar(32 + 0 + 1)!))")
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
