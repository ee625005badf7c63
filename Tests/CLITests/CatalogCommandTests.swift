import XCTest

final class CatalogCommandTests: XCTestCase {
    func testFrameworksListsEveryFrameworkWithExactStages() throws {
        let r = try journeyman("frameworks")
        XCTAssertEqual(r.status, 0, r.description)
        XCTAssertEqual(r.stderr, "")
        XCTAssertTrue(r.stdout.contains("aarrr  AARRR (\"pirate metrics\")\n  stages     Acquisition > Activation > Retention > Referral > Revenue\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("""
            mckinsey-cdj  McKinsey Consumer Decision Journey
              stages     Initial consideration > Active evaluation > Purchase >
                         Post-purchase experience
              loop       Post-purchase experience -> Purchase (Loyalty loop)

            """), r.stdout)
        XCTAssertTrue(r.stdout.contains("aida  AIDA\n  stages     Attention > Interest > Desire > Action\n  also       Attention is also called Awareness\n"), r.stdout)
    }

    func testCatalogsWrapToTheTerminalWidth() throws {
        for command in ["frameworks", "models"] {
            for columns in [40, 60, 100] {
                let r = try journeyman(command, env: ["COLUMNS": String(columns)])
                XCTAssertEqual(r.status, 0)
                let widest = r.stdout.components(separatedBy: "\n").map(\.count).max() ?? 0
                XCTAssertLessThanOrEqual(widest, columns, "\(command) at \(columns):\n\(r.stdout)")
            }
        }
        let wide = try journeyman("models", env: ["COLUMNS": "200"])
        XCTAssertTrue(wide.stdout.contains("  trap        Batch-and-blast: behavioural triggers beat it (push opens 14.4% vs 4.19%, about 3.4x).\n"), wide.stdout)
    }

    func testFrameworksJSONIsReadByJq() throws {
        let r = try shell("'\(Fixture.binary)' frameworks --json | jq -r '.[].id'")
        XCTAssertEqual(r.stdout, "aarrr\nrace\naida\nlaer\nmckinsey-cdj\n", r.description)
    }

    func testModelsListsTheSevenModels() throws {
        let r = try shell("'\(Fixture.binary)' models --json | jq -r '.[].id'")
        XCTAssertEqual(r.stdout, "high-touch\nlow-touch\nhybrid\ntech-touch\ncommunity\nhvc\nai-augmented\n", r.description)
        let text = try journeyman("models")
        XCTAssertEqual(text.status, 0)
        XCTAssertTrue(text.stdout.hasPrefix("high-touch  High-touch  [HIGH]\n  what it is  Personal, human-led"), text.stdout)
    }

    func testVersion() throws {
        let r = try journeyman("--version")
        XCTAssertEqual(r, RunResult(status: 0, stdout: "0.1.0\n", stderr: ""))
    }
}
