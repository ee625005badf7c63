import Foundation
import XCTest

/// The editor never loses edits, in a real (tmux) terminal: a killed editor's edits come
/// back, a file changed on disk is not overwritten silently, a second editor is told, a
/// failed save keeps the edits.
final class EditorSafetyEndToEndTests: XCTestCase {
    let bin = Tmux.quote(Paths.binary)

    /// A new AARRR journey titled Original in the test's directory.
    func makeJourney(_ t: Tmux, _ path: String) throws {
        let r = try sh("\(bin) new \(Tmux.quote(path)) --framework aarrr --title Original")
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    /// A tmux terminal with the editor open on a new journey j.json; returns its path too.
    /// `recoveryDelay` sets the timed copy's delay (JOURNEYMAN_RECOVERY_DELAY).
    func openNewJourney(recoveryDelay: Int? = nil) throws -> (Tmux, String) {
        let t = try Tmux(self, environment: recoveryDelay.map { ["JOURNEYMAN_RECOVERY_DELAY": String($0)] } ?? [:])
        let file = t.path("j.json")
        try makeJourney(t, file)
        try t.editor("j.json")
        try t.waitFor("Acquisition")
        return (t, file)
    }

    /// Title, first stage's name and its touchpoint names.
    func summary(_ path: String) throws -> String {
        try jq("[.title, .stages[0].name, [.stages[0].touchpoints[]?.name]]", path)
    }

    /// The recovery copies in the test's $HOME/.local/state/journeyman/recovery.
    func recoveryCopies(_ t: Tmux) -> [String] {
        let dir = t.path(".local/state/journeyman/recovery")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted().map { dir + "/" + $0 }
    }

    /// Renames the first stage, adds a touchpoint to it and changes the journey's title.
    func makeThreeEdits(_ t: Tmux) throws {
        try t.renameStage("Found us")
        try t.keys("a")
        try t.waitFor("New touchpoint")
        try t.type("Welcome mail")
        try t.keys("Enter")
        try t.waitFor("Added 'Welcome mail'")
        try t.keys("p")
        try t.waitFor("Journey properties")
        try t.keys("C-u")
        try t.type("Edited title")
        try t.keys("Enter")
        try t.waitFor("Edited title ·")
    }

    func testSigtermWithUnsavedEditsIsRecoveredOnReopen() throws {
        let (t, file) = try openNewJourney(recoveryDelay: 3600)
        try makeThreeEdits(t)
        // At once, before the timed copy is due: the signal itself writes it.
        kill(try t.editorPid(), SIGTERM)
        try t.waitFor("EXIT=143")
        XCTAssertEqual(try summary(file), #"["Original","Acquisition",[]]"#)
        XCTAssertEqual(recoveryCopies(t).count, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: t.path(".j.json.lock")))

        try t.editor("j.json")
        try t.waitFor("were recovered. Restore them?")
        try t.keys("r")
        let screen = try t.waitFor("Restored the unsaved edits: s saves them")
        XCTAssertTrue(screen.contains("Edited title · AARRR (\"pirate metrics\") · j.json [modified]"), screen)
        try t.keys("s")
        try t.waitFor("Saved j.json")
        try t.keys("q")
        try t.waitFor("EXIT=0")
        XCTAssertEqual(try summary(file), #"["Edited title","Found us",["Welcome mail"]]"#)
        // A clean save removed the copy; the quit removed the lock.
        XCTAssertEqual(recoveryCopies(t), [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: t.path(".j.json.lock")))
    }

    func testSigintWritesTheCopyBeforeAskingToQuit() throws {
        // No timed copy for an hour: the copy found below can only be the signal's, however
        // slow the machine (a 2 s window raced the clock under load).
        let (t, file) = try openNewJourney(recoveryDelay: 3600)
        try t.renameStage("Found us")
        XCTAssertEqual(recoveryCopies(t), [], "the timed copy is not due yet")
        kill(try t.editorPid(), SIGINT)
        // The copy is written before the event is handled, so it exists once the question shows.
        try t.waitFor("There are unsaved changes. Save them before quitting?")
        XCTAssertEqual(try recoveryCopies(t).map { try jq(".journey.stages[0].name", $0) }, [#""Found us""#])
        try t.keys("d")
        try t.waitFor("EXIT=0")
        // Quitting without saving is a deliberate discard: the copy goes too.
        XCTAssertEqual(recoveryCopies(t), [])
        XCTAssertEqual(try summary(file), #"["Original","Acquisition",[]]"#)
    }

    func testNeverSavedNewJourneyIsRecovered() throws {
        let t = try Tmux(self)
        try t.editor("fresh.json")
        try t.waitFor("New journey: choose a framework")
        try t.keys("Down", "Enter")
        try t.waitFor("RACE journey · RACE · fresh.json [modified]")
        kill(try t.editorPid(), SIGHUP)
        try t.waitFor("EXIT=129")
        XCTAssertFalse(FileManager.default.fileExists(atPath: t.path("fresh.json")))
        try t.editor("fresh.json")
        try t.waitFor("were recovered. Restore them?")
        try t.keys("r")
        try t.waitFor("RACE journey · RACE · fresh.json [modified]")
        try t.keys("s")
        try t.waitFor("Saved fresh.json")
        try t.keys("q")
        try t.waitFor("EXIT=0")
        XCTAssertEqual(try jq("[.framework.id, [.stages[].name]]", t.path("fresh.json")), #"["race",["Reach","Act","Convert","Engage"]]"#)
    }

    func testTimedCopySurvivesSigkillAndCanBeKeptBeside() throws {
        let (t, file) = try openNewJourney()
        try makeThreeEdits(t)
        // A few seconds after the last edit the copy holds every edit (waited for, with a
        // deadline far beyond the 2 s delay for a loaded machine).
        let deadline = Date().addingTimeInterval(60)
        var copied = ""
        while Date() < deadline {
            if let copy = recoveryCopies(t).first { copied = try jq(".journey | [.title, .stages[0].name, [.stages[0].touchpoints[]?.name]]", copy) }
            if copied == #"["Edited title","Found us",["Welcome mail"]]"# { break }
            usleep(100_000)
        }
        XCTAssertEqual(copied, #"["Edited title","Found us",["Welcome mail"]]"#)
        kill(try t.editorPid(), SIGKILL)
        try t.waitFor("EXIT=137")

        // The killed editor's lock is stale and taken over; the copy is offered.
        try t.editor("j.json")
        try t.waitFor("were recovered. Restore them?")
        try t.keys("k")
        try t.waitFor("The recovered edits are in")
        try t.keys("q")
        try t.waitFor("EXIT=0")
        XCTAssertEqual(try summary(t.path("j.recovered.json")), #"["Edited title","Found us",["Welcome mail"]]"#)
        XCTAssertEqual(try summary(file), #"["Original","Acquisition",[]]"#)
        XCTAssertEqual(recoveryCopies(t), [])
    }

    func testSaveOfFileChangedOnDiskAsksFirst() throws {
        let (t, file) = try openNewJourney()
        func theyChangeTheTitle() throws {
            XCTAssertEqual(try sh("jq '.title = \"Theirs\"' j.json > j.new && mv j.new j.json", cwd: t.directory).status, 0)
        }
        try t.renameStage("Mine")
        try theyChangeTheTitle()
        try t.keys("s")
        try t.waitFor("j.json changed on disk since you opened it.")
        XCTAssertEqual(try summary(file), #"["Theirs","Acquisition",[]]"#)
        // Reload shows their version; undo brings the edit back, and saving it asks again.
        try t.keys("r")
        try t.waitFor("Reloaded j.json from disk (u brings your edits back; saving them asks again)")
        try t.waitFor("Theirs ·")
        try t.keys("u")
        try t.waitFor("Name        Mine")
        try t.keys("s")
        try t.waitFor("j.json changed on disk since you opened it.")
        try t.keys("c")
        try t.waitUntil("the question closed") { !$0.contains("changed on disk") }
        XCTAssertEqual(try summary(file), #"["Theirs","Acquisition",[]]"#)
        try t.keys("s")
        try t.waitFor("j.json changed on disk since you opened it.")
        try t.keys("o")
        try t.waitFor("Saved j.json")
        XCTAssertEqual(try summary(file), #"["Original","Mine",[]]"#)
        // Changed again: this time overwrite.
        try theyChangeTheTitle()
        try t.renameStage("Mine again")
        try t.keys("s")
        try t.waitFor("[m] merge  [o] overwrite  [r] reload (drops your edits)  [a] save as")
        try t.keys("o")
        try t.waitFor("Saved j.json")
        XCTAssertEqual(try summary(file), #"["Original","Mine again",[]]"#)
        try t.keys("q")
        try t.waitFor("EXIT=0")
    }

    func testSecondEditorIsToldAndCanOpenReadOnly() throws {
        let (first, file) = try openNewJourney()
        let owner = try first.editorPid()
        let host = try sh("hostname").stdout.trimmingCharacters(in: .newlines)
        XCTAssertEqual(try String(contentsOfFile: first.path(".j.json.lock"), encoding: .utf8).split(separator: "\n").first.map(String.init), "\(owner)")

        let second = try Tmux(self)
        try second.editor(Tmux.quote(file))
        try second.waitFor("Another editor has this journey open (pid \(owner) on \(host)")
        try second.keys("r")
        try second.waitFor("Read-only: another editor has this file; s saves a copy")
        try second.waitFor("j.json [read-only]")
        try second.keys("Escape")
        try second.waitUntil("the message is cleared") { !$0.contains("Read-only:") }
        try second.keys("a")
        try second.waitFor("Read-only: another editor has this file; s saves a copy")
        try second.keys("s")
        try second.waitFor("Save as")
        try second.keys("Escape")
        try second.keys("q")
        try second.waitFor("EXIT=0")
        // The first editor still holds its lock, and releases it when it quits.
        XCTAssertTrue(try String(contentsOfFile: first.path(".j.json.lock"), encoding: .utf8).hasPrefix("\(owner)\n"))
        try first.keys("q")
        try first.waitFor("EXIT=0")
        XCTAssertFalse(FileManager.default.fileExists(atPath: first.path(".j.json.lock")))
    }

    func testFailedSaveKeepsEditsInEditorAndRecoveryCopy() throws {
        let t = try Tmux(self)
        let small = t.directory.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        guard try sh("mount -t tmpfs -o size=64k tmpfs '\(small.path)'").status == 0 else { throw XCTSkip("cannot mount a tmpfs here") }
        addTeardownBlock { _ = try? sh("umount -l '\(small.path)'") }
        let file = small.appendingPathComponent("j.json").path
        XCTAssertEqual(try sh("\(bin) new \(Tmux.quote(file)) --framework race --title Full").status, 0)
        try t.editor("small/j.json")
        try t.waitFor("Reach")
        XCTAssertEqual(try sh("dd if=/dev/zero of='\(small.path)/filler' bs=1k count=64 2>/dev/null; true").status, 0)
        try t.renameStage("Kept")
        try t.keys("s")
        let screen = try t.waitFor("Not saved: write failed: the disk is full (No space left on device); edits kept (recovery copy written)")
        XCTAssertTrue(screen.contains("Name        Kept"), screen)
        XCTAssertEqual(try jq(".stages[0].name", file), #""Reach""#)
        XCTAssertEqual(try recoveryCopies(t).map { try jq(".journey.stages[0].name", $0) }, [#""Kept""#])
        // With room again the same editor saves.
        try FileManager.default.removeItem(atPath: small.path + "/filler")
        try t.keys("s")
        try t.waitFor("Saved small/j.json")
        XCTAssertEqual(try jq(".stages[0].name", file), #""Kept""#)
        try t.keys("q")
        try t.waitFor("EXIT=0")
    }
}
