import Foundation
import XCTest

/// The checks as others run them: pre-commit with this repository as the hook source, and the
/// documented GitHub Actions workflow's run steps.
final class DistributionTests: XCTestCase {
    var dir: URL!
    var env: [String: String] = [:]

    override func setUpWithError() throws {
        dir = Fixture.tempDir(self)
        env = ["HOME": dir.path, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.com",
               "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.com", "PRE_COMMIT_HOME": dir.appendingPathComponent("cache").path,
               "PRE_COMMIT_COLOR": "never", "GITHUB_WORKSPACE": "",
               // The hooks run the journeyman on PATH: the one just built.
               "PATH": Fixture.products.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
    }

    @discardableResult
    func run(_ command: String, in folder: URL, status: Int32? = 0) throws -> RunResult {
        let r = try shell(command, cwd: folder, env: env)
        if let status { XCTAssertEqual(r.status, status, "\(command)\n\(r.description)") }
        return r
    }

    func coffee(_ edit: String = ".") throws -> String {
        let r = try runProcess("/usr/bin/env", ["jq", "-S", "--indent", "2", edit, ReviewFixture.path("coffee")])
        XCTAssertEqual(r.status, 0, r.description)
        return r.stdout
    }

    func write(_ text: String, _ path: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// A clone of this repository with the working tree's hook file committed, so the test uses
    /// the hooks as they are now.
    func hookSource() throws -> (url: URL, rev: String) {
        let source = dir.appendingPathComponent("hook-source")
        try run("git clone -q --no-checkout '\(Fixture.root.path)' '\(source.path)'", in: dir)
        try run("git checkout -q -b hooks", in: source)
        try? FileManager.default.removeItem(at: source.appendingPathComponent(".pre-commit-hooks.yaml"))
        try FileManager.default.copyItem(at: Fixture.root.appendingPathComponent(".pre-commit-hooks.yaml"),
                                         to: source.appendingPathComponent(".pre-commit-hooks.yaml"))
        try run("git add .pre-commit-hooks.yaml && git commit -q --allow-empty -m hooks", in: source)
        let rev = try run("git rev-parse HEAD", in: source).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return (source, rev)
    }

    func testPreCommitRunsTheHooksFromThisRepository() throws {
        let (source, rev) = try hookSource()
        let repo = dir.appendingPathComponent("team")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        try run("git init -q -b main", in: repo)
        try write("""
            repos:
              - repo: \(source.path)
                rev: \(rev)
                hooks:
                  - id: journeyman-validate
                  - id: journeyman-fmt
                  - id: journeyman-lint

            """, ".pre-commit-config.yaml", in: repo)
        try write(try coffee(), "journeys/coffee.journey.json", in: repo)
        // Not canonical (a key out of order), and a broken journey; package.json is not a journey.
        let canonical = try coffee()
        let version = String(canonical.split(separator: "\n").first { $0.hasPrefix("  \"formatVersion\"") } ?? "")
        let shuffled = "{\n" + version + canonical.replacingOccurrences(of: version + "\n", with: "").dropFirst(1)
        try write(shuffled, "journeys/loose.journey.json", in: repo)
        try write(try coffee(".stages[0].touchpoints[0].channel = \"telegram\""), "journeys/bad.journey.json", in: repo)
        try write("{\"name\": \"x\"}\n", "package.json", in: repo)
        try run("pre-commit install && pre-commit install-hooks", in: repo)
        try run("git add -A", in: repo)
        let failed = try run("git commit -qm journeys", in: repo, status: 1)
        // Validate and fmt in full; lint's findings on the two good files are its own tests' business.
        let lintAt = failed.stderr.range(of: "journeyman lint....")?.lowerBound ?? failed.stderr.endIndex
        XCTAssertEqual(String(failed.stderr[..<lintAt]), """
            journeyman validate......................................................Failed
            - hook id: journeyman-validate
            - exit code: 65

            journeys/bad.journey.json:77:22: .stages[0].touchpoints[0].channel: "telegram" is not a valid channel (one of: email, push, sms, in-app, whatsapp, web, social, paid-ads, search, support-chat, phone, events, direct-mail, packaging, community, sales-call)
             77 |           "channel": "telegram",
                |                      ^

            journeyman fmt --check...................................................Failed
            - hook id: journeyman-fmt
            - exit code: 65

            journeys/bad.journey.json:77:22: .stages[0].touchpoints[0].channel: "telegram" is not a valid channel (one of: email, push, sms, in-app, whatsapp, web, social, paid-ads, search, support-chat, phone, events, direct-mail, packaging, community, sales-call)
             77 |           "channel": "telegram",
                |                      ^
            --- a/journeys/loose.journey.json
            +++ b/journeys/loose.journey.json
            @@ -1,5 +1,4 @@
             {
            -  "formatVersion": 3,
               "cohorts": [
                 {
                   "complexity": "low",
            @@ -26,6 +25,7 @@
                 }
               ],
               "description": "A coffee subscription that lives on repeat orders.\\nThe loop matters more than the funnel.",
            +  "formatVersion": 3,
               "framework": {
                 "id": "mckinsey-cdj"
               },


            """)
        let lint = String(failed.stderr[lintAt...])
        XCTAssertTrue(lint.hasPrefix("journeyman lint..........................................................Failed\n- hook id: journeyman-lint\n- exit code: 65\n\n"), lint)
        XCTAssertTrue(lint.contains("journeys/bad.journey.json:77:22: .stages[0].touchpoints[0].channel: \"telegram\" is not a valid channel"), lint)
        XCTAssertTrue(lint.contains("journeys/loose.journey.json: 0 errors, "), lint)
        XCTAssertFalse(lint.contains("package.json"), lint)
        XCTAssertEqual(try run("git log --oneline | wc -l", in: repo, status: nil).stdout.trimmingCharacters(in: .whitespaces), "0\n")
        // Fixed: the commit goes through, and package.json was never looked at.
        try run("rm journeys/bad.journey.json && journeyman fmt journeys/loose.journey.json && git add -A", in: repo)
        let passed = try run("git commit -qm journeys", in: repo)
        XCTAssertEqual(passed.stderr, """
            journeyman validate......................................................Passed
            journeyman fmt --check...................................................Passed
            journeyman lint..........................................................Passed

            """)
    }

    /// The run steps of the workflow in docs/review.md, in order, as GitHub runs them
    /// (`bash -e`; a step with `if: always()` runs after a failure too).
    func workflowSteps() throws -> [(script: String, always: Bool)] {
        let r = try runProcess("/usr/bin/env", ["python3", "-c", """
            import json, re, sys, yaml
            doc = open(sys.argv[1]).read()
            block = re.search(r"## In CI.*?```yaml\\n(.*?)```", doc, re.S).group(1)
            steps = yaml.safe_load(block)["jobs"]["check"]["steps"]
            print(json.dumps([{"run": s["run"], "always": s.get("if") == "always()"} for s in steps if "run" in s]))
            """, Fixture.root.appendingPathComponent("docs/review.md").path])
        XCTAssertEqual(r.status, 0, r.description)
        let list = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] ?? []
        return list.map { ($0["run"] as? String ?? "", $0["always"] as? Bool ?? false) }
    }

    func runWorkflow(in repo: URL) throws -> [RunResult] {
        var results: [RunResult] = []
        var failed = false
        let temp = dir.appendingPathComponent("runner-temp")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        var stepEnv = env
        stepEnv["GITHUB_WORKSPACE"] = repo.path
        stepEnv["RUNNER_TEMP"] = temp.path
        stepEnv["GITHUB_PATH"] = temp.appendingPathComponent("path").path
        for (i, step) in try workflowSteps().enumerated() where !failed || step.always {
            let script = temp.appendingPathComponent("step\(i).sh")
            try Data(step.script.utf8).write(to: script)
            let r = try runProcess("/bin/bash", ["-e", script.path], cwd: repo, env: stepEnv)
            results.append(r)
            if r.status != 0 { failed = true }
        }
        return results
    }

    func testTheDocumentedWorkflowRuns() throws {
        let repo = dir.appendingPathComponent("team")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        try run("git init -q -b main", in: repo)
        let good = try coffee(#".stages[].touchpoints[] |= (.trigger //= {"kind": "event", "detail": "x"}) | .lastReviewed = "2099-01-01""#)
        try write(good, "journeys/coffee.journey.json", in: repo)
        try write("{}\n", "package.json", in: repo)
        try run("git add -A", in: repo)
        let lintClean = try journeyman("lint", "--strict", repo.appendingPathComponent("journeys/coffee.journey.json").path)
        let passed = try runWorkflow(in: repo)
        XCTAssertEqual(passed.map(\.status), [0, lintClean.status, 0], passed.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(try String(contentsOf: repo.appendingPathComponent("journeys.sarif"), encoding: .utf8).contains(#""version": "2.1.0""#))

        // A broken journey: the check step fails with an annotation on the file, and SARIF still comes.
        try write(try coffee(".stages[0].touchpoints[0].channel = \"telegram\""), "journeys/bad.journey.json", in: repo)
        try run("git add -A", in: repo)
        let failed = try runWorkflow(in: repo)
        XCTAssertEqual(failed.map(\.status), [0, 65, 0], failed.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(failed[1].stdout.split(separator: "\n").first.map(String.init),
                       #"::error file=journeys/bad.journey.json,line=77,col=22,title=invalid journey::.stages[0].touchpoints[0].channel: "telegram" is not a valid channel (one of: email, push, sms, in-app, whatsapp, web, social, paid-ads, search, support-chat, phone, events, direct-mail, packaging, community, sales-call)"#)
        XCTAssertTrue(try String(contentsOf: repo.appendingPathComponent("journeys.sarif"), encoding: .utf8).contains(#""ruleId": "invalid""#))
    }
}
