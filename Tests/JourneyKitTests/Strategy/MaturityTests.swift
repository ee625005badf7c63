import JourneyKit
import XCTest

final class MaturityTests: XCTestCase {
    func testCheckIDsAreStableAndUnique() {
        XCTAssertEqual(Maturity.checks.map(\.id), [
            "a2-segments", "a2-triggers", "a2-measured", "a3-cross-channel", "a3-routing", "a3-health-score",
            "a4-prediction", "a4-next-best-action",
            "b1-planned", "b2-automated", "b2-reuse", "b2-data-captured", "b2-personalized",
            "b3-always-on", "b3-centralized", "b4-marketer-owned", "b4-individual", "b4-loop", "b4-outcomes",
        ])
        XCTAssertEqual(Maturity.ladderA.map(\.number), [1, 2, 3, 4])
        XCTAssertEqual(Maturity.ladderB.map(\.number), [0, 1, 2, 3, 4])
        XCTAssertEqual(Maturity.ladderB.map(\.name), ["Unstructured campaigns", "Isolated campaigns", "Repeatable activations",
                                                      "Integrated engagement loops", "OS-powered engagement system"])
    }

    func testNothingTickedIsTheBottomOfBothLadders() {
        XCTAssertEqual(Maturity.assess([], on: "2026-11-22"), MaturityResult(assessed: "2026-11-22", rung: 1, level: 0, checks: []))
    }

    func testAStepNeedsAllItsChecksAndAllBelow() {
        let a2: Set = ["a2-segments", "a2-triggers", "a2-measured"]
        XCTAssertEqual(Maturity.assess(a2, on: "2026-11-22").rung, 2)
        XCTAssertEqual(Maturity.assess(a2.subtracting(["a2-measured"]), on: "2026-11-22").rung, 1)
        // Rung 3 ticked in full but rung 2 incomplete: still rung 1; the checks are kept.
        let r = Maturity.assess(["a2-segments", "a3-cross-channel", "a3-routing", "a3-health-score"], on: "2026-11-22")
        XCTAssertEqual(r.rung, 1)
        XCTAssertEqual(r.checks, ["a2-segments", "a3-cross-channel", "a3-routing", "a3-health-score"])
        let all = Set(Maturity.checks.map(\.id))
        XCTAssertEqual(Maturity.assess(all, on: "2026-11-22"), MaturityResult(assessed: "2026-11-22", rung: 4, level: 4, checks: Maturity.checks.map(\.id)))
        let b = Maturity.assess(["b1-planned", "b2-automated", "b2-reuse", "b2-data-captured", "b2-personalized", "b3-always-on"], on: "2026-11-22")
        XCTAssertEqual(b.level, 2)
    }

    func testAnswersAsIDsOrLetters() throws {
        XCTAssertEqual(try Maturity.parseAnswers(" a2-segments , B1-planned").get(), ["a2-segments", "b1-planned"])
        XCTAssertEqual(try Maturity.parseAnswers("none").get(), [])
        XCTAssertEqual(try Maturity.parseAnswers("").get(), [])
        XCTAssertEqual(try Maturity.parseAnswers("yyy" + String(repeating: "n", count: 5) + "yY" + String(repeating: "n", count: 9)).get(),
                       ["a2-segments", "a2-triggers", "a2-measured", "b1-planned", "b2-automated"])
        guard case .failure(let short) = Maturity.parseAnswers("yyn") else { return XCTFail() }
        XCTAssertEqual(short.message, "a y/n answer string needs exactly 19 letters, one per question; got 3")
        guard case .failure(let typo) = Maturity.parseAnswers("a2-segmnts") else { return XCTFail() }
        XCTAssertEqual(typo.message, "unknown check \"a2-segmnts\"; did you mean \"a2-segments\"? (see `journeyman assess --list`)")
    }
}
