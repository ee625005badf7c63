import JourneyKit
import XCTest

/// Journey.dropDanglingReferences: what an edit that deletes items leaves behind is dropped.
final class DanglingReferenceTests: XCTestCase {
    func journey() -> Journey {
        var j = Journey(title: "T", framework: FrameworkRef(id: "aarrr"))
        j.stages = [
            Stage(id: "a", name: "A", kpis: [KPI(id: "cac", name: "CAC", kind: .outcome)], touchpoints: [Touchpoint(id: "t1", name: "T1")]),
            Stage(id: "b", name: "B", touchpoints: [Touchpoint(id: "t2", name: "T2", kpis: [KPI(id: "nps", name: "NPS", kind: .outcome)])]),
        ]
        j.models = [CustomModel(id: "desk", name: "Desk", basedOn: "hybrid")]
        j.cohorts = [Cohort(id: "c", name: "C", dropOff: ["a": 10, "b": 20], routing: [
            RoutingRule(id: "r", signal: "s", condition: "c", action: "x", touchpoint: "t2", model: "desk"),
        ], healthScore: HealthScore(components: [HealthComponent(id: "h", name: "H", kind: .depth, weight: 1, kpi: "nps")],
                                    bands: [HealthBand(state: .critical, below: 10, leadsTo: ["t1", "r"])]))]
        j.healthScore = HealthScore(components: [HealthComponent(id: "g", name: "G", kind: .recency, weight: 1, kpi: "cac")],
                                    bands: [HealthBand(state: .atRisk, below: 40, leadsTo: ["t2"])])
        return j
    }

    func testNothingGoneNothingDropped() {
        var j = journey()
        XCTAssertFalse(j.dropDanglingReferences())
        XCTAssertEqual(j, journey())
    }

    func testEveryKindOfReferenceToAGoneItemIsDropped() throws {
        var j = journey()
        j.stages.remove(at: 1)          // stage b, touchpoint t2 and KPI nps go
        j.models = []                    // model desk goes
        XCTAssertTrue(j.dropDanglingReferences())
        let c = j.cohorts[0]
        XCTAssertEqual(c.dropOff, ["a": 10])
        XCTAssertEqual(c.routing, [RoutingRule(id: "r", signal: "s", condition: "c", action: "x")])
        XCTAssertEqual(c.healthScore, HealthScore(components: [HealthComponent(id: "h", name: "H", kind: .depth, weight: 1)],
                                                  bands: [HealthBand(state: .critical, below: 10, leadsTo: ["t1", "r"])]))
        XCTAssertEqual(j.healthScore, HealthScore(components: [HealthComponent(id: "g", name: "G", kind: .recency, weight: 1, kpi: "cac")],
                                                  bands: [HealthBand(state: .atRisk, below: 40, leadsTo: [])]))
        // The journey reads back (every reference resolves).
        XCTAssertNoThrow(try JourneyCodec.decode(String(decoding: JourneyCodec.encode(j), as: UTF8.self)))
        // A removed routing rule leaves the bands too.
        j.cohorts[0].routing = []
        XCTAssertTrue(j.dropDanglingReferences())
        XCTAssertEqual(j.cohorts[0].healthScore?.bands[0].leadsTo, ["t1"])
    }
}
