import JourneyKit
@testable import JourneyTUI
import XCTest

/// A scripted build of a 13-touchpoint, 3-cohort LAER journey from a new file, run
/// through the session loop; counts the keys per touchpoint (the figure issue 14 asks for).
final class KeystrokeCountTests: XCTestCase {
    /// Keys with the typed text counted apart.
    struct Script {
        var keys: [Key] = []
        var textKeys = 0

        mutating func press(_ k: Key...) { keys += k }
        mutating func press(contentsOf k: [Key]) { keys += k }
        mutating func text(_ s: String) {
            keys += s.map { .char($0) }
            textKeys += s.count
        }
        /// Types a filter into a picker field (opening it) and chooses the match.
        mutating func pick(_ filter: String) {
            keys += filter.map { .char($0) }
            keys.append(.enter)
        }
        /// In an open multiple picker (highlight on the first row): ticks these rows, then Enter.
        mutating func tick(_ rows: [Int]) {
            var at = 0
            for r in rows {
                keys += Array(repeating: Key.down, count: r - at)
                keys.append(.char(" "))
                at = r
            }
            keys.append(.enter)
        }
    }

    struct Spec {
        var stage: Int, name: String, channel: String, model: String, cohorts: [Int], owner: String, kpi: String
    }

    static let cohorts = ["Self-serve SMB", "Mid-market", "Enterprise"]
    static let specs: [Spec] = [
        Spec(stage: 0, name: "Signup welcome email", channel: "email", model: "tech", cohorts: [0, 1], owner: "Lifecycle", kpi: "Activation rate"),
        Spec(stage: 0, name: "In-app checklist", channel: "in-", model: "tech", cohorts: [0], owner: "Product", kpi: "Checklist completion"),
        Spec(stage: 0, name: "Onboarding webinar", channel: "eve", model: "low", cohorts: [1], owner: "Lifecycle", kpi: "Attendance"),
        Spec(stage: 0, name: "Kickoff call", channel: "sales", model: "high-t", cohorts: [2], owner: "CSM", kpi: "Time to value"),
        Spec(stage: 1, name: "Usage nudges", channel: "push", model: "tech", cohorts: [0], owner: "Lifecycle", kpi: "Weekly active rate"),
        Spec(stage: 1, name: "Feature tips email", channel: "email", model: "tech", cohorts: [0, 1], owner: "Lifecycle", kpi: "Feature adoption"),
        Spec(stage: 1, name: "Health check call", channel: "pho", model: "hyb", cohorts: [1], owner: "CSM", kpi: "Health score"),
        Spec(stage: 1, name: "Quarterly business review", channel: "sales", model: "high-t", cohorts: [2], owner: "CSM", kpi: "Adoption depth"),
        Spec(stage: 2, name: "Upgrade prompt", channel: "in-", model: "tech", cohorts: [0], owner: "Product", kpi: "Upgrade rate"),
        Spec(stage: 2, name: "Expansion review", channel: "sales", model: "high-t", cohorts: [2], owner: "CSM", kpi: "Expansion revenue"),
        Spec(stage: 2, name: "Referral invite", channel: "email", model: "tech", cohorts: [0, 1, 2], owner: "Lifecycle", kpi: "Referral rate"),
        Spec(stage: 3, name: "Renewal reminder", channel: "email", model: "tech", cohorts: [0, 1], owner: "Lifecycle", kpi: "Renewal rate"),
        Spec(stage: 3, name: "Renewal negotiation", channel: "sales", model: "high-t", cohorts: [2], owner: "CSM", kpi: "Net revenue retention"),
    ]

    /// The start both scripts share: LAER from the framework picker, three cohorts, back to the board
    /// (four Tabs since the Forecast panel joined the cycle: one key more than before).
    func start(_ k: inout Script) {
        k.pick("laer")
        k.press(.tab)
        for c in Self.cohorts {
            k.press(.char("a"))
            k.text(c)
            k.press(.enter)
        }
        k.press(.tab, .tab, .tab, .tab)
    }

