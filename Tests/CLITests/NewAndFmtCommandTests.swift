import JourneyKit
import XCTest

final class NewAndFmtCommandTests: XCTestCase {
    func testNewMcKinseyWritesTheFourStagesAndTheLoyaltyLoop() throws {
        let dir = Fixture.tempDir(self)
        XCTAssertEqual(try journeyman("new", "x.json", "--framework", "mckinsey-cdj", cwd: dir), RunResult(
            status: 0, stdout: "x.json: created a McKinsey Consumer Decision Journey journey with 4 stages\n", stderr: ""))
        let text = try String(contentsOf: dir.appendingPathComponent("x.json"), encoding: .utf8)
        XCTAssertEqual(text, """
            {
              "formatVersion": 3,
              "framework": {
                "id": "mckinsey-cdj"
              },
              "loops": [
                {
                  "from": "post-purchase-experience",
                  "id": "loyalty-loop",
                  "label": "Loyalty loop",
                  "to": "purchase"
                }
              ],
              "stages": [
                {
                  "id": "initial-consideration",
                  "level": "aware",
                  "name": "Initial consideration"
                },
                {
                  "id": "active-evaluation",
                  "level": "aware",
                  "name": "Active evaluation"
                },
                {
                  "id": "purchase",
                  "level": "aware",
                  "name": "Purchase"
                },
                {
                  "id": "post-purchase-experience",
                  "level": "invested",
                  "name": "Post-purchase experience"
                }
              ],
              "title": "McKinsey Consumer Decision Journey"
            }

            """)
        XCTAssertEqual(try shell("jq -S --indent 2 . x.json | cmp - x.json", cwd: dir).status, 0)
        XCTAssertEqual(try journeyman("fmt", "--check", "x.json", cwd: dir), RunResult(status: 0, stdout: "", stderr: ""))
    }

