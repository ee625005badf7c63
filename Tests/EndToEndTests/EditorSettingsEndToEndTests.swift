import Foundation
import XCTest

/// The journey settings form through the real binary under tmux: a refused affordable share,
/// then one within the decoder's limits, saved and read back with jq.
extension EditorEndToEndTests {
    func testSetTheAffordableShareThenSave() throws {
        let t = try Tmux(self)
        let file = try makeJourney(t)
        try t.editor("coffee.json")
        try t.waitFor("Landing page")
        try t.keys("T")
        try t.waitFor("Journey settings (empty: the default)")
        try t.type("150")
        try t.keys("Enter")
        try t.waitFor("Affordable share % (default 20) must be at most 100")
        try t.keys("C-u")
        try t.type("35")
        try t.keys("Enter")
        try t.waitFor("Journey settings: affordable share 35%")
        try t.keys("s")
        try t.waitFor("Saved")
        try t.keys("q")
        try t.waitFor("EXIT=0")
        XCTAssertEqual(try jq(".settings", file), "{\"affordableShare\":35}\n")
        let validate = try sh("\(bin) validate \(Tmux.quote(file))")
        XCTAssertEqual(validate.status, 0, validate.stdout + validate.stderr)
    }
}