    /// Every touchpoint through its form, with the keys of the editor before issue 14.
    func formOnlyScript() -> Script {
        var k = Script()
        start(&k)
        var stage = 0
        for t in Self.specs {
            while stage < t.stage { k.press(.char("l")); stage += 1 }
            k.press(.char("a"))
            k.text(t.name)
            k.press(.tab)
            k.pick(t.channel)
            k.press(.tab, .tab, .tab)
            k.pick(t.model)
            k.press(.tab, .tab, .char(" "))
            k.tick(t.cohorts)
            k.press(.tab)
            k.text(t.owner)
            k.press(.tab, .tab, .tab)
            k.pick("pla")
            // Status to the KPIs: two keys (then Tab, Tab; since the format-3 fields sit between, PgDn to Notes and Shift-Tab).
            k.press(.pageDown, .backTab, .char(" "), .char("a"))
            k.text(t.kpi)
            // The KPI form, then (before) down to Done and Enter; then apply the touchpoint.
            k.press(.enter, .down, .down, .enter, .enter)
        }
        k.press(.char("s"))
        return k
    }

    /// A new card through its form, without the status (set in bulk at the end).
    func newCard(_ k: inout Script, _ t: Spec) {
        k.press(.char("a"))
        k.text(t.name)
        k.press(.tab)
        k.pick(t.channel)
        k.press(.tab, .tab, .tab)
        k.pick(t.model)
        k.press(.tab, .tab, .char(" "))
        k.tick(t.cohorts)
        k.press(.tab)
        k.text(t.owner)
        // PgDn to the last field, Shift-Tab to the KPIs; after adding, the KPI list's highlight is on Done.
        k.press(.pageDown, .backTab, .char(" "), .char("a"))
        k.text(t.kpi)
        k.press(.enter, .enter, .enter)
    }

    /// Renames the selected copy and renames its one KPI.
    func renameCopy(_ k: inout Script, _ t: Spec, extraCohort: Int? = nil) {
        k.press(.char("r"), .ctrl("u"))
        k.text(t.name)
        k.press(.enter, .char("e"), .pageDown, .backTab, .char(" "), .enter, .ctrl("u"))
        k.text(t.kpi)
        k.press(.enter, .enter)
        if let extraCohort {
            // Up to Cohorts (PgUp to the name, then six Tabs) and tick one more.
            k.press(.pageUp, .tab, .tab, .tab, .tab, .tab, .tab, .char(" "))
            k.press(contentsOf: Array(repeating: Key.down, count: extraCohort))
            k.press(.char(" "), .enter)
        }
        k.press(.enter)
    }

    /// With issue 14's keys: new cards for the distinct ones, yank the three that recur and
    /// paste them where they recur (D, y, P, r), the status on all 13 in one bulk edit.
    func reuseScript() -> Script {
        let spec = Self.specs
        var k = Script()
        start(&k)
        // Land: four new cards; mark the three that recur (1, 2, 4) and yank them.
        for i in 0..<4 { newCard(&k, spec[i]) }
        k.press(.char("g"), .char(" "), .char("j"), .char(" "), .char("j"), .char("j"), .char(" "), .char("y"), .escape)
        // Adopt: Usage nudges; the copies of 1, 2, 4 after it: 1 becomes Feature tips, 2 goes
        // (Health check is new), 4 becomes the business review.
        k.press(.char("l"))
        newCard(&k, spec[4])
        k.press(.char("P"))
        renameCopy(&k, spec[5])
        k.press(.char("j"), .char("d"), .char("k"))
        newCard(&k, spec[6])
        k.press(.char("j"))
        renameCopy(&k, spec[7])
        // Expand: the copies become Referral invite (with Enterprise), Upgrade prompt, Expansion review;
        // Referral invite moves to the end.
        k.press(.char("l"), .char("k"), .char("P"))
        renameCopy(&k, spec[10], extraCohort: 2)
        k.press(.char("J"), .char("J"), .char("g"))
        renameCopy(&k, spec[8])
        k.press(.char("j"))
        renameCopy(&k, spec[9])
        // Renew: the copies of 1 and 4 become the reminder and the negotiation; 2 goes.
        k.press(.char("l"), .char("k"), .char("P"))
        renameCopy(&k, spec[11])
        k.press(.char("j"), .char("d"))
        renameCopy(&k, spec[12])
        // Every card planned: mark the range from the first card to the last, one bulk edit.
        k.press(.char("h"), .char("h"), .char("h"), .char("g"), .char(" "), .char("l"), .char("l"), .char("l"), .char("G"), .char("V"), .char("B"),
                .tab, .tab)
        k.pick("pla")
        k.press(.enter, .escape, .char("s"))
        return k
    }

