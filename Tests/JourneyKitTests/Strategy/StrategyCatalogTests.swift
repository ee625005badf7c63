import JourneyKit
import XCTest

/// The catalog items of the strategy engine: framework stage names, presets and KPIs.
final class StrategyCatalogTests: XCTestCase {
    func testMcKinseyThirdStageIsPurchaseAndOldFilesKeepTheirName() {
        let f = Framework.named("mckinsey-cdj")!
        XCTAssertEqual(f.stages, ["Initial consideration", "Active evaluation", "Purchase", "Post-purchase experience"])
        let j = Journey.template(f)
        XCTAssertEqual(j.stages.map(\.id), ["initial-consideration", "active-evaluation", "purchase", "post-purchase-experience"])
        XCTAssertEqual(j.loops.map { "\($0.from)>\($0.to)" }, ["post-purchase-experience>purchase"])
        // A file made before the rename is still read as the purchase stage, under its own name and id.
        let old = Stage(id: "moment-of-purchase", name: "Moment of purchase")
        XCTAssertEqual(f.index(of: old), 2)
        var oldJourney = j
        oldJourney.stages[2] = old
        XCTAssertEqual(oldJourney.stageAliases(old), ["Purchase"])
    }

    func testAIDAAttentionIsAlsoCalledAwareness() {
        let f = Framework.named("aida")!
        XCTAssertEqual(f.names(ofStage: 0), ["Attention", "Awareness"])
        let j = Journey.template(f)
        XCTAssertEqual(j.stageAliases(j.stages[0]), ["Awareness"])
        XCTAssertEqual(j.stageAliases(j.stages[1]), [])
        XCTAssertEqual(Journey.customTemplate(name: "Mine", stages: ["Attention"]).stageAliases(Stage(id: "attention", name: "Attention")), [])
    }

    func testTemplateLevelsPutPrePurchaseStagesAtAware() {
        func levels(_ id: String) -> [String] { Journey.template(Framework.named(id)!).stages.map { $0.level?.rawValue ?? "-" } }
        XCTAssertEqual(levels("aarrr"), ["aware", "active", "invested", "advocate", "invested"])
        XCTAssertEqual(levels("race"), ["aware", "aware", "aware", "invested"])
        XCTAssertEqual(levels("aida"), ["aware", "aware", "aware", "aware"])
        XCTAssertEqual(levels("laer"), ["aware", "active", "invested", "invested"])
        XCTAssertEqual(levels("mckinsey-cdj"), ["aware", "aware", "aware", "invested"])
    }

    func testSevenPresetsWithTheirKeyMetricsAsSuggestedKPIs() {
        XCTAssertEqual(ModelPreset.ids, ["transactional", "value-added", "proactive", "automated-retention", "csm-driven", "collaborative-roadmap", "usp"])
        XCTAssertTrue(ModelPreset.catalog.allSatisfy { EngagementModel.named($0.basedOn) != nil })
        let csm = ModelPreset.named("csm-driven")!.suggestedKPIs
        XCTAssertEqual(csm.map { "\($0.id) \($0.kind.rawValue) \($0.health)" }, ["renewal-rate outcome false", "expansion-revenue outcome false", "health-score outcome true"])
        let valueAdded = ModelPreset.named("value-added")!.suggestedKPIs
        XCTAssertEqual(valueAdded.map { "\($0.id) \($0.kind.rawValue)" }, ["content-downloads activity", "lead-quality outcome", "webinar-attendance activity"])
        XCTAssertEqual(ModelPreset.named("proactive")!.suggestedKPIs.map(\.id), ["clv", "churn-rate", "repeat-purchase-rate"])
    }
}
