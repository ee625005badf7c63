import JourneyKit
@testable import JourneyTUI
import XCTest

/// Scenarios in the editor: showing one, edits into its overrides, refusals, undo, new and delete.
final class ScenarioEditorTests: XCTestCase {
    /// The tea shop with a scenario "To-be" made through the keys (+, its name, Enter), and shown.
    func withScenario(width: Int = 100, height: Int = 30) -> EditorState {
        var s = TeaShop.state(width: width, height: height)
        s.press(.char("+"))
        s.type("To-be")
        s.press(.enter)
        return s
    }

    func testMakeShowAndLeaveAScenario() {
        var s = withScenario()
        XCTAssertEqual(s.journey.scenarios, [Scenario(id: "to-be", name: "To-be")])
        XCTAssertEqual(s.scenario, "to-be")
        XCTAssertEqual(s.message, Message("Scenario 'To-be': the panels show the journey as it makes it; edits of a cohort's model, layers, size and value; "
                                          + "a stage's drop-off; unit costs; the team go into it (W: as-is)"))
        // The marker is never cut: the title gives way.
        XCTAssertEqual(s.screen[0], " Tea shop · AARRR… · tea.json [scenario: To-be] [modified] [Board] Cohorts  Lint  Models  Forecast")
        s.press(.char("W"))
        XCTAssertEqual(s.top?.picker?.choices.map(\.label), ["As-is: the journey itself", "To-be", "+ New scenario..."])
        XCTAssertEqual(s.top?.picker?.choices.map(\.detail), ["", "0 overrides", ""])
        s.type("as-is")
        s.press(.enter)
        XCTAssertNil(s.scenario)
        XCTAssertEqual(s.message, Message("As-is: the journey itself"))
        XCTAssertFalse(s.screen[0].contains("scenario"))
        s.press(.char("W"))
        s.type("To-be")
        s.press(.enter)
        XCTAssertEqual(s.scenario, "to-be")
    }

    func testAScenarioNameNeverReachesTheTerminalRaw() {
        var j = TeaShop.journey()
        j.scenarios = [Scenario(id: "odd", name: "To\u{1B}[31mbe and a very long name after it")]
        var s = EditorState(journey: j, path: "/tmp/tea.json", width: 120, height: 30)
        s.press(.char("W"))
        s.type("very long")
        s.press(.enter)
        XCTAssertEqual(s.scenario, "odd")
        let title = Renderer.render(s).trimmedLines[0]
        XCTAssertTrue(title.contains("[scenario: To\\u{1B}[31mbe and a ve…]"), title)
        XCTAssertFalse(title.unicodeScalars.contains("\u{1B}"))
    }

