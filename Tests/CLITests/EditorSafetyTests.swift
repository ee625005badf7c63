import Foundation
import XCTest
import JourneyKit

/// End-to-end tests of the editor under tmux: a killed editor's edits come back, a file
/// changed on disk is not overwritten silently, a second editor is told, a failed save
/// keeps the edits.
final class EditorSafetyTests: XCTestCase {
    /// One tmux server (its own socket) running editors in sessions. As in
    /// EditorLintEndToEndTests, tmux runs with stdin and stdout not ours (a server that
    /// inherits them would keep the test waiting), and the server is started detached.
    final class Tmux {
        let socket = "jm-safety-\(UUID().uuidString.prefix(8))"
        let env: [String: String]
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("jm-safety-\(UUID().uuidString)")

        init(env: [String: String]) { self.env = env }

        static func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

        @discardableResult
        func tmux(_ args: [String]) throws -> RunResult {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/bash")
            p.arguments = ["-c", "tmux -L \(socket) \(args.map(Tmux.quoted).joined(separator: " ")) > \(Tmux.quoted(scratch.path)) 2>&1"]
            p.standardInput = FileHandle.nullDevice
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            let out = (try? String(contentsOf: scratch, encoding: .utf8)) ?? ""
            return RunResult(status: p.terminationStatus, stdout: out, stderr: "")
        }

        /// Starts `journeyman args` in session `name`; the shell prints EXIT=code when it ends.
        func start(_ name: String, _ args: [String]) throws {
            let vars = env.map { "\($0.key)=\(Tmux.quoted($0.value))" }.sorted().joined(separator: " ")
            let command = "env \(vars) LANG=C.UTF-8 TERM=xterm-256color \(Tmux.quoted(Fixture.binary)) "
                + args.map(Tmux.quoted).joined(separator: " ") + "; echo EXIT=$?; sleep 600"
            let server = Process()
            server.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
            server.arguments = ["-f", "tmux", "-L", socket, "new-session", "-d", "-s", name, "-x", "110", "-y", "30", command]
            server.standardInput = FileHandle.nullDevice
            server.standardOutput = FileHandle.nullDevice
            server.standardError = FileHandle.nullDevice
            try server.run()
        }

        func keys(_ name: String, _ keys: String...) throws {
            try tmux(["send-keys", "-t", name] + keys)
        }

        func type(_ name: String, _ text: String) throws {
            try tmux(["send-keys", "-t", name, "-l", text])
        }

        func screen(_ name: String) -> String {
            (try? tmux(["capture-pane", "-p", "-t", name]).stdout) ?? ""
        }

        /// Waits until the screen shows `text`; fails the test with the screen otherwise.
        @discardableResult
        func wait(_ name: String, for text: String, timeout: Double = 15, file: StaticString = #filePath, line: UInt = #line) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if screen(name).contains(text) { return true }
                usleep(50_000)
            }
            XCTFail("the screen never showed '\(text)':\n\(screen(name))", file: file, line: line)
            return false
        }

