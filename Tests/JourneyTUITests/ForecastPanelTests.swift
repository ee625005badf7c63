import JourneyKit
@testable import JourneyTUI
import XCTest

/// A tea shop whose forecast is worked out by hand (no touchpoints, so each cohort's unit cost is
/// spread evenly over the three stages: a third of it per customer entering a stage).
///
/// Walk-ins: 1,000 enter Discover (50% lost: 500), 500 enter Try (20% lost: 100), 400 enter Stay.
/// Revenue at Try (the first stage at level Active): 500 x 10 = 5,000. Cost (tech-touch, 2 a year):
/// (1,000 + 500 + 400) x 2 / 3 = 1,266.67. Margin 3,733.33.
/// Regulars: 100, 50, 40. Revenue 50 x 100 = 5,000. Cost (low-touch, 8 a year): 190 x 8 / 3 = 506.67.
/// Margin 4,493.33. Totals: 1,100 customers, revenue 10,000, cost 1,773.33, margin 8,226.67.
/// The biggest leak: Discover, 550 lost, 500 x 10 + 50 x 100 = 10,000 of value (Try: 110, 2,000).
enum TeaShop {
    static func journey() -> Journey {
        var j = Journey(title: "Tea shop", framework: FrameworkRef(id: "aarrr"))
        j.stages = [
            Stage(id: "discover", name: "Discover", level: .aware, dropOff: 50),
            Stage(id: "try", name: "Try", level: .active, dropOff: 20),
            Stage(id: "stay", name: "Stay", level: .invested, dropOff: 0),
        ]
        j.cohorts = [
            Cohort(id: "walk-ins", name: "Walk-ins", size: 1000, valuePerUser: 10, model: "tech-touch"),
            Cohort(id: "regulars", name: "Regulars", size: 100, valuePerUser: 100, model: "low-touch"),
        ]
        j.costs = CostAssumptions(currency: "EUR")
        return j
    }

    static func state(width: Int = 100, height: Int = 30) -> EditorState {
        var s = EditorState(journey: journey(), path: "/tmp/tea.json", width: width, height: height)
        _ = Editor.update(&s, .resize(width: width, height: height))
        return s
    }

    /// The state with the Forecast panel open.
    static func forecastPanel(width: Int = 100, height: Int = 30) -> EditorState {
        var s = state(width: width, height: height)
        while s.panel != .forecast { s.press(.tab) }
        return s
    }
}

extension EditorState {
    /// The lines of the screen.
    var screen: [String] { Renderer.render(self).trimmedLines }
}

final class ForecastPanelTests: XCTestCase {
    func panel(_ s: EditorState, _ w: Int, _ h: Int) -> [String] {
        var g = Grid(width: w, height: h)
        ForecastPanel.draw(&g, s.showingScenario, Rect(x: 0, y: 0, width: w, height: h), s.ascii ? .ascii : .unicode)
        return g.trimmedLines
    }

    func testThePanelOnASmallGrid() {
        let s = TeaShop.forecastPanel()
        XCTAssertEqual(panel(s, 60, 13), [
            " Forecast · as-is · 12 months · money in EUR",
            " Biggest leak: Discover, 550 customers lost, 10,000 of val…",
            " Stage      Entering  Lost  Drop-off  Funnel",
            " Discover      1,100   550       50%  █████████████████████",
            " Try             550   110       20%  ██████████▌",
            " Stay            440     0        0%  ████████▍",
            "",
            " Cohort     Customers  Revenue   Cost  Margin",
            "────────────────────────────────────────────────────────────",
            " Walk-ins       1,000    5,000  1,267   3,733",
            " Regulars         100    5,000    507   4,493",
            " Total          1,100   10,000  1,773   8,227",
            "",
        ])
    }

    func testASCIIBarsAndAScrolledCohortTable() {
        var s = TeaShop.forecastPanel()
        s.ascii = true
        s.press(.char("j"))
        // Eleven rows leave one cohort row and the total: the selected cohort (Regulars) shows,
        // with the marker that more are above.
        XCTAssertEqual(panel(s, 60, 11), [
            " Forecast - as-is - 12 months - money in EUR",
            " Biggest leak: Discover, 550 customers lost, 10,000 of val~",
            " Stage      Entering  Lost  Drop-off  Funnel",
            " Discover      1,100   550       50%  #####################",
            " Try             550   110       20%  ###########",
            " Stay            440     0        0%  ########",
            "",
            " Cohort     Customers  Revenue   Cost  Margin",
            "------------------------------------------------------------",
            " Regulars         100    5,000    507   4,493              ^",
            " Total          1,100   10,000  1,773   8,227",
        ])
    }

