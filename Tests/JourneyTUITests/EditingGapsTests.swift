import JourneyKit
@testable import JourneyTUI
import XCTest

/// Capability 5 (part): suppressing a lint finding from the lint panel.
final class EditingGapsTests: XCTestCase {
    func testSuppressAFindingAsksForTheReason() {
        var s = Sample.state()
        s.press(.tab, .tab)
        XCTAssertEqual(s.panel, .lint)
        guard let finding = s.selectedFinding else { return XCTFail("the sample has findings") }
        let before = s.journey
        let count = s.lint.findings.count
        s.press(.char("x"))
        XCTAssertEqual(s.form?.title, "Suppress \(finding.rule) (\(LintPanel.place(finding, s.journey)))")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("Say why: the reason is kept in the file beside the rule", isError: true))
        s.type("Reviewed with the team")
        s.press(.enter)
        XCTAssertTrue(s.overlays.isEmpty)
        XCTAssertEqual(s.lint.findings.count, count - 1)
        XCTAssertFalse(s.lint.findings.contains(finding))
        let suppressions = s.journey.stages.flatMap { $0.suppress + $0.touchpoints.flatMap(\.suppress) } + s.journey.cohorts.flatMap(\.suppress) + s.journey.suppress
        XCTAssertEqual(suppressions, [Suppression(rule: finding.rule, reason: "Reviewed with the team")])
        XCTAssertTrue(s.message?.text.hasPrefix("Suppressed \(finding.rule) on '") ?? false, "\(String(describing: s.message))")
        s.checkUndoRedo(before: before)
    }
}

extension EditingGapsTests {
    func testApplyACohortsRecommendationShowsTheCostChange() {
        var j = Sample.journey()
        j.cohorts[1] = Cohort(id: "vip", name: "VIP", size: 2_000_000, valuePerUser: 5, model: "high-touch")
        var s = EditorState(journey: j, path: "/tmp/coffee.json", width: 100, height: 30)
        s.press(.tab, .char("j"))
        XCTAssertEqual(s.selectedCohort?.id, "vip")
        let r = Recommender.recommend(s.selectedCohort!, in: s.journey)
        XCTAssertNotEqual(r.model, "high-touch", "the sample needs advice to apply")
        let costs = CostModel(s.journey)
        let before = costs.cost(of: s.selectedCohort!, model: "high-touch", layers: [])!
        let after = costs.cost(of: s.selectedCohort!, model: r.model, layers: r.layers)!
        s.press(.char("R"))
        XCTAssertEqual(s.journey.cohorts[1].model, r.model)
        XCTAssertEqual(s.journey.cohorts[1].layers, r.layers)
        let badge = Choices.badge(r.model, in: j) + r.layers.map { "+" + Choices.badge($0, in: j) }.joined()
        XCTAssertEqual(s.message, Message("'VIP' now \(badge); cost to serve \(costs.money(before)) → \(costs.money(after)) a year (u undoes)"))
        s.press(.char("R"))
        XCTAssertEqual(s.message, Message("'VIP' already has the recommended \(badge)"))
        s.checkUndoRedo(before: j)
    }
}

extension EditingGapsTests {
    func testLayersFromTheModelPicker() {
        var s = Sample.state()
        s.press(.char("m"))
        XCTAssertEqual(s.top?.picker?.choices.last, Choice("layer:ai-augmented", "+ AI-augmented layer", detail: "off"))
        s.type("layer")
        s.press(.enter)
        XCTAssertEqual(s.journey.stages[0].touchpoints[0].layers, ["ai-augmented"])
        XCTAssertEqual(s.journey.stages[0].touchpoints[0].model, "tech-touch", "the model stays")
        XCTAssertEqual(s.message, Message("AI-augmented layer on for 'Landing page' (u undoes)"))
        s.checkUndoRedo(before: Sample.journey())
        s.press(.char("m"))
        XCTAssertEqual(s.top?.picker?.choices.last?.detail, "on")
        s.type("layer")
        s.press(.enter)
        XCTAssertEqual(s.journey.stages[0].touchpoints[0].layers, [])
        // The cohorts panel too.
        s.press(.tab, .char("m"))
        s.type("layer")
        s.press(.enter)
        XCTAssertEqual(s.journey.cohorts[0].layers, ["ai-augmented"])
    }
}
