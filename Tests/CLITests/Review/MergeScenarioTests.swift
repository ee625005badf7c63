import Foundation
import XCTest

/// Twenty pairs of edits (eight of them true conflicts), each as a merge, a rebase and a cherry-pick through the merge driver
/// in a real repository (60 in all): the outcome is clean or a conflict as expected, nothing
/// either side wrote is lost (it is in the file, or in its `conflicts` list), the result is
/// canonical, and valid once its conflicts are resolved.
final class MergeScenarioTests: XCTestCase {
    struct Scenario {
        var name: String
        var ours: String
        var theirs: String
        /// Conflicts expected (the same count whichever side is "ours").
        var conflicts: Int
        /// Text each side wrote, which must be somewhere in the result.
        var kept: [String]
    }

    static let scenarios: [Scenario] = [
        Scenario(name: "owners of two touchpoints", ours: #".stages[2].touchpoints[0].owner = "Web team""#, theirs: #".stages[3].touchpoints[0].owner = "Packing""#, conflicts: 0, kept: ["Web team", "Packing"]),
        Scenario(name: "one owner two ways", ours: #".stages[2].touchpoints[0].owner = "Web team""#, theirs: #".stages[2].touchpoints[0].owner = "Shop team""#, conflicts: 1, kept: ["Web team", "Shop team"]),
        Scenario(name: "one owner the same way", ours: #".stages[2].touchpoints[0].owner = "Web team""#, theirs: #".stages[2].touchpoints[0].owner = "Web team" | .title = "Bean""#, conflicts: 0, kept: ["Web team", "\"Bean\""]),
        Scenario(name: "stage renamed, touchpoint added to it", ours: #".stages[1].name = "Choosing""#, theirs: #".stages[1].touchpoints += [{"id": "taste-test", "name": "Taste test", "channel": "events"}]"#, conflicts: 0, kept: ["Choosing", "taste-test"]),
        Scenario(name: "touchpoint deleted and changed", ours: #"del(.stages[3].touchpoints[0])"#, theirs: #".stages[3].touchpoints[0].owner = "Ops team""#, conflicts: 1, kept: ["Ops team"]),
        Scenario(name: "both add touchpoints to one stage", ours: #".stages[3].touchpoints += [{"id": "gift", "name": "Gift", "channel": "packaging"}]"#, theirs: #".stages[3].touchpoints += [{"id": "survey", "name": "Survey", "channel": "email"}]"#, conflicts: 0, kept: ["\"gift\"", "\"survey\""]),
        Scenario(name: "stages reordered, title edited", ours: #".stages |= [.[1], .[0], .[2], .[3]]"#, theirs: #".title = "Bean Club""#, conflicts: 0, kept: ["\"Bean Club\""]),
        Scenario(name: "stages reordered two ways", ours: #".stages |= [.[1], .[0], .[2], .[3]]"#, theirs: #".stages |= [.[0], .[1], .[3], .[2]]"#, conflicts: 1, kept: []),
        Scenario(name: "cohort added, KPI added", ours: #".cohorts += [{"id": "students", "name": "Students", "model": "tech-touch"}]"#, theirs: #".kpis += [{"id": "nps", "name": "NPS", "kind": "outcome"}]"#, conflicts: 0, kept: ["students", "\"nps\""]),
        Scenario(name: "touchpoint moved, status edited", ours: #".stages[3].touchpoints += [.stages[2].touchpoints[1]] | del(.stages[2].touchpoints[1])"#, theirs: #".stages[2].touchpoints[1].status = "live""#, conflicts: 0, kept: []),
        Scenario(name: "touchpoint moved two ways", ours: #".stages[3].touchpoints += [.stages[2].touchpoints[1]] | del(.stages[2].touchpoints[1])"#, theirs: #".stages[1].touchpoints += [.stages[2].touchpoints[1]] | del(.stages[2].touchpoints[1])"#, conflicts: 1, kept: ["welcome-call"]),
        Scenario(name: "stage deleted, touchpoint added to it", ours: #"del(.stages[1])"#, theirs: #".stages[1].touchpoints += [{"id": "sample-pack", "name": "Sample pack", "channel": "packaging"}]"#, conflicts: 1, kept: ["sample-pack"]),
        Scenario(name: "suppressions by rule", ours: #".stages[0].touchpoints[0].suppress = [{"rule": "JM014", "reason": "always on"}]"#, theirs: #".stages[0].touchpoints[0].suppress = [{"rule": "JM013", "reason": "channel later"}]"#, conflicts: 0, kept: ["always on", "channel later"]),
        Scenario(name: "one id for a stage and a cohort", ours: #".stages += [{"id": "vip", "name": "VIP"}]"#, theirs: #".cohorts += [{"id": "vip", "name": "VIPs", "model": "hvc"}] | .stages[0].touchpoints[0].owner = "Brand""#, conflicts: 1, kept: ["VIPs", "\"Brand\""]),
        Scenario(name: "layers as a set", ours: #".stages[3].touchpoints[0].layers = ["ai-augmented"]"#, theirs: #".stages[3].touchpoints[1].layers = []"#, conflicts: 0, kept: []),
        Scenario(name: "description two ways", ours: #".description = "Ours""#, theirs: #".description = "Theirs""#, conflicts: 1, kept: ["\"Ours\"", "\"Theirs\""]),
        Scenario(name: "both delete one touchpoint", ours: #"del(.stages[3].touchpoints[0])"#, theirs: #"del(.stages[3].touchpoints[0]) | .title = "T""#, conflicts: 0, kept: ["\"T\""]),
        Scenario(name: "team people and budget", ours: #".team.people = 9"#, theirs: #".team.budget = 60000"#, conflicts: 0, kept: ["\"people\": 9", "60000"]),
        Scenario(name: "loop added, loop label edited", ours: #".loops += [{"id": "win-back", "from": "post-purchase-experience", "to": "initial-consideration"}]"#, theirs: #".loops[0].label = "Repeat""#, conflicts: 0, kept: ["win-back", "\"Repeat\""]),
        Scenario(name: "cohort deleted and resized", ours: #"del(.cohorts[1]) | .stages[].touchpoints[] |= (if .cohorts then .cohorts -= ["office-accounts"] else . end)"#, theirs: #".cohorts[1].size = 400"#, conflicts: 1, kept: ["400"]),
    ]

    var repo: URL!
    var env: [String: String] = [:]

    @discardableResult
    func git(_ args: String, status: Int32? = 0) throws -> RunResult {
        let r = try shell("git " + args, cwd: repo, env: env)
        if let status { XCTAssertEqual(r.status, status, "git \(args)\n\(r.description)") }
        return r
    }

    func jq(_ edit: String, _ json: String) throws -> String {
        let r = try runProcess("/usr/bin/env", ["jq", "-S", "--indent", "2", edit], stdin: json)
        XCTAssertEqual(r.status, 0, "\(edit)\n\(r.description)")
        return r.stdout
    }

    /// Sets up base, `ours` on main and `theirs` on the branch other; returns the journey file.
    func prepare(_ s: Scenario, base: String) throws -> URL {
        repo = Fixture.tempDir(self)
        env = ["HOME": repo.path, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.com",
               "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_EDITOR": "true"]
        try git("init -q -b main")
        try shell("echo '*.journey.json diff=journeyman merge=journeyman' > .gitattributes", cwd: repo)
        try git("config merge.journeyman.driver \"'\(Fixture.binary)' merge %O %A %B --name %P\"")
        let file = repo.appendingPathComponent("coffee.journey.json")
        try Data(base.utf8).write(to: file)
        try git("add -A")
        try git("commit -qm base")
        try git("checkout -qb other")
        try Data(try jq(s.theirs, base).utf8).write(to: file)
        try git("commit -qam theirs")
        try git("checkout -q main")
        try Data(try jq(s.ours, base).utf8).write(to: file)
        try git("commit -qam ours")
        return file
    }

    func testSixtyMergesRebasesAndCherryPicks() throws {
        let base = try jq(".", try String(contentsOfFile: ReviewFixture.path("coffee"), encoding: .utf8))
        var outcomes: [String: Int] = [:]
        for s in Self.scenarios {
            for operation in ["merge --no-edit other", "rebase main", "cherry-pick other"] {
                let file = try prepare(s, base: base)
                if operation == "rebase main" { try git("checkout -q other") }
                let r = try git(operation, status: nil)
                let what = "\(s.name) / git \(operation)"
                XCTAssertEqual(r.status == 0 ? 0 : 1, s.conflicts == 0 ? 0 : 1, "\(what)\n\(r.description)")
                let result = try String(contentsOf: file, encoding: .utf8)
                XCTAssertFalse(result.contains("<<<<<<<"), what)
                XCTAssertEqual(try jq(".", result), result, "\(what): not canonical")
                for text in s.kept { XCTAssertTrue(result.contains(text), "\(what): lost \(text)") }
                let conflicts = Int(try jq(".conflicts // [] | length", result).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
                XCTAssertEqual(conflicts, s.conflicts, "\(what): conflicts recorded\n\(result)")
                let validate = try journeyman("validate", "-q", file.path)
                XCTAssertEqual(validate.status, s.conflicts == 0 ? 0 : 65, "\(what)\n\(validate.description)")
                // Resolved by keeping what the file says: valid.
                try Data(try jq("del(.conflicts)", result).utf8).write(to: file)
                XCTAssertEqual(try journeyman("validate", "-q", file.path).status, 0, what)
                outcomes[s.conflicts == 0 ? "clean" : "conflict", default: 0] += 1
            }
        }
        XCTAssertEqual(outcomes, ["clean": 36, "conflict": 24])
    }
}
