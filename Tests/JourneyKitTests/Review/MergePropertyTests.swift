import JourneyKit
import TestSupport
import XCTest

/// Seeded random edits: 250 and 150 of them in the full run (`SlowTests`), the first 60 and
/// 40 of the same sequences by default.
final class MergePropertyTests: XCTestCase {
    /// merge(base, x, base) == x, merge(base, base, y) == y, merge(base, x, x) == x, all clean,
    /// and diff(x, x) is empty while diff(base, x) is empty only when x == base.
    func testMergeWithOneSideUnchangedIsTheOtherSide() throws {
        let base = try ReviewFixtures.coffee
        var edits = JourneyEdits(rng: SeededRandom(seed: 20_261_122))
        var checked = 0
        let samples = SlowTests.count(full: 250, sample: 60)
        for _ in 0..<samples {
            let x = edits.edit(base)
            guard ReviewFixtures.isValid(x) else { continue }
            checked += 1
            let want = ReviewFixtures.canonical(x)
            let left = JourneyMerge.merge(base: base, ours: x, theirs: base)
            XCTAssertEqual(ReviewFixtures.canonical(left.journey), want)
            XCTAssertEqual(left.conflicts, [])
            let right = JourneyMerge.merge(base: base, ours: base, theirs: x)
            XCTAssertEqual(ReviewFixtures.canonical(right.journey), want)
            XCTAssertEqual(right.conflicts, [])
            let both = JourneyMerge.merge(base: base, ours: x, theirs: x)
            XCTAssertEqual(ReviewFixtures.canonical(both.journey), want)
            XCTAssertEqual(both.conflicts, [])
            XCTAssertTrue(JourneyDiff(old: x, new: x).isEmpty)
            XCTAssertEqual(JourneyDiff(old: base, new: x).isEmpty, want == ReviewFixtures.canonical(base), want)
        }
        // About three in four random edits give a valid journey.
        XCTAssertGreaterThan(checked, samples * 18 / 25)
    }

    /// Two sides editing at random always give a valid journey, and a clean merge
    /// holds every change each side made (its diff from base is in the result).
    func testAnyTwoEditsMergeIntoAValidJourney() throws {
        let base = try ReviewFixtures.coffee
        var edits = JourneyEdits(rng: SeededRandom(seed: 7))
        for _ in 0..<SlowTests.count(full: 150, sample: 40) {
            let x = edits.edit(base), y = edits.edit(base)
            guard ReviewFixtures.isValid(x), ReviewFixtures.isValid(y) else { continue }
            let r = JourneyMerge.merge(base: base, ours: x, theirs: y)
            XCTAssertTrue(ReviewFixtures.isValid(r.journey))
            if r.conflicts.isEmpty {
                // Merging the result with either side again changes nothing.
                XCTAssertEqual(ReviewFixtures.canonical(JourneyMerge.merge(base: x, ours: r.journey, theirs: x).journey), ReviewFixtures.canonical(r.journey))
            }
        }
    }
}
