import Foundation
import XCTest

/// The editor against a hostile user and a second editor, in a real (tmux) terminal:
/// links and folders planted by another user (`nobody`, through setpriv), a lock taken
/// over, a file changed under a reload, a recovery folder that cannot be written. Each
/// test is one case of issue 10's "cases that lose edits or write where they must not".
final class EditorHostileEndToEndTests: XCTestCase {
    let bin = Tmux.quote(Paths.binary)

    /// Runs a shell command as the user `nobody`; skips when this is not root.
    func asNobody(_ command: String, cwd: String) throws {
        guard geteuid() == 0 else { throw XCTSkip("needs root to act as another user (nobody)") }
        let r = try sh("cd \(Tmux.quote(cwd)) && setpriv --reuid=nobody --regid=nogroup --clear-groups sh -c \(Tmux.quote(command))")
        XCTAssertEqual(r.status, 0, "as nobody: \(command): \(r.stderr)")
    }

    func makeJourney(_ path: String, title: String = "Original") throws {
        let r = try sh("\(bin) new \(Tmux.quote(path)) --framework aarrr --title \(Tmux.quote(title))")
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    /// FNV-1a 64 in hex, as recovery copy names use for the journey's path.
    func pathKey(_ path: String) -> String {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in path.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return String(h, radix: 16)
    }

    /// Files (not folders) under `dir`, recursively, relative paths sorted.
    func files(under dir: String) -> [String] {
        let e = FileManager.default.enumerator(atPath: dir)
        var out: [String] = []
        while let name = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + name, isDirectory: &isDir), !isDir.boolValue { out.append(name) }
        }
        return out.sorted()
    }

    func mode(_ path: String) -> Int {
        var st = stat()
        guard lstat(path, &st) == 0 else { return -1 }
        return Int(st.st_mode & 0o7777)
    }

    func owner(_ path: String) -> uid_t {
        var st = stat()
        guard lstat(path, &st) == 0 else { return uid_t.max }
        return st.st_uid
    }

    /// Case 1: another user swaps the open journey for a symbolic link to a file of
    /// someone else's; the save asks, and even an explicit overwrite never writes through
    /// the link.
    func testSaveNeverWritesThroughALinkSwappedInAfterOpening() throws {
        let t = try Tmux(self, width: 200)
        let shared = t.path("shared")
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        chmod(shared, 0o777)
        let victim = t.path("passwd")
        try "root:x:0:0:root:/root:/bin/bash\n".write(toFile: victim, atomically: false, encoding: .utf8)
        try makeJourney(shared + "/j.json")
        try t.editor("shared/j.json")
        try t.waitFor("Acquisition")
        try t.renameStage("Mine")
        try asNobody("mv j.json moved.json && ln -s \(Tmux.quote(victim)) j.json", cwd: shared)
        try t.keys("s")
        try t.waitFor("shared/j.json changed on disk since you opened it.")
        try t.keys("o")
        try t.waitFor("Not saved: is now a symbolic link to \(victim) (it was not one when opened); not written through it; edits kept (recovery copy written)")
        XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "root:x:0:0:root:/root:/bin/bash\n")
        XCTAssertEqual(FileFingerprintLink.target(shared + "/j.json"), victim)
        try t.keys("q")
        try t.waitFor("Save them before quitting?")
        try t.keys("d")
        try t.waitFor("EXIT=0")
    }

    /// Cases 2 and 8: with HOME and XDG_STATE_HOME unset the fallback folder is
    /// `$TMPDIR/journeyman-UID/recovery`; another user who made it (open to all, with a
    /// link planted at the copy's name) gets neither the edits nor a write through the link:
    /// the copy goes to a private folder of its own, the user is told, and it is offered
    /// after a SIGTERM.
    func testRecoveryFolderTakenOverByAnotherUserIsRefused() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("jm-tmp-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        chmod(tmp, 0o1777)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: tmp) }
        let t = try Tmux(self, width: 250, environment: ["HOME": "", "TMPDIR": tmp])
        let file = t.path("j.json")
        try makeJourney(file)
        let victim = t.path("victim.txt")
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        chmod(victim, 0o666)
        let name = "j.json-\(pathKey(file)).recovery"
        try asNobody("mkdir -p journeyman-\(getuid())/recovery && chmod 0777 journeyman-\(getuid()) journeyman-\(getuid())/recovery && : > journeyman-\(getuid())/recovery/spy && chmod 0666 journeyman-\(getuid())/recovery/spy && ln -s \(Tmux.quote(victim)) journeyman-\(getuid())/recovery/\(name)", cwd: tmp)
        try t.editor("j.json")
        try t.waitFor("Acquisition")
        try t.renameStage("Secret plan")
        let screen = try t.waitFor("Recovery copies go to \(tmp)/journeyman-\(getuid())-")
        XCTAssertTrue(screen.contains("belongs to user 65534, not to you (\(getuid()))"), screen)
        XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "precious\n")
        XCTAssertEqual(files(under: tmp + "/journeyman-\(getuid())/recovery"), [name, "spy"].sorted())
        XCTAssertEqual(try String(contentsOfFile: tmp + "/journeyman-\(getuid())/recovery/spy", encoding: .utf8), "")
        // The copy is in a private folder of this user's, readable by nobody else.
        let mine = try FileManager.default.contentsOfDirectory(atPath: tmp).filter { $0.hasPrefix("journeyman-\(getuid())-") }
        XCTAssertEqual(mine.count, 1)
        let folder = tmp + "/" + mine[0]
        XCTAssertEqual(mode(folder), 0o700)
        XCTAssertEqual(owner(folder), getuid())
        let copies = files(under: folder)
        XCTAssertEqual(copies.count, 1)
        XCTAssertEqual(mode(folder + "/" + copies[0]), 0o600)
        XCTAssertEqual(try jq(".journey.stages[0].name", folder + "/" + copies[0]), #""Secret plan""#)
        kill(try t.editorPid(), SIGTERM)
        try t.waitFor("EXIT=143")
        try t.editor("j.json")
        try t.waitFor("were recovered. Restore them?")
        try t.keys("r")
        try t.waitFor("Name        Secret plan")
        try t.keys("q")
        try t.waitFor("Save them before quitting?")
        try t.keys("d")
        try t.waitFor("EXIT=0")
        XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "precious\n")
    }

    /// Case 8: while no recovery copy can be written anywhere, the title bar says so on
    /// every frame (not a message the next key clears).
    func testNoWritableRecoveryFolderKeepsATitleBarMarker() throws {
        let t = try Tmux(self, environment: ["HOME": "", "XDG_STATE_HOME": "/proc/self/none", "TMPDIR": "/proc/self/none"])
        try makeJourney(t.path("j.json"))
        try t.editor("j.json")
        try t.waitFor("Acquisition")
        try t.renameStage("Unprotected")
        try t.waitFor("Recovery copy not written: no folder can take a recovery copy")
        try t.keys("l")
        try t.waitUntil("the message cleared, the marker kept") { !$0.contains("Recovery copy not written") && $0.contains("j.json [modified] [no recovery copy]") }
        try t.keys("q")
        try t.waitFor("Save them before quitting?")
        try t.keys("s")
        try t.waitFor("EXIT=0")
        XCTAssertEqual(try jq(".stages[0].name", t.path("j.json")), #""Unprotected""#)
    }

    /// Case 8: an unwritable XDG_STATE_HOME falls back to a private folder; the copy is
    /// written and offered after a SIGTERM.
    func testUnwritableStateFolderFallsBack() throws {
        let t = try Tmux(self, width: 250)
        let state = t.path("state")
        try "not a folder".write(toFile: state, atomically: false, encoding: .utf8)
        try makeJourney(t.path("j.json"))
        let run = "clear; HOME= TMPDIR=\(Tmux.quote(t.directory.path)) XDG_STATE_HOME=\(Tmux.quote(state)) \(bin) j.json"
        try t.shell(run)
        try t.waitFor("Acquisition")
        try t.renameStage("Kept anyway")
        let screen = try t.waitFor("Recovery copies go to \(t.directory.path)/journeyman-\(getuid())/recovery: cannot create the folder \(state)/journeyman: Not a directory")
        XCTAssertFalse(screen.contains("[no recovery copy]"), screen)
        kill(try t.editorPid(), SIGTERM)
        try t.waitFor("EXIT=143")
        try t.shell(run)
        try t.waitFor("were recovered. Restore them?")
        try t.keys("r")
        try t.waitFor("Name        Kept anyway")
        try t.keys("s")
        try t.waitFor("Saved j.json")
        try t.keys("q")
        try t.waitFor("EXIT=0")
    }

    /// Case 3: "keep both" never follows a `NAME.recovered.json` link planted by another
    /// user: it takes the next free name and reports a file that exists.
    func testKeepBothNeverFollowsAPlantedLink() throws {
        let t = try Tmux(self)
        let shared = t.path("shared")
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        chmod(shared, 0o777)
        try FileManager.default.createDirectory(atPath: t.path("elsewhere"), withIntermediateDirectories: true)
        chmod(t.path("elsewhere"), 0o777)
        try makeJourney(shared + "/j.json")
        try t.editor("shared/j.json")
        try t.waitFor("Acquisition")
        try t.renameStage("Recovered")
        kill(try t.editorPid(), SIGTERM)
        try t.waitFor("EXIT=143")
        try asNobody("ln -s ../elsewhere/planted.json j.recovered.json", cwd: shared)
        try t.editor("shared/j.json")
        try t.waitFor("were recovered. Restore them?")
        try t.keys("k")
        try t.waitFor("The recovered edits are in \(shared)/j.recovered-2.json")
        XCTAssertFalse(FileManager.default.fileExists(atPath: t.path("elsewhere/planted.json")))
        XCTAssertEqual(try jq(".stages[0].name", shared + "/j.recovered-2.json"), #""Recovered""#)
        XCTAssertEqual(FileFingerprintLink.target(shared + "/j.recovered.json"), "../elsewhere/planted.json")
        try t.keys("q")
        try t.waitFor("EXIT=0")
    }

    /// Case 4: Esc on a question takes its safe answer, and the question says which: the
    /// lock question opens read-only, the recovery question keeps the copy for later.
    func testEscapeOnQuestionsTakesTheSafeAnswer() throws {
        let first = try Tmux(self)
        let file = first.path("j.json")
        try makeJourney(file)
        try first.editor("j.json")
        try first.waitFor("Acquisition")
        let owner = try first.editorPid()

        let second = try Tmux(self)
        try second.editor(Tmux.quote(file))
        let question = try second.waitFor("Another editor has this journey open (pid \(owner)")
        XCTAssertTrue(question.contains("[r] open read-only  [t] take over  [q] quit  (Esc: open read-only)"), question)
        try second.keys("Escape")
        try second.waitFor("j.json [read-only]")
        try second.keys("a")
        try second.waitFor("Read-only: another editor has this file; s saves a copy")
        try second.keys("s")
        try second.waitFor("Save as")
        try second.keys("Escape", "q")
        try second.waitFor("EXIT=0")
        XCTAssertTrue(try String(contentsOfFile: first.path(".j.json.lock"), encoding: .utf8).hasPrefix("\(owner)\n"))

        // The recovery question: Esc keeps the copy, and the next opening asks again.
        try first.renameStage("Unsaved")
        kill(owner, SIGTERM)
        try first.waitFor("EXIT=143")
        try first.editor("j.json")
        let recovered = try first.waitFor("were recovered. Restore them?")
        XCTAssertTrue(recovered.contains("(Esc: later (keep the copy))"), recovered)
        try first.keys("Escape")
        try first.waitFor("The recovery copy is kept for the next opening")
        try first.keys("q")
        try first.waitFor("EXIT=0")
        try first.editor("j.json")
        try first.waitFor("were recovered. Restore them?")
        try first.keys("r")
        try first.waitFor("Name        Unsaved")
        try first.keys("q", "d")
        try first.waitFor("EXIT=0")
    }

    /// Case 5: B takes A's lock over while A has unsaved edits. A notices at its next
    /// tick, says so and turns read-only; each editor writes its own copy; B's quit leaves
    /// A's copy alone; after a SIGTERM to A its edits are offered at the next opening.
    func testTakeOverKeepsTheFirstEditorsEdits() throws {
        let a = try Tmux(self, width: 250)
        let file = a.path("j.json")
        try makeJourney(file)
        try a.editor("j.json")
        try a.waitFor("Acquisition")
        try a.renameStage("From A")
        let recovery = a.path(".local/state/journeyman/recovery")
        try a.waitUntil(timeout: 15, "A's timed copy") { _ in self.files(under: recovery).count == 1 }

        // B shares A's HOME, as the same user in another terminal would.
        let b = try Tmux(self, environment: ["HOME": a.directory.path])
        try b.editor(Tmux.quote(file))
        try b.waitFor("Another editor has this journey open")
        try b.keys("t")
        try b.waitFor("You now hold the lock on")
        let told = try a.waitFor("took over the lock: read-only now; your edits are kept in \(recovery)/")
        XCTAssertTrue(told.contains("j.json [modified] [read-only]"), told)
        try b.renameStage("From B")
        try b.waitUntil(timeout: 15, "B's own copy beside A's") { _ in self.files(under: recovery).count == 2 }
        try b.keys("q")
        try b.waitFor("Save them before quitting?")
        try b.keys("d")
        try b.waitFor("EXIT=0")
        XCTAssertEqual(files(under: recovery).count, 1, "B's quit removed only B's copy")
        kill(try a.editorPid(), SIGTERM)
        try a.waitFor("EXIT=143")
        try a.editor("j.json")
        try a.waitFor("were recovered. Restore them?")
        try a.keys("r")
        try a.waitFor("Name        From A")
        try a.keys("s")
        try a.waitFor("Saved j.json")
        try a.keys("q")
        try a.waitFor("EXIT=0")
        XCTAssertEqual(try jq(".stages[0].name", file), #""From A""#)
        XCTAssertEqual(files(under: recovery), [])
    }

    /// Case 6: reload, undo, save asks again instead of dropping their change; merge
    /// keeps both sides; a conflict is listed and the journey stays unsaved.
    func testUndoAfterReloadAsksAndMergeKeepsBothSides() throws {
        let t = try Tmux(self)
        let file = t.path("j.json")
        try makeJourney(file)
        try t.editor("j.json")
        try t.waitFor("Acquisition")
        func theyChange(_ filter: String) throws {
            XCTAssertEqual(try sh("jq '\(filter)' j.json > j.new && mv j.new j.json", cwd: t.directory).status, 0)
        }
        try t.renameStage("Mine")
        try theyChange(".title = \"Theirs\"")
        try t.keys("s")
        try t.waitFor("[m] merge  [o] overwrite  [r] reload (drops your edits)")
        try t.keys("r")
        try t.waitFor("Reloaded j.json from disk (u brings your edits back; saving them asks again)")
        try t.keys("u")
        try t.waitFor("Name        Mine")
        try t.keys("s")
        try t.waitFor("j.json changed on disk since you opened it.")
        XCTAssertEqual(try jq("[.title, .stages[0].name]", file), #"["Theirs","Acquisition"]"#)
        try t.keys("m")
        try t.waitFor("Merged the changes on disk into yours: s saves the result (u undoes)")
        try t.keys("s")
        try t.waitFor("Saved j.json")
        XCTAssertEqual(try jq("[.title, .stages[0].name]", file), #"["Theirs","Mine"]"#)

        // Both change the same field: the conflict is listed, ours kept, nothing saved.
        try t.renameStage("Ours again")
        try theyChange(".stages[0].name = \"Their name\" | .stages[1].name = \"Their second\"")
        try t.keys("s")
        try t.waitFor("[m] merge")
        try t.keys("m")
        try t.waitUntil("the conflict listed") { $0.contains("Merged with 1 conflict; your side was kept in each,") && $0.contains("• .stages[0].name") }
        try t.keys("o")
        try t.waitFor("j.json [modified]")
        XCTAssertEqual(try jq("[.stages[0].name, .stages[1].name]", file), #"["Their name","Their second"]"#)
        try t.keys("s")
        try t.waitFor("Saved j.json")
        XCTAssertEqual(try jq("[.stages[0].name, .stages[1].name]", file), #"["Ours again","Their second"]"#)
        try t.keys("q")
        try t.waitFor("EXIT=0")
    }

    /// Case 7: a recovery copy that cannot be read is not dropped: the editor says why,
    /// moves it aside and names where; a clean save does not delete it.
    func testUnreadableRecoveryCopyIsKeptAsideAndNamed() throws {
        let t = try Tmux(self, width: 250)
        let file = t.path("j.json")
        try makeJourney(file)
        let recovery = t.path(".local/state/journeyman/recovery")
        try FileManager.default.createDirectory(atPath: recovery, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let name = "j.json-\(pathKey(file)).recovery"
        try #"{"file": "\#(file)", "journey": {"#.write(toFile: recovery + "/" + name, atomically: false, encoding: .utf8)
        try t.editor("j.json")
        try t.waitFor("A recovery copy of this journey was not read: it is damaged (not JSON); it is kept as \(recovery)/\(name).unreadable")
        try t.renameStage("Saved over")
        try t.keys("s")
        try t.waitFor("Saved j.json")
        try t.keys("q")
        try t.waitFor("EXIT=0")
        XCTAssertEqual(files(under: recovery), [name + ".unreadable"])
        XCTAssertEqual(try String(contentsOfFile: recovery + "/" + name + ".unreadable", encoding: .utf8), #"{"file": "\#(file)", "journey": {"#)
    }

    /// Case 9: a dangling `.NAME.lock` link (not a lock this program wrote) is stale: it
    /// is replaced by a real lock, and its target is never created.
    func testDanglingLockLinkIsReplaced() throws {
        let t = try Tmux(self)
        try makeJourney(t.path("j.json"))
        XCTAssertEqual(symlink(t.path("nowhere/lock"), t.path(".j.json.lock")), 0)
        try t.editor("j.json")
        let screen = try t.waitFor("Acquisition")
        XCTAssertFalse(screen.contains("Another editor"), screen)
        let pid = try t.editorPid()
        XCTAssertNil(FileFingerprintLink.target(t.path(".j.json.lock")))
        XCTAssertTrue(try String(contentsOfFile: t.path(".j.json.lock"), encoding: .utf8).hasPrefix("\(pid)\n"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: t.path("nowhere")))
        try t.keys("q")
        try t.waitFor("EXIT=0")
        XCTAssertFalse(FileManager.default.fileExists(atPath: t.path(".j.json.lock")))
    }

    /// Case 10: the text handed to $EDITOR is in a private folder, readable by the user only.
    func testExternalEditorFileIsPrivate() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("jm-ed-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: scratch) }
        let report = scratch + "/modes"
        let script = scratch + "/editor.sh"
        try "#!/bin/sh\nstat -c '%a %U' \"$1\" \"$(dirname \"$1\")\" > \(Tmux.quote(report))\nprintf 'Private notes' > \"$1\"\n".write(toFile: script, atomically: false, encoding: .utf8)
        chmod(script, 0o755)
        let t = try Tmux(self, environment: ["EDITOR": script])
        try makeJourney(t.path("j.json"))
        try t.editor("j.json")
        try t.waitFor("Acquisition")
        try t.keys("a")
        try t.waitFor("New touchpoint")
        try t.type("Mail")
        try t.keys("Enter")
        try t.waitFor("Added 'Mail'")
        try t.keys("C-e")
        try t.waitFor("Notes updated")
        let me = ProcessInfo.processInfo.userName
        XCTAssertEqual(try String(contentsOfFile: report, encoding: .utf8), "600 \(me)\n700 \(me)\n")
        try t.keys("q", "d")
        try t.waitFor("EXIT=0")
    }
}

/// Where a symbolic link points (as written), or nil when `path` is not one.
enum FileFingerprintLink {
    static func target(_ path: String) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: path)
    }
}
