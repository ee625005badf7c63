import Foundation
import XCTest

/// The real binary in a real (tmux) terminal.
final class EditorEndToEndTests: XCTestCase {
    let bin = Tmux.quote(Paths.binary)

    /// An AARRR journey with two touchpoints on Acquisition, written canonically.
    func makeJourney(_ t: Tmux, _ name: String = "coffee.json") throws -> String {
        let path = t.path(name)
        let r = try sh("""
            \(bin) new \(Tmux.quote(path)) --framework aarrr --title 'Coffee club' >/dev/null && \
            jq '.stages[0].touchpoints = [{"id": "landing-page", "name": "Landing page", "channel": "web", "model": "tech-touch"}, \
            {"id": "welcome-email", "name": "Welcome email", "channel": "email", "model": "low-touch", "owner": "Ana"}]' \
            \(Tmux.quote(path)) > \(Tmux.quote(path)).tmp && mv \(Tmux.quote(path)).tmp \(Tmux.quote(path)) && \
            \(bin) fmt \(Tmux.quote(path)) >/dev/null
            """)
        XCTAssertEqual(r.status, 0, r.stderr)
        return path
    }

    func jq(_ filter: String, _ path: String) throws -> String {
        try sh("jq -c \(Tmux.quote(filter)) \(Tmux.quote(path))").stdout
    }

    /// A copy of a sample journey from Journeys/ in the test's directory.
    func sample(_ t: Tmux, _ name: String) throws -> String {
        let path = t.path(name)
        try FileManager.default.copyItem(atPath: Paths.root.appendingPathComponent("Journeys/\(name)").path, toPath: path)
        return path
    }

