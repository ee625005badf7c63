import JourneyKit
import XCTest

final class CoverageTests: XCTestCase {
    func testByModelCountsOwnModelElseCohortModelsPlusLayers() throws {
        let j = try LintFixture.document(LintFixture.clean).journey
        let grid = Coverage(j, by: .model)
        XCTAssertEqual(grid.columns.map(\.id), EngagementModel.ids)
        // Search ad reaches all three cohorts (tech-touch, hybrid, high-touch); the welcome flow reaches
        // free and pro; the setup call is high-touch itself.
        let ht = 0, hyb = 2, tech = 3
        XCTAssertEqual(grid.counts[0][ht], 1)
        XCTAssertEqual(grid.counts[1][ht], 1)
        XCTAssertEqual(grid.counts[1][hyb], 1)
        XCTAssertEqual(grid.counts[1][tech], 1)
        XCTAssertEqual(grid.counts.map { $0.reduce(0, +) }, [3, 3, 3, 3, 3])
        XCTAssertEqual(grid.emptyCells.count, 20)
    }

    func testByCohort() throws {
        let j = try LintFixture.document(LintFixture.clean).journey
        let grid = Coverage(j, by: .cohort)
        XCTAssertEqual(grid.columns.map(\.id), ["free", "pro", "enterprise"])
        XCTAssertEqual(grid.counts[1], [1, 1, 1])
        var narrow = j
        narrow.stages[1].touchpoints.removeLast()
        XCTAssertEqual(Coverage(narrow, by: .cohort).counts[1], [1, 1, 0])
        XCTAssertEqual(Coverage(narrow, by: .cohort).emptyCells.map { "\($0.row),\($0.column)" }, ["1,2"])
    }

    func testLinesFitTheWidthAndNumberColumnsWhenTheyMust() throws {
        let j = try LintFixture.document(LintFixture.clean).journey
        let wide = Coverage(j, by: .cohort).lines(width: 80, ascii: true)
        XCTAssertEqual(wide[0], "             Free users  Pro teams  Enterprise")
        XCTAssertEqual(wide[1], "Acquisition           1          1           1")
        for width in [20, 30, 44] {
            let lines = Coverage(j, by: .model).lines(width: width, ascii: true)
            let grid = lines.prefix(6)
            XCTAssertTrue(grid.allSatisfy { TerminalText.width($0) <= width }, "\(width): \(lines)")
            XCTAssertTrue(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
        }
        let numbered = Coverage(j, by: .model).lines(width: 30, ascii: true)
        XCTAssertEqual(numbered[0], "          1  2  3  4  5  6  7")
        XCTAssertEqual(numbered[1], "Acquisi~  1  .  1  1  .  .  .")
        XCTAssertTrue(numbered.contains("4 = Tech-touch / no-touch"))
        XCTAssertEqual(Coverage.cut("Acquisition", to: 8, ascii: false), "Acquisi\u{2026}")
    }
}
