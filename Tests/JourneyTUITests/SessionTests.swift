import JourneyKit
@testable import JourneyTUI
import XCTest

/// The run loop driven by an in-memory terminal and file system: keys in, screens and
/// effects out, no tmux.
final class SessionTests: XCTestCase {
    func testEditSaveAndQuitThroughTheLoop() {
        let host = MemoryHost()
        // Rename the first card, save, quit.
        let term = MemoryTerminal(keys: [.char("r"), .ctrl("u")] + "Ad landing".map { .char($0) } + [.enter, .char("s"), .char("q")])
        let s = runSession(term, host: host)
        XCTAssertFalse(term.ranOut, "q ended the session")
        XCTAssertEqual(host.effects, [.save(path: "/tmp/coffee.json")])
        XCTAssertEqual(host.journey("/tmp/coffee.json")?.stages[0].touchpoints[0].name, "Ad landing")
        XCTAssertFalse(s.isDirty)
        XCTAssertEqual(host.ended?.bySignal, false)
        XCTAssertTrue(term.screen[6].hasPrefix("  Ad landing"), term.screen[6])
        XCTAssertEqual(term.screen[28], " Saved /tmp/coffee.json")
    }

    func testASaveConflictAsksAndOverwriteWrites() {
        let host = MemoryHost()
        // Someone else changes the file after it was read.
        var theirs = Sample.journey()
        theirs.title = "Theirs"
        let term = MemoryTerminal(keys: [.char("J"), .char("s")])
        var s = EditorState(journey: Sample.journey(), path: "/tmp/coffee.json", width: 100, height: 30)
        host.known["/tmp/coffee.json"] = String(decoding: JourneyCodec.encode(Sample.journey()), as: UTF8.self)
        host.files["/tmp/coffee.json"] = String(decoding: JourneyCodec.encode(theirs), as: UTF8.self)
        s = Session.run(s, on: term, host: host)
        XCTAssertEqual(host.effects, [.save(path: "/tmp/coffee.json")])
        XCTAssertEqual(s.top?.confirm?.purpose, .saveConflict(path: "/tmp/coffee.json"))
        XCTAssertEqual(host.journey("/tmp/coffee.json")?.title, "Theirs", "nothing written")
        XCTAssertTrue(term.screen.contains { $0.contains("[o] overwrite") }, term.screen.joined(separator: "\n"))

        let again = MemoryTerminal(keys: [.char("o"), .char("q")])
        s = Session.run(s, on: again, host: host)
        XCTAssertEqual(host.effects.last, .overwrite(path: "/tmp/coffee.json"))
        XCTAssertEqual(host.journey("/tmp/coffee.json")?.title, "Coffee club")
        XCTAssertFalse(again.ranOut)
    }

    func testExternalEditorSuspendsTheTerminal() {
        let host = MemoryHost()
        host.externalEdit = { $0 + "Call within a day\n" }
        let term = MemoryTerminal(keys: [.ctrl("e")])
        let s = runSession(term, host: host)
        XCTAssertEqual(term.suspended, 1)
        XCTAssertEqual(s.journey.stages[0].touchpoints[0].notes, "Call within a day\n")
        XCTAssertEqual(s.message, Message("Notes updated"))
    }

    func testAnIdleMomentAndASignal() {
        let host = MemoryHost()
        let term = MemoryTerminal(events: [.key(.char("J")), .idle, .terminate])
        let s = runSession(term, host: host)
        XCTAssertFalse(term.ranOut)
        XCTAssertEqual(host.signals, 1)
        XCTAssertEqual(host.ended?.bySignal, true)
        XCTAssertEqual(host.ended?.dirty, true)
        XCTAssertEqual(term.screens.count, 3, "drawn before each read")
        XCTAssertTrue(s.isDirty)
    }
}