    func testOpenASampleAndNavigate() throws {
        let t = try Tmux(self)
        let file = try sample(t, "retailer-loyalty-mckinsey.json")
        let title = try jq(".title", file).dropFirst().dropLast(2)
        try t.editor("retailer-loyalty-mckinsey.json")
        // The title bar shortens the framework name first when the panel tabs need the room.
        let screen = try t.waitFor("\(title) · McKinsey Cons")
        XCTAssertTrue(screen.contains("· retailer-loyalty-mckinsey.json"), screen)
        // The loyalty loop shows on both ends: where it leaves and where it returns, naming the other stage.
        XCTAssertTrue(screen.contains("↩ to Moment of pu"), screen)
        XCTAssertTrue(screen.contains("↪ from Post-purch"), screen)
        func id(_ stage: Int, _ card: Int) throws -> String {
            String(try jq(".stages[\(stage)].touchpoints[\(card)].id", file).dropFirst().dropLast(2).prefix(15))
        }
        try t.waitFor("Id          \(try id(0, 0))")
        try t.keys("j")
        try t.waitFor("Id          \(try id(0, 1))")
        try t.keys("l")
        try t.waitFor("Id          \(try id(1, 1))")
        try t.keys("Right", "G")
        let last = try Int(jq(".stages[2].touchpoints | length", file).trimmingCharacters(in: .newlines))!
        try t.waitFor("Id          \(try id(2, last - 1))")
        try t.keys("g", "k")
        try t.waitFor("Touchpoints \(last)")
        try t.keys("h", "h", "h", "j")
        try t.waitFor("Id          \(try id(0, 0))")
        try t.keys("q")
        try t.waitFor("EXIT=0")
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8),
                       try String(contentsOf: Paths.root.appendingPathComponent("Journeys/retailer-loyalty-mckinsey.json"), encoding: .utf8))
    }

    func testHorizontalScrollWithMarkers() throws {
        let t = try Tmux(self, width: 100, height: 30)
        _ = try makeJourney(t)
        try t.editor("coffee.json")
        let screen = try t.waitFor("Landing page")
        XCTAssertFalse(screen.contains("Revenue"))
        XCTAssertTrue(screen.contains("│▶"), "a marker says more stages lie right")
        try t.keys("l", "l", "l", "l")
        let right = try t.waitFor("Revenue")
        XCTAssertFalse(right.contains("Acquisition"))
        XCTAssertTrue(right.contains("◀"), "a marker says more stages lie left")
        try t.keys("h", "h", "h", "h")
        let back = try t.waitFor("Acquisition")
        XCTAssertFalse(back.contains("◀"))
        try t.keys("S-Down")
        try t.waitFor("Moved 'Landing page' down")
        try t.keys("S-Up")
        try t.waitFor("Moved 'Landing page' up")
        try t.keys("S-Right")
        try t.waitFor("Moved 'Landing page' to Activation")
        try t.keys("S-Left")
        try t.waitFor("Moved 'Landing page' to Acquisition")
        try t.keys("q")
        try t.waitFor("unsaved changes")
        try t.keys("d")
        try t.keys("q")
        try t.waitFor("EXIT=0")
    }

    func testAddTouchpointMoveItSaveQuitAndValidate() throws {
        let t = try Tmux(self)
        let file = try makeJourney(t)
        try t.editor("coffee.json")
        try t.waitFor("Landing page")
        try t.keys("a")
        try t.waitFor("New touchpoint")
        try t.type("Café welcome ✓ 欢迎")
        try t.keys("Down")
        try t.type("email")
        try t.waitFor("Filter: email")
        try t.keys("Enter", "Down", "Down", "Down", "Space")
        try t.waitFor("Filter:")
        try t.type("tech")
        try t.keys("Enter")
        try t.waitFor("Tech-touch / no-touch ▾")
        try t.keys("Enter")
        try t.waitFor("Added 'Café welcome ✓ 欢迎' to Acquisition")
        try t.keys("L")
        try t.waitFor("Moved 'Café welcome ✓ 欢迎' to Activation")
        try t.keys("s")
        try t.waitFor("Saved coffee.json")
        try t.keys("q")
        try t.waitFor("EXIT=0")
        let v = try sh("\(bin) validate \(Tmux.quote(file))")
        XCTAssertEqual(v.status, 0, v.stdout + v.stderr)
        XCTAssertEqual(try jq(".stages[1].touchpoints", file),
                       #"[{"channel":"email","id":"cafe-welcome","model":"tech-touch","name":"Café welcome ✓ 欢迎"}]"# + "\n")
        XCTAssertEqual(try jq("[.stages[0].touchpoints[].id]", file), #"["landing-page","welcome-email"]"# + "\n")
        XCTAssertEqual(try sh("\(bin) fmt --check \(Tmux.quote(file))").status, 0)
    }

    func testUndoRedoThenSave() throws {
        let t = try Tmux(self)
        let file = try makeJourney(t)
        let original = try String(contentsOfFile: file, encoding: .utf8)
        try t.editor("coffee.json")
        try t.waitFor("Landing page")
        try t.keys("L")
        try t.waitFor("Moved 'Landing page' to Activation")
        try t.keys("u")
        try t.waitFor("Undid: move 'Landing page' to Activation")
        try t.keys("C-r")
        try t.waitFor("Redid: move 'Landing page' to Activation")
        try t.keys("J")   // on Activation: nothing below, so no edit
        try t.keys("s")
        try t.waitFor("Saved coffee.json")
        try t.keys("u")
        try t.waitFor("Undid: move")
        try t.keys("s")
        try t.waitUntil("the second save") { !$0.contains("[modified]") && $0.contains("Saved coffee.json") }
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), original)
        try t.keys("C-r")
        try t.waitFor("Redid: move")
        try t.keys("C-s")
        try t.waitUntil("the third save") { !$0.contains("[modified]") && $0.contains("Saved coffee.json") }
        try t.keys("q")
        try t.waitFor("EXIT=0")
        XCTAssertEqual(try jq("[.stages[] | (.touchpoints // []) | map(.id)]", file), #"[["welcome-email"],["landing-page"],[],[],[]]"# + "\n")
    }

    func testQuitWithUnsavedChangesAsks() throws {
        let t = try Tmux(self)
        let file = try makeJourney(t)
        let original = try String(contentsOfFile: file, encoding: .utf8)
        try t.editor("coffee.json")
        try t.waitFor("Landing page")
        try t.keys("d")
        try t.waitFor("Deleted 'Landing page'")
        try t.keys("q")
        try t.waitFor("There are unsaved changes. Save them before quitting?")
        try t.keys("c")
        try t.waitUntil("the question to close") { !$0.contains("unsaved changes") }
        try t.keys("C-c")
        try t.waitFor("[s] save and quit  [d] discard and quit  [c] cancel")
        try t.keys("d")
        try t.waitFor("EXIT=0")
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), original)
    }

    func testEscNeverQuits() throws {
        let t = try Tmux(self)
        _ = try makeJourney(t)
        try t.editor("coffee.json")
        try t.waitFor("Landing page")
        try t.keys("Escape", "Escape", "e")
        try t.waitFor("Touchpoint ─")
        try t.keys("Escape", "?")
        try t.waitFor("Keys (Esc closes")
        try t.keys("Escape", "/")
        try t.keys("Escape", "Escape", "Escape")
        try t.keys("j")
        let screen = try t.waitFor("Id          welcome-email")
        XCTAssertFalse(screen.contains("EXIT="))
        try t.keys("q")
        try t.waitFor("EXIT=0")
    }

    func testResizeTo40x12AndBack() throws {
        let t = try Tmux(self)
        _ = try makeJourney(t)
        try t.editor("coffee.json")
        try t.waitFor("Landing page")
        try t.keys("j")
        try t.resize(width: 40, height: 12)
        let small = try t.waitFor("Terminal too small: 40x12 (need 60x16)")
        XCTAssertEqual(small.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count, 1, small)
        try t.resize(width: 120, height: 40)
        try t.waitFor("Id          welcome-email")
        try t.resize(width: 70, height: 20)
        try t.waitFor("Acquisition")
        try t.keys("q")
        try t.waitFor("EXIT=0")
    }

    func testCreateANewJourneyFromThePicker() throws {
        let t = try Tmux(self)
        try t.editor("fresh.json")
        try t.waitFor("New journey: choose a framework")
        try t.keys("Escape")
        try t.waitFor("Choose a framework for the new journey")
        try t.type("laer")
        try t.keys("Enter")
        try t.waitFor("press s to save it to fresh.json")
        XCTAssertFalse(FileManager.default.fileExists(atPath: t.path("fresh.json")))
        try t.keys("s")
        try t.waitFor("Saved fresh.json")
        try t.keys("q")
        try t.waitFor("EXIT=0")
        XCTAssertEqual(try sh("\(bin) validate \(Tmux.quote(t.path("fresh.json")))").status, 0)
        XCTAssertEqual(try jq("[.framework.id, [.stages[].name]]", t.path("fresh.json")), #"["laer",["Land","Adopt","Expand","Renew"]]"# + "\n")
    }

    func testNoColorRunUsesAttributesOnly() throws {
        func colourCodes(_ screen: String) -> Int {
            screen.components(separatedBy: "\u{1B}[").dropFirst().filter { seq in
                let params = seq.prefix { $0 != "m" }.split(separator: ";")
                // Foreground/background colours; 39 and 49 are the terminal's defaults.
                return params.contains { p in
                    let n = Int(p) ?? 0
                    return ((30...48).contains(n) && n != 39) || (90...107).contains(n)
                }
            }.count
        }
        let plain = try Tmux(self, environment: ["NO_COLOR": "1"])
        _ = try makeJourney(plain)
        try plain.editor("coffee.json")
        try plain.waitFor("Landing page")
        let mono = try plain.screen(escapes: true)
        XCTAssertEqual(colourCodes(mono), 0, mono)
        XCTAssertTrue(mono.contains("\u{1B}[7m") || mono.contains(";7m"), "the selection is reverse video")
        try plain.keys("q")
        try plain.waitFor("EXIT=0")

        let coloured = try Tmux(self)
        _ = try makeJourney(coloured)
        try coloured.editor("coffee.json --theme light")
        try coloured.waitFor("Landing page")
        XCTAssertGreaterThan(colourCodes(try coloured.screen(escapes: true)), 0)
    }

    func testTermUnsetUnknownOrDumbGivesOneLineAndExit74() throws {
        let t = try Tmux(self)
        _ = try makeJourney(t)
        try t.shell("env -u TERM \(bin) coffee.json")
        try t.waitFor("journeyman: TERM is not set, so the terminal type is unknown; set it (e.g. TERM=xterm-256color) to use the editor\nEXIT=74")
        try t.shell("clear; TERM=no-such-term \(bin) coffee.json")
        try t.waitFor("journeyman: cannot use the terminal type 'no-such-term' (it is not in the terminfo database); set TERM to your terminal, e.g. TERM=xterm-256color\nEXIT=74")
        try t.shell("clear; TERM=dumb \(bin) coffee.json")
        try t.waitFor("cannot move the cursor")
        try t.waitFor("EXIT=74")
    }

    func testOneFieldEditChangesOnlyThatLineInGitDiff() throws {
        let t = try Tmux(self)
        let file = try sample(t, "subscription-box-aarrr.json")
        XCTAssertEqual(try sh("git init -q && git add . && git -c user.email=t@e -c user.name=t commit -qm base", cwd: t.directory).status, 0)
        let name = String(try jq(".stages[0].touchpoints[1].name", file).dropFirst().dropLast(2))
        let id = try jq(".stages[0].touchpoints[1].id", file)
        try t.editor("subscription-box-aarrr.json")
        try t.waitFor("Id          ")
        try t.keys("j", "r", "End")
        try t.type(" v2")
        try t.keys("Enter", "s")
        try t.waitFor("Saved subscription-box-aarrr.json")
        try t.keys("q")
        try t.waitFor("EXIT=0")
        let diff = try sh("git diff --unified=0 --no-color | grep '^[-+]' | grep -v '^[-+][-+]'", cwd: t.directory).stdout
        XCTAssertEqual(diff, "-          \"name\": \"\(name)\",\n+          \"name\": \"\(name) v2\",\n")
        XCTAssertEqual(try jq(".stages[0].touchpoints[1].id", file), id, "renaming keeps the id")
    }

    func testCtrlEEditsNotesInEDITORAndComesBack() throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("jm-editor-\(UUID().uuidString).sh")
        try "#!/bin/sh\nprintf 'Call within 24h\\nThen email\\n' > \"$1\"\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        defer { try? FileManager.default.removeItem(at: script) }
        let t = try Tmux(self, environment: ["EDITOR": script.path])
        let file = try makeJourney(t)
        try t.editor("coffee.json")
        try t.waitFor("Landing page")
        try t.keys("C-e")
        try t.waitFor("Notes updated")
        try t.waitFor("Notes       Call within 24h")
        try t.keys("s")
        try t.waitFor("Saved coffee.json")
        try t.keys("q")
        try t.waitFor("EXIT=0")
        XCTAssertEqual(try jq(".stages[0].touchpoints[0].notes", file), "\"Call within 24h\\nThen email\"\n")
    }

    /// A real interactive editor reads the terminal: it must run in the foreground, and
    /// Ctrl-C inside it must not reach the journey editor.
    func testCtrlEWithInteractiveViComesBack() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/vi") else { throw XCTSkip("vi is not installed") }
        let t = try Tmux(self, environment: ["EDITOR": "vi"])
        let file = try makeJourney(t)
        try t.editor("coffee.json")
        try t.waitFor("Landing page")
        try t.keys("C-e")
        try t.waitUntil("vi shows its empty buffer") { $0.contains("~") }
        try t.keys("C-c")
        // Vim drops keys typed before it has handled the interrupt: wait for its answer to it.
        try t.waitUntil("vi has handled Ctrl-C") { $0.contains(":qa") }
        try t.keys("i")
        try t.type("Typed in vi ✓")
        try t.keys("Escape")
        try t.type(":wq")
        try t.keys("Enter")
        try t.waitFor("Notes updated")
        try t.waitFor("Notes       Typed in vi ✓")
        try t.keys("s")
        try t.waitFor("Saved coffee.json")
        try t.keys("q")
        try t.waitFor("EXIT=0")
        XCTAssertEqual(try jq(".stages[0].touchpoints[0].notes", file), "\"Typed in vi ✓\"\n")
    }

    func testSIGTERMRestoresTheTerminal() throws {
        let t = try Tmux(self)
        _ = try makeJourney(t)
        try t.editor("coffee.json")
        try t.waitFor("Landing page")
        let shellPID = try t.tmux(["display-message", "-p", "-t", "t", "#{pane_pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let child = try sh("pgrep -P \(shellPID)").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertFalse(child.isEmpty)
        XCTAssertEqual(try sh("kill -TERM \(child)").status, 0)
        let screen = try t.waitFor("EXIT=143")
        XCTAssertFalse(screen.contains("Landing page"), "the editor's screen is cleared on exit")
        let modes = try t.tmux(["display-message", "-p", "-t", "t", "#{alternate_on} #{cursor_flag}"]).stdout
        XCTAssertEqual(modes, "0 1\n", "normal screen, cursor visible")
    }

    func testFilesThatCannotBeOpened() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jm-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.json")
        let text = "{\n  \"formatVersion\": 2,\n  \"title\": \"x\",\n  \"framwork\": {}\n}\n"
        try text.write(to: bad, atomically: true, encoding: .utf8)
        let r = try runProgram(Paths.binary, [bad.path])
        XCTAssertEqual(r.status, 65, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("\(bad.path):4:3: "), r.stderr)
        XCTAssertEqual(try String(contentsOf: bad, encoding: .utf8), text, "never overwritten")
        let journey = dir.appendingPathComponent("ok.json").path
        XCTAssertEqual(try runProgram(Paths.binary, ["new", journey, "--framework", "race"]).status, 0)
        let notTTY = try runProgram(Paths.binary, [journey])
        XCTAssertEqual(notTTY.status, 74)
        XCTAssertEqual(notTTY.stderr, "journeyman: the editor needs a terminal, but standard output is not one; to check or rewrite a journey from a script use `journeyman validate` or `journeyman fmt`\n")
        let theme = try runProgram(Paths.binary, [journey, "--theme", "nope"])
        XCTAssertEqual(theme.status, 64)
        XCTAssertEqual(theme.stderr, "--theme: unknown theme 'nope'; the themes are default, light, high-contrast, monochrome\n")
    }
}
