import Foundation
import TestSupport
import JourneyKit
import XCTest

/// Whole outputs of summary, diff and export compared with golden files.
final class ReviewGoldenTests: XCTestCase {
    /// The fixtures and, once they exist, three of the samples in Journeys/ (the neobank for its
    /// health scores and routing rules).
    var journeys: [(name: String, path: String)] {
        var out = [("coffee", ReviewFixture.path("coffee"))]
        for sample in ["retailer-loyalty-mckinsey", "subscription-box-aarrr", "neobank-laer"] {
            let url = Fixture.root.appendingPathComponent("Journeys/\(sample).json")
            if FileManager.default.fileExists(atPath: url.path) { out.append((sample, url.path)) }
        }
        return out
    }

    /// The binary's run of `args`, on a fixed day for summary and export.
    static func run(_ args: [String], env: [String: String] = [:]) throws -> RunResult {
        // A fixed day, so the review-age lint rule gives the same highlights every day.
        let fixed = ["summary", "export"].contains(args.first ?? "") ? ["--today", "2026-11-22"] : []
        return try journeyman(arguments: args + fixed, env: env)
    }

    func output(_ args: [String], status: Int32 = 0, env: [String: String] = [:]) throws -> String {
        check(try Self.run(args, env: env), status: status)
    }

    @discardableResult
    func check(_ r: RunResult, status: Int32 = 0) -> String {
        XCTAssertEqual(r.status, status, r.description)
        XCTAssertEqual(r.stderr, "", r.description)
        return r.stdout
    }

    /// Each journey's outputs for these argument lists (the journey's path after the command),
    /// run on a few threads; checked in order on this thread.
    func outputs(_ lists: [[String]]) throws -> [(name: String, outputs: [String])] {
        let runs = journeys.flatMap { j in lists.map { [$0[0], j.path] + $0.dropFirst() } }
        let results = try Parallel.map(runs) { try Self.run($0) }.map { check($0) }
        return journeys.enumerated().map { k, j in (j.name, Array(results[(k * lists.count)..<((k + 1) * lists.count)])) }
    }

    func testSummaryText() throws {
        let widths = [40, 80, 120]
        for (name, out) in try outputs(widths.map { ["summary", "--width", "\($0)"] } + [["summary", "--ascii"]]) {
            for (width, text) in zip(widths, out) { Golden.check(text, "Review/\(name).summary-\(width).txt") }
            Golden.check(out[3], "Review/\(name).summary-ascii.txt")
        }
    }

