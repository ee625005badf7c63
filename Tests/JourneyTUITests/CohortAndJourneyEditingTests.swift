import JourneyKit
@testable import JourneyTUI
import XCTest

final class CohortAndJourneyEditingTests: XCTestCase {
    func testTabCyclesBoardCohortsLintModelsForecast() {
        var s = Sample.state()
        s.press(.tab)
        XCTAssertEqual(s.panel, .cohorts)
        XCTAssertEqual(s.context, .cohorts)
        s.press(.tab)
        XCTAssertEqual(s.panel, .lint)
        XCTAssertEqual(s.context, .lint)
        s.press(.tab)
        XCTAssertEqual(s.context, .models)
        s.press(.tab)
        XCTAssertEqual(s.context, .forecast)
        s.press(.tab)
        XCTAssertEqual(s.panel, .board)
    }

    func testAddEditAndRenameACustomModel() {
        var s = Sample.state()
        let before = s.journey
        s.press(.tab, .tab, .tab, .char("a"))
        s.type("Transactional")
        s.press(.tab)
        s.type("Fast and easy")
        s.press(.tab)
        s.type("low")
        s.press(.enter, .enter)
        XCTAssertEqual(s.journey.models, [CustomModel(id: "transactional", name: "Transactional", description: "Fast and easy", basedOn: "low-touch")])
        s.checkUndoRedo(before: before)
        s.press(.char("r"), .ctrl("u"))
        s.type("Transactional v2")
        s.press(.enter)
        XCTAssertEqual(s.journey.models[0].name, "Transactional v2")
        XCTAssertEqual(s.journey.models[0].id, "transactional")
        // Custom models are offered wherever a model is picked.
        s.press(.tab, .tab, .tab, .char("m"))        // models -> forecast -> board -> cohorts
        s.type("transac")
        s.press(.enter)
        XCTAssertEqual(s.journey.cohorts[0].model, "transactional")
    }

    func testDeletingAUsedModelAsksAndClearsIt() {
        var s = Sample.state()
        s.journey.models = [CustomModel(id: "proactive", name: "Proactive", basedOn: "hybrid")]
        s.journey.stages[1].touchpoints[0].layers = ["proactive"]
        s.journey.cohorts[1].model = "proactive"
        let before = s.journey
        s.press(.tab, .tab, .tab)
        XCTAssertTrue(Renderer.render(s).trimmedLines.contains { $0.hasPrefix("  Proactive") && $0.hasSuffix("2") })
        s.press(.char("d"))
        guard case .confirm(let c) = s.overlays.last else { return XCTFail("no question") }
        XCTAssertEqual(c.message, "Model 'Proactive' is used by 2 touchpoints or cohorts. Delete it and clear it from them?")
        s.press(.char("y"))
        XCTAssertEqual(s.journey.models, [])
        XCTAssertEqual(s.journey.stages[1].touchpoints[0].layers, [])
        XCTAssertNil(s.journey.cohorts[1].model)
        s.checkUndoRedo(before: before)
    }

    func testAddCohortWithAModel() {
        var s = Sample.state()
        let before = s.journey
        s.press(.tab, .char("a"))
        s.type("Cart abandoners")
        s.press(.tab, .tab)
        s.type("5000")
        s.press(.tab)
        s.type("12.5")
        for _ in 0..<4 { s.press(.tab) }
        s.type("low")
        s.press(.enter, .enter)
        XCTAssertEqual(s.journey.cohorts.last, Cohort(id: "cart-abandoners", name: "Cart abandoners", size: 5000, valuePerUser: 12.5, model: "low-touch"))
        XCTAssertEqual(s.cohort, 2)
        s.checkUndoRedo(before: before)
    }

    func testAssignModelToACohort() {
        var s = Sample.state()
        let before = s.journey
        s.press(.tab, .char("m"))
        s.type("hybrid")
        s.press(.enter)
        XCTAssertEqual(s.journey.cohorts[0].model, "hybrid")
        s.checkUndoRedo(before: before)
        s.press(.char("m"), .up, .up, .up, .up, .up, .up, .up, .up, .enter)
        XCTAssertNil(s.journey.cohorts[0].model)
    }