    func testNewRefusesToOverwrite() throws {
        let dir = Fixture.tempDir(self)
        try Data("keep me".utf8).write(to: dir.appendingPathComponent("x.json"))
        XCTAssertEqual(try journeyman("new", "x.json", "--framework", "aarrr", cwd: dir), RunResult(
            status: 73, stdout: "",
            stderr: "x.json: already exists; journeyman new never overwrites a file (choose another name, or open it with `journeyman x.json`)\n"))
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("x.json"), encoding: .utf8), "keep me")
    }

    func testNewUnknownFrameworkIsAUsageError() throws {
        let dir = Fixture.tempDir(self)
        let r = try journeyman("new", "x.json", "--framework", "aida2", cwd: dir)
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.hasPrefix("Error: unknown framework 'aida2'; did you mean 'aida'? Choose one of: aarrr, race, aida, laer, mckinsey-cdj, custom\n"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.json").path))
    }

    func testNewCustomFramework() throws {
        let dir = Fixture.tempDir(self)
        let r = try journeyman("new", "c.json", "--framework", "custom", "--name", "Awareness to advocacy", "--stages",
                               "Awareness, Consideration,Purchase,Retention,Advocacy", "--title", "Gym", cwd: dir)
        XCTAssertEqual(r, RunResult(status: 0, stdout: "c.json: created a Awareness to advocacy journey with 5 stages\n", stderr: ""))
        let ids = try shell("jq -c '[.framework, [.stages[].id], .title]' c.json", cwd: dir).stdout
        XCTAssertEqual(ids, #"[{"custom":true,"id":"awareness-to-advocacy","name":"Awareness to advocacy"},["awareness","consideration","purchase","retention","advocacy"],"Gym"]"# + "\n")
        let missing = try journeyman("new", "d.json", "--framework", "custom", "--name", "X", cwd: dir)
        XCTAssertEqual(missing.status, 64)
        XCTAssertTrue(missing.stderr.hasPrefix("Error: --framework custom needs --stages"), missing.stderr)
    }

    /// The reader refuses blank titles and names, so `new` never writes one.
    func testNewRefusesABlankTitleOrName() throws {
        let dir = Fixture.tempDir(self)
        let file = dir.appendingPathComponent("j.json").path
        let title = try journeyman("new", file, "--framework", "aarrr", "--title", "\u{3000}\n")
        XCTAssertEqual(title.status, 64, title.description)
        XCTAssertTrue(title.stderr.contains("--title cannot be blank; leave it out for the framework's default title"), title.stderr)
        let name = try journeyman("new", file, "--framework", "custom", "--name", "\n", "--stages", "A,\u{A0},B")
        XCTAssertEqual(name.status, 64, name.description)
        XCTAssertTrue(name.stderr.contains("--framework custom needs --name"), name.stderr)
        let made = try journeyman("new", file, "--framework", "custom", "--name", "Mine", "--stages", "A,\u{A0},\u{3000},B")
        XCTAssertEqual(made.status, 0, made.description)
        XCTAssertEqual(try JourneyFile.read(file).journey.stages.map(\.name), ["A", "B"])
    }

    func testNewIntoMissingDirectoryCannotCreate() throws {
        let dir = Fixture.tempDir(self)
        let r = try journeyman("new", "no/such/dir/x.json", "--framework", "aida", cwd: dir)
        XCTAssertEqual(r, RunResult(status: 73, stdout: "",
                                    stderr: "no/such/dir/x.json: the folder no/such/dir does not exist\n"))
    }

    func testFmtRewritesCanonicallyAndCheckReports() throws {
        let dir = Fixture.tempDir(self)
        let compact = #"{"title":"T","formatVersion":3,"framework":{"id":"race"},"stages":[{"name":"Reach","id":"reach","dropOff":40.50}]}"#
        try Data(compact.utf8).write(to: dir.appendingPathComponent("j.json"))
        XCTAssertEqual(try journeyman("fmt", "--check", "j.json", cwd: dir),
                       RunResult(status: 1, stdout: "j.json: not canonical; run `journeyman fmt j.json`\n", stderr: ""))
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("j.json"), encoding: .utf8), compact)
        XCTAssertEqual(try journeyman("fmt", "j.json", cwd: dir), RunResult(status: 0, stdout: "j.json: formatted\n", stderr: ""))
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("j.json"), encoding: .utf8), """
            {
              "formatVersion": 3,
              "framework": {
                "id": "race"
              },
              "stages": [
                {
                  "dropOff": 40.5,
                  "id": "reach",
                  "name": "Reach"
                }
              ],
              "title": "T"
            }

            """)
        XCTAssertEqual(try journeyman("fmt", "--check", "j.json", cwd: dir), RunResult(status: 0, stdout: "", stderr: ""))
    }

    /// One rule for every command over several files (CLI.combine): a file that cannot be
    /// read outranks findings, whichever comes first; the first such file decides.
    func testFmtUnreadableFilesOutrankNotCanonicalOnes() throws {
        let dir = Fixture.tempDir(self)
        try Data(#"{"title":"T","formatVersion":3,"framework":{"id":"race"},"stages":[]}"#.utf8).write(to: dir.appendingPathComponent("j.json"))
        XCTAssertEqual(try journeyman("fmt", "--check", "j.json", "missing.json", cwd: dir), RunResult(status: 66,
            stdout: "j.json: not canonical; run `journeyman fmt j.json`\n", stderr: "missing.json: no such file; check the path\n"))
        XCTAssertEqual(try journeyman("fmt", "--check", "missing.json", "j.json", cwd: dir), RunResult(status: 66,
            stdout: "j.json: not canonical; run `journeyman fmt j.json`\n", stderr: "missing.json: no such file; check the path\n"))
        try Data("[]".utf8).write(to: dir.appendingPathComponent("bad.json"))
        let r = try journeyman("validate", "bad.json", "missing.json", cwd: dir)
        XCTAssertEqual(r.status, 65, r.description)
    }

    func testFmtMigratesFormatOne() throws {
        let dir = Fixture.tempDir(self)
        try Data(#"{"formatVersion": 1, "title": "T", "framework": "aarrr", "stages": []}"#.utf8).write(to: dir.appendingPathComponent("old.json"))
        XCTAssertEqual(try journeyman("fmt", "old.json", cwd: dir), RunResult(status: 0, stdout: "old.json: formatted (format 1 -> 3)\n", stderr: ""))
        XCTAssertEqual(try shell("jq -c . old.json", cwd: dir).stdout, #"{"formatVersion":3,"framework":{"id":"aarrr"},"stages":[],"title":"T"}"# + "\n")
    }

    func testFmtNeverWritesAnInvalidFile() throws {
        let dir = Fixture.tempDir(self)
        let bad = "{\"formatVersion\": 2, \"title\": \"T\",}"
        try Data(bad.utf8).write(to: dir.appendingPathComponent("bad.json"))
        let r = try journeyman("fmt", "bad.json", cwd: dir)
        XCTAssertEqual(r.status, 65)
        XCTAssertEqual(r.stderr.split(separator: "\n").first, "bad.json:1:35: trailing comma before '}'; remove the comma")
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("bad.json"), encoding: .utf8), bad)
    }

    func testFmtKeepsPermissions() throws {
        let dir = Fixture.tempDir(self)
        let path = dir.appendingPathComponent("j.json").path
        try Data(#"{"title":"T","formatVersion":3,"framework":{"id":"race"},"stages":[]}"#.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        XCTAssertEqual(try journeyman("fmt", "j.json", cwd: dir).status, 0)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        XCTAssertEqual(leftovers, ["j.json"])
    }
}
