import JourneyKit
import XCTest

/// Every rule: a journey that trips it, with the exact finding (id, path, line), and one that does not.
final class LintRuleTests: XCTestCase {
    /// `JM003 .stages[3] 17` for each finding, in report order.
    func found(_ text: String) throws -> [String] {
        try LintFixture.lint(text).findings.map { "\($0.rule) \($0.path) \($0.location.map { "\($0.line)" } ?? "-")" }
    }

    func v(_ edits: (String, String)...) -> String { LintFixture.variant(edits) }

    func testCleanJourneyHasNoFindings() throws {
        XCTAssertEqual(try found(LintFixture.clean), [])
    }

    func testJM001HighTouchForEveryCohort() throws {
        let text = v((#""model": "tech-touch"}"#, #""model": "high-touch"}"#), (#""model": "hybrid"}"#, #""model": "high-touch"}"#))
        XCTAssertEqual(try found(text),
                       ["JM024 .team 2", "JM025 .team 2", "JM001 .cohorts 4", "JM011 .cohorts[0] 5", "JM022 .cohorts[0].model 5", "JM002 .cohorts[0].model 5",
                        "JM011 .cohorts[1] 6", "JM022 .cohorts[1].model 6"])
        let finding = try LintFixture.lint(text).findings[2]
        XCTAssertEqual(finding.severity, .error)
        XCTAssertEqual(finding.message, "All 3 cohorts are high-touch: nobody was triaged (the decision gives \"Free users\" tech-touch / no-touch, \"Pro teams\" hybrid).")
        XCTAssertEqual(finding.location, SourceLocation(line: 4, column: 13))
    }

    func testJM002HighTouchOnLowValueSimpleCohort() throws {
        let text = v((#""model": "tech-touch"}"#, #""model": "high-touch"}"#))
        XCTAssertEqual(try found(text), ["JM024 .team 2", "JM025 .team 2", "JM011 .cohorts[0] 5", "JM022 .cohorts[0].model 5", "JM002 .cohorts[0].model 5"])
        XCTAssertEqual(try LintFixture.lint(text).findings[4].message,
                       "Cohort \"Free users\" is high-touch, but its customers are worth USD 10 a year against USD 1,500 to serve each, and the product is simple for them.")
        // Not simple: JM002 stays quiet (the cost to serve still speaks).
        XCTAssertEqual(try found(v((#""complexity": "low", "service": "self-serve", "model": "tech-touch"}"#, #""complexity": "medium", "service": "self-serve", "model": "high-touch"}"#))),
                       ["JM024 .team 2", "JM025 .team 2", "JM011 .cohorts[0] 5", "JM022 .cohorts[0].model 5"])
    }

    func testJM035KPIInAnotherCurrency() throws {
        let eur = v((#""id": "arpu", "name": "ARPU", "kind": "outcome"}"#, #""id": "arpu", "name": "ARPU", "kind": "outcome", "unit": "EUR", "target": 40}"#))
        let findings = try LintFixture.lint(eur).findings.filter { $0.rule == "JM035" }
        XCTAssertEqual(findings.map(\.message), ["KPI \"ARPU\" is in EUR, but the journey's amounts are in USD."])
        XCTAssertEqual(findings.first?.path.description, ".stages[4].kpis[0].unit")
        // A unit that is no currency, or the journey's own, is fine.
        XCTAssertEqual(try found(v((#""id": "arpu", "name": "ARPU", "kind": "outcome"}"#, #""id": "arpu", "name": "ARPU", "kind": "outcome", "unit": "USD"}"#))), [])
        XCTAssertEqual(try found(v((#""id": "arpu", "name": "ARPU", "kind": "outcome"}"#, #""id": "arpu", "name": "ARPU", "kind": "outcome", "unit": "NPS"}"#))), [])
    }

    func testJM003StageWithoutKPI() throws {
        XCTAssertEqual(try found(v((#""kpis": [{"id": "referral-rate", "name": "Referral rate", "kind": "outcome"}], "#, ""))), ["JM003 .stages[3] 17"])
        // A KPI on one of its touchpoints is enough.
        XCTAssertEqual(try found(v((#""kpis": [{"id": "referral-rate", "name": "Referral rate", "kind": "outcome"}], "#, ""),
                                   (#""name": "Referral invite", "#, #""name": "Referral invite", "kpis": [{"id": "invites-accepted", "name": "Invites accepted", "kind": "outcome"}], "#))), [])
    }

    static let allKPIsRemoved: [(String, String)] = [
        (#" "kpis": [{"id": "retention-rate", "name": "Retention rate", "kind": "outcome", "health": true}],"#, ""),
        (#""kpis": [{"id": "signup-rate", "name": "Sign-up rate", "kind": "outcome"}], "#, ""),
        (#""kpis": [{"id": "activation-rate", "name": "Activation rate", "kind": "outcome"}], "#, ""),
        (#""kpis": [{"id": "weekly-use", "name": "Weekly active use", "kind": "activity", "health": true}, {"id": "churn-rate", "name": "Churn rate", "kind": "outcome"}], "#, ""),
        (#""kpis": [{"id": "referral-rate", "name": "Referral rate", "kind": "outcome"}], "#, ""),
        (#""kpis": [{"id": "arpu", "name": "ARPU", "kind": "outcome"}], "#, ""),
    ]

    func testJM004JourneyWithoutAnyKPI() throws {
        let text = LintFixture.variant(Self.allKPIsRemoved)
        XCTAssertEqual(try found(text), ["JM004 . 1"])
        XCTAssertEqual(try LintFixture.lint(text).findings[0].severity, .error)
        // One KPI anywhere (here on a touchpoint) is enough for JM004.
        var edits = Self.allKPIsRemoved
        edits.append((#""name": "Upgrade prompt", "#, #""name": "Upgrade prompt", "kpis": [{"id": "upgrades", "name": "Upgrade rate", "kind": "outcome", "health": true}], "#))
        XCTAssertFalse(try found(LintFixture.variant(edits)).contains { $0.hasPrefix("JM004") })
    }

    func testJM005NoHealthScoreKPI() throws {
        XCTAssertEqual(try found(v((#""kind": "outcome", "health": true}"#, #""kind": "outcome"}"#), (#""kind": "activity", "health": true}"#, #""kind": "activity"}"#))),
                       ["JM005 .kpis 3"])
        // A single health-score KPI, even on a stage, is enough.
        XCTAssertEqual(try found(v((#""kind": "outcome", "health": true}"#, #""kind": "outcome"}"#))), [])
    }

    func testJM006OnlyActivityKPIs() throws {
        let text = v(
            (#""name": "Retention rate", "kind": "outcome""#, #""name": "Retention rate", "kind": "activity""#),
            (#""name": "Sign-up rate", "kind": "outcome""#, #""name": "Sign-up rate", "kind": "activity""#),
            (#""name": "Activation rate", "kind": "outcome""#, #""name": "Activation rate", "kind": "activity""#),
            (#""name": "Referral rate", "kind": "outcome""#, #""name": "Referral rate", "kind": "activity""#),
            (#""name": "Churn rate", "kind": "outcome""#, #""name": "Churn rate", "kind": "activity""#))
        // ARPU is still an outcome, but four stages now measure only motion.
        XCTAssertEqual(try found(text), ["JM006 .stages[0].kpis 10", "JM006 .stages[1].kpis 12", "JM006 .stages[2].kpis 15", "JM006 .stages[3].kpis 17"])
        XCTAssertEqual(try LintFixture.lint(text).findings[2].message,
                       "Stage \"Retention\" measures only activity (\"Weekly active use\", \"Churn rate\"); nothing says whether customers get through it.")
        // When every KPI is activity, one journey-wide finding says it.
        let all = text.replacingOccurrences(of: #""name": "ARPU", "kind": "outcome""#, with: #""name": "ARPU", "kind": "activity""#)
        XCTAssertEqual(try found(all), ["JM006 .kpis 3"])
        XCTAssertEqual(try LintFixture.lint(all).findings[0].message,
                       "All 7 KPIs measure activity (\"Retention rate\", \"Sign-up rate\", \"Activation rate\", ...); none measures an outcome.")
        // One stage: the referral stage counts invites, not referrals.
        XCTAssertEqual(try found(v((#""name": "Referral rate", "kind": "outcome""#, #""name": "Referral rate", "kind": "activity""#))), ["JM006 .stages[3].kpis 17"])
    }

    static let extraAd = #", {"id": "social-ad", "name": "Social ad", "channel": "social", "trigger": {"kind": "event"}, "owner": "Growth"}"#
    static let thirdAd = #", {"id": "video-ad", "name": "Video ad", "channel": "paid-ads", "trigger": {"kind": "event"}, "owner": "Growth"}"#

    func testJM007ActiveWindowThinnerThanAcquisition() throws {
        let anchor = #""name": "Search ad", "channel": "search", "trigger": {"kind": "event"}, "owner": "Growth"}"#
        // Two and two: not thinner.
        XCTAssertEqual(try found(v((anchor, anchor + Self.extraAd))), [])
        let text = v((anchor, anchor + Self.extraAd + Self.thirdAd))
        // Three ad channels also make JM034 speak for the cohorts with no person after the purchase.
        XCTAssertEqual(try found(text), ["JM034 .cohorts[0] 5", "JM034 .cohorts[1] 6", "JM007 .stages[1] 12"])
        XCTAssertEqual(try LintFixture.lint(text).findings[2].message,
                       "The onboarding-to-retention window (\"Activation\") has 2 touchpoints, fewer than the 3 touchpoints spent on acquisition (\"Acquisition\").")
    }

    func testJM008LoyaltyProgrammeAsOnlyRetentionPlay() throws {
        let nudge = (#""name": "Usage nudge""#, #""name": "Points club", "loyaltyProgramme": true"#)
        XCTAssertEqual(try found(v(nudge)), [])  // the upgrade prompt is another play
        XCTAssertEqual(try found(v(nudge, (#""name": "Upgrade prompt""#, #""name": "Tier bonus", "loyaltyProgramme": true"#))), ["JM008 .stages[2].touchpoints[0] 16"])
        // Case 8: words are not structure. "Pain points survey" and a "Loyalty check-in call" are not loyalty programmes.
        XCTAssertEqual(try found(v((#""name": "Usage nudge""#, #""name": "Pain points survey""#), (#""name": "Upgrade prompt""#, #""name": "Loyalty check-in call""#))), [])
    }

    func testJM009ReviewAge() throws {
        // Reviewed exactly a year before today: still fine; a day earlier: stale.
        XCTAssertEqual(try found(v((#""lastReviewed": "2026-06-01""#, #""lastReviewed": "2025-11-22""#))), [])
        XCTAssertEqual(try found(v((#""lastReviewed": "2026-06-01""#, #""lastReviewed": "2025-11-21""#))), ["JM009 .lastReviewed 1"])
        XCTAssertEqual(try found(v((#", "lastReviewed": "2026-06-01""#, ""))), ["JM009 . 1"])
        XCTAssertEqual(try LintFixture.lint(v((#""lastReviewed": "2026-06-01""#, #""lastReviewed": "2025-11-21""#))).findings[0].message,
                       "The engagement model was last reviewed on 2025-11-21, more than 12 months before 2026-11-22.")
        // Today is injected.
        let stale = try LintFixture.document(LintFixture.clean)
        XCTAssertEqual(Linter(today: "2027-06-02").lint(stale).findings.map(\.rule), ["JM009"])
        XCTAssertEqual(Linter(today: "2027-06-01").lint(stale).findings.map(\.rule), [])
    }

    func testJM010AIAugmentedStandalone() throws {
        XCTAssertEqual(try found(v((#""model": "hybrid"}"#, #""model": "ai-augmented"}"#))), ["JM010 .cohorts[1].model 6"])
        XCTAssertEqual(try found(v((#""owner": "CS", "cohorts": ["enterprise"], "model": "high-touch""#, #""owner": "CS", "cohorts": ["enterprise"], "model": "ai-augmented""#))),
                       ["JM010 .stages[1].touchpoints[1].model 14"])
        // As a layer it is what it is meant to be.
        XCTAssertEqual(try found(v((#""model": "hybrid"}"#, #""model": "hybrid", "layers": ["ai-augmented"]}"#))), [])
    }

    func testJM011HumanLedCohortWithoutEscalation() throws {
        let noEscalation = (#", "escalation": "A CSM calls when setup stalls for 3 days""#, "")
        XCTAssertEqual(try found(v(noEscalation)), ["JM011 .cohorts[2] 7"])
        // A phone touchpoint is a person too.
        XCTAssertEqual(try found(v(noEscalation, (#""name": "Setup call", "channel": "in-app""#, #""name": "Setup call", "channel": "phone""#))), [])
    }

    func testJM012AutomatedModelOnConfiguredComplexCohort() throws {
        XCTAssertEqual(try found(v((#""model": "hybrid"}"#, #""model": "low-touch"}"#))), ["JM012 .cohorts[1].model 6"])
        XCTAssertEqual(try found(v((#""complexity": "high", "service": "configured", "model": "hybrid"}"#, #""complexity": "medium", "service": "configured", "model": "low-touch"}"#))), [])
    }

    func testJM013To015TouchpointWithoutChannelTriggerOwner() throws {
        XCTAssertEqual(try found(v((#""name": "Usage nudge", "channel": "push", "#, #""name": "Usage nudge", "#))), ["JM013 .stages[2].touchpoints[0] 16"])
        XCTAssertEqual(try found(v((#""name": "Referral invite", "channel": "email", "trigger": {"kind": "event"}, "#, #""name": "Referral invite", "channel": "email", "#))),
                       ["JM014 .stages[3].touchpoints[0] 18"])
        XCTAssertEqual(try found(v((#""name": "Upgrade prompt", "channel": "in-app", "trigger": {"kind": "event"}, "owner": "Growth""#, #""name": "Upgrade prompt", "channel": "in-app", "trigger": {"kind": "event"}"#))), ["JM015 .stages[4].touchpoints[0] 20"])
        // A retired touchpoint needs none of them.
        XCTAssertEqual(try found(v((#""name": "Usage nudge", "channel": "push", "trigger": {"kind": "event"}, "owner": "Lifecycle""#, #""name": "Usage nudge", "status": "retired""#))), [])
        let severities = try LintFixture.lint(v((#""name": "Usage nudge", "channel": "push", "trigger": {"kind": "event"}, "owner": "Lifecycle""#, #""name": "Usage nudge""#))).findings.map(\.severity)
        XCTAssertEqual(severities, [.warning, .warning, .warning])
    }

    func testJM016EmptyStage() throws {
        XCTAssertEqual(try found(v((#"{"id": "invite", "name": "Referral invite", "channel": "email", "trigger": {"kind": "event"}, "owner": "Growth"}"#, ""))),
                       ["JM016 .stages[3] 17"])
    }

    func testJM017McKinseyWithoutLoyaltyLoop() throws {
        let mckinsey = (#""framework": {"id": "aarrr"}"#, #""framework": {"id": "mckinsey-cdj"}"#)
        XCTAssertEqual(try found(v(mckinsey)), ["JM017 . 1"])
        XCTAssertEqual(try found(v(mckinsey, (#""title": "Clean", "#, #""title": "Clean", "loops": [{"id": "forward", "from": "acquisition", "to": "revenue"}], "#))),
                       ["JM017 .loops 1"])
        XCTAssertEqual(try found(v(mckinsey, (#""title": "Clean", "#, #""title": "Clean", "loops": [{"id": "loyalty-loop", "from": "revenue", "to": "activation"}], "#))), [])
        // Only the McKinsey journey must loop.
        XCTAssertEqual(try found(LintFixture.clean), [])
    }

    func testJM018ConflictingModelsForOneCohortInOneStage() throws {
        let anchor = #""escalation": "A CSM calls when setup stalls for 3 days"}"#
        // Case 9: a high-touch cohort with a setup call and an automated setup email is a blend, not a conflict.
        let email = #", {"id": "setup-email", "name": "Setup email", "channel": "email", "trigger": {"kind": "event"}, "owner": "CS", "cohorts": ["enterprise"], "model": "tech-touch"}"#
        XCTAssertEqual(try found(v((anchor, anchor + email))), [])
        // A tech-touch cohort given a personal call and automated email in one stage, with nothing routing between them: a conflict.
        let freeEmail = email.replacingOccurrences(of: "enterprise", with: "free").replacingOccurrences(of: "setup-email", with: "free-email")
        let call = #", {"id": "free-call", "name": "Onboarding call", "channel": "phone", "trigger": {"kind": "event"}, "owner": "CS", "cohorts": ["free"], "model": "high-touch"}"#
        let text = v((anchor, anchor + freeEmail + call))
        XCTAssertEqual(try found(text), ["JM018 .stages[1].touchpoints[3].model 14"])
        XCTAssertEqual(try LintFixture.lint(text).findings[0].message,
                       "In stage \"Activation\", cohort \"Free users\" gets High-touch (\"Onboarding call\") and Tech-touch / no-touch (\"Setup email\"), and no routing rule says who gets which.")
        // A routing rule on the cohort settles it.
        let routed = (#""service": "self-serve", "model": "tech-touch"}"#, #""service": "self-serve", "model": "tech-touch", "routing": [{"id": "r", "signal": "setup progress", "condition": "stalled 3 days", "action": "CS calls"}]}"#)
        XCTAssertEqual(try found(v((anchor, anchor + freeEmail + call), routed)), [])
    }

    func testJM019ScheduledTechTouchBlast() throws {
        let scheduled = (#""name": "Usage nudge", "channel": "push", "trigger": {"kind": "event"}"#, #""name": "Usage nudge", "channel": "push", "trigger": {"kind": "schedule"}, "model": "tech-touch""#)
        XCTAssertEqual(try found(v(scheduled)), ["JM019 .stages[2].touchpoints[0].trigger 16"])
        XCTAssertEqual(try LintFixture.lint(v(scheduled)).findings[0].severity, .info)
        // Scheduled but not tech-touch (a quarterly business review, say): fine.
        XCTAssertEqual(try found(v((#""name": "Usage nudge", "channel": "push", "trigger": {"kind": "event"}"#, #""name": "Usage nudge", "channel": "push", "trigger": {"kind": "schedule"}, "model": "hybrid""#))), [])
    }

    func testJM020CohortWithoutModel() throws {
        XCTAssertEqual(try found(v((#", "model": "tech-touch"}"#, "}"))), ["JM020 .cohorts[0] 5"])
    }

    func testJM021SuppressionOfUnknownRule() throws {
        XCTAssertEqual(try found(v((#""title": "Clean", "#, #""title": "Clean", "suppress": [{"rule": "JM999", "reason": "typo"}], "#))), ["JM021 .suppress[0].rule 1"])
        XCTAssertEqual(try found(v((#""title": "Clean", "#, #""title": "Clean", "suppress": [{"rule": "JM009", "reason": "reviewed in the wiki"}], "#))), [])
    }
}
