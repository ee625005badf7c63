import Foundation
import TestSupport
import XCTest

/// Twenty pairs of edits (eight of them true conflicts), each as a merge, a rebase and a cherry-pick through the merge driver
/// in a real repository (60 in all): the outcome is clean or a conflict as expected, nothing
/// either side wrote is lost (it is in the file, or in its `conflicts` list), the result is
/// canonical, and valid once its conflicts are resolved.
///
/// The default run takes every scenario once, the operation turning with the scenario
/// (20 runs: every scenario and every operation); the full run (`SlowTests`) all 60. Each
/// run copies one template repository; two workers share the runs.
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

    /// One worker's repository and what it found; workers share nothing but the template.
    struct Worker {
        let root: URL
        let template: URL
        var repo: URL
        var env: [String: String]
        var failures: [String] = []
        var outcomes: [String: Int] = [:]
        var runs = 0

        init(root: URL, template: URL) {
            self.root = root
            self.template = template
            repo = root
            env = Worker.environment(home: root)
        }

        static func environment(home: URL) -> [String: String] {
            ["HOME": home.path, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.com",
             "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_EDITOR": "true"]
        }

        mutating func check(_ ok: Bool, _ message: @autoclosure () -> String) {
            if !ok { failures.append(message()) }
        }

        @discardableResult
        mutating func git(_ args: String, status: Int32? = 0) throws -> RunResult {
            let r = try shell("git " + args, cwd: repo, env: env)
            if let status { check(r.status == status, "git \(args): exit \(r.status), not \(status)\n\(r.description)") }
            return r
        }

        mutating func jq(_ edit: String, _ json: String) throws -> String {
            let r = try runProcess("/usr/bin/env", ["jq", "-S", "--indent", "2", edit], stdin: json)
            check(r.status == 0, "jq \(edit)\n\(r.description)")
            return r.stdout
        }

        /// A copy of the template with `theirs` on the branch other and `ours` on main; the journey file.
        mutating func prepare(_ s: Scenario, base: String) throws -> URL {
            runs += 1
            repo = root.appendingPathComponent("run-\(runs)")
            env = Worker.environment(home: repo)
            try FileManager.default.copyItem(at: template, to: repo)
            let file = repo.appendingPathComponent("coffee.journey.json")
            try git("checkout -qb other")
            try Data(try jq(s.theirs, base).utf8).write(to: file)
            try git("commit -qam theirs")
            try git("checkout -q main")
            try Data(try jq(s.ours, base).utf8).write(to: file)
            try git("commit -qam ours")
            return file
        }

        /// One scenario as one git operation, checked.
        mutating func run(_ s: Scenario, _ operation: String, base: String) throws {
            let file = try prepare(s, base: base)
            if operation == "rebase main" { try git("checkout -q other") }
            let r = try git(operation, status: nil)
            let what = "\(s.name) / git \(operation)"
            check((r.status == 0) == (s.conflicts == 0), "\(what): exit \(r.status) with \(s.conflicts) conflicts expected\n\(r.description)")
            let result = try String(contentsOf: file, encoding: .utf8)
            check(!result.contains("<<<<<<<"), "\(what): conflict markers")
            check(try jq(".", result) == result, "\(what): not canonical")
            for text in s.kept { check(result.contains(text), "\(what): lost \(text)") }
            let conflicts = Int(try jq(".conflicts // [] | length", result).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
            check(conflicts == s.conflicts, "\(what): \(conflicts) conflicts recorded, not \(s.conflicts)\n\(result)")
            let validate = try journeyman("validate", "-q", file.path)
            check(validate.status == (s.conflicts == 0 ? 0 : 65), "\(what)\n\(validate.description)")
            // Resolved by keeping what the file says: valid.
            try Data(try jq("del(.conflicts)", result).utf8).write(to: file)
            check(try journeyman("validate", "-q", file.path).status == 0, "\(what): not valid once resolved")
            outcomes[s.conflicts == 0 ? "clean" : "conflict", default: 0] += 1
        }
    }

    /// The repositories are independent, so two workers share the runs.
    static let workers = 2

    func testSixtyMergesRebasesAndCherryPicks() throws {
        var setup = Worker(root: Fixture.tempDir(self), template: URL(fileURLWithPath: "/"))
        let base = try setup.jq(".", try String(contentsOfFile: ReviewFixture.path("coffee"), encoding: .utf8))
        // The template: the merge driver set up and base committed on main.
        try setup.git("init -q -b main")
        try shell("echo '*.journey.json diff=journeyman merge=journeyman' > .gitattributes", cwd: setup.repo)
        try setup.git("config merge.journeyman.driver \"'\(Fixture.binary)' merge %O %A %B --name %P\"")
        try Data(base.utf8).write(to: setup.repo.appendingPathComponent("coffee.journey.json"))
        try setup.git("add -A")
        try setup.git("commit -qm base")
        XCTAssertEqual(setup.failures, [])
        let operations = ["merge --no-edit other", "rebase main", "cherry-pick other"]
        let runs = Self.scenarios.enumerated().flatMap { i, s in
            (SlowTests.enabled ? operations : [operations[i % operations.count]]).map { (scenario: s, operation: $0) }
        }
        let template = setup.repo
        let roots = (0..<Self.workers).map { _ in Fixture.tempDir(self) }
        let results = Slots(count: Self.workers, initial: Worker(root: template, template: template))
        DispatchQueue.concurrentPerform(iterations: Self.workers) { w in
            var worker = Worker(root: roots[w], template: template)
            for i in stride(from: w, to: runs.count, by: Self.workers) {
                do {
                    try worker.run(runs[i].scenario, runs[i].operation, base: base)
                } catch {
                    worker.failures.append("\(runs[i].scenario.name) / git \(runs[i].operation): \(error)")
                }
            }
            results.set(w, worker)
        }
        let all = results.all
        for failure in all.flatMap(\.failures) { XCTFail(failure) }
        let outcomes = all.map(\.outcomes).reduce(into: [String: Int]()) { $0.merge($1, uniquingKeysWith: +) }
        print("MergeScenarioTests (\(SlowTests.mode)): \(runs.count) runs on \(Self.workers) workers: \(outcomes)")
        XCTAssertEqual(outcomes, SlowTests.enabled ? ["clean": 36, "conflict": 24] : ["clean": 12, "conflict": 8])
    }
}