    func testANameInUseIsRefused() {
        var s = withScenario()
        s.press(.char("+"))
        s.type("To-be")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("A scenario is called 'To-be' already: give this one another name", isError: true))
        XCTAssertEqual(s.journey.scenarios.count, 1)
    }

    func testACohortsModelGoesIntoTheScenarioAndTheForecastShowsIt() {
        var s = withScenario()
        while s.panel != .forecast { s.press(.tab) }
        s.press(.char("j"), .char("m"))
        s.type("Hybrid")
        s.press(.enter)
        // The file's journey keeps low-touch; the scenario holds hybrid.
        XCTAssertEqual(s.journey.cohorts[1].model, "low-touch")
        XCTAssertEqual(s.journey.scenarios[0].cohorts, [CohortOverride(cohort: "regulars", model: "hybrid")])
        XCTAssertEqual(s.shownJourney.cohorts[1].model, "hybrid")
        // Regulars on hybrid: 190 x 150 / 3 = 9,500 (ForecastPanelTests works the numbers).
        XCTAssertEqual(s.screen[1], "  Forecast · scenario: To-be · 12 months · money in EUR")
        XCTAssertTrue(s.screen.contains("  Regulars         100    5,000   9,500  -4,500"), s.screen.joined(separator: "\n"))
        XCTAssertEqual(s.history.undo.last?.label, "assign a model to 'Regulars' in scenario 'To-be'")
        // As-is, the forecast is the journey's own again.
        s.press(.char("W"))
        s.type("as-is")
        s.press(.enter)
        XCTAssertTrue(s.screen.contains("  Regulars         100    5,000    507   4,493"), s.screen.joined(separator: "\n"))
        // Back in the scenario the model picker starts at the scenario's model; low-touch (the
        // journey's own) drops the override.
        s.press(.char("W"))
        s.type("To-be")
        s.press(.enter, .char("m"))
        XCTAssertEqual(s.top?.picker?.current?.id, "hybrid")
        s.press(.escape, .char("m"))
        s.type("Low")
        s.press(.enter)
        XCTAssertEqual(s.journey.scenarios[0].cohorts, [])
    }

    func testTheCohortFormInAScenarioHoldsOnlyWhatAScenarioCan() {
        var s = withScenario()
        s.press(.tab, .char("j"), .char("e"))
        XCTAssertEqual(s.form?.title, "Cohort 'Regulars' in scenario 'To-be'")
        XCTAssertEqual(s.form?.fields.map(\.key), [.size, .valuePerUser, .model, .layers])
        s.press(.ctrl("u"))
        s.type("150")
        s.press(.tab, .ctrl("u"))
        s.type("90")
        s.press(.enter)
        XCTAssertEqual(s.journey.cohorts[1].size, 100)
        XCTAssertEqual(s.journey.scenarios[0].cohorts, [CohortOverride(cohort: "regulars", size: 150, valuePerUser: 90)])
        // The cohorts panel shows the scenario's figures.
        XCTAssertTrue(s.screen.contains { $0.contains("Regulars") && $0.contains("150") && $0.contains("EUR 90") }, s.screen.joined(separator: "\n"))
    }

    func testAStagesDropOffAndTheTeam() {
        var s = withScenario()
        s.press(.char("k"))
        XCTAssertTrue(s.selection.isHeader)
        s.press(.char("e"))
        XCTAssertEqual(s.form?.title, "Stage 'Discover' in scenario 'To-be'")
        XCTAssertEqual(s.form?.fields.map(\.key), [.dropOff])
        s.press(.ctrl("u"))
        s.type("40")
        s.press(.enter)
        XCTAssertEqual(s.journey.stages[0].dropOff, 50)
        XCTAssertEqual(s.journey.scenarios[0].stages, [StageOverride(stage: "discover", dropOff: 40)])
        s.press(.char("p"))
        XCTAssertEqual(s.form?.title, "The team in scenario 'To-be'")
        XCTAssertEqual(s.form?.fields.map(\.key), [.capacity, .hoursPerPerson, .budget])
        s.type("3")
        s.press(.tab, .tab)                              // past the hours per person (empty: the default)
        s.type("20000")
        s.press(.enter)
        XCTAssertNil(s.journey.team)
        XCTAssertEqual(s.journey.scenarios[0].team, Team(people: 3, budget: 20000))
    }

    func testAUnitCostGoesIntoTheScenarioTheCurrencyCannot() {
        var s = withScenario()
        s.press(.char("$"))
        XCTAssertEqual(s.top?.picker?.target, .costs)
        s.type("Hybrid")
        s.press(.enter)
        XCTAssertEqual(s.form?.target, .modelCosts(model: "hybrid"))
        s.type("90")
        s.press(.enter)
        XCTAssertEqual(s.journey.costs, CostAssumptions(currency: "EUR"), "the journey's costs stay")
        XCTAssertEqual(s.journey.scenarios[0].costs, ["hybrid": 90])
        XCTAssertEqual(s.history.undo.last?.label, "set the costs of Hybrid in scenario 'To-be'")
        // The currency is not something a scenario holds.
        s.press(.escape, .char("$"), .enter, .ctrl("u"))
        s.type("GBP")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("A scenario holds only a cohort's model, layers, size and value; a stage's drop-off; unit costs; the team "
                                          + "(W then as-is edits the journey itself)", isError: true))
        XCTAssertEqual(CostModel(s.journey).currency, "EUR")
    }

    func testEditsAScenarioCannotHoldAreRefusedWithTheReason() {
        var j = TeaShop.journey()
        j.stages[0].touchpoints = [Touchpoint(id: "sign", name: "Shop sign", channel: "in-store")]
        j.scenarios = [Scenario(id: "to-be", name: "To-be")]
        var s = EditorState(journey: j, path: "/tmp/tea.json", width: 100, height: 30)
        s.press(.char("W"))
        s.type("To-be")
        s.press(.enter)
        XCTAssertNotNil(s.selectedTouchpoint)
        let before = s.journey
        let why = "Scenario 'To-be' holds only a cohort's model, layers, size and value; a stage's drop-off; unit costs; the team: W then as-is edits the journey itself"
        for key in [Key.char("a"), .char("A"), .char("r"), .char("d"), .char("J"), .char("m"), .char("e")] {
            s.press(key)
            XCTAssertEqual(s.message, Message(why), "\(key)")
            XCTAssertTrue(s.overlays.isEmpty, "\(key)")
        }
        s.press(.tab, .tab, .tab)
        XCTAssertEqual(s.panel, .models, "\(String(describing: s.message))")
        s.press(.char("a"))
        XCTAssertEqual(s.message, Message(why))
        XCTAssertEqual(s.journey, before)
        // The palette says the same.
        s.press(.char(":"))
        s.type("Add an engagement model")
        s.press(.enter)
        XCTAssertEqual(s.message, Message(why))
    }

    func testTakingACohortsModelAwayIsRefused() {
        var s = withScenario()
        s.press(.tab, .char("m"))
        s.type("(none)")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("A scenario can change a cohort's model, not clear it: give it a value (W then as-is edits the journey itself)", isError: true))
        XCTAssertEqual(s.journey.scenarios[0], Scenario(id: "to-be", name: "To-be"))
    }

    func testUndoWorksAcrossScenarios() {
        var s = withScenario()
        s.press(.tab, .char("m"))
        s.type("Hybrid")
        s.press(.enter)
        let held = s.journey
        // Undo from as-is takes the override back out of the scenario.
        s.press(.char("W"))
        s.type("as-is")
        s.press(.enter, .char("u"))
        XCTAssertEqual(s.journey.scenarios[0].cohorts, [])
        XCTAssertEqual(s.message, Message("Undid: assign a model to 'Walk-ins' in scenario 'To-be'"))
        s.press(.ctrl("r"))
        XCTAssertEqual(s.journey, held)
        // Undoing the scenario's making while it is shown goes back to as-is.
        s.press(.char("W"))
        s.type("To-be")
        s.press(.enter, .char("u"), .char("u"))
        XCTAssertEqual(s.journey.scenarios, [])
        XCTAssertNil(s.scenario)
        XCTAssertEqual(s.message, Message("The scenario shown is gone (undo or a reload removed it): the journey as-is"))
        XCTAssertEqual(s.journey, TeaShop.journey())
    }

    func testDeleteAScenarioAsksFirst() {
        var s = withScenario()
        s.press(.tab, .char("m"))
        s.type("Hybrid")
        s.press(.enter, .char("X"))
        XCTAssertEqual(s.top?.confirm?.purpose, .deleteScenario(id: "to-be"))
        XCTAssertEqual(s.top?.confirm?.message, "Delete scenario 'To-be' (1 override)? The journey itself stays as it is.")
        s.press(.char("n"))
        XCTAssertEqual(s.journey.scenarios.count, 1)
        s.press(.char("X"), .char("y"))
        XCTAssertEqual(s.journey.scenarios, [])
        XCTAssertNil(s.scenario)
        XCTAssertEqual(s.message, Message("Deleted scenario 'To-be' (u undoes); the journey as-is"))
        XCTAssertEqual(s.journey.cohorts[0].model, "tech-touch", "the journey itself stays")
        s.press(.char("u"))
        XCTAssertEqual(s.journey.scenarios.map(\.id), ["to-be"])
        s.press(.char("X"))
        XCTAssertEqual(s.message, Message("No scenario is shown: W picks one"))
    }

    func testTheRecommendationGoesIntoTheScenario() {
        var j = TeaShop.journey()
        j.cohorts[1].model = "hybrid"
        j.scenarios = [Scenario(id: "lean", name: "Lean")]
        var s = EditorState(journey: j, path: "/tmp/tea.json", width: 100, height: 30)
        s.press(.char("W"))
        s.type("Lean")
        s.press(.enter)
        while s.panel != .forecast { s.press(.tab) }
        s.press(.char("j"), .char("R"))
        XCTAssertEqual(s.journey.cohorts[1].model, "hybrid")
        XCTAssertEqual(s.journey.scenarios[0].cohorts, [CohortOverride(cohort: "regulars", model: "low-touch")])
        XCTAssertEqual(s.message, Message("'Regulars' now LOW: cost to serve EUR 9,500 → EUR 507, margin EUR -4,500 → EUR 4,493 over 12 months (u undoes)"))
        XCTAssertEqual(s.history.undo.count, 1)
    }

    func testSavedOverridesThroughTheRunLoop() throws {
        let host = MemoryHost()
        let keys: [Key] = [.char("+")] + "To-be".map { .char($0) } + [.enter, .tab, .char("j"), .char("m")] + "Hybrid".map { .char($0) }
            + [.enter, .char("s"), .char("q")]
        let term = MemoryTerminal(keys: keys)
        let s = runSession(term, host: host, state: TeaShop.state())
        XCTAssertFalse(term.ranOut)
        XCTAssertFalse(s.isDirty)
        let saved = try XCTUnwrap(host.journey("/tmp/tea.json"))
        XCTAssertEqual(saved.cohorts[1].model, "low-touch")
        XCTAssertEqual(saved.scenarios, [Scenario(id: "to-be", name: "To-be", cohorts: [CohortOverride(cohort: "regulars", model: "hybrid")])])
        XCTAssertTrue(term.screen[0].contains("[scenario: To-be]"), term.screen[0])
    }
}

