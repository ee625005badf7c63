import JourneyKit
@testable import JourneyTUI
import XCTest

/// Capability 5 (part): the cost assumptions and currency, a loop edge's label and share,
/// and changing the framework.
final class CostsLoopsFrameworkTests: XCTestCase {
    func testTheCurrencyIsCheckedAndTheCostsListFollows() {
        var s = Sample.state()
        s.press(.char("$"))
        XCTAssertEqual(s.top?.picker?.title, "Cost assumptions, a customer a year (Enter edits)")
        XCTAssertEqual(s.top?.picker?.choices.first, Choice("currency", "Currency", detail: "USD (default)"))
        XCTAssertEqual(s.top?.picker?.choices.first { $0.id == "hvc" }?.detail, "USD 900 · 120 min · default")
        s.press(.enter)
        XCTAssertEqual(s.form?.title, "Currency (empty: USD)")
        s.type("euro")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("The currency is a three-letter ISO 4217 code such as EUR (or one of $ € £ ¥); empty means USD", isError: true))
        s.press(.ctrl("u"))
        s.type("xyz")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("XYZ is not an ISO 4217 currency journeyman knows: use one such as EUR, GBP or JPY", isError: true))
        s.press(.ctrl("u"))
        s.type("eur")
        s.press(.enter)
        XCTAssertEqual(s.journey.costs, CostAssumptions(currency: "EUR"))
        XCTAssertEqual(s.message, Message("Currency USD → EUR: amounts now read EUR 1,500 (u undoes)"))
        XCTAssertEqual(s.top?.picker?.choices.first?.detail, "EUR", "the list beneath shows the new currency")
        XCTAssertEqual(s.top?.picker?.choices.first { $0.id == "hvc" }?.detail, "EUR 900 · 120 min · default")
        s.press(.escape)
        XCTAssertTrue(s.overlays.isEmpty)
        s.checkUndoRedo(before: Sample.journey())
        XCTAssertEqual(s.history.undo.count, 1, "one undo step")
    }

    func testAModelsCostsAreCheckedAndTheCohortsCostFollows() {
        var s = Sample.state()
        s.press(.tab, .char("j"))
        XCTAssertEqual(DetailPane.entries(s).1.first { $0.0 == "Cost/year" }?.1, "USD 108,000")
        s.press(.char("$"))
        s.type("hvc")
        s.press(.enter)
        XCTAssertEqual(s.form?.title, "Costs of High-value-customer (HVC) management in USD, a customer a year")
        XCTAssertEqual(s.form?.fields.map(\.label), ["Cost (default 900)", "Minutes (default 120)"])
        s.type("-5")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("Cost (default 900) cannot be negative", isError: true))
        s.press(.ctrl("u"))
        s.type("600")
        s.press(.tab)
        s.type("1000000")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("Minutes (default 120) must be at most 525,600", isError: true))
        XCTAssertEqual(s.form?.focus, 1)
        s.press(.ctrl("u"))
        s.type("90")
        s.press(.enter)
        XCTAssertEqual(s.journey.costs, CostAssumptions(perCustomerYear: ["hvc": 600], minutesPerCustomerYear: ["hvc": 90]))
        XCTAssertEqual(s.message, Message("High-value-customer (HVC) management: USD 600 and 90 minutes a customer a year; cost to serve 'VIP' USD 108,000 → USD 72,000 a year (u undoes)"))
        XCTAssertEqual(s.top?.picker?.current, Choice("hvc", "High-value-customer (HVC) management", detail: "USD 600 · 90 min · set"))
        s.press(.escape)
        XCTAssertEqual(DetailPane.entries(s).1.first { $0.0 == "Cost/year" }?.1, "USD 72,000", "the cohort's cost follows at once")
        s.checkUndoRedo(before: Sample.journey())
        // Emptying both fields goes back to the defaults (and no costs object).
        s.press(.char("$"))
        s.type("hvc")
        s.press(.enter, .ctrl("u"), .tab, .ctrl("u"), .enter)
        XCTAssertNil(s.journey.costs)
    }

    func testCostsThroughTheRunLoopAndThePalette() {
        let host = MemoryHost()
        let keys: [Key] = [.char(":")] + "Cost assumptions".map { .char($0) } + [.enter, .enter, .ctrl("u")] + "GBP".map { .char($0) }
            + [.enter, .escape, .tab, .char("j"), .char("s"), .char("q")]
        let term = MemoryTerminal(keys: keys)
        runSession(term, host: host)
        XCTAssertFalse(term.ranOut)
        XCTAssertEqual(host.journey("/tmp/coffee.json")?.costs?.currency, "GBP")
        XCTAssertTrue(term.screen.contains { $0.contains("Cost/year") && $0.contains("GBP 108,000") }, term.screen.joined(separator: "\n"))
    }

    func testRenameALoopEdgeAndSetItsShare() {
        var s = Sample.state()
        s.press(.char("E"))
        XCTAssertEqual(s.top?.picker?.title, "Edit a loop edge")
        XCTAssertEqual(s.top?.picker?.choices, [Choice("win-back", "Retention → Activation (Win-back)")])
        s.press(.enter)
        XCTAssertEqual(s.form?.title, "Loop edge Retention → Activation")
        s.press(.ctrl("u"))
        s.type("Come back")
        s.press(.tab)
        s.type("150")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("Share % carried back must be from 0 to 100", isError: true))
        s.press(.ctrl("u"))
        s.type("15")
        s.press(.enter)
        XCTAssertEqual(s.journey.loops, [LoopEdge(id: "win-back", from: "retention", to: "activation", label: "Come back", share: 15)])
        XCTAssertEqual(s.message, Message("Loop edge Retention → Activation: 'Come back', carries 15% back (u undoes)"))
        s.checkUndoRedo(before: Sample.journey())
        s.press(.char("u"))
        XCTAssertEqual(s.message, Message("Undid: rename loop edge 'Win-back' to 'Come back'"))
        // The board's stage header shows the new label.
        s.press(.ctrl("r"))
        XCTAssertTrue(Renderer.render(s).trimmedLines.contains { $0.contains("Come back") })
        var none = Sample.state()
        none.journey.loops = []
        none.press(.char("E"))
        XCTAssertEqual(none.message, Message("The journey has no loop edges: o adds one"))
    }

    /// A custom journey: Reach and Convert match RACE by name, `engage` by id; Loyalty matches nothing.
    static func ownFunnel() -> Journey {
        var j = Journey(title: "Shop", framework: FrameworkRef(id: "our-funnel", name: "Our funnel", custom: true))
        j.stages = [
            Stage(id: "reach", name: "Reach", touchpoints: [Touchpoint(id: "ads", name: "Ads")]),
            Stage(id: "convert", name: "Convert", touchpoints: [Touchpoint(id: "checkout", name: "Checkout")]),
            Stage(id: "loyalty", name: "Loyalty", touchpoints: [Touchpoint(id: "points", name: "Points")]),
            Stage(id: "engage", name: "Stay engaged", touchpoints: [Touchpoint(id: "newsletter", name: "Newsletter")]),
        ]
        j.cohorts = [Cohort(id: "buyers", name: "Buyers", dropOff: ["loyalty": 10])]
        return j
    }

    func testChangeTheFrameworkMapsByNameAddsAndKeeps() {
        let before = CostsLoopsFrameworkTests.ownFunnel()
        var s = EditorState(journey: before, path: "/tmp/shop.json", width: 100, height: 30)
        s.press(.ctrl("f"))
        XCTAssertEqual(s.top?.picker?.title, "Change the framework (now Our funnel)")
        XCTAssertEqual(s.top?.picker?.choices.map(\.id), ["aarrr", "race", "aida", "laer", "mckinsey-cdj", "custom"])
        s.type("RACE")
        s.press(.enter)
        XCTAssertEqual(s.top?.confirm?.message, "Change the framework from Our funnel to RACE? Maps by name: Reach (1 touchpoint), Convert (1 touchpoint), "
                       + "Stay engaged → Engage (1 touchpoint). Adds: Act. Keeps (no match): Loyalty (1 touchpoint); as your own framework it is RACE, extended. Every touchpoint stays.")
        XCTAssertEqual(s.top?.confirm?.choices.map(\.key), ["c", "y", "n"])
        s.press(.char("y"))
        XCTAssertEqual(s.journey.framework, FrameworkRef(id: "race"))
        XCTAssertEqual(s.journey.stages.map(\.name), ["Reach", "Act", "Convert", "Loyalty", "Engage"])
        XCTAssertEqual(s.journey.stages.map(\.id), ["reach", "act", "convert", "loyalty", "engage"])
        XCTAssertEqual(s.journey.stages.flatMap { $0.touchpoints.map(\.id) }.sorted(), ["ads", "checkout", "newsletter", "points"])
        XCTAssertEqual(s.journey.stages[4].touchpoints.map(\.id), ["newsletter"], "the mapped stage keeps its touchpoints")
        XCTAssertEqual(s.journey.cohorts, before.cohorts)
        XCTAssertEqual(s.message, Message("Framework Our funnel → RACE: stages 3 mapped, 1 added, 1 kept (u undoes)"))
        s.checkUndoRedo(before: before)
        XCTAssertEqual(s.history.undo.count, 1, "one undo step")
        // The other answer: the framework becomes the team's own, based on RACE.
        var c = EditorState(journey: before, path: "/tmp/shop.json", width: 100, height: 30)
        c.press(.ctrl("f"))
        c.type("RACE")
        c.press(.enter, .char("c"))
        XCTAssertEqual(c.journey.framework, FrameworkRef(id: "race-custom", name: "RACE, extended", custom: true))
        XCTAssertEqual(c.journey.stages.map(\.name), ["Reach", "Act", "Convert", "Loyalty", "Engage"])
        // Esc changes nothing.
        var e = EditorState(journey: before, path: "/tmp/shop.json", width: 100, height: 30)
        e.press(.ctrl("f"))
        e.type("RACE")
        e.press(.enter, .escape)
        XCTAssertEqual(e.journey, before)
        XCTAssertTrue(e.overlays.isEmpty)
    }

    func testMovingToMcKinseyAddsItsLoopAndYourOwnKeepsTheStages() {
        var s = Sample.state()
        s.press(.ctrl("f"))
        s.type("McKinsey")
        s.press(.enter)
        XCTAssertEqual(s.top?.confirm?.message, "Change the framework from AARRR (\"pirate metrics\") to McKinsey Consumer Decision Journey? Maps by name: none. "
                       + "Adds: Initial consideration, Active evaluation, Purchase, Post-purchase experience. "
                       + "Keeps (no match): Acquisition (2 touchpoints), Activation (1 touchpoint), Retention; as your own framework it is McKinsey Consumer Decision Journey, extended. Adds the Loyalty loop edge. Every touchpoint stays.")
        s.press(.char("c"))
        XCTAssertEqual(s.journey.stages.count, 7)
        XCTAssertEqual(s.journey.loops.map(\.label), ["Win-back", "Loyalty loop"])
        XCTAssertEqual(s.journey.loops[1].from, "post-purchase-experience")
        XCTAssertEqual(s.journey.stages.flatMap { $0.touchpoints.map(\.id) }, Sample.journey().stages.flatMap { $0.touchpoints.map(\.id) })
        // Your own framework: a name, the stages stay.
        var o = Sample.state()
        o.press(.ctrl("f"))
        o.type("own")
        o.press(.enter)
        XCTAssertEqual(o.form?.fields.first?.text, "AARRR (\"pirate metrics\"), extended")
        o.press(.ctrl("u"))
        o.type("Coffee funnel")
        o.press(.enter)
        XCTAssertEqual(o.journey.framework, FrameworkRef(id: "coffee-funnel", name: "Coffee funnel", custom: true))
        XCTAssertEqual(o.journey.stages, Sample.journey().stages)
        XCTAssertEqual(o.message, Message("Framework AARRR (\"pirate metrics\") → Coffee funnel, your own: the stages stay as they are (u undoes)"))
        o.checkUndoRedo(before: Sample.journey())
        // The framework it is on already, with its stages: nothing to do.
        var t = EditorState(journey: Journey.template(Framework.named("laer")!), path: nil)
        t.press(.ctrl("f"))
        t.type("LAER")
        t.press(.enter)
        XCTAssertEqual(t.message, Message("The journey is on LAER (by TSIA) already, with its stages"))
    }
}