    func testEditAndRenameCohort() {
        var s = Sample.state()
        let before = s.journey
        s.press(.tab, .char("j"), .char("r"), .ctrl("u"))
        s.type("Top 1%")
        s.press(.enter)
        XCTAssertEqual(s.journey.cohorts[1].name, "Top 1%")
        XCTAssertEqual(s.journey.cohorts[1].id, "vip")
        s.checkUndoRedo(before: before)
        s.press(.char("e"), .tab)
        s.type("Spend the most")
        s.press(.enter)
        XCTAssertEqual(s.journey.cohorts[1].description, "Spend the most")
    }

    func testDeletingAUsedCohortAsksAndCleansReferences() {
        var s = Sample.state()
        let before = s.journey
        s.press(.tab, .char("d"))
        guard case .confirm(let c) = s.overlays.last else { return XCTFail("no question") }
        XCTAssertEqual(c.message, "Cohort 'New visitors' is targeted by 1 touchpoint. Delete it and remove it from them?")
        s.press(.escape)
        XCTAssertEqual(s.journey, before)
        s.press(.char("d"), .char("y"))
        XCTAssertEqual(s.journey.cohorts.map(\.id), ["vip"])
        XCTAssertEqual(s.journey.stages[0].touchpoints[1].cohorts, [])
        s.checkUndoRedo(before: before)
    }

    func testDeletingAnUnusedCohortNeedsNoQuestion() {
        var s = Sample.state()
        s.journey.stages[1].touchpoints[0].cohorts = []
        s.press(.tab, .char("j"), .char("d"))
        XCTAssertEqual(s.journey.cohorts.map(\.id), ["new-visitors"])
    }

    func testJourneyProperties() {
        var s = Sample.state()
        let before = s.journey
        s.press(.char("p"), .ctrl("u"))
        s.type("Coffee club 2027")
        s.press(.tab)
        s.type("Subscriptions")
        s.press(.tab, .ctrl("u"))
        s.type("Lifecycle")
        s.press(.tab)
        s.type("2026-13-01")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("Last reviewed must be a date like 2026-11-22", isError: true))
        s.press(.ctrl("u"))
        s.type("2026-11-22")
        s.press(.tab, .char(" "), .char("a"))           // journey KPIs: add one
        s.type("Health score")
        s.press(.enter, .down, .down, .enter)            // Done
        s.press(.tab)
        s.type("8")
        s.press(.tab, .tab)                              // past the hours per person (empty: the default)
        s.type("50000")
        s.press(.enter)
        XCTAssertEqual(s.journey.title, "Coffee club 2027")
        XCTAssertEqual(s.journey.description, "Subscriptions")
        XCTAssertEqual(s.journey.owner, "Lifecycle")
        XCTAssertEqual(s.journey.lastReviewed, "2026-11-22")
        XCTAssertEqual(s.journey.kpis, [KPI(id: "health-score", name: "Health score", kind: .outcome)])
        XCTAssertEqual(s.journey.team, Team(people: 8, budget: 50_000))
        s.checkUndoRedo(before: before)
    }

    func testUndoIsUnlimitedAndANewEditClearsRedo() {
        var s = Sample.state()
        for _ in 0..<30 { s.press(.char("J"), .char("K")) }
        XCTAssertEqual(s.history.undo.count, 60)
        for _ in 0..<60 { s.press(.char("u")) }
        XCTAssertEqual(s.journey, Sample.journey())
        XCTAssertFalse(s.isDirty)
        s.press(.ctrl("r"))
        XCTAssertTrue(s.isDirty)
        s.press(.char("L"))
        XCTAssertTrue(s.history.redo.isEmpty)
        XCTAssertNil(KeyTable.binding(for: .ctrl("r"), in: s))
    }
}
