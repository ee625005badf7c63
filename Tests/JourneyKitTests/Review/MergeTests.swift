import JourneyKit
import XCTest

final class MergeTests: XCTestCase {
    func touchpointIDs(_ j: Journey, stage: Int) -> [String] { j.stages[stage].touchpoints.map(\.id) }

    func testDifferentFieldsOfOneTouchpointMergeCleanly() throws {
        let base = try ReviewFixtures.coffee
        var ours = base, theirs = base
        ours.stages[2].touchpoints[0].owner = "Web team"
        theirs.stages[2].touchpoints[0].status = .planned
        theirs.stages[2].touchpoints[0].trigger = Trigger(kind: .event, detail: "cart filled")
        let r = JourneyMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(r.conflicts, [])
        let t = r.journey.stages[2].touchpoints[0]
        XCTAssertEqual([t.owner, t.status?.rawValue, t.trigger?.detail], ["Web team", "planned", "cart filled"])
    }

    func testBothSidesAddingTouchpointsToOneStageKeepsBothOursFirst() throws {
        let base = try ReviewFixtures.coffee
        var ours = base, theirs = base
        ours.stages[3].touchpoints.append(Touchpoint(id: "ours-a", name: "A"))
        ours.stages[3].touchpoints.insert(Touchpoint(id: "ours-b", name: "B"), at: 0)
        theirs.stages[3].touchpoints.append(Touchpoint(id: "theirs-c", name: "C"))
        let r = JourneyMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(r.conflicts, [])
        XCTAssertEqual(touchpointIDs(r.journey, stage: 3), ["ours-b", "brew-guide", "refill-reminder", "ours-a", "theirs-c"])
    }

    func testMoveOnOneSideAndEditOnTheOtherFollowTheID() throws {
        let base = try ReviewFixtures.coffee
        var ours = base, theirs = base
        let moved = ours.stages[2].touchpoints.remove(at: 1)
        ours.stages[0].touchpoints.append(moved)
        theirs.stages[2].touchpoints[1].notes = "ring twice"
        let r = JourneyMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(r.conflicts, [])
        XCTAssertEqual(touchpointIDs(r.journey, stage: 0), ["search-ads", "cafe-tasting", "welcome-call"])
        XCTAssertEqual(r.journey.stages[0].touchpoints[2].notes, "ring twice")
        XCTAssertEqual(touchpointIDs(r.journey, stage: 2), ["checkout"])
    }

    func testCohortListsMergeAsSets() throws {
        let base = try ReviewFixtures.coffee
        var ours = base, theirs = base
        ours.stages[4 - 1].touchpoints[1].cohorts = ["office-accounts"]
        theirs.stages[3].touchpoints[1].cohorts = ["new-subscribers", "office-accounts", "vip"]
        theirs.cohorts.append(Cohort(id: "vip", name: "VIP"))
        let r = JourneyMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(r.conflicts, [])
        XCTAssertEqual(r.journey.stages[3].touchpoints[1].cohorts, ["office-accounts", "vip"])
    }

    func testBothChangingOneFieldIsAConflictOursWinsAndThePathIsGiven() throws {
        let base = try ReviewFixtures.coffee
        var ours = base, theirs = base
        ours.stages[0].touchpoints[1].name = "Tasting (ours)"
        theirs.stages[0].touchpoints[1].name = "Tasting (theirs)"
        theirs.stages[0].touchpoints[1].owner = "Events team"
        let r = JourneyMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(r.conflicts.map(\.path.description), [".stages[0].touchpoints[1].name"])
        XCTAssertEqual(r.conflicts.first?.message, "both sides changed name: ours \"Tasting (ours)\", theirs \"Tasting (theirs)\"; kept ours")
        XCTAssertEqual(r.journey.stages[0].touchpoints[1].name, "Tasting (ours)")
        XCTAssertEqual(r.journey.stages[0].touchpoints[1].owner, "Events team")
    }