    func testTheForecastIsTheCLIsAndFollowsAModelChange() {
        var s = TeaShop.forecastPanel()
        XCTAssertEqual(s.forecast, Forecast(s.journey), "the same computation as journeyman forecast")
        // Regulars to hybrid (150 a year): 190 x 150 / 3 = 9,500; margin 5,000 - 9,500 = -4,500.
        // Total cost 1,266.67 + 9,500 = 10,766.67; margin 10,000 - 10,766.67 = -766.67.
        s.press(.char("j"), .char("m"))
        s.type("Hybrid")
        s.press(.enter)
        XCTAssertEqual(s.journey.cohorts[1].model, "hybrid")
        XCTAssertFalse(s.forecastIsStale)
        let screen = s.screen
        XCTAssertTrue(screen.contains("  Regulars         100    5,000   9,500  -4,500"), screen.joined(separator: "\n"))
        XCTAssertTrue(screen.contains("  Total          1,100   10,000  10,767    -767"), screen.joined(separator: "\n"))
        s.press(.char("u"))
        XCTAssertTrue(s.screen.contains("  Regulars         100    5,000    507   4,493"), s.screen.joined(separator: "\n"))
    }

    func testApplyingARecommendationShowsTheChangeInCostAndMargin() {
        // Regulars on hybrid: cost 190 x 150 / 3 = 9,500, margin 5,000 - 9,500 = -4,500. The advice
        // for them is low-touch (8 a year): 190 x 8 / 3 = 506.67, margin 4,493.33.
        var j = TeaShop.journey()
        j.cohorts[1].model = "hybrid"
        var s = EditorState(journey: j, path: "/tmp/tea.json", width: 100, height: 30)
        while s.panel != .forecast { s.press(.tab) }
        s.press(.char("j"))
        XCTAssertEqual(Recommender.recommend(s.journey.cohorts[1], in: s.journey).model, "low-touch")
        let before = s.journey
        s.press(.char("R"))
        XCTAssertEqual(s.journey.cohorts[1].model, "low-touch")
        XCTAssertEqual(s.message, Message("'Regulars' now LOW: cost to serve EUR 9,500 → EUR 507, margin EUR -4,500 → EUR 4,493 over 12 months (u undoes)"))
        XCTAssertEqual(s.history.undo.count, 1, "one undo step")
        s.checkUndoRedo(before: before)
        s.press(.char("R"))
        XCTAssertEqual(s.message, Message("'Regulars' already has the recommended LOW"))
    }

    func testTheCohortsForecastInTheDetailPane() {
        let s = TeaShop.forecastPanel(width: 130, height: 30)
        let (title, entries) = ForecastPanel.detail(s)
        XCTAssertEqual(title, "Walk-ins")
        XCTAssertEqual(entries.map { "\($0.0): \($0.1)" }, [
            "Model: TECH", "Entering: its size, 1,000 customers", "Value/user: EUR 10", "Unit cost: EUR 2 a year", "Reach last: 400",
            "Revenue: EUR 5,000", "Cost: EUR 1,267", "Margin: EUR 3,733", "Leak: Discover, 500 customers lost, 5,000 of value",
        ])
    }

    func testNoCohortsAndNoStages() {
        var s = EditorState(journey: Journey(title: "Empty", framework: FrameworkRef(id: "aarrr")), path: nil, width: 80, height: 24)
        while s.panel != .forecast { s.press(.tab) }
        XCTAssertEqual(panel(s, 60, 8), [
            " Forecast · as-is · 12 months · money in USD",
            " Biggest leak: none (nobody is lost)",
            " Stage     Entering  Lost  Drop-off  Funnel",
            " No stages: there is no funnel",
            "",
            " Cohort    Customers  Revenue  Cost  Margin",
            "────────────────────────────────────────────────────────────",
            " No cohorts: nobody enters (the cohorts panel adds them)",
        ])
    }

    private func large(touchpoints: Int) -> Journey {
        var j = TeaShop.journey()
        for i in 0..<touchpoints {
            j.stages[i % 3].touchpoints.append(Touchpoint(id: "t\(i)", name: "Touchpoint \(i)", channel: "email"))
        }
        return j
    }

