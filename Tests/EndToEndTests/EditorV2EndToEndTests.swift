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
