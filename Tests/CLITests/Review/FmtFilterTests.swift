import Foundation
import XCTest

/// `fmt -` as a filter (format-on-save, git's clean filter) and `fmt --check --diff`.
final class FmtFilterTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = Fixture.tempDir(self)
    }

    func coffee(_ edit: String = ".") throws -> String {
        let r = try runProcess("/usr/bin/env", ["jq", "-S", "--indent", "2", edit, ReviewFixture.path("coffee")])
        XCTAssertEqual(r.status, 0, r.description)
        return r.stdout
    }

    func write(_ text: String, _ name: String) throws {
        try Data(text.utf8).write(to: dir.appendingPathComponent(name))
    }

    func testStdinToStdout() throws {
        let canonical = try coffee()
        let indented = try runProcess("/usr/bin/env", ["jq", "--indent", "4", "."], stdin: canonical).stdout
        XCTAssertEqual(try journeyman("fmt", "-", stdin: indented), RunResult(status: 0, stdout: canonical, stderr: ""))
        XCTAssertEqual(try journeyman("fmt", "--check", "-", stdin: indented), RunResult(status: 1, stdout: "", stderr: ""))
        XCTAssertEqual(try journeyman("fmt", "--check", "-", stdin: canonical), RunResult(status: 0, stdout: "", stderr: ""))
        // A broken journey writes nothing to stdout, so an editor keeps its buffer.
        XCTAssertEqual(try journeyman("fmt", "-", stdin: "{\n"), RunResult(status: 65, stdout: "", stderr: """
            <stdin>:2:1: unexpected end of file inside the object opened at line 1, column 1; the file may be truncated

            """))
        XCTAssertEqual(try journeyman("fmt", "-", "x.json").status, 64)
    }

    /// The diff is what `diff -u` prints for the file and its canonical form: names and line numbers.
    func testCheckDiffIsAUnifiedDiff() throws {
        let canonical = try coffee(".title = \"Y\"")
        try write(canonical.replacingOccurrences(of: "\"goal\": ", with: "\"goal\":"), "spaced.json")
        try write(String(canonical.dropLast()), "no-newline.json")
        for name in ["spaced.json", "no-newline.json"] {
            try write(canonical, "canonical.json")
            let r = try journeyman("fmt", "--check", "--diff", name, cwd: dir)
            let expected = try shell("diff -u --label a/\(name) --label b/\(name) \(name) canonical.json", cwd: dir)
            XCTAssertEqual(expected.status, 1)
            XCTAssertEqual(r, RunResult(status: 1, stdout: expected.stdout, stderr: ""), name)
        }
        XCTAssertEqual(try journeyman("fmt", "--diff", "no-newline.json", cwd: dir).stdout, """
            --- a/no-newline.json
            +++ b/no-newline.json
            @@ -206,4 +206,4 @@
                 "people": 8
               },
               "title": "Y"
            -}
            \\ No newline at end of file
            +}

            """)
        // Nothing was written, and a canonical file prints nothing.
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("no-newline.json"), encoding: .utf8), String(canonical.dropLast()))
        XCTAssertEqual(try journeyman("fmt", "--check", "--diff", "canonical.json", cwd: dir), RunResult(status: 0, stdout: "", stderr: ""))
    }

    /// A reindented file's diff applies with `git apply` and gives the canonical text.
    func testDiffAppliesWithGitApply() throws {
        let canonical = try coffee()
        try write(try runProcess("/usr/bin/env", ["jq", "--indent", "4", "."], stdin: canonical).stdout, "wide.json")
        let r = try journeyman("fmt", "--diff", "wide.json", cwd: dir)
        XCTAssertEqual(r.status, 1)
        try write(r.stdout, "fix.diff")
        let apply = try shell("git apply --unsafe-paths fix.diff", cwd: dir)
        XCTAssertEqual(apply.status, 0, apply.description)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("wide.json"), encoding: .utf8), canonical)
    }
}