/// The edit-to-overrides rule on its own.
final class ScenarioEditTests: XCTestCase {
    func testUnitCostsTheTeamAndValuesPutBack() {
        var base = TeaShop.journey()
        base.costs = CostAssumptions(currency: "EUR", perCustomerYear: ["hybrid": 120])
        base.team = Team(people: 2)
        let sc = Scenario(id: "s", name: "S", costs: ["hybrid": 90])
        let view = sc.apply(to: base)
        var after = view
        after.costs?.perCustomerYear["low-touch"] = 6
        after.costs?.perCustomerYear["hybrid"] = 120
        after.team = Team(people: 4)
        guard case .held(let held) = ScenarioEdit.hold(view, after, base: base, in: sc) else { return XCTFail("refused") }
        // hybrid back at the journey's own 120: no override; low-touch new; the team replaced.
        XCTAssertEqual(held.costs, ["low-touch": 6])
        XCTAssertEqual(held.team, Team(people: 4))
        var gone = view
        gone.costs?.perCustomerYear["hybrid"] = nil
        XCTAssertEqual(ScenarioEdit.hold(view, gone, base: base, in: sc), .refused("A scenario can change a unit cost, not clear it: give it a value"))
    }

    func testAnythingElseIsRefused() {
        let base = TeaShop.journey()
        let sc = Scenario(id: "s", name: "S")
        var renamed = base
        renamed.cohorts[0].name = "Passers-by"
        XCTAssertEqual(ScenarioEdit.hold(base, renamed, base: base, in: sc),
                       .refused("A scenario holds only a cohort's model, layers, size and value; a stage's drop-off; unit costs; the team"))
        var currency = base
        currency.costs?.currency = "GBP"
        XCTAssertEqual(ScenarioEdit.hold(base, currency, base: base, in: sc),
                       .refused("A scenario holds only a cohort's model, layers, size and value; a stage's drop-off; unit costs; the team"))
        var added = base
        added.cohorts.append(Cohort(id: "new", name: "New"))
        XCTAssertEqual(ScenarioEdit.hold(base, added, base: base, in: sc), .refused("A scenario cannot add, remove or move cohorts or stages"))
    }

    func testOverridesKeepTheJourneysOrder() {
        let base = TeaShop.journey()
        let sc = Scenario(id: "s", name: "S", cohorts: [CohortOverride(cohort: "regulars", model: "hybrid")])
        let view = sc.apply(to: base)
        var after = view
        after.cohorts[0].layers = ["ai-augmented"]
        guard case .held(let held) = ScenarioEdit.hold(view, after, base: base, in: sc) else { return XCTFail("refused") }
        XCTAssertEqual(held.cohorts, [CohortOverride(cohort: "walk-ins", layers: ["ai-augmented"]), CohortOverride(cohort: "regulars", model: "hybrid")])
    }
}