        /// The editor's pid (the child of the session's shell).
        func editorPid(_ name: String) throws -> pid_t {
            let parent = try tmux(["display", "-p", "-t", name, "#{pane_pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let child = try shell("pgrep -P \(parent)").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            return pid_t(child.split(separator: "\n").first ?? "") ?? 0
        }

        func stop() {
            _ = try? tmux(["kill-server"])
            try? FileManager.default.removeItem(at: scratch)
        }
    }

    var dir: URL!
    var tmux: Tmux!
    var path: String { dir.appendingPathComponent("j.json").path }
    var state: String { dir.appendingPathComponent("state").path }

    override func setUpWithError() throws {
        guard try shell("command -v tmux").status == 0 else { throw XCTSkip("tmux is not installed") }
        dir = Fixture.tempDir(self)
        tmux = Tmux(env: ["XDG_STATE_HOME": dir.appendingPathComponent("state").path, "HOME": dir.path])
        addTeardownBlock { [tmux] in tmux?.stop() }
        XCTAssertEqual(try journeyman("new", path, "--framework", "aarrr", "--title", "Original").status, 0)
    }

    /// Renames the first stage, adds a touchpoint to it and changes the journey's title.
    func makeThreeEdits(_ name: String) throws {
        try tmux.keys(name, "r")
        tmux.wait(name, for: "Rename: Stage")
        try tmux.keys(name, "C-u")
        try tmux.type(name, "Found us")
        try tmux.keys(name, "Enter")
        tmux.wait(name, for: "Found us")
        try tmux.keys(name, "a")
        tmux.wait(name, for: "New touchpoint")
        try tmux.type(name, "Welcome mail")
        try tmux.keys(name, "Enter")
        tmux.wait(name, for: "Added 'Welcome mail'")
        try tmux.keys(name, "p")
        tmux.wait(name, for: "Journey properties")
        try tmux.keys(name, "C-u")
        try tmux.type(name, "Edited title")
        try tmux.keys(name, "Enter")
        tmux.wait(name, for: "Edited title ·")
    }

    func summary(_ file: String) throws -> String {
        let j = try JourneyFile.read(file).journey
        return "\(j.title) | \(j.stages[0].name) | \(j.stages[0].touchpoints.map(\.name))"
    }

    func testSigtermWithUnsavedEditsIsRecoveredOnReopen() throws {
        try tmux.start("a", [path])
        tmux.wait("a", for: "Acquisition")
        try makeThreeEdits("a")
        // At once, before the timed copy: the signal itself must write it.
        kill(try tmux.editorPid("a"), SIGTERM)
        tmux.wait("a", for: "EXIT=143")
        XCTAssertEqual(try summary(path), "Original | Acquisition | []")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".j.json.lock").path))

        try tmux.start("b", [path])
        tmux.wait("b", for: "were recovered. Restore them?")
        try tmux.keys("b", "r")
        tmux.wait("b", for: "Restored the unsaved edits")
        XCTAssertTrue(tmux.screen("b").contains("Edited title · AARRR (\"pirate metrics\") · j.json [modified]"), tmux.screen("b"))
        try tmux.keys("b", "s")
        tmux.wait("b", for: "Saved \(path)")
        try tmux.keys("b", "q")
        tmux.wait("b", for: "EXIT=0")
        XCTAssertEqual(try summary(path), "Edited title | Found us | [\"Welcome mail\"]")
        // A clean save removed the copy; the quit removed the lock.
        XCTAssertNil(Recovery(for: path, environment: ["XDG_STATE_HOME": state]).pending())
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".j.json.lock").path))
    }

    func testTimedCopySurvivesSigkillAndCanBeKeptBeside() throws {
        try tmux.start("a", [path])
        tmux.wait("a", for: "Acquisition")
        try makeThreeEdits("a")
        let recovery = Recovery(for: path, environment: ["XDG_STATE_HOME": state])
        let deadline = Date().addingTimeInterval(10)
        while recovery.pending()?.journey.title != "Edited title" && Date() < deadline { usleep(100_000) }
        XCTAssertEqual(recovery.pending()?.journey.title, "Edited title", "no recovery copy a few seconds after the edits")
        kill(try tmux.editorPid("a"), SIGKILL)
        tmux.wait("a", for: "EXIT=137")

        // The stale lock of the killed editor is taken over; the copy is offered.
        try tmux.start("b", [path])
        tmux.wait("b", for: "were recovered. Restore them?")
        try tmux.keys("b", "k")
        tmux.wait("b", for: "The recovered edits are in")
        try tmux.keys("b", "q")
        tmux.wait("b", for: "EXIT=0")
        XCTAssertEqual(try summary(dir.appendingPathComponent("j.recovered.json").path), "Edited title | Found us | [\"Welcome mail\"]")
        XCTAssertEqual(try summary(path), "Original | Acquisition | []")
        XCTAssertNil(recovery.pending())
    }

    func testSaveOfFileChangedOnDiskAsksFirst() throws {
        try tmux.start("a", [path])
        tmux.wait("a", for: "Acquisition")
        try tmux.keys("a", "r")
        tmux.wait("a", for: "Rename: Stage")
        try tmux.keys("a", "C-u")
        try tmux.type("a", "Mine")
        try tmux.keys("a", "Enter")
        tmux.wait("a", for: "Mine")
        // Someone else saves the journey meanwhile.
        var theirs = try JourneyFile.read(path).journey
        theirs.title = "Theirs"
        try JourneyFile.write(theirs, to: path)
        try tmux.keys("a", "s")
        tmux.wait("a", for: "changed on disk since you opened it. Overwrite it with your version?")
        XCTAssertEqual(try summary(path), "Theirs | Acquisition | []")
        // Reload shows their version; undo brings the edit back; overwrite saves it.
        try tmux.keys("a", "r")
        tmux.wait("a", for: "Reloaded")
        XCTAssertTrue(tmux.screen("a").contains("Theirs ·"), tmux.screen("a"))
        try tmux.keys("a", "u")
        tmux.wait("a", for: "Mine")
        try tmux.keys("a", "s")
        tmux.wait("a", for: "Saved \(path)")
        XCTAssertEqual(try summary(path), "Original | Mine | []")
        try JourneyFile.write(theirs, to: path)
        try tmux.keys("a", "r")
        tmux.wait("a", for: "Rename: Stage")
        try tmux.keys("a", "C-u")
        try tmux.type("a", "Mine again")
        try tmux.keys("a", "Enter")
        try tmux.keys("a", "s")
        tmux.wait("a", for: "Overwrite it with your version?")
        try tmux.keys("a", "o")
        tmux.wait("a", for: "Saved \(path)")
        XCTAssertEqual(try summary(path), "Original | Mine again | []")
    }

    func testSecondEditorIsToldAndCanOpenReadOnly() throws {
        try tmux.start("a", [path])
        tmux.wait("a", for: "Acquisition")
        let owner = try tmux.editorPid("a")
        try tmux.start("b", [path])
        tmux.wait("b", for: "Another editor has this journey open (pid \(owner) on \(LockFile.hostName)")
        try tmux.keys("b", "r")
        tmux.wait("b", for: "Read-only: s saves under another name")
        try tmux.keys("b", "s")
        tmux.wait("b", for: "Save as")
        try tmux.keys("b", "Escape")
        try tmux.keys("b", "q")
        tmux.wait("b", for: "EXIT=0")
        // The first editor still holds its lock.
        XCTAssertEqual(LockFile.owner(of: path)?.pid, owner)
        try tmux.keys("a", "q")
        tmux.wait("a", for: "EXIT=0")
        XCTAssertNil(LockFile.owner(of: path))
    }

    func testFailedSaveKeepsEditsInEditorAndRecoveryCopy() throws {
        let small = dir.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        guard try shell("mount -t tmpfs -o size=64k tmpfs '\(small.path)'").status == 0 else { throw XCTSkip("cannot mount a tmpfs here") }
        addTeardownBlock { _ = try? shell("umount -l '\(small.path)'") }
        let file = small.appendingPathComponent("j.json").path
        XCTAssertEqual(try journeyman("new", file, "--framework", "race", "--title", "Full").status, 0)
        try tmux.start("a", [file])
        tmux.wait("a", for: "Reach")
        _ = try shell("dd if=/dev/zero of='\(small.path)/filler' bs=1k count=64 2>/dev/null; true")
        try tmux.keys("a", "r")
        tmux.wait("a", for: "Rename: Stage")
        try tmux.keys("a", "C-u")
        try tmux.type("a", "Kept")
        try tmux.keys("a", "Enter")
        try tmux.keys("a", "s")
        tmux.wait("a", for: "Not saved: ")
        XCTAssertTrue(tmux.screen("a").contains("Not saved: write failed: the disk is full (No space left on device); edits kept (recovery copy written)"),
                      tmux.screen("a"))
        XCTAssertTrue(tmux.screen("a").contains("Kept"), tmux.screen("a"))
        XCTAssertEqual(Recovery(for: file, environment: ["XDG_STATE_HOME": state]).pending()?.journey.stages[0].name, "Kept")
        XCTAssertEqual(try JourneyFile.read(file).journey.stages[0].name, "Reach")
        // With room again the same editor saves.
        try FileManager.default.removeItem(atPath: small.path + "/filler")
        try tmux.keys("a", "s")
        tmux.wait("a", for: "Saved \(file)")
        XCTAssertEqual(try JourneyFile.read(file).journey.stages[0].name, "Kept")
        try tmux.keys("a", "q")
        tmux.wait("a", for: "EXIT=0")
    }
}
