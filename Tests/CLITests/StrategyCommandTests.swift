import Foundation
import XCTest

/// `journeyman recommend`, `coverage` and `assess`: whole outputs and exit codes.
final class StrategyCommandTests: XCTestCase {
    static let journey = #"""
    {"formatVersion": 3, "title": "Plans", "framework": {"id": "laer"}, "lastReviewed": "2026-06-01",
     "team": {"people": 8, "budget": 500000},
     "costs": {"currency": "EUR", "perCustomerYear": {"hybrid": 100}},
     "cohorts": [
      {"id": "starters", "name": "Starters", "size": 20000, "valuePerUser": 60, "complexity": "low", "service": "self-serve", "model": "tech-touch"},
      {"id": "studios", "name": "Small studios", "size": 500, "valuePerUser": 300, "complexity": "high", "service": "configured", "model": "low-touch"}
     ],
     "stages": [
      {"id": "land", "name": "Land", "touchpoints": [
       {"id": "trial", "name": "Trial sign-up", "channel": "web"},
       {"id": "setup", "name": "Setup help", "channel": "support-chat", "cohorts": ["studios"]}]},
      {"id": "adopt", "name": "Adopt", "touchpoints": [
       {"id": "tips", "name": "Tips", "channel": "email", "cohorts": ["starters"]}]},
      {"id": "expand", "name": "Expand"},
      {"id": "renew", "name": "Renew"}
     ]}
    """#

    func journeyFile() throws -> URL {
        let dir = Fixture.tempDir(self)
        try Self.journey.write(to: dir.appendingPathComponent("r.json"), atomically: true, encoding: .utf8)
        return dir
    }

    func testRecommendPrintsTheFourAnswersModelRunnerUpAndCosts() throws {
        let dir = try journeyFile()
        let r = try journeyman("recommend", "r.json", cwd: dir)
        XCTAssertEqual(r, RunResult(status: 0, stdout: #"""
            Engagement models for "Plans"

            Starters (starters): 20,000 customers
              Value per user            EUR 60 a year: low (hybrid is affordable from EUR 500, high-touch from EUR 7,500)
              Complexity                low
              Self-serve or configured  self-serve: they help themselves
              Team capacity and budget  8 people, budget 500,000
              recommended  Low-touch + AI-augmented layer
              runner-up    Tech-touch / no-touch: cheaper, if the automated equivalent is designed well enough that they do not need a person
              current      Tech-touch / no-touch (differs)
              - Their need calls for tech-touch; their value pays for low-touch.
              - They can help themselves: automation and self-serve, with help on demand when they get stuck.
              - A base of 20,000 customers gives enough behaviour to add ai-augmented as a layer (churn scores, next best action).
              cost to serve a year: now EUR 40,000 (EUR 2 each); recommended EUR 220,000; value EUR 1,200,000

            Small studios (studios): 500 customers
              Value per user            EUR 300 a year: low (hybrid is affordable from EUR 500, high-touch from EUR 7,500)
              Complexity                high
              Self-serve or configured  configured: they need it set up for them
              Team capacity and budget  8 people, budget 500,000
              recommended  Hybrid
              runner-up    High-touch: what their need asks for, once the economics or the team allow it
              current      Low-touch (differs)
              - Their need calls for high-touch; their value pays for low-touch.
              - Segment by need, bounded by economics: they need more help than their spend suggests, so a person steps in at the moments that matter (onboarding, escalation) and automation does the rest.
              cost to serve a year: now EUR 4,000 (EUR 8 each); recommended EUR 50,000; value EUR 150,000

            Cost to serve per year (EUR)
              cohort         model       customers  each    cost      value  cost/value
              Starters       tech-touch     20,000     2  40,000  1,200,000        3.3%
              Small studios  low-touch         500     8   4,000    150,000        2.7%
              total                                       44,000  1,350,000        3.3%

            by model
              tech-touch  40,000
              low-touch    4,000

