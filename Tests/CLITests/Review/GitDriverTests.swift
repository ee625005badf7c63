import Foundation
import XCTest

/// `journeyman diff` and `journeyman merge` as git's diff and merge drivers, in real repositories.
final class GitDriverTests: XCTestCase {
    var repo: URL!
    var env: [String: String] = [:]

    override func setUpWithError() throws {
        repo = Fixture.tempDir(self)
        env = ["HOME": repo.path, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.com",
               "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_PAGER": "cat", "PAGER": "cat"]
        try git("init -q -b main")
    }

    @discardableResult
    func git(_ args: String, status: Int32? = 0) throws -> RunResult {
        let r = try shell("git " + args, cwd: repo, env: env)
        if let status { XCTAssertEqual(r.status, status, "git \(args)\n\(r.description)") }
        return r
    }

    /// The README's setup lines, with the built binary's path.
    func setUpDrivers() throws {
        try shell("echo '*.json diff=journeyman merge=journeyman' >> .gitattributes", cwd: repo)
        let bin = Fixture.binary
        try git("config diff.journeyman.command \"'\(bin)' diff\"")
        try git("config merge.journeyman.driver \"'\(bin)' merge %O %A %B --name %P\"")
    }

    func write(_ json: String, _ name: String = "journey.json") throws {
        try Data(json.utf8).write(to: repo.appendingPathComponent(name))
    }

    func read(_ name: String = "journey.json") throws -> String {
        try String(contentsOf: repo.appendingPathComponent(name), encoding: .utf8)
    }

    func fixture(_ name: String) throws -> String {
        try String(contentsOfFile: ReviewFixture.path(name), encoding: .utf8)
    }

    /// The coffee journey with `edit` applied by jq.
    func edited(_ edit: String, from json: String? = nil) throws -> String {
        let r = try runProcess("/usr/bin/env", ["jq", "-S", "--indent", "2", edit], stdin: json ?? fixture("coffee"))
        XCTAssertEqual(r.status, 0, r.description)
        return r.stdout
    }

    /// A JSON file that is not a journey gets git's plain diff, with nothing said about it.
    func testGitDiffShowsTheSemanticDiff() throws {
        try setUpDrivers()
        try write(try fixture("coffee"))
        try write("{\"not\": \"a journey\"}\n", "other.json")
        try git("add -A")
        try git("commit -qm base")
        try write(try fixture("coffee-edited"))
        try write("{\"not\": \"a journey any more\"}\n", "other.json")
        let r = try git("diff")
        let expected = try String(contentsOf: Golden.directory.appendingPathComponent("Review/coffee.diff.txt"), encoding: .utf8)
        XCTAssertEqual(r.stdout, """
            journeyman diff a/journey.json b/journey.json
            \(expected)journeyman diff a/other.json b/other.json
            --- a/other.json
            +++ b/other.json
            @@ -1 +1 @@
            -{"not": "a journey"}
            +{"not": "a journey any more"}

            """)
        // The text diff is still there when asked for.
        XCTAssertTrue(try git("diff --no-ext-diff").stdout.contains("-  \"title\": \"Bean Club: coffee subscription\"\n+  \"title\": \"Bean Club\"\n"))
    }

    /// A new journey shows in brief: its title, framework and counts.
    func testGitDiffOfANewJourneyIsABrief() throws {
        try setUpDrivers()
        try git("commit -q --allow-empty -m empty")
        try write(try fixture("coffee"))
        try git("add -A")
        XCTAssertEqual(try git("diff --cached -- journey.json").stdout, """
            journeyman diff a/journey.json b/journey.json
            journey added: "Bean Club: coffee subscription" (framework mckinsey-cdj, 4 stages, 7 touchpoints, 2 cohorts)

            """)
    }

