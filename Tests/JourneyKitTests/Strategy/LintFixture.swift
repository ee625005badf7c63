import JourneyKit
import XCTest

/// A journey that trips no rule, laid out so every item is on a known line, and variants of it.
enum LintFixture {
    static let today = "2026-11-22"

    static let clean = """
    {"formatVersion": 3, "title": "Clean", "framework": {"id": "aarrr"}, "lastReviewed": "2026-06-01",
     "team": {"people": 8, "budget": 500000},
     "kpis": [{"id": "retention-rate", "name": "Retention rate", "kind": "outcome", "health": true}],
     "cohorts": [
      {"id": "free", "name": "Free users", "size": 50000, "valuePerUser": 10, "complexity": "low", "service": "self-serve", "model": "tech-touch"},
      {"id": "pro", "name": "Pro teams", "size": 2000, "valuePerUser": 1200, "routing": [{"id": "stalled-setup", "signal": "setup steps done", "condition": "no step for 3 days", "action": "a CSM calls"}], "complexity": "high", "service": "configured", "model": "hybrid"},
      {"id": "enterprise", "name": "Enterprise", "size": 40, "valuePerUser": 20000, "complexity": "high", "service": "configured", "model": "high-touch"}
     ],
     "stages": [
      {"id": "acquisition", "name": "Acquisition", "level": "aware", "kpis": [{"id": "signup-rate", "name": "Sign-up rate", "kind": "outcome"}], "touchpoints": [
       {"id": "search-ad", "name": "Search ad", "channel": "search", "trigger": {"kind": "event"}, "owner": "Growth"}]},
      {"id": "activation", "name": "Activation", "level": "active", "kpis": [{"id": "activation-rate", "name": "Activation rate", "kind": "outcome"}], "touchpoints": [
       {"id": "welcome", "name": "Welcome flow", "channel": "email", "trigger": {"kind": "event"}, "owner": "Lifecycle", "cohorts": ["free", "pro"], "dataCapture": [{"data": "role and team size", "party": "zero", "destination": "CRM"}]},
       {"id": "setup-call", "name": "Setup call", "channel": "in-app", "trigger": {"kind": "event"}, "owner": "CS", "cohorts": ["enterprise"], "model": "high-touch", "escalation": "A CSM calls when setup stalls for 3 days"}]},
      {"id": "retention", "name": "Retention", "level": "invested", "kpis": [{"id": "weekly-use", "name": "Weekly active use", "kind": "activity", "health": true}, {"id": "churn-rate", "name": "Churn rate", "kind": "outcome"}], "touchpoints": [
       {"id": "usage-nudge", "name": "Usage nudge", "channel": "push", "trigger": {"kind": "event"}, "owner": "Lifecycle"}]},
      {"id": "referral", "name": "Referral", "level": "advocate", "kpis": [{"id": "referral-rate", "name": "Referral rate", "kind": "outcome"}], "touchpoints": [
       {"id": "invite", "name": "Referral invite", "channel": "email", "trigger": {"kind": "event"}, "owner": "Growth"}]},
      {"id": "revenue", "name": "Revenue", "level": "invested", "kpis": [{"id": "arpu", "name": "ARPU", "kind": "outcome"}], "touchpoints": [
       {"id": "upgrade", "name": "Upgrade prompt", "channel": "in-app", "trigger": {"kind": "event"}, "owner": "Growth"}]}
     ]}
    """

    /// The clean journey with each `(old, new)` replaced; each `old` must occur exactly once.
    static func variant(_ edits: [(String, String)], file: StaticString = #filePath, line: UInt = #line) -> String {
        var text = clean
        for (old, new) in edits {
            let count = text.components(separatedBy: old).count - 1
            XCTAssertEqual(count, 1, "\(old) occurs \(count) times", file: file, line: line)
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    static func document(_ text: String) throws -> JourneyDocument {
        try JourneyCodec.decode(text, file: "test.json")
    }

    /// The findings of a journey text, judged on `today`.
    static func lint(_ text: String) throws -> LintReport {
        Linter(today: today).lint(try document(text))
    }
}
