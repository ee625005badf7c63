import Foundation
import JourneyKit
import XCTest

/// `journeyman forecast`: whole outputs, widths, JSON through jq and CSV through Python's csv.
final class ForecastCommandTests: XCTestCase {
    /// Two cohorts on three stages. Browsers: 5,000 on tech-touch (2 a year), reached by the ad only, so
    /// the whole unit cost sits at Visit: 5,000 x 2 = 10,000. Teams: 200 on hybrid (150 a year), reached by
    /// the ad and the sales call, so half at Visit (200 x 75 = 15,000) and half at Buy (80 x 75 = 6,000).
    /// Visit loses 60%: 3,000 + 120; Buy 25%: 500 + 20. Value at Buy: 2,000 x 20 + 80 x 900 = 112,000.
    static let journey = #"""
    {"formatVersion": 2, "title": "Café plans", "framework": {"id": "custom-three", "name": "Three steps", "custom": true},
     "cohorts": [
      {"id": "browsers", "name": "Browsers", "size": 5000, "valuePerUser": 20, "model": "tech-touch"},
      {"id": "teams", "name": "Teams", "size": 200, "valuePerUser": 900, "model": "hybrid"}
     ],
     "stages": [
      {"id": "visit", "name": "Visit", "level": "aware", "dropOff": 60, "touchpoints": [{"id": "ad", "name": "Ad", "channel": "search"}]},
      {"id": "buy", "name": "Buy", "level": "active", "dropOff": 25, "touchpoints": [{"id": "call", "name": "Sales call", "channel": "phone", "cohorts": ["teams"]}]},
      {"id": "keep", "name": "Keep", "level": "invested"}
     ]}
    """#

    func journeyFile() throws -> URL {
        let dir = Fixture.tempDir(self)
        try Self.journey.write(to: dir.appendingPathComponent("small.json"), atomically: true, encoding: .utf8)
        return dir
    }

    func testTextPutsTheLeakFirstThenTheFunnelStagesAndCohorts() throws {
        let r = try journeyman("forecast", "small.json", cwd: try journeyFile())
        XCTAssertEqual(r, RunResult(status: 0, stdout: """
            Forecast of "Café plans": 12 months, all cohorts, money in USD
            Biggest leak: Visit, 3,120 customers lost, 168,000 of value.
            Value is earned at Buy (the first stage at level Active or later).

            Funnel: customers entering each stage
            Visit ████████████████████████████████████████████████████████████████████ 5,200
            Buy   ███████████████████████████▎                                         2,080
            Keep  ████████████████████▍                                                1,560

            Stage  Entering   Lost  Drop-off  Revenue    Cost   Margin
            Visit     5,200  3,120       60%        0  25,000  -25,000
            Buy       2,080    520       25%  112,000   6,000  106,000
            Keep      1,560      0        0%        0       0        0
            Total     5,200  3,640       70%  112,000  31,000   81,000

            Cohort    Entering  Reaching last  Revenue    Cost  Margin
            Browsers     5,000          1,500   40,000  10,000  30,000
            Teams          200             60   72,000  21,000  51,000

            Cost against revenue (█ cost, ░ revenue, ▓ cost over revenue; longest bar
              72,000)
            Browsers █████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░                               25%
            Teams    ████████████████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░ 29%

            Biggest leak per cohort:
              Browsers: Visit, 3,000 customers lost, 60,000 of value.
              Teams: Visit, 120 customers lost, 108,000 of value.

            Assumed:
            - Stage "keep" has no drop-off: taken as 0% (everyone entering it passes).
            """ + "\n", stderr: ""))
    }

    func testNarrowASCIIWithTheHorizonDates() throws {
        let r = try journeyman("forecast", "small.json", "--width", "40", "--ascii", "--today", "2026-01-31", cwd: try journeyFile())
        XCTAssertEqual(r, RunResult(status: 0, stdout: """
            Forecast of "Cafe plans": 12 months from
              2026-01-31 to 2027-01-31, all cohorts,
              money in USD
            Biggest leak: Visit, 3,120 customers
              lost, 168,000 of value.
            Value is earned at Buy (the first stage
              at level Active or later).

            Funnel: customers entering each stage
            Visit ############################ 5,200
            Buy   ###########                  2,080
            Keep  ########                     1,560

            Visit
              entering 5,200, lost 3,120, drop-off
              60%, revenue 0, cost 25,000, margin
              -25,000
            Buy
              entering 2,080, lost 520, drop-off
              25%, revenue 112,000, cost 6,000,
              margin 106,000
            Keep
              entering 1,560, lost 0, drop-off 0%,
              revenue 0, cost 0, margin 0
            Total
              entering 5,200, lost 3,640, drop-off
              70%, revenue 112,000, cost 31,000,
              margin 81,000

