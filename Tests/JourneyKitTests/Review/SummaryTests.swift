import JourneyKit
import XCTest

final class SummaryTests: XCTestCase {
    let extras = SummaryExtras(
        lintHighlights: ["error JM001: high-touch applied to every cohort", "warning JM004: only activity KPIs in stage \"Reach\" 日本"],
        costToServe: SummaryTable(columns: ["Cohort", "Model", "Customers", "Cost a year"], numeric: [false, false, true, true],
                                  rows: [["New subscribers", "Low-touch", "12,000", "60,000"], ["Office accounts 事務所", "Barista call", "300", "90,000"]]),
        costNotes: ["Total 150,000 a year against a value of 2,880,000."])

    /// No line is ever wider than the width, for any width from the minimum up.
    func testNoLineIsWiderThanTheWidth() throws {
        for journey in [try ReviewFixtures.coffee, try ReviewFixtures.journey("hostile")] {
            for width in 10...130 {
                for ascii in [false, true] {
                    let text = Summary.text(journey, options: SummaryOptions(width: width, ascii: ascii), extras: extras)
                    for line in text.split(separator: "\n") {
                        XCTAssertLessThanOrEqual(TerminalText.width(String(line)), width, "width \(width): \(line)")
                    }
                    if ascii { XCTAssertTrue(text.utf8.allSatisfy { $0 < 0x80 }) }
                }
            }
        }
    }

    func testExtrasAreShownAsATableWhenItFitsElseAsBlocks() throws {
        let j = try ReviewFixtures.coffee
        let wide = Summary.text(j, options: SummaryOptions(width: 80), extras: extras)
        assertEnds(wide, """
            Lint highlights
            ───────────────
            • error JM001: high-touch applied to every cohort
            • warning JM004: only activity KPIs in stage "Reach" 日本

            Cost to serve
            ─────────────
            Cohort                  Model         Customers  Cost a year
            ──────────────────────  ────────────  ─────────  ───────────
            New subscribers         Low-touch        12,000       60,000
            Office accounts 事務所  Barista call        300       90,000
            Total 150,000 a year against a value of 2,880,000.

            """)
        let narrow = Summary.text(j, options: SummaryOptions(width: 30, ascii: true), extras: extras)
        assertEnds(narrow, """
            Cost to serve
            -------------
            * New subscribers
              Model: Low-touch
              Customers: 12,000
              Cost a year: 60,000
            * Office accounts
              \\u{4E8B}\\u{52D9}\\u{6240}
              Model: Barista call
              Customers: 300
              Cost a year: 90,000
            Total 150,000 a year against a
            value of 2,880,000.

            """)
        let md = Summary.markdown(j, extras: extras)
        assertEnds(md, """
            ## Lint highlights

            - error JM001: high-touch applied to every cohort
            - warning JM004: only activity KPIs in stage "Reach" 日本

            ## Cost to serve

            | Cohort | Model | Customers | Cost a year |
            |---|---|---:|---:|
            | New subscribers | Low-touch | 12,000 | 60,000 |
            | Office accounts 事務所 | Barista call | 300 | 90,000 |

            Total 150,000 a year against a value of 2,880,000.

            """)
    }

    func assertEnds(_ text: String, _ tail: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(String(text.suffix(tail.count)), tail, file: file, line: line)
    }

    func testStrategyExtrasHoldLintCountsWorstFindingsAndCosts() throws {
        let j = try ReviewFixtures.coffee
        let report = Linter(today: "2026-11-22").lint(j)
        let extras = SummaryExtras(journey: j, lint: report, maxFindings: 2)
        XCTAssertEqual(extras.lintHighlights.first, report.summary)
        XCTAssertEqual(extras.lintHighlights.count, 4)
        XCTAssertEqual(extras.lintHighlights[1], "warning JM003: Stage \"Initial consideration\" has 2 touchpoints and no KPI: nobody knows whether it works.")
        XCTAssertEqual(extras.lintHighlights.last, "\(report.findings.filter { $0.severity != .info }.count - 2) more errors and warnings: run `journeyman lint` for all")
        XCTAssertEqual(extras.costToServe?.rows, [
            ["New subscribers", "12,000", "132,000", "2,160,000", "6%"],
            ["Office accounts", "300", "450,000", "720,000", "63%"],
            ["Total", "", "582,000", "2,880,000", "20%"],
        ])
        var noSizes = j
        for i in noSizes.cohorts.indices { noSizes.cohorts[i].size = nil }
        XCTAssertNil(SummaryExtras(journey: noSizes, lint: report).costToServe)
    }

    func testASCIIFoldsAccentsAndEscapesTheRest() {
        XCTAssertEqual(ReviewText.ascii("Café “quoted” — naïve 日本 😀"), "Cafe \"quoted\" - naive \\u{65E5}\\u{672C} \\u{1F600}")
    }

    func testMarkdownEscapesSyntax() {
        XCTAssertEqual(MarkdownText.escape("# a | b *c* [x](y) <b> & 1. \u{1B}[2J"), "\\# a \\| b \\*c\\* \\[x\\](y) \\<b\\> \\& 1.")
        XCTAssertEqual(MarkdownText.escape("- item"), "\\- item")
        XCTAssertEqual(MarkdownText.escape("12. point"), "12\\. point")
    }
}
