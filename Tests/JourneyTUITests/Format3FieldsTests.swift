import JourneyKit
@testable import JourneyTUI
import XCTest

/// Issue 14 capability 5 and issue 11: the format-3 fields in the editor's forms
/// (sentiment, pain points, data capture, loyalty; cohort owner, inflow, drop-off overrides,
/// routing rules, health score; the journey's health score; the model presets).
final class Format3FieldsTests: XCTestCase {
    /// The focused field's key.
    func focused(_ s: EditorState) -> FieldKey? { s.form.map { $0.fields[$0.focus].key } }

    func testTouchpointSentimentPainPointsDataCaptureAndLoyalty() {
        var s = Sample.state()
        let before = s.journey
        s.press(.char("e"))
        for _ in 0..<12 { s.press(.tab) }
        XCTAssertEqual(focused(s), .sentiment)
        s.type("7")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("Sentiment must be a whole number from 1 (bad) to 5 (good), or empty", isError: true))
        XCTAssertEqual(focused(s), .sentiment)
        s.press(.ctrl("u"))
        s.type("2")
        // Pain points: a list of short texts.
        s.press(.tab, .char(" "))
        XCTAssertEqual(s.context, .itemList)
        s.press(.char("a"))
        XCTAssertEqual(s.form?.title, "New pain point")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("Pain point cannot be empty", isError: true))
        s.type("Slow to load")
        s.press(.enter)
        XCTAssertEqual(s.top?.itemList?.items, [.text("Slow to load")])
        XCTAssertEqual(s.top?.itemList?.highlight, 2, "the highlight is on Done")
        s.press(.char("a"))
        s.type("No price shown")
        s.press(.enter, .enter)
        XCTAssertEqual(s.form?.fields[13].value, .items([.text("Slow to load"), .text("No price shown")]))
        // Data capture: what, whose, where to.
        s.press(.tab, .char(" "), .char("a"))
        XCTAssertEqual(s.form?.fields.map(\.label), ["Data captured", "Party", "Goes to (CRM, CDP)"])
        s.press(.enter)
        XCTAssertEqual(s.message, Message("Say what data it captures (an email address, style preferences)", isError: true))
        s.type("email address")
        s.press(.tab)
        s.type("zero")
        s.press(.enter, .tab)
        s.type("CRM")
        s.press(.enter, .enter)
        // Loyalty programme: Space switches it on.
        s.press(.tab, .char(" "))
        XCTAssertEqual(focused(s), .loyaltyProgramme)
        s.press(.enter)
        XCTAssertTrue(s.overlays.isEmpty, "\(String(describing: s.message))")
        let t = s.journey.stages[0].touchpoints[0]
        XCTAssertEqual(t.sentiment, 2)
        XCTAssertEqual(t.painPoints, ["Slow to load", "No price shown"])
        XCTAssertEqual(t.dataCapture, [DataCapture(data: "email address", party: .zero, destination: "CRM")])
        XCTAssertTrue(t.loyaltyProgramme)
        XCTAssertEqual(s.history.undo.count, 1, "one undo step")
        s.checkUndoRedo(before: before)
        // The detail pane shows them.
        let entries = DetailPane.entries(s).1
        for (label, value) in [("Sentiment", "2 of 5"), ("Pain points", "Slow to load; No price shown"),
                               ("Captures", "email address (zero-party) → CRM"), ("Loyalty", "a loyalty or points programme")] {
            XCTAssertTrue(entries.contains { $0 == (label, value) }, "\(label): \(entries)")
        }
    }

    func testAListEditsDeletesAndAsksBeforeLosingChanges() {
        var j = Sample.journey()
        j.stages[0].touchpoints[0].painPoints = ["Slow", "Ugly"]
        var s = EditorState(journey: j, path: "/tmp/coffee.json", width: 100, height: 30)
        s.press(.char("e"))
        for _ in 0..<13 { s.press(.tab) }
        s.press(.char(" "))
        XCTAssertEqual(s.top?.itemList?.items, [.text("Slow"), .text("Ugly")])
        // Enter edits the highlighted item in its form.
        s.press(.enter)
        XCTAssertEqual(s.form?.title, "Pain point")
        s.press(.ctrl("u"))
        s.type("Slow checkout")
        s.press(.enter)
        s.press(.up, .up, .char("d"))
        XCTAssertEqual(s.top?.itemList?.items, [.text("Slow checkout")])
        // d on the Add row says why it does nothing.
        XCTAssertEqual(s.top?.itemList?.highlight, 1)
        s.press(.char("d"))
        XCTAssertEqual(s.message, Message("Highlight an item to delete first"))
        // Esc with changes asks; keep editing, then discard.
        s.press(.escape)
        XCTAssertEqual(s.top?.confirm?.message, "Discard what you changed in the pain points?")
        s.press(.char("k"))
        XCTAssertEqual(s.context, .itemList)
        s.press(.escape, .char("d"))
        XCTAssertEqual(s.context, .form)
        XCTAssertEqual(s.form?.fields[13].value, .items([.text("Slow"), .text("Ugly")]))
        s.press(.enter)
        XCTAssertEqual(s.journey, j, "nothing changed")
    }

    func testCohortOwnerInflowDropOffRoutingAndHealthScore() {
        var s = Sample.state()
        let before = s.journey
        s.press(.tab, .char("j"), .char("e"))
        XCTAssertEqual(s.form?.title, "Cohort")
        XCTAssertEqual(s.form?.fields.suffix(5).map(\.label), ["Owner (host, manager)", "New customers / year", "Drop-off overrides", "Routing rules", "Health score"])
        for _ in 0..<9 { s.press(.tab) }
        s.type("Roastery team")
        s.press(.tab)
        s.type("forty")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("New customers / year must be a whole number, 0 or more", isError: true))
        s.press(.ctrl("u"))
        s.type("40")
        // A drop-off override for Activation.
        s.press(.tab, .char(" "), .char("a"))
        s.type("activ")
        s.press(.enter, .tab)
        s.type("135")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("Drop-off % must be from 0 to 100", isError: true))
        s.press(.ctrl("u"))
        s.type("35")
        s.press(.enter)
        // A second override for the same stage is refused.
        s.press(.char("a"))
        s.type("activ")
        s.press(.enter, .tab)
        s.type("5")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("Activation has a drop-off override already: edit that one", isError: true))
        s.press(.escape, .char("d"), .enter)
        // A second routing rule beside the sample's.
        s.press(.tab, .char(" "))
        XCTAssertEqual(s.top?.itemList?.items.count, 1)
        s.press(.char("a"))
        s.type("balance")
        s.press(.tab)
        s.type("above 500")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("Say what happens then: an action, an owner, or both", isError: true))
        XCTAssertEqual(focused(s), .action)
        s.press(.tab)
        s.type("Head roaster")
        s.press(.enter, .enter)
        // The cohort's health score, in its own form.
        s.press(.tab, .char(" "))
        XCTAssertEqual(s.form?.title, "Cohort: health score")
        s.press(.char(" "), .char("a"))
        s.type("Orders")
        s.press(.tab)
        s.type("rec")
        s.press(.enter, .tab, .ctrl("u"))
        s.type("-1")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("Weight must be from 0 to 1000000", isError: true))
        s.press(.ctrl("u"))
        s.type("3")
        s.press(.enter, .char("a"))
        s.type("Tickets")
        s.press(.tab)
        s.type("supp")
        s.press(.enter, .enter, .enter)
        // A band that leads to the new routing rule (not applied yet: it is in the form beneath).
        s.press(.tab, .char(" "), .char("a"), .tab)
        s.type("120")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("Below score (0-100) must be from 0 to 100", isError: true))
        s.press(.ctrl("u"))
        s.type("60")
        s.press(.tab, .char(" "))
        XCTAssertEqual(s.top?.picker?.choices.last, Choice("balance", "Routing: balance, above 500"))
        s.type("balance")
        s.press(.char(" "), .enter, .enter)
        // A second at-risk band is refused with the decoder's words.
        s.press(.char("a"), .enter)
        XCTAssertEqual(s.message, Message("The band \"at-risk\" is given twice; each state has one band", isError: true))
        s.press(.escape)
        XCTAssertEqual(s.top?.itemList?.items.count, 1)
        s.press(.enter)
        // Applying the score says what lint says about its weights: 3 against 1 is 75%.
        s.press(.enter)
        XCTAssertEqual(s.message, Message("Lint: Health-score component \"Orders\" carries 75% of the weight, more than 60%: the score is that one metric. (JM031)",
                                          isError: true))
        XCTAssertEqual(s.form?.title, "Cohort")
        s.press(.enter)
        XCTAssertTrue(s.overlays.isEmpty, "\(String(describing: s.message))")
        let c = s.journey.cohorts[1]
        XCTAssertEqual(c.owner, "Roastery team")
        XCTAssertEqual(c.inflowPerYear, 40)
        XCTAssertEqual(c.dropOff, ["activation": 35])
        XCTAssertEqual(c.routing, [
            RoutingRule(id: "quiet-vip", signal: "orders", condition: "no order for 30 days", action: "the roaster calls"),
            RoutingRule(id: "balance", signal: "balance", condition: "above 500", action: "", owner: "Head roaster"),
        ])
        XCTAssertEqual(c.healthScore, HealthScore(components: [
            HealthComponent(id: "orders", name: "Orders", kind: .recency, weight: 3),
            HealthComponent(id: "tickets", name: "Tickets", kind: .supportFriction, weight: 1),
        ], bands: [HealthBand(state: .atRisk, below: 60, leadsTo: ["balance"])]))
        XCTAssertEqual(s.history.undo.count, 1, "one undo step")
        s.checkUndoRedo(before: before)
        // The file reads back with the same cohort (ids resolve, the band's rule exists).
        let text = String(decoding: JourneyCodec.encode(s.journey), as: UTF8.self)
        XCTAssertEqual(try JourneyCodec.decode(text).journey.cohorts[1], c)
        // The detail pane shows them.
        let entries = DetailPane.entries(s).1
        for (label, value) in [("Owner", "Roastery team"), ("Inflow/year", "40"), ("Drop-off", "Activation 35%"),
                               ("Routing", "orders no order for 30 days: the roaster calls; balance above 500 (Head roaster)"),
                               ("Health", "Orders · Recency · weight 3; Tickets · Support friction · weight 1; At risk below 60 → Routing: balance, above 500")] {
            XCTAssertTrue(entries.contains { $0 == (label, value) }, "\(label): \(entries)")
        }
    }

    func testTheJourneysHealthScoreFromItsKeyAndThePalette() {
        var s = Sample.state()
        let before = s.journey
        s.press(.char("S"))
        XCTAssertEqual(s.form?.title, "Journey health score")
        s.press(.char(" "), .char("a"))
        s.type("Weekly use")
        s.press(.enter, .enter, .enter)
        XCTAssertTrue(s.overlays.isEmpty)
        XCTAssertEqual(s.journey.healthScore, HealthScore(components: [HealthComponent(id: "weekly-use", name: "Weekly use", kind: .usageFrequency, weight: 1)]))
        // The message is lint's own words.
        let lint = Linter().lint(s.journey).findings.first { $0.rule == "JM031" }
        XCTAssertEqual(lint?.message, "The health score has one component, \"Weekly use\": that is one metric, not a health score.")
        XCTAssertEqual(s.message, Message("Lint: \(lint!.message) (JM031)", isError: true))
        XCTAssertEqual(s.history.undo.last?.label, "edit the journey's health score")
        s.checkUndoRedo(before: before)
        // From the cohorts panel, through the palette: a second component and a critical band.
        s.press(.tab, .char(":"))
        s.type("journey's health")
        XCTAssertEqual(s.top?.picker?.visible.first?.id, "healthScore")
        s.press(.enter)
        XCTAssertEqual(s.form?.title, "Journey health score")
        s.press(.char(" "), .char("a"))
        s.type("Recency")
        s.press(.tab)
        s.type("rece")
        s.press(.enter, .tab, .tab)
        s.type("CAC")
        s.press(.enter, .enter, .enter)
        s.press(.tab, .char(" "), .char("a"))
        s.type("crit")
        s.press(.enter, .tab)
        s.type("30")
        s.press(.tab, .char(" "))
        s.type("first brew")
        s.press(.char(" "), .enter, .enter, .enter, .enter)
        XCTAssertEqual(s.journey.healthScore, HealthScore(components: [
            HealthComponent(id: "weekly-use", name: "Weekly use", kind: .usageFrequency, weight: 1),
            HealthComponent(id: "recency", name: "Recency", kind: .recency, weight: 1, kpi: "cac"),
        ], bands: [HealthBand(state: .critical, below: 30, leadsTo: ["first-brew-call"])]))
        XCTAssertEqual(s.message, Message("Journey health score set (u undoes)"))
    }

    func testTheJourneyPropertiesFormHoldsTheHealthScore() {
        var j = Sample.journey()
        j.healthScore = HealthScore(components: [HealthComponent(id: "use", name: "Use", kind: .depth, weight: 1)],
                                    bands: [HealthBand(state: .critical, below: 20)])
        var s = EditorState(journey: j, path: "/tmp/coffee.json", width: 100, height: 30)
        s.press(.char("p"), .pageDown)
        XCTAssertEqual(focused(s), .healthScore)
        XCTAssertEqual(FormWidget.display(s.form!.fields[s.form!.focus], j, .unicode), "1 component, 1 band ▾")
        s.press(.char(" "))
        XCTAssertEqual(s.form?.title, "Journey properties: health score")
        // Remove the band: Esc asks first, then the change goes to the properties form.
        s.press(.tab, .char(" "), .char("d"))
        XCTAssertEqual(s.top?.itemList?.items, [])
        s.press(.down, .enter)
        s.press(.escape)
        XCTAssertEqual(s.top?.confirm?.message, "Discard what you changed in 'Journey properties: health score'?")
        s.press(.char("k"), .enter)
        XCTAssertEqual(s.message, Message("Lint: The health score has one component, \"Use\": that is one metric, not a health score. (JM031)", isError: true))
        XCTAssertEqual(s.form?.title, "Journey properties")
        s.press(.enter)
        XCTAssertEqual(s.journey.healthScore, HealthScore(components: [HealthComponent(id: "use", name: "Use", kind: .depth, weight: 1)]))
        XCTAssertEqual(s.history.undo.map(\.label), ["edit the journey's properties"])
        // An empty score removes it.
        s.press(.char("S"), .char(" "), .char("d"), .down, .enter, .enter)
        XCTAssertNil(s.journey.healthScore)
        XCTAssertEqual(s.message, Message("The journey has no health score"))
        XCTAssertEqual(s.history.undo.last?.label, "remove the journey's health score")
    }

    func testAListOpensInsideTheSmallHealthScoreForm() {
        var s = Sample.state(width: 100, height: 30)
        s.press(.char("S"), .char(" "), .char("a"))
        s.type("Orders")
        s.press(.enter)
        let lines = Renderer.render(s).trimmedLines
        XCTAssertEqual(Array(lines[8...18].map { String($0.dropFirst(12).prefix(76)) }), [
            "┌─ Journey health score ───────────────────────────────────────────────────┐",
            "│                                                                          │",
            "│  Components (none) ▾                                                     │",
            "│  ┌─ Components ───────────────────────────────────────────────────────┐  │",
            "│  │                                                                    │  │",
            "│  │ Orders · Usage frequency · weight 1                                │  │",
            "│  │ + Add a component                                                  │  │",
            "│  │ ✓ Done                                                             │  │",
            "│  │                                                                    │  │",
            "│  └────────────────────────────────────────────────────────────────────┘  │",
            "│                                                                          │",
        ])
    }

    func testTheHealthScoreKeyIsRefusedReadOnly() {
        var s = Sample.state()
        s.readOnly = true
        s.press(.char("S"))
        XCTAssertTrue(s.overlays.isEmpty)
        XCTAssertEqual(s.message, Message(EditorState.readOnlyRefusal, isError: true))
    }

    func testANewModelFromAPresetSuggestsItsKeyMetrics() {
        var s = Sample.state()
        let before = s.journey
        s.press(.tab, .tab, .tab, .char("a"))
        XCTAssertEqual(s.form?.title, "New engagement model")
        s.type("Success desk")
        s.press(.tab, .tab, .tab, .char(" "))
        XCTAssertEqual(s.top?.picker?.choices.map(\.id), [""] + ModelPreset.ids)
        XCTAssertEqual(s.top?.picker?.choices.map(\.label), ["(none)", "Transactional", "Value-added", "Proactive", "Automated retention",
                                                             "CSM-driven", "Collaborative roadmap", "USP-led"])
        XCTAssertEqual(s.top?.picker?.choices[5].detail, "Renewal rate, Expansion revenue, Health score")
        s.type("csm")
        s.press(.enter)
        XCTAssertEqual(focused(s), .preset)
        s.press(.enter)
        XCTAssertTrue(s.overlays.isEmpty, "\(String(describing: s.message))")
        XCTAssertEqual(s.journey.models, [CustomModel(id: "success-desk", name: "Success desk", basedOn: "high-touch", preset: "csm-driven")])
        XCTAssertEqual(s.journey.kpis, ModelPreset.named("csm-driven")!.suggestedKPIs)
        XCTAssertEqual(s.journey.kpis.map(\.name), ["Renewal rate", "Expansion revenue", "Health score"])
        XCTAssertEqual(s.message, Message("Added model 'Success desk' (preset CSM-driven); its key metrics are journey KPIs now: Renewal rate, Expansion revenue, Health score"))
        XCTAssertEqual(s.history.undo.count, 1, "one undo step")
        s.checkUndoRedo(before: before)
        XCTAssertTrue(DetailPane.entries(s).1.contains { $0 == ("Preset", "CSM-driven: A customer success manager owns the account. Key metrics: Renewal rate, Expansion revenue, Health score") })
        // A second model from the same preset adds no KPI twice; the toggle can say no.
        s.press(.char("a"))
        s.type("Second desk")
        s.press(.tab, .tab, .tab)
        s.type("csm")
        s.press(.enter, .enter)
        XCTAssertEqual(s.journey.kpis.count, 3)
        XCTAssertEqual(s.message, Message("Added model 'Second desk' (preset CSM-driven)"))
    }

    func testSearchFindsPainPoints() {
        var j = Sample.journey()
        j.stages[1].touchpoints[0].painPoints = ["Call comes too late"]
        XCTAssertEqual(Choices.searchResults("too late", in: j), [Choice("1:0", "Activation › First brew call", detail: "pain point Call comes too late")])
    }

    func testDeletingWhatTheNewFieldsReferToLeavesNoDanglingReference() throws {
        var j = Sample.journey()
        j.cohorts[1].routing[0].touchpoint = "first-brew-call"
        j.cohorts[1].dropOff = ["activation": 20, "retention": 10]
        j.healthScore = HealthScore(components: [HealthComponent(id: "acq", name: "Acquisition cost", kind: .custom, weight: 1, kpi: "cac")],
                                    bands: [HealthBand(state: .atRisk, below: 50, leadsTo: ["first-brew-call", "quiet-vip"])])
        var s = EditorState(journey: j, path: "/tmp/coffee.json", width: 100, height: 30)
        // The First brew call card goes.
        s.press(.char("l"), .char("j"), .char("d"))
        XCTAssertEqual(s.message, Message("Deleted 'First brew call' (u undoes)"))
        XCTAssertNil(s.journey.cohorts[1].routing[0].touchpoint)
        XCTAssertEqual(s.journey.healthScore?.bands[0].leadsTo, ["quiet-vip"])
        // The Retention stage goes, and the cohort's drop-off override for it.
        s.press(.char("l"), .char("d"), .char("y"))
        XCTAssertEqual(s.journey.cohorts[1].dropOff, ["activation": 20])
        XCTAssertNoThrow(try JourneyCodec.decode(String(decoding: JourneyCodec.encode(s.journey), as: UTF8.self)))
        // Undo brings the card and its references back together.
        s.press(.char("u"), .char("u"))
        XCTAssertEqual(s.journey, j)
    }

    func testTheRunLoopSavesTheNewFields() {
        let host = MemoryHost()
        // Sentiment 4 and one pain point on the first card, save, quit.
        let keys: [Key] = [.char("e")] + Array(repeating: Key.tab, count: 12) + [.char("4"), .tab, .char(" "), .char("a")]
            + "Too long".map { .char($0) } + [.enter, .enter, .enter, .char("s"), .char("q")]
        let term = MemoryTerminal(keys: keys)
        _ = runSession(term, host: host)
        XCTAssertFalse(term.ranOut)
        let saved = host.journey("/tmp/coffee.json")?.stages[0].touchpoints[0]
        XCTAssertEqual(saved?.sentiment, 4)
        XCTAssertEqual(saved?.painPoints, ["Too long"])
    }
}

/// The list editor drawn by itself on a small grid.
final class ItemListWidgetTests: XCTestCase {
    func testTheListDrawsItsItemsThenAddAndDone() {
        var g = Grid(width: 40, height: 8)
        var l = ItemList(title: "Routing rules", kind: .routing, items: [
            .routing(RoutingRule(id: "r", signal: "balance", condition: "above 50,000", action: "the RM calls", owner: "RM team")),
        ], fieldIndex: 0)
        l.highlight = 1
        ItemListWidget.draw(&g, l, in: Rect(x: 0, y: 0, width: 40, height: 8), journey: Sample.journey(), Glyphs.unicode)
        XCTAssertEqual(g.trimmedLines, [
            "  ┌─ Routing rules ──────────────────┐",
            "  │                                  │",
            "  │ balance above 50,000: the RM ca… │",
            "  │ + Add a routing rule             │",
            "  │ ✓ Done                           │",
            "  │                                  │",
            "  └──────────────────────────────────┘",
            "",
        ])
    }
}