    func build(_ script: Script) -> (EditorState, MemoryHost) {
        let host = MemoryHost()
        let term = MemoryTerminal(width: 120, height: 40, keys: script.keys + [.char("q")])
        let s = Session.run(EditorState(newFileAt: "/tmp/laer.json", width: 120, height: 40), on: term, host: host)
        XCTAssertFalse(term.ranOut, "the script ends by quitting")
        return (s, host)
    }

    func checkBuilt(_ host: MemoryHost, file: StaticString = #filePath, line: UInt = #line) {
        guard let j = host.journey("/tmp/laer.json") else { return XCTFail("not saved", file: file, line: line) }
        XCTAssertEqual(j.framework.id, "laer", file: file, line: line)
        XCTAssertEqual(j.cohorts.map(\.name), Self.cohorts, file: file, line: line)
        let ids = j.cohorts.map(\.id)
        for (si, stage) in j.stages.enumerated() {
            let want = Self.specs.filter { $0.stage == si }
            XCTAssertEqual(stage.touchpoints.map(\.name), want.map(\.name), file: file, line: line)
            for (t, spec) in zip(stage.touchpoints, want) {
                XCTAssertTrue(t.channel.map { $0.hasPrefix(spec.channel.prefix(2)) } ?? false, "\(t.name): \(t.channel ?? "")", file: file, line: line)
                XCTAssertTrue(t.model?.hasPrefix(spec.model) ?? false, "\(t.name): \(t.model ?? "")", file: file, line: line)
                XCTAssertEqual(t.cohorts, spec.cohorts.map { ids[$0] }, t.name, file: file, line: line)
                XCTAssertEqual(t.owner, spec.owner, t.name, file: file, line: line)
                XCTAssertEqual(t.status, .planned, t.name, file: file, line: line)
                XCTAssertEqual(t.kpis.map(\.name), [spec.kpi], t.name, file: file, line: line)
            }
        }
    }

    func testFormOnlyBuild() {
        let script = formOnlyScript()
        let (_, host) = build(script)
        checkBuilt(host)
        let perTouchpoint = Double(script.keys.count - script.textKeys) / Double(Self.specs.count)
        print("keys: \(script.keys.count) in all, \(script.textKeys) of them text; \(String(format: "%.1f", perTouchpoint)) other keys per touchpoint")
        XCTAssertEqual(script.keys.count - script.textKeys, 531, "40.8 keys per touchpoint before issue 14 (530 then; one Tab more since the Forecast panel)")
    }

    func testReuseBuild() {
        let script = reuseScript()
        let (_, host) = build(script)
        checkBuilt(host)
        let perTouchpoint = Double(script.keys.count - script.textKeys) / Double(Self.specs.count)
        print("keys: \(script.keys.count) in all, \(script.textKeys) of them text; \(String(format: "%.1f", perTouchpoint)) other keys per touchpoint")
        XCTAssertEqual(script.keys.count - script.textKeys, 332, "25.5 keys per touchpoint with duplicate, yank/paste and bulk edit (330 before the format-3 fields, which take one more key to reach Cohorts from the KPIs, and the Forecast panel's Tab)")
    }
}
