import JourneyKit
import XCTest

final class DiffTests: XCTestCase {
    func testEveryKindOfChangeIsNamedByID() throws {
        let old = try ReviewFixtures.coffee
        var new = old
        new.title = "Bean Club"
        new.stages[0].touchpoints[0].name = "Brand search ads"
        new.stages[0].touchpoints.swapAt(0, 1)
        new.stages[2].touchpoints[0].owner = "Web team"
        new.stages[1].touchpoints[0].trigger?.kind = .schedule
        let moved = new.stages[2].touchpoints.remove(at: 1)
        new.stages[3].touchpoints.append(moved)
        new.stages[3].touchpoints.remove(at: 0)
        new.stages.append(Stage(id: "advocacy", name: "Advocacy"))
        new.cohorts[1].model = "high-touch"
        new.kpis.append(KPI(id: "nps", name: "NPS", kind: .outcome))
        new.loops = []
        let diff = JourneyDiff(old: old, new: new)
        XCTAssertEqual(diff.text(), """
            Journey
              ~ title: "Bean Club: coffee subscription" -> "Bean Club"
            Stages
              + stage advocacy "Advocacy" added at position 5
            Touchpoints
              ^ touchpoints of stage initial-consideration reordered: search-ads, cafe-tasting -> cafe-tasting, search-ads
              ~ touchpoint search-ads renamed: "Search ads" -> "Brand search ads"
              ~ touchpoint roast-quiz trigger.kind: "event" -> "schedule"
              ~ touchpoint checkout owner: "E-commerce" -> "Web team"
              > touchpoint welcome-call moved from stage moment-of-purchase to stage post-purchase-experience at position 2
              - touchpoint brew-guide "Brew guide card" removed from stage post-purchase-experience
            KPIs
              + KPI nps "NPS" added in the journey at position 2
            Loop edges
              - loop edge loyalty-loop removed
            Cohorts
              ~ cohort office-accounts model: "barista-call" -> "high-touch"

            """)
        XCTAssertEqual(diff.changes.first { $0.kind == .moved }?.path.description, ".stages[3].touchpoints[1]")
        // With colour: bold headings, and the change marks coloured by kind (green +, red -, yellow ~, cyan > and ^).
        let coloured = diff.text(colour: true).split(separator: "\n").prefix(4).map(String.init)
        XCTAssertEqual(coloured, ["\u{1B}[1mJourney\u{1B}[0m", "  \u{1B}[33m~ title: \"Bean Club: coffee subscription\" -> \"Bean Club\"\u{1B}[0m",
                                  "\u{1B}[1mStages\u{1B}[0m", "  \u{1B}[32m+ stage advocacy \"Advocacy\" added at position 5\u{1B}[0m"])
        XCTAssertEqual(diff.count, "11 changes")
    }

    func testAJourneyAgainstItselfHasNoChanges() throws {
        let j = try ReviewFixtures.journey("hostile")
        XCTAssertTrue(JourneyDiff(old: j, new: j).isEmpty)
        XCTAssertEqual(JourneyDiff(old: j, new: j).text(), "")
    }

    func testControlCharactersInValuesAreEscaped() throws {
        let old = try ReviewFixtures.coffee
        var new = old
        new.stages[0].name = "Bad\u{1B}[2J\u{9B}31m\u{202E}name"
        let text = JourneyDiff(old: old, new: new).text()
        XCTAssertEqual(text, "Stages\n  ~ stage initial-consideration renamed: \"Initial consideration\" -> \"Bad\\u001b[2J\\u{9B}31m\\u{202E}name\"\n")
        let md = JourneyDiff(old: old, new: new).markdown()
        XCTAssertFalse(md.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\n" }, md)
    }
}
