import XCTest

/// Whole outputs of summary, diff and export compared with golden files.
final class ReviewGoldenTests: XCTestCase {
    /// The fixtures and, once they exist, two of the samples in Journeys/.
    var journeys: [(name: String, path: String)] {
        var out = [("coffee", ReviewFixture.path("coffee"))]
        for sample in ["retailer-loyalty-mckinsey", "subscription-box-aarrr"] {
            let url = Fixture.root.appendingPathComponent("Journeys/\(sample).json")
            if FileManager.default.fileExists(atPath: url.path) { out.append((sample, url.path)) }
        }
        return out
    }

    func output(_ args: [String], status: Int32 = 0, env: [String: String] = [:]) throws -> String {
        // A fixed day, so the review-age lint rule gives the same highlights every day.
        let fixed = ["summary", "export"].contains(args.first ?? "") ? ["--today", "2026-11-22"] : []
        let r = try journeyman(arguments: args + fixed, env: env)
        XCTAssertEqual(r.status, status, r.description)
        XCTAssertEqual(r.stderr, "", r.description)
        return r.stdout
    }

    func testSummaryText() throws {
        for (name, path) in journeys {
            for width in [40, 80, 120] {
                Golden.check(try output(["summary", path, "--width", "\(width)"]), "Review/\(name).summary-\(width).txt")
            }
            Golden.check(try output(["summary", path, "--ascii"]), "Review/\(name).summary-ascii.txt")
        }
    }

    func testSummaryMarkdownIsAlsoTheMarkdownExport() throws {
        for (name, path) in journeys {
            let md = try output(["summary", path, "--format", "markdown"])
            Golden.check(md, "Review/\(name).summary.md")
            XCTAssertEqual(try output(["export", path, "--format", "markdown"]), md)
        }
    }

    func testSummaryWidthComesFromColumnsThenDefaultsTo80() throws {
        let path = ReviewFixture.path("coffee")
        XCTAssertEqual(try output(["summary", path], env: ["COLUMNS": "40"]), try output(["summary", path, "--width", "40"]))
        XCTAssertEqual(try output(["summary", path], env: ["COLUMNS": "junk"]), try output(["summary", path, "--width", "80"]))
        XCTAssertEqual(try output(["summary", path, "--width", "120"], env: ["COLUMNS": "40"]), try output(["summary", path, "--width", "120"]))
        let bad = try journeyman("summary", path, "--width", "9")
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("--width must be at least 10"), bad.stderr)
    }

    func testExports() throws {
        for (name, path) in journeys {
            Golden.check(try output(["export", path, "--format", "mermaid"]), "Review/\(name).journey.mmd")
            Golden.check(try output(["export", path, "--format", "mermaid", "--flowchart"]), "Review/\(name).flowchart.mmd")
            Golden.check(try output(["export", path, "--format", "csv"]), "Review/\(name).csv")
            Golden.check(try output(["export", path, "--format", "dot"]), "Review/\(name).dot")
        }
    }

    func testDiff() throws {
        let old = ReviewFixture.path("coffee"), new = ReviewFixture.path("coffee-edited")
        Golden.check(try output(["diff", old, new], status: 1), "Review/coffee.diff.txt")
        Golden.check(try output(["diff", old, new, "--format", "markdown"], status: 1), "Review/coffee.diff.md")
        Golden.check(try output(["diff", old, new, "--format", "json"], status: 1), "Review/coffee.diff.json")
        XCTAssertEqual(try journeyman("diff", old, old), RunResult(status: 0, stdout: "", stderr: ""))
        XCTAssertEqual(try journeyman("diff", "--format", "json", old, old), RunResult(status: 0, stdout: "{\n  \"changes\": [],\n  \"equal\": true\n}\n", stderr: ""))
    }

    /// Colour when git's pager shows the diff, never with NO_COLOR; a format upgrade is named.
    func testDiffColourAndFormatUpgrade() throws {
        let old = ReviewFixture.path("coffee"), new = ReviewFixture.path("coffee-edited")
        let git = ["GIT_DIFF_PATH_COUNTER": "1", "GIT_DIFF_PATH_TOTAL": "1", "GIT_PAGER_IN_USE": "true"]
        let args = ["journey.json", old, "0000000", "100644", new, "0000000", "100644"]
        let coloured = try journeyman(arguments: ["diff"] + args, env: git)
        XCTAssertEqual(coloured.stdout.split(separator: "\n").prefix(3).map(String.init),
                       ["journeyman diff a/journey.json b/journey.json", "\u{1B}[1mJourney\u{1B}[0m",
                        "  \u{1B}[33m~ title: \"Bean Club: coffee subscription\" -> \"Bean Club\"\u{1B}[0m"])
        var plain = git
        plain["NO_COLOR"] = "1"
        XCTAssertEqual(try journeyman(arguments: ["diff"] + args, env: plain).stdout,
                       "journeyman diff a/journey.json b/journey.json\n" + (try output(["diff", old, new], status: 1)))
        let dir = Fixture.tempDir(self)
        let v1 = dir.appendingPathComponent("v2.json").path
        // Format 2 wrote the team in words; migrating gives the fixture's numbers back.
        let r = try runProcess("/usr/bin/env", ["jq", "-S", "--indent", "2", #".formatVersion = 2 | .team = {"budget": "low", "capacity": "medium"}"#, old])
        try Data(r.stdout.utf8).write(to: URL(fileURLWithPath: v1))
        XCTAssertEqual(try journeyman("diff", v1, old), RunResult(status: 1, stdout: "Journey\n  ~ format upgraded: 2 -> 3\n", stderr: ""))
    }

    func testExportWritesTheOutputFileAtomically() throws {
        let dir = Fixture.tempDir(self)
        let out = dir.appendingPathComponent("coffee.dot").path
        let r = try journeyman("export", ReviewFixture.path("coffee"), "--format", "dot", "-o", out)
        XCTAssertEqual(r, RunResult(status: 0, stdout: "", stderr: ""))
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), try output(["export", ReviewFixture.path("coffee"), "--format", "dot"]))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["coffee.dot"])
        let missing = try journeyman("export", ReviewFixture.path("coffee"), "--format", "csv", "-o", dir.appendingPathComponent("no/such/dir/x.csv").path)
        XCTAssertEqual(missing.status, 73, missing.description)
        let flow = try journeyman("export", ReviewFixture.path("coffee"), "--format", "csv", "--flowchart")
        XCTAssertEqual(flow.status, 64, flow.description)
    }

    func testMissingAndInvalidInputsGiveTheirExitCodes() throws {
        let dir = Fixture.tempDir(self)
        let missing = dir.appendingPathComponent("missing.json").path
        let coffee = ReviewFixture.path("coffee")
        XCTAssertEqual(try journeyman("diff", coffee, missing).status, 66)
        XCTAssertEqual(try journeyman("summary", missing).status, 66)
        XCTAssertEqual(try journeyman("export", missing, "--format", "csv").status, 66)
        let ours = dir.appendingPathComponent("ours.json")
        try FileManager.default.copyItem(atPath: coffee, toPath: ours.path)
        let r = try journeyman("merge", missing, ours.path, coffee)
        XCTAssertEqual(r.status, 66, r.description)
        XCTAssertEqual(try String(contentsOf: ours, encoding: .utf8), try String(contentsOfFile: coffee, encoding: .utf8))
        XCTAssertEqual(try journeyman("diff", coffee).status, 64)
    }
}
