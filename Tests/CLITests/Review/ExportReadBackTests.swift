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
            for (si, s) in journey.stages.enumerated() {
                for (i, t) in s.touchpoints.enumerated() {
                    let cohortNames: [String] = t.cohorts.map { id in journey.cohorts.first { $0.id == id }?.name ?? id }
                    var row: [String: String] = ["stageOrder": "\(si + 1)", "stage": s.id, "stageName": s.name, "position": "\(i + 1)"]
                    row["id"] = t.id
                    row["name"] = t.name
                    row["channel"] = t.channel ?? ""
                    row["channelName"] = t.channel.map { Channel.named($0)?.name ?? $0 } ?? ""
                    row["trigger.kind"] = t.trigger?.kind.rawValue ?? ""
                    row["trigger.detail"] = t.trigger?.detail ?? ""
                    row["model"] = t.model ?? ""
                    row["modelName"] = t.model.map(journey.modelName) ?? ""
                    row["layers"] = t.layers.joined(separator: "; ")
                    row["layerNames"] = t.layers.map(journey.modelName).joined(separator: "; ")
                    row["cohorts"] = t.cohorts.joined(separator: "; ")
                    row["cohortNames"] = cohortNames.joined(separator: "; ")
                    row["owner"] = t.owner
                    row["content"] = t.content
                    row["escalation"] = t.escalation
                    row["status"] = t.status?.rawValue ?? ""
                    row["evidence"] = t.evidence?.rawValue ?? ""
                    row["sentiment"] = t.sentiment.map(String.init) ?? ""
                    row["painPoints"] = t.painPoints.joined(separator: "; ")
                    row["notes"] = t.notes
                    row["suppress"] = t.suppress.map { $0.rule + ": " + $0.reason }.joined(separator: "; ")
                    expected.append(row.mapValues { Self.defused(ReviewText.multiline($0)) })
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
        XCTAssertTrue(coffee.contains("\r\n4,post-purchase-experience,Post-purchase experience,2,refill-reminder,Refill reminder,push,Push,schedule,3 days before run-out,low-touch,Low-touch,ai-augmented,AI-augmented,new-subscribers; office-accounts,New subscribers; Office accounts,CRM,,\"Reorder rate (outcome, target 60%)\",,live,,,,,\r\n"), coffee)
    }

    /// A cell as a spreadsheet must see it: formula starters behind a single quote.
    static func defused(_ s: String) -> String {
        guard let f = s.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(f) else { return s }
        return "'" + s
    }

    /// Formula starters are defused in every table; --bom starts the file with U+FEFF; each table reads back.
    func testCSVTablesDefuseFormulasAndTakeABOM() throws {
        let dir = Fixture.tempDir(self)
        let j = Journey(title: "x", framework: FrameworkRef(id: "aarrr"),
                        stages: [Stage(id: "s", name: "=HYPERLINK(\"http://x\")", touchpoints: [
                            Touchpoint(id: "t", name: "+1", owner: "@owner", content: "-2", notes: "\tnote")])],
                        cohorts: [Cohort(id: "c", name: "=1+1", size: 10, valuePerUser: 50, model: "low-touch",
                                          routing: [RoutingRule(id: "r", signal: "-balance", condition: "falls, fast", action: "call", owner: "RM")])])
        let file = dir.appendingPathComponent("j.json")
        try Data(JourneyCodec.encode(j)).write(to: file)
        let tp = try journeyman("export", file.path, "--format", "csv")
        XCTAssertEqual(tp.stdout, CSVExport.record(CSVExport.columns) + "1,s,\"'=HYPERLINK(\"\"http://x\"\")\",1,t,'+1,,,,,,,,,,,'@owner,'-2,,,,,,,'\tnote,\r\n")
        let cohorts = try journeyman("export", file.path, "--format", "csv", "--table", "cohorts", "--bom")
        XCTAssertEqual(cohorts.stdout, "\u{FEFF}order,id,name,description,level,model,modelName,layers,layerNames,size,valuePerUser,complexity,service,routing\r\n1,c,'=1+1,,,low-touch,Low-touch,,,10,50,,,\"'-balance: falls, fast -> call (owner RM)\"\r\n")
        let costs = try journeyman("export", file.path, "--format", "csv", "--table", "costs")
        XCTAssertEqual(costs.stdout, "order,cohort,cohortName,model,modelName,customers,currency,unitCost,cost,value,costShare\r\n1,c,'=1+1,low-touch,Low-touch,10,USD,8,80,500,16\r\n")
        let bad = try journeyman("export", file.path, "--format", "dot", "--bom")
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("--bom needs --format csv"), bad.stderr)
        for table in ["touchpoints", "cohorts", "costs"] {
            let out = dir.appendingPathComponent("\(table).csv")
            XCTAssertEqual(try journeyman("export", file.path, "--format", "csv", "--table", table, "--bom", "-o", out.path).status, 0)
            let r = try shell("python3 -c 'import csv, sys; rows = list(csv.reader(open(sys.argv[1], newline=\"\", encoding=\"utf-8-sig\"))); assert len({len(r) for r in rows}) == 1, rows; print(len(rows))' '\(out.path)'")
            XCTAssertEqual(r.stdout, "2\n", r.description)
        }
    }
}
