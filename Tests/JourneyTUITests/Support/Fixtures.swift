import JourneyKit
@testable import JourneyTUI
import XCTest

/// Journeys and key helpers for the editor tests.
enum Sample {
    /// A small AARRR journey: three stages with touchpoints, two cohorts, a loop edge.
    static func journey() -> Journey {
        var j = Journey(title: "Coffee club", owner: "Growth team", framework: FrameworkRef(id: "aarrr"))
        j.stages = [
            Stage(id: "acquisition", name: "Acquisition", level: .aware, kpis: [KPI(id: "cac", name: "CAC", kind: .outcome)], touchpoints: [
                Touchpoint(id: "landing-page", name: "Landing page", channel: "web", model: "tech-touch", status: .live),
                Touchpoint(id: "welcome-email", name: "Welcome email", channel: "email", model: "low-touch", cohorts: ["new-visitors"],
                           owner: "Ana", status: .planned, evidence: .assumed,
                           dataCapture: [DataCapture(data: "email and brewing habits", party: .zero, destination: "CRM")]),
            ]),
            Stage(id: "activation", name: "Activation", level: .active, touchpoints: [
                Touchpoint(id: "first-brew-call", name: "First brew call", channel: "phone", model: "high-touch", cohorts: ["vip"]),
            ]),
            Stage(id: "retention", name: "Retention", level: .invested),
        ]
        j.loops = [LoopEdge(id: "win-back", from: "retention", to: "activation", label: "Win-back")]
        j.cohorts = [
            Cohort(id: "new-visitors", name: "New visitors", model: "tech-touch"),
            Cohort(id: "vip", name: "VIP", size: 120, model: "hvc",
                   routing: [RoutingRule(id: "quiet-vip", signal: "orders", condition: "no order for 30 days", action: "the roaster calls")]),
        ]
        return j
    }

    static func state(width: Int = 100, height: Int = 30) -> EditorState {
        var s = EditorState(journey: journey(), path: "/tmp/coffee.json", width: width, height: height)
        _ = Editor.update(&s, .resize(width: width, height: height))
        return s
    }
}

extension EditorState {
    /// Sends keys; returns every effect they asked for.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        var effects: [Effect] = []
        for k in keys { effects += Editor.update(&self, .key(k)) }
        return effects
    }

    /// Types text, one character per key.
    mutating func type(_ text: String) {
        for c in text { _ = Editor.update(&self, .key(.char(c))) }
    }

    /// The focused field of the top form.
    var focusedField: FormField? { form.map { $0.fields[$0.focus] } }

    var touchpointNames: [[String]] { journey.stages.map { $0.touchpoints.map(\.name) } }

    /// Undoes then redoes, checking the journey goes back and forth.
    func checkUndoRedo(before: Journey, file: StaticString = #filePath, line: UInt = #line) {
        var s = self
        let after = s.journey
        XCTAssertNotEqual(before, after, "the edit changed nothing", file: file, line: line)
        s.press(.char("u"))
        XCTAssertEqual(s.journey, before, "undo", file: file, line: line)
        XCTAssertTrue(s.isDirty == (s.savedVersion != s.history.version), file: file, line: line)
        s.press(.ctrl("r"))
        XCTAssertEqual(s.journey, after, "redo", file: file, line: line)
    }
}