            by stage (each cohort's cost shared by the touchpoints it gets per stage)
              Land    24,000
              Adopt   20,000
              Expand       0
              Renew        0
            """# + "\n", stderr: ""))
    }

    func testRecommendJSONForTools() throws {
        let dir = try journeyFile()
        let r = try shell("'\(Fixture.binary)' recommend --format json r.json | jq -r '.currency, (.cohorts[] | \"\\(.id) \\(.recommended) \\(.runnerUp) \\(.cost) \\(.recommendedCost) \\(.value) \\(.agrees)\"), (.byStage[] | \"\\(.stage) \\(.cost)\"), .totalCost'", cwd: dir)
        XCTAssertEqual(r.stdout, """
            EUR
            starters low-touch tech-touch 40000 220000 1200000 false
            studios hybrid high-touch 4000 50000 150000 false
            land 24000
            adopt 20000
            expand 0
            renew 0
            44000

            """, r.description)
    }

    func testCoverageByCohort() throws {
        let dir = try journeyFile()
        XCTAssertEqual(try journeyman("coverage", "r.json", "--by", "cohort", cwd: dir),
                       RunResult(status: 0, stdout: #"""
                       Touchpoints per stage and cohort in "Plans"

                               Starters  Small studios
                       Land           1              2
                       Adopt          1              ·
                       Expand         ·              ·
                       Renew          ·              ·

                       5 of 8 cells have no touchpoint.
                       """# + "\n", stderr: ""))
    }

    func testCoverageByModelFitsANarrowWidthInASCII() throws {
        let dir = try journeyFile()
        let r = try journeyman("coverage", "r.json", "--width", "40", "--ascii", cwd: dir)
        XCTAssertEqual(r, RunResult(status: 0, stdout: #"""
            Touchpoints per stage and engagement model in "Plans"

                    HI~  LOW  HYB  TE~  CO~  HVC  AI
            Land      .    2    .    1    .    .   .
            Adopt     .    .    .    1    .    .   .
            Expand    .    .    .    .    .    .   .
            Renew     .    .    .    .    .    .   .

            25 of 28 cells have no touchpoint.
            HI~ = High-touch
            LOW = Low-touch
            HYB = Hybrid
            TE~ = Tech-touch / no-touch
            CO~ = Community-led
            HVC = High-value-customer (HVC) managem~
            AI = AI-augmented
            """# + "\n", stderr: ""))
        // $COLUMNS is the default width.
        XCTAssertEqual(try journeyman("coverage", "r.json", "--ascii", cwd: dir, env: ["COLUMNS": "40"]).stdout, r.stdout)
        XCTAssertEqual(try journeyman("coverage", "r.json", "--width", "5", cwd: dir).status, 64)
        XCTAssertEqual(try journeyman("coverage", "missing.json", cwd: dir).status, 66)
    }

    func testAssessWithAnswersStoresTheResult() throws {
        let dir = try journeyFile()
        let r = try journeyman("assess", "r.json", "--answers", "a2-segments,a2-triggers,a2-measured,a3-routing,b1-planned,b1-owned",
                               "--today", "2026-11-22", cwd: dir)
        XCTAssertEqual(r, RunResult(status: 0, stdout: """
            Maturity of "Plans" on 2026-11-22
            Ladder A: rung 2 of 4, Active. Segmented, triggered flows on a single channel, measured by opens.
              next focus: Orchestrate across channels, route cohorts to different models, and steer by a health score instead of opens.
            Ladder B: level 1 of 4, Isolated campaigns. Intentional campaigns, but each rebuilt from scratch on siloed data.
              next focus: Make campaigns repeatable: automate the recurring ones, reuse templates and audiences, capture the data.
            Ticked 6 of 18: a2-segments, a2-triggers, a2-measured, a3-routing, b1-planned, b1-owned
            Not counted yet (a step below is incomplete): a3-routing
            Saved in r.json.

            """, stderr: ""))
        let stored = try shell("jq -c .maturity r.json", cwd: dir)
        XCTAssertEqual(stored.stdout, #"{"assessed":"2026-11-22","checks":["a2-segments","a2-triggers","a2-measured","a3-routing","b1-planned","b1-owned"],"level":1,"rung":2}"# + "\n")
        // Written canonically.
        XCTAssertEqual(try journeyman("fmt", "--check", "r.json", cwd: dir).status, 0)
    }

    func testAssessWithLettersAndWithoutAFile() throws {
        let r = try journeyman("assess", "--answers", String(repeating: "y", count: 18), "--today", "2026-01-02")
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.hasPrefix("Maturity on 2026-01-02\nLadder A: rung 4 of 4, Predictive."), r.stdout)
        XCTAssertTrue(r.stdout.contains("Ladder B: level 4 of 4, Engagement system."), r.stdout)
    }

    func testAssessRefusesBadAnswersAndAMissingTerminal() throws {
        let dir = try journeyFile()
        let before = try String(contentsOf: dir.appendingPathComponent("r.json"), encoding: .utf8)
        let typo = try journeyman("assess", "r.json", "--answers", "a2-segmnts", cwd: dir)
        XCTAssertEqual(typo.status, 64)
        XCTAssertTrue(typo.stderr.contains(#"unknown check "a2-segmnts"; did you mean "a2-segments"?"#), typo.stderr)
        // Standard input is a pipe here, not a terminal.
        let piped = try journeyman("assess", "r.json", cwd: dir, stdin: "y\n")
        XCTAssertEqual(piped, RunResult(status: 64, stdout: "", stderr: "journeyman assess: standard input is not a terminal; give --answers (see `journeyman assess --help`)\n"))
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("r.json"), encoding: .utf8), before)
        XCTAssertEqual(try journeyman("assess", "missing.json", "--answers", "none", cwd: dir).status, 66)
    }

    func testAssessAsksOnATerminalWithThePreviousAnswersAsDefaults() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("needs script(1) for a terminal") }
        let dir = try journeyFile()
        let command = "'\(Fixture.binary)' assess r.json --today 2026-11-22"
        // y y y n, (a3 and a4 left empty), y y, the rest empty: 18 answers.
        let first = "y\ny\ny\nn\n\n\n\n\ny\ny\n" + String(repeating: "\n", count: 8)
        let r = try shell("printf '\(first.replacingOccurrences(of: "\n", with: "\\n"))' | script -qec \"\(command)\" /dev/null", cwd: dir)
        XCTAssertTrue(r.stdout.contains("Ladder A, rung 2: Active. Segmented, triggered flows on a single channel, measured by opens."), r.stdout)
        XCTAssertTrue(r.stdout.contains("Do you send to defined segments or cohorts rather than to everyone? [y/N]"), r.stdout)
        let stored = #"{"assessed":"2026-11-22","checks":["a2-segments","a2-triggers","a2-measured","b1-planned","b1-owned"],"level":1,"rung":2}"# + "\n"
        XCTAssertEqual(try shell("jq -c .maturity r.json", cwd: dir).stdout, stored)
        // Enter keeps each previous answer.
        let again = try shell("printf '\(String(repeating: "\\n", count: 18))' | script -qec \"\(command)\" /dev/null", cwd: dir)
        XCTAssertTrue(again.stdout.contains("Do you send to defined segments or cohorts rather than to everyone? [Y/n]"), again.stdout)
        XCTAssertEqual(try shell("jq -c .maturity r.json", cwd: dir).stdout, stored)
    }

    func testAssessListsTheChecks() throws {
        let r = try journeyman("assess", "--list")
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.hasPrefix("Ladder A\n  1 Reactive: Manual batch-and-blast sends, rebuilt every time.\n  2 Active:"), r.stdout)
        XCTAssertEqual(r.stdout.split(separator: "\n").filter { $0.hasPrefix("      ") }.count, 18)
    }
}
