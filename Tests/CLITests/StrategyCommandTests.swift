import Foundation
import JourneyKit
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
              Team capacity and budget  8 people (12,800 hours a year), budget EUR 500,000
              recommended  Low-touch + AI-augmented layer
              runner-up    Tech-touch / no-touch: cheaper, if the automated equivalent is designed well enough that they do not need a person
              current      Tech-touch / no-touch (differs)
              - Their need calls for tech-touch; their value pays for low-touch.
              - They can help themselves: automation and self-serve, with help on demand when they get stuck.
              - A base of 20,000 customers gives enough behaviour to add ai-augmented as a layer (churn scores, next best action).
              cost to serve a year: now EUR 40,000 (EUR 2 each); recommended EUR 220,000; value EUR 1,200,000
              people's time a year: 667 hours (0.4 FTE)

            Small studios (studios): 500 customers
              Value per user            EUR 300 a year: low (hybrid is affordable from EUR 500, high-touch from EUR 7,500)
              Complexity                high
              Self-serve or configured  configured: they need it set up for them
              Team capacity and budget  8 people (12,800 hours a year), budget EUR 500,000
              recommended  Hybrid
              runner-up    High-touch: what their need asks for, once the economics or the team allow it
              current      Low-touch (differs)
              - Their need calls for high-touch; their value pays for low-touch.
              - Segment by need, bounded by economics: they need more help than their spend suggests, so a person steps in at the moments that matter (onboarding, escalation) and automation does the rest.
              cost to serve a year: now EUR 4,000 (EUR 8 each); recommended EUR 50,000; value EUR 150,000
              people's time a year: 250 hours (0.2 FTE)

            The recommendation against the team (a year, 1,600 hours per person)
              cohort         recommended               hours  FTE     cost
              Starters       low-touch + ai-augmented    667  0.4  220,000
              Small studios  hybrid                      250  0.2   50,000
              total                                      917  0.6  270,000
              capacity  8 people x 1,600 hours = 12,800 hours: 11,883 hours to spare (7.4 FTE)
              budget    EUR 500,000: EUR 230,000 to spare

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

    /// Case 4: a 2-million-customer base under a team of two with 50,000: the automated equivalent, the
    /// private clients stepped down to what two people can serve, and the budget said to be over.
    func testRecommendSaysWhenTheTeamIsOverAndByHowMuch() throws {
        let dir = Fixture.tempDir(self)
        try #"""
        {"formatVersion": 3, "title": "Bank", "framework": {"id": "aarrr"},
         "team": {"people": 2, "budget": 50000},
         "cohorts": [
          {"id": "customers", "name": "Customers", "size": 2000000, "valuePerUser": 15, "complexity": "high", "service": "configured", "level": "active", "model": "hybrid"},
          {"id": "private", "name": "Private clients", "size": 300, "valuePerUser": 20000, "complexity": "high", "service": "configured", "level": "invested", "model": "high-touch"}
         ],
         "stages": [{"id": "acquisition", "name": "Acquisition"}, {"id": "activation", "name": "Activation"}]}
        """#.write(to: dir.appendingPathComponent("o.json"), atomically: true, encoding: .utf8)
        let r = try journeyman("recommend", "o.json", cwd: dir)
        XCTAssertEqual(r, RunResult(status: 0, stdout: #"""
            Engagement models for "Bank"

            Customers (customers): 2,000,000 customers
              Value per user            USD 15 a year: very low (hybrid is affordable from USD 750, high-touch from USD 7,500)
              Complexity                high
              Self-serve or configured  configured: they need it set up for them
              Team capacity and budget  2 people (3,200 hours a year), budget USD 50,000
              recommended  Tech-touch / no-touch with behaviour-triggered guidance
              runner-up    Hybrid: a person at the moments that matter, if their value or the team grows enough to afford it
              current      Hybrid (differs)
              - Their need calls for high-touch; their value pays for tech-touch.
              - The level is the diagnosis: Active customers are in the onboarding-to-retention window, where most churn lives; the first weeks decide.
              - They need help, but a person (hybrid, USD 150 a customer, 1000% of their value) costs more than the 50% of their value a need may take: they get the well-designed automated equivalent, tech-touch / no-touch with behaviour-triggered guidance at the steps where they get stuck.
              cost to serve a year: now USD 300,000,000 (USD 150 each); recommended USD 4,000,000; value USD 30,000,000
              people's time a year: none (automation only)

            Private clients (private): 300 customers
              Value per user            USD 20,000 a year: high (hybrid is affordable from USD 750, high-touch from USD 7,500)
              Complexity                high
              Self-serve or configured  configured: they need it set up for them
              Team capacity and budget  2 people (3,200 hours a year), budget USD 50,000
              recommended  Hybrid
              runner-up    High-touch: what their need and value ask for, once the team has the hours and budget
              current      High-touch (differs)
              - Their need calls for high-touch; their value pays for high-touch.
              - The level is the diagnosis: Invested customers have the habit; watch for them going quiet, which is where a person should step in.
              - Bounded by the team: high-touch for these customers takes 3,600 hours a year (2.3 FTE); the higher-value cohorts leave 3,200 of the team's 3,200 hours, so hybrid.
              cost to serve a year: now USD 450,000 (USD 1,500 each); recommended USD 45,000; value USD 6,000,000
              people's time a year: 150 hours (0.1 FTE)

            The recommendation against the team (a year, 1,600 hours per person)
              cohort           recommended  hours  FTE       cost
              Customers        tech-touch       0  0.0  4,000,000
              Private clients  hybrid         150  0.1     45,000
              total                           150  0.1  4,045,000
              capacity  2 people x 1,600 hours = 3,200 hours: 3,050 hours to spare (1.9 FTE)
              budget    USD 50,000: over by USD 3,995,000

            Cost to serve per year (USD)
              cohort           model       customers   each         cost       value  cost/value
              Customers        hybrid      2,000,000    150  300,000,000  30,000,000       1000%
              Private clients  high-touch        300  1,500      450,000   6,000,000        7.5%
              total                                          300,450,000  36,000,000        835%

            by model
              hybrid      300,000,000
              high-touch      450,000

            by stage (each cohort's cost shared by the touchpoints it gets per stage)
              Acquisition                        0
              Activation                         0
              (no touchpoint reaches)  300,450,000
            """# + "\n", stderr: ""))
        let json = try shell("'\(Fixture.binary)' recommend --format json o.json | jq -c '.team, [.cohorts[] | [.recommended, .guidance, .hours]]'", cwd: dir)
        XCTAssertEqual(json.stdout, #"""
            {"budget":50000,"capacityHours":3200,"cost":4045000,"fte":0.09375,"hours":150,"hoursPerPerson":1600,"overBudget":3995000,"overHours":0,"people":2}
            [["tech-touch",true,0],["hybrid",false,150]]

            """#)
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
            Touchpoints per stage and engagement
            model in "Plans"

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
        // Every line fits the width at 20, and the cohort legend keeps whole ids when it can.
        let narrow = try journeyman("coverage", "r.json", "--by", "cohort", "--width", "20", cwd: dir)
        for line in narrow.stdout.split(separator: "\n") { XCTAssertLessThanOrEqual(TerminalText.width(String(line)), 20, narrow.stdout) }
        XCTAssertEqual(try journeyman("coverage", "missing.json", cwd: dir).status, 66)
    }

    func testAssessWithAnswersStoresTheResult() throws {
        let dir = try journeyFile()
        let r = try journeyman("assess", "r.json", "--answers", "a2-segments,a2-triggers,a2-measured,a3-routing,b1-planned",
                               "--today", "2026-11-22", cwd: dir)
        XCTAssertEqual(r, RunResult(status: 0, stdout: """
            Maturity of "Plans" on 2026-11-22
            Ladder A: rung 2 of 4, Active. Segmented, triggered flows on a single channel, measured by opens.
              next focus: Orchestrate across channels, route cohorts to different models, and steer by a health score instead of opens.
            Ladder B: level 1 of 4, Isolated campaigns. More intentional but disconnected: each campaign rebuilt from scratch with no reuse or learning; tools and data siloed, so nobody knows what works.
              next focus: Reuse templates, bring the cost of each campaign down, and connect campaign results to your systems.
            Ticked 5 of 19: a2-segments, a2-triggers, a2-measured, a3-routing, b1-planned
            Not counted yet (a step below is incomplete): a3-routing
            Saved in r.json.

            """, stderr: ""))
        let stored = try shell("jq -c .maturity r.json", cwd: dir)
        XCTAssertEqual(stored.stdout, #"{"assessed":"2026-11-22","checks":["a2-segments","a2-triggers","a2-measured","a3-routing","b1-planned"],"level":1,"rung":2}"# + "\n")
        // Written canonically.
        XCTAssertEqual(try journeyman("fmt", "--check", "r.json", cwd: dir).status, 0)
    }

    func testAssessWithLettersAndWithoutAFile() throws {
        let r = try journeyman("assess", "--answers", String(repeating: "y", count: 19), "--today", "2026-01-02")
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.hasPrefix("Maturity on 2026-01-02\nLadder A: rung 4 of 4, Predictive."), r.stdout)
        XCTAssertTrue(r.stdout.contains("Ladder B: level 4 of 4, OS-powered engagement system."), r.stdout)
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
        // y y y n, (a3 and a4 left empty), y y, the rest empty: 19 answers.
        let first = "y\ny\ny\nn\n\n\n\n\ny\ny\n" + String(repeating: "\n", count: 9)
        let r = try shell("printf '\(first.replacingOccurrences(of: "\n", with: "\\n"))' | script -qec \"\(command)\" /dev/null", cwd: dir)
        XCTAssertTrue(r.stdout.contains("Ladder A, rung 2: Active. Segmented, triggered flows on a single channel, measured by opens."), r.stdout)
        XCTAssertTrue(r.stdout.contains("Do you send to defined segments or cohorts rather than to everyone? [y/N]"), r.stdout)
        let stored = #"{"assessed":"2026-11-22","checks":["a2-segments","a2-triggers","a2-measured","b1-planned","b2-automated"],"level":1,"rung":2}"# + "\n"
        XCTAssertEqual(try shell("jq -c .maturity r.json", cwd: dir).stdout, stored)
        // Enter keeps each previous answer.
        let again = try shell("printf '\(String(repeating: "\\n", count: 19))' | script -qec \"\(command)\" /dev/null", cwd: dir)
        XCTAssertTrue(again.stdout.contains("Do you send to defined segments or cohorts rather than to everyone? [Y/n]"), again.stdout)
        XCTAssertEqual(try shell("jq -c .maturity r.json", cwd: dir).stdout, stored)
    }

    func testAssessListsTheChecks() throws {
        let r = try journeyman("assess", "--list")
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.hasPrefix("Ladder A\n  1 Reactive: Manual batch-and-blast sends, rebuilt every time.\n  2 Active:"), r.stdout)
        XCTAssertEqual(r.stdout.split(separator: "\n").filter { $0.hasPrefix("      ") }.count, 19)
    }
}
