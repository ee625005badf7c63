import JourneyKit
import XCTest

final class SuppressionTests: XCTestCase {
    /// The usage nudge (retention stage) and the referral invite lose their channels: two JM013 findings.
    static let twoMissingChannels: [(String, String)] = [
        (#""name": "Usage nudge", "channel": "push", "#, #""name": "Usage nudge", "#),
        (#""name": "Referral invite", "channel": "email", "#, #""name": "Referral invite", "#),
    ]

    func report(_ extra: (String, String)...) throws -> LintReport {
        try LintFixture.lint(LintFixture.variant(Self.twoMissingChannels + extra))
    }

    func paths(_ findings: [Finding]) -> [String] { findings.map { "\($0.rule) \($0.path)" } }

    func testWithoutSuppressionBothFire() throws {
        XCTAssertEqual(paths(try report().findings), ["JM013 .stages[2].touchpoints[0]", "JM013 .stages[3].touchpoints[0]"])
    }

    func testJourneySuppressionSwitchesTheRuleOffEverywhere() throws {
        let r = try report((#""title": "Clean", "#, #""title": "Clean", "suppress": [{"rule": "JM013", "reason": "channels are decided later"}], "#))
        XCTAssertEqual(r.findings, [])
        XCTAssertEqual(paths(r.suppressed), ["JM013 .stages[2].touchpoints[0]", "JM013 .stages[3].touchpoints[0]"])
    }

    func testStageSuppressionCoversItsTouchpointsOnly() throws {
        let r = try report((#"{"id": "retention", "name": "Retention", "#, #"{"id": "retention", "name": "Retention", "suppress": [{"rule": "JM013", "reason": "in-app only"}], "#))
        XCTAssertEqual(paths(r.findings), ["JM013 .stages[3].touchpoints[0]"])
        XCTAssertEqual(paths(r.suppressed), ["JM013 .stages[2].touchpoints[0]"])
    }

    func testTouchpointSuppressionCoversThatTouchpoint() throws {
        let r = try report((#""name": "Referral invite", "#, #""name": "Referral invite", "suppress": [{"rule": "JM013", "reason": "word of mouth"}], "#))
        XCTAssertEqual(paths(r.findings), ["JM013 .stages[2].touchpoints[0]"])
        // Another rule's suppression changes nothing.
        let other = try report((#""name": "Referral invite", "#, #""name": "Referral invite", "suppress": [{"rule": "JM014", "reason": "n/a"}], "#))
        XCTAssertEqual(other.findings.count, 2)
    }

    func testCohortSuppression() throws {
        let text = LintFixture.variant([(#", "model": "tech-touch"}"#, #", "suppress": [{"rule": "JM020", "reason": "being segmented"}]}"#)])
        let r = try LintFixture.lint(text)
        XCTAssertEqual(r.findings, [])
        XCTAssertEqual(paths(r.suppressed), ["JM020 .cohorts[0]"])
    }

    func testInMemoryJourneyHasTheSameFindingsWithoutLocations() throws {
        let doc = try LintFixture.document(LintFixture.variant(Self.twoMissingChannels))
        let memory = Linter(today: LintFixture.today).lint(doc.journey)
        XCTAssertEqual(paths(memory.findings), ["JM013 .stages[2].touchpoints[0]", "JM013 .stages[3].touchpoints[0]"])
        XCTAssertTrue(memory.findings.allSatisfy { $0.location == nil })
        XCTAssertEqual(memory.findings[0].touchpointIndex, 0)
        XCTAssertEqual(memory.findings[0].stageIndex, 2)
        XCTAssertFalse(memory.fails(strict: false))
        XCTAssertTrue(memory.fails(strict: true))
        XCTAssertEqual(memory.summary, "0 errors, 2 warnings, 0 info")
        XCTAssertEqual(memory.findings(stage: 2, touchpoint: 0).map(\.rule), ["JM013"])
        XCTAssertEqual(memory.findings(stage: 2, touchpoint: 1).map(\.rule), [])
        XCTAssertEqual(memory.findings(stage: 2).map(\.rule), [])
        XCTAssertEqual(LintReport.worst(memory.findings), .warning)
        XCTAssertNil(LintReport.worst([]))
    }
}
