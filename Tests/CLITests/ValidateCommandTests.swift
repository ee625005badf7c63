import XCTest

/// `journeyman validate`: exact stderr and exit code for each kind of bad input.
final class ValidateCommandTests: XCTestCase {
    private let good = #"{"formatVersion": 3, "title": "T", "framework": {"id": "aarrr"}, "stages": [{"id": "acq", "name": "Acquisition", "touchpoints": [{"id": "ad", "name": "Ad", "channel": "email", "cohorts": ["new"]}]}], "cohorts": [{"id": "new", "name": "New"}]}"#

    /// Writes `text` as `name` in a fresh directory and validates it from there.
    private func validate(_ name: String, _ text: String) throws -> RunResult {
        let dir = Fixture.tempDir(self)
        try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        return try journeyman("validate", name, cwd: dir)
    }

    private func mutated(_ a: String, _ b: String) -> String {
        precondition(good.contains(a))
        return good.replacingOccurrences(of: a, with: b) + "\n"
    }

    func testValidFile() throws {
        XCTAssertEqual(try validate("ok.json", good), RunResult(status: 0, stdout: "ok.json: valid (1 stages, 1 touchpoints, 1 cohorts)\n", stderr: ""))
    }

    func testMissingComma() throws {
        XCTAssertEqual(try validate("x.json", "{\n  \"formatVersion\": 2\n  \"title\": \"x\"\n}\n"), RunResult(status: 65, stdout: "", stderr: """
            x.json:3:3: missing ',' before this key; add one after the previous value
             3 |   "title": "x"
               |   ^

            """))
    }

    func testTrailingGarbage() throws {
        XCTAssertEqual(try validate("x.json", good + " x\n"), RunResult(status: 65, stdout: "", stderr: """
            x.json:1:244: unexpected 'x' after the end of the JSON value; a journey file holds exactly one object
             1 | …s": ["new"]}]}], "cohorts": [{"id": "new", "name": "New"}]} x
               |                                                              ^

            """))
    }

    func testTruncatedFile() throws {
        XCTAssertEqual(try validate("x.json", "{\n  \"formatVersion\": 2,\n  \"stages\": [\n    {\"id\": \"a"), RunResult(status: 65, stdout: "", stderr: """
            x.json:4:11: unterminated string (it starts here and runs to the end of the file)
             4 |     {"id": "a
               |            ^

            """.replacingOccurrences(of: "x.json:4:11:", with: "x.json:4:12:")))
        XCTAssertEqual(try validate("y.json", "{\n  \"formatVersion\": 2,\n  \"stages\": [\n"), RunResult(status: 65, stdout: "", stderr: """
            y.json:4:1: unexpected end of file inside the array opened at line 3, column 13; the file may be truncated

            """))
    }

    func testEmptyFile() throws {
        XCTAssertEqual(try validate("x.json", ""), RunResult(status: 65, stdout: "", stderr: """
            x.json:1:1: the file is empty; a journey is a JSON object (journeyman new FILE --framework ID makes one)

            """))
    }

    func testUnknownKeyWithSuggestion() throws {
        XCTAssertEqual(try validate("x.json", mutated("\"channel\"", "\"chanel\"")), RunResult(status: 65, stdout: "", stderr: """
            x.json:1:157: .stages[0].touchpoints[0].chanel: unknown key "chanel" in a touchpoint; did you mean "channel"?
             1 | …: "Acquisition", "touchpoints": [{"id": "ad", "name": "Ad", "chanel": "email", "cohorts": ["new"]}]}…
               |                                                              ^

            """))
    }

    func testWrongType() throws {
        XCTAssertEqual(try validate("x.json", mutated("\"title\": \"T\"", "\"title\": 42")), RunResult(status: 65, stdout: "", stderr: """
            x.json:1:31: .title: expected a string, found a number
             1 | {"formatVersion": 3, "title": 42, "framework": {"id": "aarrr"}, "stages": [{"id": "acq", "name": "Ac…
               |                               ^

            """))
    }