extension CostsLoopsFrameworkTests {
    func testAStageMapsByItsOtherNameAndTheResultIsValid() throws {
        var j = Journey(title: "Launch", framework: FrameworkRef(id: "funnel", name: "Funnel", custom: true))
        j.stages = [
            Stage(id: "awareness", name: "Awareness", touchpoints: [Touchpoint(id: "teaser", name: "Teaser")]),
            Stage(id: "buy", name: "Action", level: .active, touchpoints: [Touchpoint(id: "checkout", name: "Checkout")]),
        ]
        j.loops = [LoopEdge(id: "again", from: "buy", to: "awareness", label: "Again")]
        let plan = FrameworkChange(j, to: Framework.named("aida")!)
        XCTAssertEqual(plan.mapped.map { "\($0.from) → \($0.to)" }, ["Awareness → Attention", "Action → Action"])
        XCTAssertEqual(plan.added, ["Interest", "Desire"])
        XCTAssertEqual(plan.kept, [])
        let moved = plan.apply(to: j, custom: false)
        XCTAssertEqual(moved.stages.map(\.id), ["awareness", "interest", "desire", "buy"])
        XCTAssertEqual(moved.stages.map(\.level), [.aware, .aware, .aware, .active], "a level set stays; the others get the usual one")
        XCTAssertEqual(moved.loops, j.loops)
        let doc = try JourneyCodec.decode(JourneyCodec.encode(moved))
        XCTAssertEqual(doc.journey, moved)
        var s = EditorState(journey: j, path: nil)
        s.press(.ctrl("f"))
        s.type("AIDA")
        s.press(.enter)
        XCTAssertEqual(s.top?.confirm?.choices.map(\.key), ["y", "n"], "nothing kept: no question of your own framework")
        s.press(.char("y"))
        XCTAssertEqual(s.journey, moved)
    }
}
