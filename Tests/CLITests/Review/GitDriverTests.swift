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
            journey.json:152:20: .stages[2].touchpoints[0].owner: conflict: both sides changed owner: ours (main) "Web team", theirs "Shop team"; kept ours
            journey.json: 1 conflict recorded in "conflicts"; the merged journey is valid; resolve each and delete its entry (validate and lint fail until then)
            """), r.description)
        XCTAssertTrue(r.stdout.contains("CONFLICT (content): Merge conflict in journey.json"), r.description)
        // The losing side stays in the file, with both values and the branch names.
        XCTAssertEqual(try read(), try edited(#".stages[2].touchpoints[0].owner = "Web team" | .stages[0].goal = "Be known" | .conflicts = [{"base": "E-commerce", "id": "conflict-1", "message": "both sides changed owner: ours (main) \"Web team\", theirs \"Shop team\"; kept ours", "ours": "Web team", "oursLabel": "main", "path": ".stages[2].touchpoints[0].owner", "theirs": "Shop team", "theirsLabel": "theirs"}]"#))
        // After `git add` and the commit, validate and lint still fail, at the entry.
        try git("add journey.json")
        try git("commit -qm merged")
        let path = repo.appendingPathComponent("journey.json").path
        let validate = try journeyman("validate", "-q", path)
        XCTAssertEqual(validate.status, 65)
        XCTAssertEqual(validate.stderr.split(separator: "\n").first.map(String.init), path + #":28:5: .conflicts[0]: unresolved merge conflict "conflict-1" at .stages[2].touchpoints[0].owner: both sides changed owner: ours (main) "Web team", theirs "Shop team"; kept ours [base "E-commerce", main "Web team", theirs "Shop team"]; keep the value you want at .stages[2].touchpoints[0].owner and delete this entry"#)
        let lint = try journeyman("lint", "--format", "github", "journey.json", cwd: repo, env: ["GITHUB_WORKSPACE": ""])
        XCTAssertEqual(lint.status, 65)
        XCTAssertEqual(lint.stdout, #"::error file=journey.json,line=28,col=5,title=unresolved merge conflict::.conflicts[0]: unresolved merge conflict "conflict-1" at .stages[2].touchpoints[0].owner: both sides changed owner: ours (main) "Web team", theirs "Shop team"; kept ours [base "E-commerce", main "Web team", theirs "Shop team"]; keep the value you want at .stages[2].touchpoints[0].owner and delete this entry"# + "\n")
        // The diff of the merge shows the conflict.
        XCTAssertTrue(try git("diff HEAD~1 HEAD -- journey.json").stdout.contains(#"+ conflict conflict-1 added at position 1: path ".stages[2].touchpoints[0].owner", message "both sides changed owner"#))
        // Resolved: take the value and delete the entry; everything passes again.
        try write(try edited(#".stages[2].touchpoints[0].owner = "Shop team" | .stages[0].goal = "Be known""#))
        XCTAssertEqual(try journeyman("validate", "-q", path).status, 0)
    }

    /// In a rebase "ours" is the upstream: the labels say so, and a note explains "kept ours".
    func testRebaseConflictNamesTheSides() throws {
        try setUpDrivers()
        try write(try fixture("coffee"))
        try git("add -A")
        try git("commit -qm base")
        try git("checkout -qb feature")
        try write(try edited(#".stages[2].touchpoints[0].owner = "Shop team""#))
        try git("commit -qam mine")
        try git("checkout -q main")
        try write(try edited(#".stages[2].touchpoints[0].owner = "Web team""#))
        try git("commit -qam upstream")
        let onto = String(try git("rev-parse --short=7 HEAD").stdout.prefix(7))
        try git("checkout -q feature")
        let r = try git("rebase main", status: 1)
        XCTAssertTrue(r.stderr.contains("""
            journey.json:152:20: .stages[2].touchpoints[0].owner: conflict: both sides changed owner: ours (upstream \(onto)) "Web team", theirs (your commit on feature) "Shop team"; kept ours
            journey.json: 1 conflict recorded in "conflicts"; the merged journey is valid; resolve each and delete its entry (validate and lint fail until then)
            journey.json: note: this is a rebase: ours is the upstream you rebase onto, theirs is your own commit being replayed, so "kept ours" kept the upstream's value
            """), r.description)
        // `git add` and `rebase --continue` keep the developer's value in the file, in "conflicts".
        try git("add journey.json")
        try shell("GIT_EDITOR=true git rebase --continue", cwd: repo, env: env)
        let merged = try read()
        XCTAssertTrue(merged.contains(#""theirs": "Shop team""#) && merged.contains(#""theirsLabel": "your commit on feature""#), merged)
        XCTAssertEqual(try journeyman("validate", "-q", repo.appendingPathComponent("journey.json").path).status, 65)
    }

    /// Other JSON files pass through the merge driver silently, with conflict markers named after the sides.
    func testNonJourneysMergeSilentlyWithNamedMarkers() throws {
        try setUpDrivers()
        try write("{\"a\": 1}\n", "other.json")
        try git("add -A")
        try git("commit -qm base")
        try git("checkout -qb feature")
        try write("{\"a\": 2}\n", "other.json")
        try git("commit -qam theirs")
        try git("checkout -q main")
        try write("{\"a\": 3}\n", "other.json")
        try git("commit -qam ours")
        let r = try git("merge --no-edit feature", status: 1)
        XCTAssertEqual(r.stderr, "")
        XCTAssertEqual(try read("other.json"), "<<<<<<< main\n{\"a\": 3}\n=======\n{\"a\": 2}\n>>>>>>> feature\n")
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
        // The working file carries the conflict, so every side's diff shows it.
        let conflict = """
            Conflicts
              + conflict conflict-1 added at position 1: path ".stages[2].touchpoints[0].owner", message "both sides changed owner: ours (main) \\"Web team\\", theirs \\"Shop team\\"; kept ours"

            """
        let header = "journeyman diff a/journey.json b/journey.json\n"
        let againstTheirs = unmerged + header + """
            Touchpoints
              ~ touchpoint checkout owner: "Shop team" -> "Web team"

            """ + conflict
        let againstBase = unmerged + header + """
            Touchpoints
              ~ touchpoint checkout owner: "E-commerce" -> "Web team"

            """ + conflict
        for (option, expected) in [("--theirs", againstTheirs), ("-3", againstTheirs), ("--base", againstBase), ("-1", againstBase),
                                   ("--ours", unmerged + header + conflict), ("-2", unmerged + header + conflict), ("--cached", unmerged)] {
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
        XCTAssertEqual(r.stderr, "", "not journeys: merged without a word")
        XCTAssertEqual(try String(contentsOf: ours, encoding: .utf8), "{\n  \"a\": 10,\n  \"b\": 2,\n  \"c\": 30\n}\n")
    }
}