            Browsers
              entering 5,000, reaching last 1,500,
              revenue 40,000, cost 10,000, margin
              30,000
            Teams
              entering 200, reaching last 60,
              revenue 72,000, cost 21,000, margin
              51,000

            Cost against revenue (# cost, . revenue,
              ! cost over revenue; longest bar
              72,000)
            Browsers ####...........             25%
            Teams    ########................... 29%

            Biggest leak per cohort:
              Browsers: Visit, 3,000 customers lost,
                60,000 of value.
              Teams: Visit, 120 customers lost,
                108,000 of value.

            Assumed:
            - Stage "keep" has no drop-off: taken as
              0% (everyone entering it passes).
            """ + "\n", stderr: ""))
    }

    func testOneCohort() throws {
        let r = try journeyman("forecast", "small.json", "--cohort", "teams", "--width", "60", cwd: try journeyFile())
        XCTAssertEqual(r, RunResult(status: 0, stdout: """
            Forecast of "Café plans": 12 months, cohort "Teams", money
              in USD
            Biggest leak: Visit, 120 customers lost, 108,000 of value.
            Value is earned at Buy (the first stage at level Active or
              later).

            Funnel: customers entering each stage
            Visit ██████████████████████████████████████████████████ 200
            Buy   ████████████████████                                80
            Keep  ███████████████                                     60

            Stage  Entering  Lost  Drop-off  Revenue    Cost   Margin
            Visit       200   120       60%        0  15,000  -15,000
            Buy          80    20       25%   72,000   6,000   66,000
            Keep         60     0        0%        0       0        0
            Total       200   140       70%   72,000  21,000   51,000

            Cohort  Entering  Reaching last  Revenue    Cost  Margin
            Teams        200             60   72,000  21,000  51,000

            Cost against revenue (█ cost, ░ revenue, ▓ cost over
              revenue; longest bar 72,000)
            Teams ███████████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░ 29%

            Biggest leak per cohort:
              Teams: Visit, 120 customers lost, 108,000 of value.