    func testBadEnum() throws {
        XCTAssertEqual(try validate("x.json", mutated("\"channel\": \"email\"", "\"channel\": \"fax\"")).stderr.split(separator: "\n").first,
                       "x.json:1:168: .stages[0].touchpoints[0].channel: \"fax\" is not a valid channel (one of: email, push, sms, in-app, whatsapp, web, social, paid-ads, search, support-chat, phone, events, direct-mail, packaging, community, sales-call)")
        let r = try validate("y.json", mutated("\"id\": \"aarrr\"", "\"id\": \"aarr\""))
        XCTAssertEqual(r.status, 65)
        XCTAssertEqual(r.stderr.split(separator: "\n").first,
                       "y.json:1:56: .framework.id: unknown framework \"aarr\"; did you mean \"aarrr\"? Built-in: aarrr, race, aida, laer, mckinsey-cdj; for your own, add \"custom\": true and a \"name\"")
    }

    func testDuplicateID() throws {
        XCTAssertEqual(try validate("x.json", mutated("\"id\": \"ad\"", "\"id\": \"acq\"")), RunResult(status: 65, stdout: "", stderr: """
            x.json:1:137: .stages[0].touchpoints[0].id: duplicate id "acq"; it is already used by .stages[0].id at 1:84; ids must be unique in the journey
             1 | …{"id": "acq", "name": "Acquisition", "touchpoints": [{"id": "acq", "name": "Ad", "channel": "email",…
               |                                                              ^

            """))
    }

    func testDanglingCohortReference() throws {
        XCTAssertEqual(try validate("x.json", mutated("[\"new\"]", "[\"gone\"]")), RunResult(status: 65, stdout: "", stderr: """
            x.json:1:189: .stages[0].touchpoints[0].cohorts[0]: no cohort has the id "gone"; add it under "cohorts" or remove the reference
             1 | …[{"id": "ad", "name": "Ad", "channel": "email", "cohorts": ["gone"]}]}], "cohorts": [{"id": "new", "…
               |                                                              ^

            """))
    }

    func testFutureFormatVersion() throws {
        XCTAssertEqual(try validate("x.json", mutated("\"formatVersion\": 3", "\"formatVersion\": 7")), RunResult(status: 65, stdout: "", stderr: """
            x.json:1:19: .formatVersion: format version 7 is newer than this journeyman reads (3); upgrade journeyman to open it
             1 | {"formatVersion": 7, "title": "T", "framework": {"id": "aarrr"}, "stages": [{"id": "acq", "name": "A…
               |                   ^

            """))
    }

    func testFileNotFound() throws {
        let dir = Fixture.tempDir(self)
        XCTAssertEqual(try journeyman("validate", "missing.json", cwd: dir),
                       RunResult(status: 66, stdout: "", stderr: "missing.json: no such file; check the path\n"))
    }

    func testDirectoryGivenAsFile() throws {
        let dir = Fixture.tempDir(self)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("journeys"), withIntermediateDirectories: true)
        XCTAssertEqual(try journeyman("validate", "journeys", cwd: dir),
                       RunResult(status: 66, stdout: "", stderr: "journeys: is a directory, not a journey file\n"))
    }

    func testSeveralFilesReportEachAndExitWithTheFirstFailure() throws {
        let dir = Fixture.tempDir(self)
        try Data(good.utf8).write(to: dir.appendingPathComponent("a.json"))
        XCTAssertEqual(try journeyman("validate", "gone.json", "a.json", cwd: dir), RunResult(
            status: 66, stdout: "a.json: valid (1 stages, 1 touchpoints, 1 cohorts)\n", stderr: "gone.json: no such file; check the path\n"))
        XCTAssertEqual(try journeyman("validate", "--quiet", "a.json", cwd: dir), RunResult(status: 0, stdout: "", stderr: ""))
    }

    func testNoFileIsAUsageError() throws {
        let r = try journeyman("validate")
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.hasPrefix("Error: Missing expected argument '<FILE> ...'\n"), r.stderr)
    }

    func testOversizedFileIsRefused() throws {
        let dir = Fixture.tempDir(self)
        try Data(good.utf8).write(to: dir.appendingPathComponent("a.json"))
        XCTAssertEqual(try journeyman("validate", "--max-bytes", "100", "a.json", cwd: dir), RunResult(
            status: 65, stdout: "", stderr: "a.json: the file is 242 bytes, more than the limit of 100 bytes; raise it with --max-bytes if the file is genuine\n"))
    }
}
