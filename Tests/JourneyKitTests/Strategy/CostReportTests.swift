import JourneyKit
import XCTest

final class CostReportTests: XCTestCase {
    func testFixtureCostsAgainstHandComputedFigures() throws {
        let j = try LintFixture.document(LintFixture.clean).journey
        let r = CostReport(j)
        XCTAssertEqual(r.currency, "USD")
        // free 50,000 x 2; pro 2,000 x 150; enterprise 40 x 1,500.
        XCTAssertEqual(r.cohorts.map(\.cost), [100_000, 300_000, 60_000])
        XCTAssertEqual(r.cohorts.map(\.value), [500_000, 2_400_000, 800_000])
        XCTAssertEqual(r.cohorts[2].costShare, 0.075)
        XCTAssertEqual(r.totalCost, 460_000)
        XCTAssertEqual(r.totalValue, 3_700_000)
        XCTAssertEqual(r.byModel.map(\.model), ["tech-touch", "hybrid", "high-touch"])
        XCTAssertEqual(r.byModel.map(\.cost), [100_000, 300_000, 60_000])
        // Each cohort gets one touchpoint in each of the five stages: a fifth of each cost per stage.
        XCTAssertEqual(r.byStage.map(\.cost), [92_000, 92_000, 92_000, 92_000, 92_000])
        XCTAssertEqual(r.unplaced, 0)
    }

    func testOverridesLayersCustomModelsAndApportioning() {
        let j = Journey(
            title: "T", framework: FrameworkRef(id: "aarrr"),
            stages: [
                Stage(id: "a", name: "A", touchpoints: [
                    Touchpoint(id: "t1", name: "T1", cohorts: ["vip"]), Touchpoint(id: "t2", name: "T2", cohorts: ["vip"]),
                    Touchpoint(id: "t3", name: "T3", cohorts: ["mass"]),
                ]),
                Stage(id: "b", name: "B", touchpoints: [Touchpoint(id: "t4", name: "T4", cohorts: ["vip"])]),
            ],
            cohorts: [
                Cohort(id: "vip", name: "VIP", size: 10, valuePerUser: 5000, model: "concierge", layers: ["ai-augmented"]),
                Cohort(id: "mass", name: "Mass", size: 1000, valuePerUser: 20, model: "tech-touch"),
                Cohort(id: "lost", name: "Lost", size: 7, valuePerUser: 1, model: "low-touch"),
            ],
            models: [CustomModel(id: "concierge", name: "Concierge", basedOn: "high-touch")],
            costs: CostAssumptions(currency: "EUR", perCustomerYear: ["tech-touch": 1.5, "ai-augmented": 10]))
        let costs = CostModel(j)
        XCTAssertEqual(costs.unitCost("concierge"), 1500)  // from its basis
        XCTAssertEqual(costs.unitCost("tech-touch"), 1.5)  // overridden
        XCTAssertEqual(costs.money(1_234_567.4), "EUR 1,234,567")
        let r = CostReport(j)
        // vip: 10 x (1500 + 10) = 15,100; mass: 1000 x 1.5 = 1,500; lost: 7 x 8 = 56.
        XCTAssertEqual(r.cohorts.map(\.cost), [15_100, 1_500, 56])
        XCTAssertEqual(r.byModel.map(\.model), ["concierge", "ai-augmented", "tech-touch", "low-touch"])
        XCTAssertEqual(r.byModel.map(\.cost), [15_000, 100, 1_500, 56])
        // vip gets 2 touchpoints in A and 1 in B: 2/3 and 1/3 of 15,100; mass all in A; lost reached by none.
        XCTAssertEqual(r.byStage[0].cost, 15_100 * 2 / 3 + 1_500, accuracy: 1e-9)
        XCTAssertEqual(r.byStage[1].cost, 15_100 / 3, accuracy: 1e-9)
        XCTAssertEqual(r.unplaced, 56)
    }

    func testUnknownSizeOrModelLeavesTheCostOpen() {
        let j = Journey(title: "T", framework: FrameworkRef(id: "aarrr"), cohorts: [
            Cohort(id: "a", name: "A", valuePerUser: 10, model: "hybrid"),
            Cohort(id: "b", name: "B", size: 5),
        ])
        let r = CostReport(j)
        XCTAssertEqual(r.cohorts.map(\.cost), [nil, nil])
        XCTAssertEqual(r.cohorts.map(\.unitCost), [150, nil])
        XCTAssertEqual(r.totalCost, 0)
        XCTAssertEqual(CostModel.grouped(-1234.5), "-1,235")
        XCTAssertEqual(CostModel.grouped(999), "999")
    }
}
