import JourneyKit
import XCTest

/// The encoder writes canonical text straight from the model: it must match the
/// tree writer (keys sorted, defaults left out) and read back to the same journey.
final class CanonicalEncoderTests: XCTestCase {
    /// A journey with every field set, and text that needs escapes.
    let full = Journey(
        schema: "https://example.com/journey.json", title: "Full \"journey\"\n\u{1}",
        description: "Every field", owner: "Zoë",
        framework: FrameworkRef(id: "my-cycle", name: "My cycle", custom: true),
        stages: [
            Stage(id: "first", name: "First", goal: "Get in", level: .aware, dropOff: 12.5,
                  kpis: [KPI(id: "s-kpi", name: "Reach", kind: .activity, health: true, target: 0.001, unit: "%")],
                  touchpoints: [
                      Touchpoint(id: "welcome", name: "Welcome ✓", channel: "email", trigger: Trigger(kind: .event, detail: "sign-up"),
                                 model: "own-model", layers: ["ai-augmented"], cohorts: ["vip"], owner: "CRM", content: "Hi",
                                 kpis: [KPI(id: "t-kpi", name: "Opens", kind: .outcome, target: 1e21)], escalation: "never",
                                 status: .live, evidence: .partlyBacked, notes: "tab\there",
                                 suppress: [Suppression(rule: "JM001", reason: "why")]),
                      Touchpoint(id: "bare", name: "Bare", trigger: Trigger(kind: .manual)),
                  ],
                  suppress: [Suppression(rule: "JM002", reason: "because")]),
            Stage(id: "empty", name: "Empty"),
        ],
        loops: [LoopEdge(id: "back", from: "empty", to: "first", label: "Loop")],
        cohorts: [Cohort(id: "vip", name: "VIP", description: "Top", size: 1200, valuePerUser: 99.5, complexity: .high,
                         service: .configured, level: .invested, model: "high-touch", layers: ["ai-augmented"],
                         suppress: [Suppression(rule: "JM003", reason: "ok")])],
        models: [CustomModel(id: "own-model", name: "Own", description: "Ours", basedOn: "hybrid")],
        kpis: [KPI(id: "nps", name: "NPS", kind: .outcome)],
        lastReviewed: "2026-01-31",
        team: Team(people: 2, budget: 500_000),
        costs: CostAssumptions(currency: "EUR", perCustomerYear: ["own-model": 10, "high-touch": 1200.5, "hvc": 0]),
        maturity: MaturityResult(assessed: "2026-02-01", rung: 2, level: 3, checks: ["a2-segments", "b1-planned"]),
        suppress: [Suppression(rule: "JM004", reason: "fine")])

    func testMatchesTheTreeWriterAndReadsBack() throws {
        for journey in [full, Journey(title: "Minimal", framework: FrameworkRef(id: "aarrr")),
                        Journey(title: "No costs", framework: FrameworkRef(id: "race"), costs: CostAssumptions())] {
            let bytes = JourneyCodec.encode(journey)
            XCTAssertEqual(String(decoding: JSONWriter.canonical(try JSONReader.read(bytes)), as: UTF8.self),
                           String(decoding: bytes, as: UTF8.self))
            XCTAssertEqual(try JourneyCodec.decode(bytes).journey, journey)
        }
    }

    func testMinimalJourneyText() {
        XCTAssertEqual(JourneyCodec.encodeString(Journey(title: "T", framework: FrameworkRef(id: "aarrr"), costs: CostAssumptions())), """
            {
              "costs": {
                "perCustomerYear": {}
              },
              "formatVersion": 3,
              "framework": {
                "id": "aarrr"
              },
              "stages": [],
              "title": "T"
            }

            """)
    }
}
