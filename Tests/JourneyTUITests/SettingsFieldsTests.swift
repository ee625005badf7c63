import JourneyKit
@testable import JourneyTUI
import XCTest

/// Issue 11: the last format-3 fields in the editor: the team's hours per person, a stage's
/// `earnsValue`, and the journey settings (affordable share, forecast horizon, thresholds).
final class SettingsFieldsTests: XCTestCase {
    func testTheSettingsFormChecksEachValueAndSetsThemInOneStep() {
        var s = Sample.state()
        let before = s.journey
        s.press(.char("T"))
        XCTAssertEqual(s.form?.title, "Journey settings (empty: the default)")
        XCTAssertEqual(s.form?.fields.map(\.label), [
            "Affordable share % (default 20)", "Forecast months (default 12)",
            "aiLayerFromSize (default 10,000)", "channelsBeforePurchase (default 3)", "defaultHoursPerPerson (default 1,600)",
            "hvcMaxCustomerShare (default 20)", "hvcMinValueMultiple (default 3)", "hvcMinValueShare (default 10)",
            "maxComponentWeight (default 60)", "needShare (default 50)", "techTouchFromSize (default 1,000,000)",
        ])
        XCTAssertEqual(s.form?.fields.map(\.text), Array(repeating: "", count: 11), "nothing set: every field empty")
        s.type("120")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("Affordable share % (default 20) must be at most 100", isError: true))
        XCTAssertEqual(s.focusedField?.key, .affordableShare)
        s.press(.ctrl("u"))
        s.type("30")
        s.press(.tab)
        for (typed, message) in [("0", "Forecast months (default 12) must be a whole number from 1 to 120"),
                                 ("2.5", "Forecast months (default 12) must be a whole number from 1 to 120"),
                                 ("121", "Forecast months (default 12) must be at most 120"),
                                 ("-1", "Forecast months (default 12) cannot be negative"),
                                 ("soon", "Forecast months (default 12) must be a number, like 12 or 12.5 (empty: the default)")] {
            s.press(.ctrl("u"))
            s.type(typed)
            s.press(.enter)
            XCTAssertEqual(s.message, Message(message, isError: true), typed)
            XCTAssertEqual(s.focusedField?.key, .horizonMonths)
        }
        s.press(.ctrl("u"))
        s.type("24")
        for _ in 0..<8 { s.press(.tab) }
        XCTAssertEqual(s.focusedField?.label, "needShare (default 50)")
        s.type("2e15")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("needShare (default 50) must be at most 1,000,000,000,000,000", isError: true))
        s.press(.ctrl("u"))
        s.type("40")
        s.press(.tab)
        s.type("500,000")
        s.press(.enter)
        XCTAssertTrue(s.overlays.isEmpty, "\(String(describing: s.message))")
        XCTAssertEqual(s.journey.settings, JourneySettings(affordableShare: 30, horizonMonths: 24, thresholds: ["needShare": 40, "techTouchFromSize": 500_000]))
        XCTAssertEqual(s.message, Message("Journey settings: affordable share 30%, forecast 24 months, 2 thresholds set (u undoes)"))
        XCTAssertEqual(Forecast(s.journey).horizonMonths, 24, "the forecast follows")
        XCTAssertEqual(s.history.undo.map(\.label), ["edit the journey settings"])
        s.checkUndoRedo(before: before)
        // The form shows what is set; emptying every field goes back to the defaults.
        s.press(.char("T"))
        XCTAssertEqual(s.form?.fields.map(\.text), ["30", "24", "", "", "", "", "", "", "", "40", "500000"])
        for _ in 0..<11 { s.press(.ctrl("u"), .tab) }
        s.press(.enter)
        XCTAssertEqual(s.journey.settings, JourneySettings())
        XCTAssertEqual(s.message, Message("Journey settings: all defaults (u undoes)"))
        XCTAssertEqual(s.history.undo.count, 2)
        // Nothing changed: no undo step.
        s.press(.char("T"), .enter)
        XCTAssertEqual(s.history.undo.count, 2)
    }

    /// New visitors (complexity unknown: need 1) worth 400 a year: low-touch (8) fits 20% (80)
    /// but not 1% (4), so tech-touch. VIP (complexity high: need 2) worth 400: a person (hybrid,
    /// 150) is within the need floor of 50% (200), not of 30% (120): the automated equivalent.
    func testTheAdviceFollowsTheSettingsAtOnce() {
        var j = Sample.journey()
        j.cohorts[0].valuePerUser = 400
        j.cohorts[1].valuePerUser = 400
        j.cohorts[1].complexity = .high
        var s = EditorState(journey: j, path: "/tmp/coffee.json", width: 100, height: 30)
        _ = Editor.update(&s, .resize(width: 100, height: 30))
        func advice() -> [String] { Recommender.recommend(s.journey).map { Choices.badge($0, in: s.journey) } }
        XCTAssertEqual(advice(), ["LOW", "HYB"])
        s.press(.char("T"))
        s.type("1")
        for _ in 0..<9 { s.press(.tab) }
        s.type("30")
        s.press(.enter)
        XCTAssertEqual(advice(), ["TECH", "TECH"])
        XCTAssertEqual(s.message, Message("Journey settings: affordable share 1%, 1 threshold set; advice 'New visitors' LOW → TECH, 'VIP' HYB → TECH (u undoes)"))
        s.press(.char("u"))
        XCTAssertEqual(advice(), ["LOW", "HYB"])
    }

    func testTheTeamsHoursPerPersonIsCheckedAndKept() {
        var s = Sample.state()
        let before = s.journey
        s.press(.char("p"))
        for _ in 0..<5 { s.press(.tab) }
        XCTAssertEqual(s.focusedField?.label, "Team (people)")
        s.type("-3")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("Team (people) must be from 0 to 1000000000", isError: true))
        s.press(.ctrl("u"))
        s.type("4")
        s.press(.tab)
        XCTAssertEqual(s.focusedField?.label, "Hours a year per person (default 1,600)")
        s.type("9000")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("Hours a year per person (default 1,600) must be at most 8,784", isError: true))
        XCTAssertEqual(s.focusedField?.key, .hoursPerPerson)
        s.press(.ctrl("u"))
        s.type("1,400")
        s.press(.enter)
        XCTAssertTrue(s.overlays.isEmpty, "\(String(describing: s.message))")
        XCTAssertEqual(s.journey.team, Team(people: 4, hoursPerPerson: 1400))
        XCTAssertEqual(s.journey.teamNumbers.capacityHours, 5600)
        XCTAssertEqual(s.history.undo.map(\.label), ["edit the journey's properties"])
        s.checkUndoRedo(before: before)
        // Empty: the default again, which the settings may change.
        s.journey.settings.thresholds["defaultHoursPerPerson"] = 1500
        s.press(.char("p"))
        for _ in 0..<6 { s.press(.tab) }
        XCTAssertEqual(s.focusedField?.label, "Hours a year per person (default 1,500)")
        XCTAssertEqual(s.focusedField?.text, "1400")
        s.press(.ctrl("u"), .enter)
        XCTAssertEqual(s.journey.team, Team(people: 4))
        XCTAssertEqual(s.journey.teamNumbers.capacityHours, 6000)
    }

    func testOneStageEarnsValue() {
        var s = Sample.state()
        let before = s.journey
        s.selection = Selection(stage: 1, card: -1)
        s.press(.char("e"), .pageDown)
        XCTAssertEqual(s.focusedField?.label, "Value is earned here (forecast)")
        s.press(.char(" "), .enter)
        XCTAssertTrue(s.overlays.isEmpty, "\(String(describing: s.message))")
        XCTAssertEqual(s.journey.stages.map(\.earnsValue), [false, true, false])
        XCTAssertEqual(s.history.undo.map(\.label), ["edit stage 'Activation'"])
        s.checkUndoRedo(before: before)
        // A second value stage is refused, on an existing stage and on a new one.
        s.selection = Selection(stage: 2, card: -1)
        s.press(.char("e"), .pageDown, .char(" "), .enter)
        XCTAssertEqual(s.message, Message("Value is earned at 'Activation' already: unmark it there first (the forecast earns value at one stage)", isError: true))
        XCTAssertEqual(s.focusedField?.key, .earnsValue)
        s.press(.char(" "), .enter)
        XCTAssertTrue(s.overlays.isEmpty)
        s.press(.char("A"))
        s.type("Referral")
        s.press(.pageDown, .char(" "), .enter)
        XCTAssertEqual(s.message, Message("Value is earned at 'Activation' already: unmark it there first (the forecast earns value at one stage)", isError: true))
        // Unmarking it, then marking another, works; the forecast follows.
        s.press(.escape, .char("d"))
        XCTAssertTrue(s.overlays.isEmpty)
        s.selection = Selection(stage: 1, card: -1)
        s.press(.char("e"), .pageDown, .char(" "), .enter)
        s.selection = Selection(stage: 2, card: -1)
        s.press(.char("e"), .pageDown, .char(" "), .enter)
        XCTAssertEqual(s.journey.stages.map(\.earnsValue), [false, false, true])
        XCTAssertEqual(s.history.undo.count, 3)
        XCTAssertEqual(Forecast(s.journey).valueStage, 2)
        XCTAssertEqual(Forecast(s.journey).valueRule, .marked)
        // A duplicate of the value stage is not a second one.
        s.press(.char("D"))
        XCTAssertEqual(s.journey.stages.map(\.name), ["Acquisition", "Activation", "Retention", "Retention (copy)"])
        XCTAssertEqual(s.journey.stages.map(\.earnsValue), [false, false, true, false])
    }

    func testTheRunLoopSavesTheSettingsHoursAndValueStage() {
        let host = MemoryHost()
        let settings: [Key] = [.char("T"), .char("3"), .char("5"), .tab, .char("1"), .char("8"), .enter]
        let hours: [Key] = [.char("p")] + Array(repeating: Key.tab, count: 6) + [.char("1"), .char("5"), .char("0"), .char("0"), .enter]
        let stage: [Key] = [.char("k"), .char("e"), .pageDown, .char(" "), .enter, .char("s"), .char("q")]
        let keys = settings + hours + stage
        let term = MemoryTerminal(keys: keys)
        _ = runSession(term, host: host)
        XCTAssertFalse(term.ranOut)
        let saved = host.journey("/tmp/coffee.json")
        XCTAssertEqual(saved?.settings, JourneySettings(affordableShare: 35, horizonMonths: 18))
        XCTAssertEqual(saved?.team, Team(hoursPerPerson: 1500))
        XCTAssertEqual(saved?.stages.map(\.earnsValue), [true, false, false])
        let text = host.files["/tmp/coffee.json"] ?? ""
        XCTAssertTrue(text.contains("\"affordableShare\": 35"), text)
    }

    func testTheSettingsKeyIsInTheTableAndRefusedWhenItCannotWork() {
        var s = Sample.state()
        XCTAssertEqual(KeyTable.binding(for: .char("T"), in: s)?.action, .editSettings)
        XCTAssertTrue(Choices.palette(s).choices.contains { $0.label.hasPrefix("Journey settings: the affordable share") })
        s.readOnly = true
        s.press(.char("T"))
        XCTAssertTrue(s.overlays.isEmpty)
        XCTAssertEqual(s.message, Message(EditorState.readOnlyRefusal, isError: true))
        var none = Sample.state()
        none.hasJourney = false
        XCTAssertNil(KeyTable.binding(for: .char("T"), in: none))
        XCTAssertEqual(KeyTable.disabledReason(for: .char("T"), in: none), "No journey yet: choose a framework first")
    }

    /// A scenario holds the whole team, so its team form has the hours per person too; the
    /// settings are the journey's own, so `T` is refused there.
    func testInAScenarioTheTeamHasItsHoursAndTheSettingsAreRefused() {
        var s = Sample.state()
        s.journey.scenarios = [Scenario(id: "bigger", name: "Bigger")]
        s.scenario = "bigger"
        s.press(.char("p"))
        XCTAssertEqual(s.form?.fields.map(\.label), ["Team (people)", "Hours a year per person (default 1,600)", "Budget a year"])
        s.press(.tab)
        s.type("1200")
        s.press(.enter)
        XCTAssertTrue(s.overlays.isEmpty, "\(String(describing: s.message))")
        XCTAssertEqual(s.journey.scenarios[0].team, Team(hoursPerPerson: 1200))
        XCTAssertNil(s.journey.team)
        s.press(.char("T"))
        XCTAssertTrue(s.overlays.isEmpty)
        XCTAssertEqual(s.message, Message("Scenario 'Bigger' holds only \(EditorState.scenarioHolds): W then as-is edits the journey itself"))
    }
}