    func testDeletedOnOneSideEditedOnTheOtherKeepsTheEdit() throws {
        let base = try ReviewFixtures.coffee
        var ours = base, theirs = base
        ours.stages[3].touchpoints.remove(at: 0)
        theirs.stages[3].touchpoints[0].notes = "Reprint in Q4"
        let r = JourneyMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(r.conflicts.map(\.path.description), [".stages[3].touchpoints[0]"])
        XCTAssertEqual(r.conflicts.first?.message, "touchpoint brew-guide was deleted in ours but changed in theirs; kept theirs")
        XCTAssertEqual(r.journey.stages[3].touchpoints[0].notes, "Reprint in Q4")
    }

    func testADeletedCohortStillUsedIsKeptSoTheJourneyStaysValid() throws {
        let base = try ReviewFixtures.coffee
        var ours = base, theirs = base
        ours.cohorts.removeAll { $0.id == "office-accounts" }
        for s in ours.stages.indices { for t in ours.stages[s].touchpoints.indices { ours.stages[s].touchpoints[t].cohorts.removeAll { $0 == "office-accounts" } } }
        theirs.stages[0].touchpoints[0].cohorts.append("office-accounts")
        let r = JourneyMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertTrue(ReviewFixtures.isValid(r.journey))
        XCTAssertEqual(r.journey.cohorts.map(\.id), ["new-subscribers", "office-accounts"])
        XCTAssertEqual(r.conflicts.map(\.message), ["cohort office-accounts was deleted in ours but touchpoint search-ads refers to it; kept it"])
        XCTAssertEqual(r.conflicts.map(\.path.description), [".cohorts[1]"])
    }

    func testADeletedStageThatGotANewTouchpointIsKept() throws {
        let base = try ReviewFixtures.coffee
        var ours = base, theirs = base
        ours.stages.remove(at: 1)
        theirs.stages[1].touchpoints.append(Touchpoint(id: "sample-pack", name: "Sample pack"))
        let r = JourneyMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(r.journey.stages.map(\.id), base.stages.map(\.id))
        // Only what the stage still needs comes back: ours deleted roast-quiz with it.
        XCTAssertEqual(touchpointIDs(r.journey, stage: 1), ["sample-pack"])
        XCTAssertEqual(r.conflicts.map(\.message), ["stage active-evaluation was deleted in ours but touchpoint sample-pack is in it; kept it"])
    }

    func testReorderingOneListDifferentlyOnBothSidesIsAConflict() throws {
        let base = try ReviewFixtures.coffee
        var ours = base, theirs = base
        ours.stages.swapAt(0, 1)
        theirs.stages.swapAt(2, 3)
        let r = JourneyMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(r.journey.stages.map(\.id), ours.stages.map(\.id))
        XCTAssertEqual(r.conflicts.map(\.path.description), [".stages"])
    }

    func testWithoutABaseIdenticalAdditionsAreClean() throws {
        let j = try ReviewFixtures.coffee
        var other = j
        other.stages[0].goal = "Another goal"
        XCTAssertEqual(JourneyMerge.merge(base: nil, ours: j, theirs: j).conflicts, [])
        let r = JourneyMerge.merge(base: nil, ours: j, theirs: other)
        XCTAssertEqual(r.conflicts.map(\.path.description), [".stages[0].goal"])
        // Ours is kept, and the conflict is recorded in the journey with both values.
        var kept = r.journey
        kept.conflicts = []
        XCTAssertEqual(kept, j)
        XCTAssertEqual(r.journey.conflicts, [UnresolvedConflict(
            id: "conflict-1", path: ".stages[0].goal", base: nil, ours: .string(j.stages[0].goal), theirs: .string("Another goal"),
            message: "both sides changed goal: ours \(JSONWriter.quoted(j.stages[0].goal)), theirs \"Another goal\"; kept ours")])
    }

