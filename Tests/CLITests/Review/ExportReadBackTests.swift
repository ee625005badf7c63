import Foundation
import JourneyKit
import XCTest

/// Exports read back by the tools they are for: Graphviz, Python's csv module.
final class ExportReadBackTests: XCTestCase {
    static let journeys = ["coffee", "coffee-edited", "hostile"]

    func export(_ name: String, _ format: String) throws -> String {
        let r = try journeyman("export", ReviewFixture.path(name), "--format", format)
        XCTAssertEqual(r.status, 0, r.description)
        return r.stdout
    }

    func testGraphvizRendersEveryDotExportWithoutComplaint() throws {
        XCTAssertEqual(try shell("command -v dot").status, 0, "Graphviz is not installed; .ci/run installs it")
        let dir = Fixture.tempDir(self)
        for name in Self.journeys {
            let file = dir.appendingPathComponent("\(name).dot")
            try Data(try export(name, "dot").utf8).write(to: file)
            let r = try shell("dot -Tsvg '\(file.path)' -o '\(file.path).svg'")
            XCTAssertEqual(r.status, 0, "\(name): \(r.description)")
            XCTAssertEqual(r.stderr, "", name)
            let svg = try String(contentsOfFile: file.path + ".svg", encoding: .utf8)
            XCTAssertTrue(svg.contains("</svg>"), name)
        }
    }

    /// Every cell Python reads back equals the journey's value (control characters removed).
    func testPythonCSVReadsBackEveryTouchpointFieldByField() throws {
        let dir = Fixture.tempDir(self)
        for name in Self.journeys {
            let file = dir.appendingPathComponent("\(name).csv")
            try Data(try export(name, "csv").utf8).write(to: file)
            let r = try shell("python3 -c 'import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline=\"\", encoding=\"utf-8\")))))' '\(file.path)'")
            XCTAssertEqual(r.status, 0, r.description)
            let rows = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String]]
            let journey = try JourneyFile.read(ReviewFixture.path(name)).journey
            XCTAssertEqual(rows.first, CSVExport.columns)
            var expected: [[String: String]] = []
            for s in journey.stages {
                for (i, t) in s.touchpoints.enumerated() {
                    expected.append([
                        "stage": s.id, "stageName": s.name, "position": "\(i + 1)", "id": t.id, "name": t.name,
                        "channel": t.channel ?? "", "trigger.kind": t.trigger?.kind.rawValue ?? "", "trigger.detail": t.trigger?.detail ?? "",
                        "model": t.model ?? "", "layers": t.layers.joined(separator: "; "), "cohorts": t.cohorts.joined(separator: "; "),
                        "owner": t.owner, "content": t.content, "escalation": t.escalation, "status": t.status?.rawValue ?? "",
                        "evidence": t.evidence?.rawValue ?? "", "notes": t.notes,
                        "suppress": t.suppress.map { $0.rule + ": " + $0.reason }.joined(separator: "; "),
                    ].mapValues(ReviewText.multiline))
                }
            }
            XCTAssertEqual(rows.count - 1, expected.count, name)
            for (row, want) in zip(rows.dropFirst(), expected) {
                XCTAssertEqual(row.count, CSVExport.columns.count, name)
                for (column, value) in zip(CSVExport.columns, row) where column != "kpis" {
                    XCTAssertEqual(value, want[column], "\(name) \(want["id"]!) \(column)")
                }
            }
        }
        let coffee = try export("coffee", "csv")
        XCTAssertTrue(coffee.contains("\r\npost-purchase-experience,Post-purchase experience,2,refill-reminder,Refill reminder,push,schedule,3 days before run-out,low-touch,ai-augmented,new-subscribers; office-accounts,CRM,,\"Reorder rate (outcome, target 60%)\",,live,,,\r\n"), coffee)
    }
}