    /// Two branches edit different touchpoints of one stage and each adds a touchpoint at its end.
    func makeBranches() throws {
        try write(try fixture("coffee"))
        try git("add -A")
        try git("commit -qm base")
        try git("checkout -qb theirs")
        try write(try edited(#".stages[3].touchpoints[1].status = "planned" | .stages[3].touchpoints += [{"id": "theirs-survey", "name": "Taste survey", "channel": "email"}]"#))
        try git("commit -qam theirs")
        try git("checkout -q main")
        try write(try edited(#".stages[3].touchpoints[0].owner = "Packaging team" | .stages[3].touchpoints += [{"id": "ours-gift", "name": "Gift card", "channel": "packaging"}]"#))
        try git("commit -qam ours")
    }

    func testWithoutTheDriverGitConflictsTextually() throws {
        try makeBranches()
        let r = try git("merge theirs", status: 1)
        XCTAssertTrue(r.stdout.contains("CONFLICT (content): Merge conflict in journey.json"), r.description)
        XCTAssertTrue(try read().contains("<<<<<<<"))
    }

    func testWithTheDriverTheMergeIsCleanValidAndCanonical() throws {
        try setUpDrivers()
        try makeBranches()
        let r = try git("merge -q --no-edit theirs")
        XCTAssertEqual(r.stderr, "")
        let merged = try read()
        XCTAssertEqual(merged, try edited(#".stages[3].touchpoints[0].owner = "Packaging team" | .stages[3].touchpoints[1].status = "planned" | .stages[3].touchpoints += [{"id": "ours-gift", "name": "Gift card", "channel": "packaging"}, {"id": "theirs-survey", "name": "Taste survey", "channel": "email"}]"#))
        // jq reads it back to the same bytes: the merged file is canonical.
        XCTAssertEqual(try runProcess("/usr/bin/env", ["jq", "-S", "--indent", "2", "."], stdin: merged).stdout, merged)
        XCTAssertEqual(try journeyman("validate", "-q", repo.appendingPathComponent("journey.json").path).status, 0)
    }

    func testATrueConflictLeavesAValidJourneyAndListsThePath() throws {
        try setUpDrivers()
        try write(try fixture("coffee"))
        try git("add -A")
        try git("commit -qm base")
        try git("checkout -qb theirs")
        try write(try edited(#".stages[2].touchpoints[0].owner = "Shop team" | .stages[0].goal = "Be known""#))
        try git("commit -qam theirs")
        try git("checkout -q main")
        try write(try edited(#".stages[2].touchpoints[0].owner = "Web team""#))
        try git("commit -qam ours")
        let r = try git("merge --no-edit theirs", status: 1)
        XCTAssertTrue(r.stderr.contains("""
            journey.json:140:20: .stages[2].touchpoints[0].owner: conflict: both sides changed owner: ours "Web team", theirs "Shop team"; kept ours
            journey.json: 1 conflict; the merged journey is valid; review the paths above
            """), r.description)
        XCTAssertTrue(r.stdout.contains("CONFLICT (content): Merge conflict in journey.json"), r.description)
        XCTAssertEqual(try read(), try edited(#".stages[2].touchpoints[0].owner = "Web team" | .stages[0].goal = "Be known""#))
        XCTAssertEqual(try journeyman("validate", "-q", repo.appendingPathComponent("journey.json").path).status, 0)
    }

    /// During a conflict git calls the external diff with the path alone, then with the seven
    /// arguments: `git diff --theirs` and the like say the path is unmerged and show the semantic diff.
    func testGitDiffDuringAConflict() throws {
        try setUpDrivers()
        try write(try fixture("coffee"))
        try git("add -A")
        try git("commit -qm base")
        try git("checkout -qb theirs")
        try write(try edited(#".stages[2].touchpoints[0].owner = "Shop team""#))
        try git("commit -qam theirs")
        try git("checkout -q main")
        try write(try edited(#".stages[2].touchpoints[0].owner = "Web team""#))
        try git("commit -qam ours")
        try git("merge --no-edit theirs", status: 1)
        let unmerged = "* Unmerged path journey.json\n"
        let againstTheirs = unmerged + """
            journeyman diff a/journey.json b/journey.json
            Touchpoints
              ~ touchpoint checkout owner: "Shop team" -> "Web team"

            """
        let againstBase = unmerged + """
            journeyman diff a/journey.json b/journey.json
            Touchpoints
              ~ touchpoint checkout owner: "E-commerce" -> "Web team"

            """
        for (option, expected) in [("--theirs", againstTheirs), ("-3", againstTheirs), ("--base", againstBase), ("-1", againstBase),
                                   ("--ours", unmerged), ("-2", unmerged), ("--cached", unmerged)] {
            let r = try git("diff " + option)
            XCTAssertEqual(r, RunResult(status: 0, stdout: expected, stderr: ""), option)
        }
        // Outside git, one file is still a usage error.
        let alone = try journeyman("diff", repo.appendingPathComponent("journey.json").path)
        XCTAssertEqual(alone.status, 64)
        XCTAssertTrue(alone.stderr.hasPrefix("Error: give two journey files: OLD NEW\n"), alone.stderr)
    }

    func testMergeOfFilesThatAreNotJourneysFallsBackToTextMerge() throws {
        let dir = Fixture.tempDir(self)
        let base = dir.appendingPathComponent("base.json"), ours = dir.appendingPathComponent("ours.json"), theirs = dir.appendingPathComponent("theirs.json")
        try Data("{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n}\n".utf8).write(to: base)
        try Data("{\n  \"a\": 10,\n  \"b\": 2,\n  \"c\": 3\n}\n".utf8).write(to: ours)
        try Data("{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 30\n}\n".utf8).write(to: theirs)
        let r = try journeyman("merge", base.path, ours.path, theirs.path)
        XCTAssertEqual(r.status, 0, r.description)
        XCTAssertTrue(r.stderr.hasSuffix("merged as plain text by `git merge-file`\n"), r.stderr)
        XCTAssertEqual(try String(contentsOf: ours, encoding: .utf8), "{\n  \"a\": 10,\n  \"b\": 2,\n  \"c\": 30\n}\n")
    }
}
