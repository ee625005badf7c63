import Foundation
import XCTest

/// The sample journeys give advice, not errors; deals-app-race.json shows warnings on purpose.
final class SampleLintTests: XCTestCase {
    /// `rule severity` of each finding in one sample, judged on a fixed day.
    func findings(_ sample: URL) throws -> (status: Int32, findings: [String]) {
        let r = try shell("'\(Fixture.binary)' lint --format json --today 2026-11-22 '\(sample.path)' | jq -r '.files[0].findings[] | \"\\(.rule) \\(.severity) \\(.path)\"'")
        XCTAssertEqual(r.stderr, "", sample.lastPathComponent)
        let status = try journeyman("lint", "--today", "2026-11-22", sample.path).status
        return (status, r.stdout.split(separator: "\n").map(String.init))
    }

    func testNoSampleHasLintErrors() throws {
        XCTAssertGreaterThanOrEqual(Fixture.samples.count, 6)
        for sample in Fixture.samples {
            let (status, found) = try findings(sample)
            XCTAssertEqual(status, 0, "\(sample.lastPathComponent): \(found)")
            XCTAssertFalse(found.contains { $0.contains(" error ") }, "\(sample.lastPathComponent): \(found)")
        }
    }

    func testDealsAppShowsItsDeliberateWarnings() throws {
        let sample = Fixture.root.appendingPathComponent("Journeys/deals-app-race.json")
        let (status, found) = try findings(sample)
        XCTAssertEqual(status, 0)
        XCTAssertEqual(found.filter { $0.contains(" warning ") }, [
            // "New sign-ups" and "Weekly redeemers" meet a support chat before buying and nobody after it;
            // the AI layer (3 a year) over tech-touch takes 28% of a sign-up's 18 a year.
            "JM034 warning .cohorts[1]",
            "JM022 warning .cohorts[1].model",
            "JM034 warning .cohorts[2]",
            "JM009 warning .lastReviewed",
            "JM006 warning .stages[0].kpis",
            "JM015 warning .stages[2].touchpoints[2]",
        ])
        // With --strict the warnings fail the run, as a CI gate would.
        XCTAssertEqual(try journeyman("lint", "--strict", "--today", "2026-11-22", sample.path).status, 1)
    }

    func testOtherSamplesHaveNoWarnings() throws {
        for sample in Fixture.samples where sample.lastPathComponent != "deals-app-race.json" {
            let (_, found) = try findings(sample)
            XCTAssertEqual(found.filter { !$0.contains(" info ") }, [], sample.lastPathComponent)
        }
    }
}