    func testLargeJourneysAreForecastWhenIdleAndTheyAreTold() {
        var s = EditorState(journey: large(touchpoints: EditorState.eagerForecastLimit + 1), path: "/tmp/big.json", width: 100, height: 30)
        _ = Editor.update(&s, .resize(width: 100, height: 30))
        while s.panel != .forecast { s.press(.tab) }
        XCTAssertNil(s.forecast, "not forecast on the key that opened the panel")
        XCTAssertEqual(Array(s.screen[1...2]), [
            "  Forecast · as-is",
            "  On a journey this large (5,001 touchpoints) the forecast is computed when you pause typing",
        ])
        _ = Editor.update(&s, .idle)
        XCTAssertFalse(s.forecastIsStale)
        XCTAssertEqual(s.screen[1], "  Forecast · as-is · 12 months · money in EUR")
        s.press(.char("j"), .char("m"))
        s.type("Hybrid")
        s.press(.enter)
        XCTAssertTrue(s.forecastIsStale, "an edit leaves the forecast for the pause")
        XCTAssertEqual(s.screen[1], "  Forecast · as-is · 12 months · money in EUR  (of an earlier version: it updates when you pause)")
        _ = Editor.update(&s, .idle)
        XCTAssertFalse(s.forecastIsStale)
        XCTAssertEqual(s.forecast, Forecast(s.journey))
    }

    func testSmallJourneysAreForecastOnlyWhileThePanelIsOpen() {
        var s = TeaShop.state()
        XCTAssertNil(s.forecast, "the board does not pay for a forecast")
        s.press(.tab, .tab, .tab, .tab)
        XCTAssertEqual(s.panel, .forecast)
        XCTAssertNotNil(s.forecast)
        XCTAssertFalse(s.forecastIsStale)
    }

    func testClickACohortRowAndDoubleClickToEditIt() {
        var s = TeaShop.forecastPanel()
        XCTAssertTrue(s.screen[11].hasPrefix("  Regulars"), s.screen[11])
        _ = Editor.update(&s, .click(x: 5, y: 11))
        XCTAssertEqual(s.cohort, 1)
        _ = Editor.update(&s, .click(x: 5, y: 12))
        XCTAssertEqual(s.cohort, 1, "the total is not a cohort")
        _ = Editor.update(&s, .doubleClick(x: 5, y: 10))
        XCTAssertEqual(s.cohort, 0)
        XCTAssertEqual(s.form?.title, "Cohort")
        XCTAssertEqual(s.form?.target, .cohort(id: "walk-ins"))
    }

    func testTheDeferredForecastThroughTheRunLoop() {
        // Through Session.run: the Forecast panel opens on a large journey, says it waits, and an
        // idle moment draws the forecast; then Regulars to hybrid, and the next idle redraws it.
        let big = large(touchpoints: EditorState.eagerForecastLimit + 1)
        let term = MemoryTerminal(events: [.key(.tab), .key(.tab), .key(.tab), .key(.tab), .idle, .key(.char("j")), .key(.char("m"))]
            + "Hybrid".map { .key(.char($0)) } + [.key(.enter), .idle, .key(.char("q")), .key(.char("d"))])
        let s = runSession(term, state: EditorState(journey: big, path: "/tmp/big.json", width: 100, height: 30))
        XCTAssertFalse(term.ranOut)
        let screens = term.screens.map(\.trimmedLines)
        let waiting = screens.firstIndex { $0[2].hasPrefix("  On a journey this large (5,001 touchpoints)") }
        let drawn = screens.firstIndex { $0[1] == "  Forecast · as-is · 12 months · money in EUR" }
        XCTAssertNotNil(waiting)
        XCTAssertNotNil(drawn)
        XCTAssertLessThan(waiting ?? 99, drawn ?? 0)
        XCTAssertTrue(screens.contains { $0[1].hasSuffix("(of an earlier version: it updates when you pause)") })
        // Hybrid's cost shows only once the idle moment after the edit has forecast again.
        let stale = screens.firstIndex { $0[1].hasSuffix("(of an earlier version: it updates when you pause)") } ?? 99
        let fresh = screens.firstIndex { $0.contains("  Regulars         100    5,000   9,500  -4,500") }
        XCTAssertNotNil(fresh)
        XCTAssertLessThan(stale, fresh ?? 0)
        XCTAssertEqual(s.forecast, Forecast(s.journey))
    }
}