            Assumed:
            - Stage "keep" has no drop-off: taken as 0% (everyone
              entering it passes).
            """ + "\n", stderr: ""))
    }

    func testColumnsIsTheWidthWhenNoneIsGiven() throws {
        let dir = try journeyFile()
        let byOption = try journeyman("forecast", "small.json", "--width", "44", cwd: dir)
        XCTAssertEqual(try journeyman("forecast", "small.json", cwd: dir, env: ["COLUMNS": "44"]), byOption)
        XCTAssertNotEqual(try journeyman("forecast", "small.json", cwd: dir), byOption)
    }

    /// Every sample at widths from 20 to 120, with and without --ascii: no line wider than asked,
    /// pure ASCII when asked, and never a NaN.
    /// In-process (the command's own code, 84 runs); one run through the binary prints the same.
    func testEveryLineFitsTheWidthOnEverySample() throws {
        let first = ["forecast", Fixture.samples[0].path, "--width", "40"]
        XCTAssertEqual(try journeyman(arguments: first), InProcess.run(first))
        for url in Fixture.samples {
            for width in [20, 23, 31, 40, 57, 80, 120] {
                for ascii in [false, true] {
                    let r = InProcess.run(["forecast", url.path, "--width", String(width)] + (ascii ? ["--ascii"] : []))
                    XCTAssertEqual(r.status, 0, "\(url.lastPathComponent) \(width)")
                    for line in r.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
                        XCTAssertLessThanOrEqual(TerminalText.width(String(line)), width, "\(url.lastPathComponent) at \(width): \(line)")
                    }
                    if ascii { XCTAssertTrue(r.stdout.utf8.allSatisfy { $0 < 0x80 }, url.lastPathComponent) }
                    let words = r.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," })
                    XCTAssertFalse(words.contains { ["nan", "NaN", "n/a", "inf"].contains($0) }, url.lastPathComponent)
                }
            }
        }
    }

    func testJSONIsCanonicalForJqAndCarriesTheFigures() throws {
        let dir = try journeyFile()
        let r = try journeyman("forecast", "small.json", "--format", "json", cwd: dir)
        XCTAssertEqual(r.status, 0)
        try r.stdout.write(to: dir.appendingPathComponent("f.json"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try shell("jq -S --indent 2 . f.json | cmp - f.json", cwd: dir).status, 0, "a fixed point of jq -S")
        let q = try shell(#"jq -r '[.totals.entering, .totals.revenue, .totals.cost, .totals.margin, .leak.stage, .valueStage.id, .valueStage.rule, (.stages | map(.lost) | join(" ")), (.cohorts | map(.id + "=" + (.cost | tostring)) | join(" "))] | join(",")' f.json"#, cwd: dir)
        XCTAssertEqual(q, RunResult(status: 0, stdout: "5200,112000,31000,81000,visit,buy,level,3120 520 0,browsers=10000 teams=21000\n", stderr: ""))
    }

    func testCSVReadsBackWithPythonsCSV() throws {
        let dir = try journeyFile()
        let r = try journeyman("forecast", "small.json", "--format", "csv", cwd: dir)
        XCTAssertEqual(r.status, 0)
        try r.stdout.write(to: dir.appendingPathComponent("f.csv"), atomically: true, encoding: .utf8)
        let back = try shell(#"python3 -c 'import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))))' f.csv"#, cwd: dir)
        XCTAssertEqual(back.status, 0, back.stderr)
        let rows = try JSONSerialization.jsonObject(with: Data(back.stdout.utf8)) as! [[String]]
        XCTAssertEqual(rows, [
            ["scenario", "cohort", "stage", "stageName", "entering", "lost", "dropOff", "revenue", "cost", "margin", "leakValue"],
            ["as-is", "browsers", "visit", "Visit", "5000", "3000", "60", "0", "10000", "-10000", "60000"],
            ["as-is", "browsers", "buy", "Buy", "2000", "500", "25", "40000", "0", "40000", "10000"],
            ["as-is", "browsers", "keep", "Keep", "1500", "0", "0", "0", "0", "0", "0"],
            ["as-is", "teams", "visit", "Visit", "200", "120", "60", "0", "15000", "-15000", "108000"],
            ["as-is", "teams", "buy", "Buy", "80", "20", "25", "72000", "6000", "66000", "18000"],
            ["as-is", "teams", "keep", "Keep", "60", "0", "0", "0", "0", "0", "0"],
            ["as-is", "", "visit", "Visit", "5200", "3120", "60", "0", "25000", "-25000", "168000"],
            ["as-is", "", "buy", "Buy", "2080", "520", "25", "112000", "6000", "106000", "28000"],
            ["as-is", "", "keep", "Keep", "1560", "0", "0", "0", "0", "0", "0"],
        ])
    }

    func testErrors() throws {
        let dir = try journeyFile()
        let usage = "Usage: journeyman forecast <FILE> [--cohort <ID>] [--scenario <NAME>] [--compare <NAME>] [--format <format>] [--width <N>] [--ascii] [--today <YYYY-MM-DD>] [--max-bytes <N>]\n  See 'journeyman forecast --help' for more information.\n"
        XCTAssertEqual(try journeyman("forecast", "small.json", "--cohort", "nope", cwd: dir),
                       RunResult(status: 64, stdout: "", stderr: "forecast: no cohort \"nope\" in small.json; its cohorts: browsers, teams\n"))
        XCTAssertEqual(try journeyman("forecast", "small.json", "--width", "19", cwd: dir),
                       RunResult(status: 64, stdout: "", stderr: "Error: --width must be at least 20\n" + usage))
        XCTAssertEqual(try journeyman("forecast", "small.json", "--today", "2026-02-30", cwd: dir),
                       RunResult(status: 64, stdout: "", stderr: "Error: --today must be a date written YYYY-MM-DD\n" + usage))
        XCTAssertEqual(try journeyman("forecast", "missing.json", cwd: dir).status, 66)
        XCTAssertEqual(try journeyman("forecast", "small.json", "--width", "-1", cwd: dir),
                       RunResult(status: 64, stdout: "", stderr: "Error: --width must be a positive number, not '-1'\n" + usage))
        // A huge width lays out as 1,000 cells: no line is wider than that, and nothing runs out of memory.
        let wide = try journeyman("forecast", "small.json", "--width", String(Int.max), cwd: dir)
        XCTAssertEqual(wide.status, 0)
        XCTAssertEqual(wide.stdout.split(separator: "\n").map { TerminalText.width(String($0)) }.max(), 1000)
        XCTAssertEqual(try journeyman("forecast", "small.json", "--compare", "to-be", cwd: dir),
                       RunResult(status: 64, stdout: "", stderr: "forecast: no scenario \"to-be\" in small.json (it has none)\n"))
        XCTAssertEqual(try journeyman("forecast", "small.json", "--scenario", "a", "--compare", "b", cwd: dir),
                       RunResult(status: 64, stdout: "", stderr: "Error: --scenario and --compare cannot be used together: --compare NAME shows the scenario beside the journey as-is\n" + usage))
    }

    /// The worked example of docs/forecast.md: its journey, run as the doc says, prints the doc's blocks.
    func testTheDocsExample() throws {
        let doc = try String(contentsOf: Fixture.root.appendingPathComponent("docs/forecast.md"), encoding: .utf8)
        func blocks(_ language: String) -> [String] {
            doc.components(separatedBy: "```" + language + "\n").dropFirst().map { $0.components(separatedBy: "\n```")[0] + "\n" }
        }
        let dir = Fixture.tempDir(self)
        try blocks("json")[0].write(to: dir.appendingPathComponent("tea-club.json"), atomically: true, encoding: .utf8)
        let text = blocks("text")
        XCTAssertEqual(text.count, 2)
        XCTAssertEqual(try journeyman("forecast", "tea-club.json", "--width", "72", cwd: dir), RunResult(status: 0, stdout: text[0], stderr: ""))
        XCTAssertEqual(try journeyman("forecast", "tea-club.json", "--compare", "regulars-on-hybrid", "--width", "72", cwd: dir),
                       RunResult(status: 0, stdout: text[1], stderr: ""))
        // By name as well as by id; the scenario applied says so under the heading.
        let named = try journeyman("forecast", "tea-club.json", "--scenario", "Regulars on hybrid", "--width", "72", cwd: dir)
        XCTAssertEqual(named.status, 0)
        XCTAssertEqual(named.stdout.split(separator: "\n").prefix(2), ["Forecast of \"Tea club\": 12 months, all cohorts, money in USD",
                                                                      "As the scenario \"Regulars on hybrid\" makes it."])
        let csv = try journeyman("forecast", "tea-club.json", "--compare", "regulars-on-hybrid", "--format", "csv", cwd: dir)
        XCTAssertEqual(csv.stdout.split(separator: "\r\n").filter { $0.hasPrefix("regulars-on-hybrid,,") }, [
            "regulars-on-hybrid,,discover,Discover,1100,500,45.45,0,4416.67,-4416.67,5000",
            "regulars-on-hybrid,,buy,Buy,967.74,193.55,20,24193.55,6586.02,17607.53,4838.71",
            "regulars-on-hybrid,,stay,Stay,774.19,38.71,5,0,10107.53,-10107.53,967.74",
        ])
        let json = try shell("'\(Fixture.binary)' forecast tea-club.json --compare regulars-on-hybrid --format json | jq -c '[.scenario, .change.revenue, .change.cost, .toBe.totals.margin]'", cwd: dir)
        XCTAssertEqual(json.stdout, #"[{"id":"regulars-on-hybrid","name":"Regulars on hybrid"},756.05,18493.55,3083.33]"# + "\n")
    }

    /// `recommend --save-scenario` writes the advice into the file as a scenario, canonically, replacing
    /// its earlier self on a second run; `forecast --compare` then shows what it changes.
    func testRecommendSavesItsAdviceAsAScenario() throws {
        let dir = Fixture.tempDir(self)
        try StrategyCommandTests.journey.write(to: dir.appendingPathComponent("r.json"), atomically: true, encoding: .utf8)
        let plain = try journeyman("recommend", "r.json", cwd: dir)
        let r = try journeyman("recommend", "r.json", "--save-scenario", "To-be: advice", cwd: dir)
        XCTAssertEqual(r, RunResult(status: 0, stdout: plain.stdout + "\nSaved scenario \"To-be: advice\" (to-be-advice) in r.json: 2 cohorts change model or layers.\n", stderr: ""))
        let saved = try JourneyFile.read(dir.appendingPathComponent("r.json").path).journey
        XCTAssertEqual(saved.scenarios, [Scenario(id: "to-be-advice", name: "To-be: advice",
                                                  description: "The engagement models journeyman recommend advises, per cohort.",
                                                  cohorts: [CohortOverride(cohort: "starters", model: "low-touch", layers: ["ai-augmented"]),
                                                            CohortOverride(cohort: "studios", model: "hybrid")])])
        XCTAssertEqual(try journeyman("fmt", "--check", "r.json", cwd: dir).status, 0, "written canonically")
        // Again, by name, in JSON: the same scenario replaced, the note on stderr so stdout stays JSON.
        let again = try journeyman("recommend", "r.json", "--save-scenario", "To-be: advice", "--format", "json", cwd: dir)
        XCTAssertEqual(again.stderr, "Saved scenario \"To-be: advice\" (to-be-advice) in r.json: 2 cohorts change model or layers.\n")
        XCTAssertEqual(try runProcess("/bin/bash", ["-c", "jq -e .cohorts"], stdin: again.stdout).status, 0)
        XCTAssertEqual(try JourneyFile.read(dir.appendingPathComponent("r.json").path).journey.scenarios.map(\.id), ["to-be-advice"])
        // Starters: 20,000 move from tech-touch (2) to low-touch + AI (8 + 3); studios: 500 from low-touch (8) to hybrid (100).
        let compare = try journeyman("forecast", "r.json", "--compare", "to-be-advice", "--format", "json", cwd: dir)
        XCTAssertEqual(try runProcess("/bin/bash", ["-c", "jq -c '[.asIs.totals.cost, .toBe.totals.cost]'"], stdin: compare.stdout).stdout, "[44000,270000]\n")
        XCTAssertEqual(try journeyman("recommend", "r.json", "--save-scenario", " ", cwd: dir).status, 64)
    }
}