    /// The funnel chart at the narrow widths, where labels, bars and figures compete for room.
    func testSummaryFunnelAtNarrowWidths() throws {
        let path = ReviewFixture.path("coffee")
        for width in [10, 24] {
            let out = try output(["summary", path, "--width", "\(width)"])
            for line in out.split(separator: "\n") { XCTAssertLessThanOrEqual(TerminalText.width(String(line)), width, "\(width): \(line)") }
            Golden.check(SummaryGoldenSection.funnel(out), "Review/coffee.funnel-\(width).txt")
            let ascii = try output(["summary", path, "--width", "\(width)", "--ascii"])
            Golden.check(SummaryGoldenSection.funnel(ascii), "Review/coffee.funnel-\(width)-ascii.txt")
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
        let formats = [["mermaid"], ["mermaid", "--flowchart"], ["csv"], ["csv", "--table", "cohorts"], ["dot"], ["svg"], ["html"]]
        for (name, out) in try outputs(formats.map { ["export", "--format"] + $0 }) {
            Golden.check(out[0], "Review/\(name).journey.mmd")
            Golden.check(out[1], "Review/\(name).flowchart.mmd")
            Golden.check(out[2], "Review/\(name).csv")
            Golden.check(out[3], "Review/\(name).cohorts.csv")
            Golden.check(out[4], "Review/\(name).dot")
            let svg = out[5]
            Golden.check(svg, "Review/\(name).map.svg")
            let html = out[6]
            XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n"), name)
            XCTAssertTrue(html.contains("\n<body>\n" + svg.dropFirst("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".count) + "</body>\n</html>\n"), name)
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

/// The full summary, charts included, keeps every line within the width on every sample.
///
/// Every sample at every width runs in-process (on a few threads); the binary runs a fixed
/// sample of them (one width per journey, rotating) and must print the same bytes. The full
/// run (`SlowTests`) sends every case through the binary too.
final class SummaryWidthTests: XCTestCase {
    static let widths = [10, 13, 20, 33, 57, 80, 121]

    func testEveryLineOfEverySummaryFitsAndASCIIIsASCII() throws {
        let journeys = Fixture.samples.map(\.path) + ["coffee", "hostile"].map(ReviewFixture.path)
        var cases: [(path: String, width: Int, ascii: Bool, binary: Bool)] = []
        for (j, path) in journeys.enumerated() {
            for (w, width) in Self.widths.enumerated() {
                for ascii in [false, true] {
                    cases.append((path, width, ascii, SlowTests.enabled || w == j % Self.widths.count))
                }
            }
        }
        let results = try Parallel.map(cases) { c -> (inProcess: RunResult, binary: RunResult?) in
            let args = ["summary", c.path, "--today", "2026-11-22", "--width", "\(c.width)"] + (c.ascii ? ["--ascii"] : [])
            return (InProcess.run(args), c.binary ? try journeyman(arguments: args) : nil)
        }
        var hasCustomers: [String: Bool] = [:]
        for path in journeys {
            hasCustomers[path] = try JourneyFile.read(path).journey.cohorts.contains { ($0.size ?? 0) > 0 || ($0.inflowPerYear ?? 0) > 0 }
        }
        for (c, result) in zip(cases, results) {
            let (path, width, ascii) = (c.path, c.width, c.ascii)
            let (r, binary) = result
            XCTAssertEqual(r.status, 0, r.description)
            if let binary { XCTAssertEqual(binary, r, "\(path) at \(width): the binary differs from the in-process run") }
            for line in r.stdout.split(separator: "\n") {
                XCTAssertLessThanOrEqual(TerminalText.width(String(line)), width, "\(path) at \(width): \(line)")
            }
            if ascii { XCTAssertTrue(r.stdout.utf8.allSatisfy { $0 < 0x80 }, "\(path) at \(width)") }
            XCTAssertEqual(r.stdout.contains("\nFunnel\n"), hasCustomers[path], "\(path) at \(width)")
        }
        print("SummaryWidthTests (\(SlowTests.mode)): \(cases.count) summaries in-process, \(cases.filter(\.binary).count) through the binary")
    }
}

/// A section of a text summary, by its heading.
enum SummaryGoldenSection {
    /// The funnel section: its heading to the next blank line.
    static func funnel(_ summary: String) -> String {
        let lines = summary.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "Funnel") else { return "" }
        let end = lines[start...].firstIndex(of: "") ?? lines.endIndex
        return lines[start..<end].joined(separator: "\n") + "\n"
    }
}

/// The brief fits a slide: at most 15 lines, none wider than the width.
final class SummaryBriefTests: XCTestCase {
    func testEveryBriefIsAtMostFifteenLinesAndOpensTheFullSummary() throws {
        let journeys = Fixture.samples.map(\.path) + ["coffee", "hostile"].map(ReviewFixture.path)
        let cases = journeys.flatMap { path in [40, 80].map { (path, $0) } }
        let runs = try Parallel.map(cases) { path, width in
            (try journeyman("summary", path, "--brief", "--today", "2026-11-22", "--width", "\(width)"),
             try journeyman("summary", path, "--today", "2026-11-22", "--width", "\(width)"))
        }
        for ((path, width), (r, full)) in zip(cases, runs) {
            XCTAssertEqual(r.status, 0, r.description)
            let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            XCTAssertLessThanOrEqual(lines.count, 15, "\(path) at \(width):\n\(r.stdout)")
            for line in lines { XCTAssertLessThanOrEqual(TerminalText.width(String(line)), width, "\(path): \(line)") }
            XCTAssertTrue(full.stdout.hasPrefix(r.stdout), "\(path): the full summary does not open with the brief")
        }
    }

    func testTheBriefOfCoffee() throws {
        let r = try journeyman("summary", ReviewFixture.path("coffee"), "--brief", "--today", "2026-11-22")
        XCTAssertEqual(r, RunResult(status: 0, stdout: """
            Bean Club: coffee subscription
            ══════════════════════════════
            Shape     McKinsey Consumer Decision Journey: 4 stages, 7 touchpoints, 2 cohorts
            Funnel    2,768 of 12,300 customers reach Post-purchase experience; biggest leak
                      at Initial consideration: 8,610 lost, USD 2,016,000
            Money     cost to serve USD 582,000 a year against value USD 2,880,000 (20%)
                      every cohort is worth more than it costs
            Problems  0 errors, 12 warnings, 1 info; the worst 3:
                      • warning JM034: Cohort "New subscribers" is reached in 3 channels be…
                      • warning JM034: Cohort "Office accounts" is reached in 3 channels be…
                      • warning JM022: Cohort "Office accounts" costs USD 450,000 a year to…
            Models    New subscribers: Low-touch, advised Tech-touch / no-touch; Office
                      accounts: Barista call, advised Hybrid
            Reviewed  2026-05-01, 205 days ago

            """, stderr: ""))
        let md = try journeyman("summary", ReviewFixture.path("coffee"), "--brief", "--format", "markdown")
        XCTAssertEqual(md.status, 64)
        XCTAssertTrue(md.stderr.contains("--brief needs --format text"), md.stderr)
    }
}
