import JourneyKit
import XCTest

/// Resolving the conflicts a merge left in the journey: a side's value at the path, the entry removed.
final class ConflictResolutionTests: XCTestCase {
    func testPathsReadBackAsWritten() {
        for text in [".", ".stages[1].touchpoints[0].name", ".costs.perCustomerYear[\"my model\"]", ".a[\"x\\\"y\"][12]"] {
            XCTAssertEqual(JSONPath(jq: text)?.description, text)
        }
        XCTAssertEqual(JSONPath(jq: ".costs.perCustomerYear[\"my model\"]")?.components, [.key("costs"), .key("perCustomerYear"), .key("my model")])
        for bad in ["", "stages", ".stages[", ".stages[x]", ".stages[1", "..a", ".a[\"b\"", ".1a"] {
            XCTAssertNil(JSONPath(jq: bad), bad)
        }
    }

    func testTakingEachSideOfAFieldConflict() throws {
        let base = try ReviewFixtures.coffee
        var ours = base, theirs = base
        ours.stages[0].touchpoints[1].name = "Tasting (ours)"
        theirs.stages[0].touchpoints[1].name = "Tasting (theirs)"
        let merged = JourneyMerge.merge(base: base, ours: ours, theirs: theirs, labels: MergeLabels(ours: "main", theirs: "feature")).journey
        XCTAssertEqual(merged.conflicts.map(\.id), ["conflict-1"])
        XCTAssertEqual(merged.conflicts[0].label(.theirs), "feature")
        let t = try merged.resolvingConflict("conflict-1", taking: .theirs)
        XCTAssertEqual(t.stages[0].touchpoints[1].name, "Tasting (theirs)")
        XCTAssertEqual(t.conflicts, [])
        XCTAssertEqual(try merged.resolvingConflict("conflict-1", taking: .base).stages[0].touchpoints[1].name, base.stages[0].touchpoints[1].name)
        var kept = merged
        kept.conflicts = []
        XCTAssertEqual(try merged.resolvingConflict("conflict-1", taking: .ours), kept)
        XCTAssertEqual(try merged.resolvingConflict("conflict-1", taking: nil), kept)
        XCTAssertThrowsError(try merged.resolvingConflict("conflict-9", taking: .ours)) { e in
            XCTAssertEqual((e as? ConflictResolutionError)?.message, "There is no conflict \"conflict-9\"")
        }
    }

    func testTakingAValueTheMergedJourneyLacksAddsTheField() throws {
        let base = try ReviewFixtures.coffee
        var ours = base, theirs = base
        ours.stages[0].touchpoints[0].owner = ""
        theirs.stages[0].touchpoints[0].owner = "Ads team"
        XCTAssertNotEqual(base.stages[0].touchpoints[0].owner, "", "the fixture has an owner to remove")
        let merged = JourneyMerge.merge(base: base, ours: ours, theirs: theirs).journey
        XCTAssertEqual(merged.stages[0].touchpoints[0].owner, "")
        XCTAssertEqual(try merged.resolvingConflict("conflict-1", taking: .theirs).stages[0].touchpoints[0].owner, "Ads team")
    }

    func testTakingTheDeletingSideRemovesTheItemAndTheOtherPathsFollow() throws {
        let base = try ReviewFixtures.coffee
        var ours = base, theirs = base
        ours.stages[3].touchpoints.remove(at: 0)
        theirs.stages[3].touchpoints[0].notes = "Reprint in Q4"
        ours.stages[3].touchpoints[0].name = "Refill (ours)"
        theirs.stages[3].touchpoints[1].name = "Refill (theirs)"
        let merged = JourneyMerge.merge(base: base, ours: ours, theirs: theirs).journey
        XCTAssertEqual(merged.conflicts.map(\.path), [".stages[3].touchpoints[1].name", ".stages[3].touchpoints[0]"])
        let r = try merged.resolvingConflict("conflict-2", taking: .ours)
        XCTAssertEqual(r.stages[3].touchpoints.map(\.id), ["refill-reminder"])
        XCTAssertEqual(r.conflicts.map(\.path), [".stages[3].touchpoints[0].name"], "the path follows the card that moved up")
        XCTAssertEqual(try r.resolvingConflict("conflict-1", taking: .theirs).stages[3].touchpoints[0].name, "Refill (theirs)")
        // Base: the card's fields as they were, in the kept card.
        let b = try merged.resolvingConflict("conflict-2", taking: .base)
        XCTAssertEqual(b.stages[3].touchpoints[0], base.stages[3].touchpoints[0])
    }

    func testAStageIsNotDeletedWithTheTouchpointsInIt() throws {
        let base = try ReviewFixtures.coffee
        var ours = base, theirs = base
        ours.stages.remove(at: 1)
        theirs.stages[1].touchpoints.append(Touchpoint(id: "sample-pack", name: "Sample pack"))
        let merged = JourneyMerge.merge(base: base, ours: ours, theirs: theirs).journey
        XCTAssertThrowsError(try merged.resolvingConflict("conflict-1", taking: .ours)) { e in
            XCTAssertEqual((e as? ConflictResolutionError)?.message,
                           "Taking ours deletes stage \"active-evaluation\" with the 1 touchpoint in it; move or delete them first, then take ours again")
        }
        XCTAssertEqual(try merged.resolvingConflict("conflict-1", taking: .theirs).stages.map(\.id), base.stages.map(\.id))
    }

    func testTakingTheirOrderReordersTheList() throws {
        let base = try ReviewFixtures.coffee
        var ours = base, theirs = base
        ours.stages.swapAt(0, 1)
        theirs.stages.swapAt(2, 3)
        let merged = JourneyMerge.merge(base: base, ours: ours, theirs: theirs).journey
        XCTAssertEqual(try merged.resolvingConflict("conflict-1", taking: .theirs).stages.map(\.id), theirs.stages.map(\.id))
        XCTAssertEqual(try merged.resolvingConflict("conflict-1", taking: .base).stages.map(\.id), base.stages.map(\.id))
    }

    func testAValueThatWouldNotBeValidChangesNothing() throws {
        var j = try ReviewFixtures.coffee
        j.conflicts = [UnresolvedConflict(id: "c", path: ".stages[0].touchpoints[0].channel", ours: .string("web"), theirs: .string("carrier-pigeon"))]
        XCTAssertThrowsError(try j.resolvingConflict("c", taking: .theirs)) { e in
            let m = (e as? ConflictResolutionError)?.message ?? ""
            XCTAssertTrue(m.hasPrefix("Taking theirs at .stages[0].touchpoints[0].channel would not make a valid journey (.stages[0].touchpoints[0].channel: "), m)
            XCTAssertTrue(m.hasSuffix("); nothing changed"), m)
        }
        j.conflicts[0].path = "stages"
        XCTAssertThrowsError(try j.resolvingConflict("c", taking: .theirs)) { e in
            XCTAssertEqual((e as? ConflictResolutionError)?.message,
                           "The conflict's path stages is not a path journeyman can read: keep the journey as it is and fix it by hand")
        }
    }
}