    /// Labels name the sides in messages and entries; a second merge adds to the list with new ids.
    func testConflictsCarryLabelsAndKeepEarlierOnes() throws {
        let base = try ReviewFixtures.coffee
        var ours = base, theirs = base
        ours.title = "Ours"
        theirs.title = "Theirs"
        let labels = MergeLabels(ours: "main", theirs: "feature")
        let first = JourneyMerge.merge(base: base, ours: ours, theirs: theirs, labels: labels)
        XCTAssertEqual(first.journey.conflicts.map(\.message), [#"both sides changed title: ours (main) "Ours", theirs (feature) "Theirs"; kept ours"#])
        XCTAssertEqual(first.journey.conflicts.map(\.oursLabel), ["main"])
        XCTAssertEqual(first.journey.conflicts.map(\.theirsLabel), ["feature"])
        var ours2 = first.journey, theirs2 = first.journey
        ours2.stages[0].goal = "A"
        theirs2.stages[0].goal = "B"
        let second = JourneyMerge.merge(base: first.journey, ours: ours2, theirs: theirs2)
        XCTAssertEqual(second.journey.conflicts.map(\.id), ["conflict-1", "conflict-2"])
        XCTAssertEqual(second.journey.conflicts.map(\.path), [".title", ".stages[0].goal"])
        // The journey with its conflicts is written canonically and read back the same.
        XCTAssertEqual(try JourneyCodec.decode(JourneyCodec.encode(second.journey)).journey, second.journey)
    }

    /// Ours adds a JM013 suppression, theirs edits the JM015 reason: both stay.
    func testSuppressionsMergeByRule() throws {
        var base = try ReviewFixtures.coffee
        base.stages[0].touchpoints[0].suppress = [Suppression(rule: "JM015", reason: "owned by the agency")]
        var ours = base, theirs = base
        ours.stages[0].touchpoints[0].suppress.append(Suppression(rule: "JM013", reason: "channel decided later"))
        theirs.stages[0].touchpoints[0].suppress[0].reason = "owned by the agency until March"
        let r = JourneyMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(r.conflicts, [])
        XCTAssertEqual(r.journey.stages[0].touchpoints[0].suppress,
                       [Suppression(rule: "JM015", reason: "owned by the agency until March"), Suppression(rule: "JM013", reason: "channel decided later")])
        // The same rule's reason edited on both sides is one conflict, on that entry alone.
        var ours2 = base
        ours2.stages[0].touchpoints[0].suppress[0].reason = "ours"
        let c = JourneyMerge.merge(base: base, ours: ours2, theirs: theirs)
        XCTAssertEqual(c.conflicts.map(\.message), [#"both sides changed the JM015 suppression: ours {"reason": "ours", "rule": "JM015"}, theirs {"reason": "owned by the agency until March", "rule": "JM015"}; kept ours"#])
    }

    /// Ours adds a stage `vip`, theirs a cohort `vip` and an unrelated owner: the owner merges,
    /// the stage stays, the cohort waits in the conflict entry.
    func testAnIDClashBetweenKindsMergesEverythingElse() throws {
        let base = try ReviewFixtures.coffee
        var ours = base, theirs = base
        ours.stages.append(Stage(id: "vip", name: "VIP"))
        var cohort = base.cohorts[0]
        cohort.id = "vip"
        cohort.name = "VIPs"
        theirs.cohorts.append(cohort)
        theirs.stages[2].touchpoints[0].owner = "Shop team"
        let r = JourneyMerge.merge(base: base, ours: ours, theirs: theirs, labels: MergeLabels(ours: "main", theirs: "feature"))
        XCTAssertEqual(r.journey.stages.map(\.id).last, "vip")
        XCTAssertEqual(r.journey.stages[2].touchpoints[0].owner, "Shop team")
        XCTAssertEqual(r.journey.cohorts.map(\.id), base.cohorts.map(\.id))
        XCTAssertEqual(r.conflicts.map(\.message), ["theirs (feature) added cohort vip, but stage vip already has that id; kept the stage; the cohort is in this entry: give it a new id and add it back"])
        XCTAssertEqual(r.conflicts.map(\.path.description), [".stages[4]"])
        let entry = try XCTUnwrap(r.journey.conflicts.first)
        guard case .object(let m)? = entry.theirs?.value else { return XCTFail("no cohort in the entry") }
        XCTAssertEqual(m.first { $0.key == "name" }?.value, JSONNode.string("VIPs"))
    }
}
