import JourneyKit

/// An edit made while a scenario is shown, turned into the scenario's overrides.
///
/// The edit changed the scenario's view of the journey (`view`, the scenario applied to `base`)
/// into `after`. When everything it changed is something a scenario holds (a cohort's model,
/// layers, size or value; a stage's drop-off; a unit cost; the team), the scenario gets those
/// values as overrides; a value put back to the journey's own drops its override, so the file
/// keeps only what differs. Anything else is refused, with the reason.
public enum ScenarioEdit {
    public enum Result: Hashable, Sendable {
        /// The scenario with the edit held in its overrides.
        case held(Scenario)
        /// The edit changes what a scenario cannot hold.
        case refused(String)
    }

    public static func hold(_ view: Journey, _ after: Journey, base: Journey, in scenario: Scenario) -> Result {
        guard after.cohorts.count == view.cohorts.count, after.stages.count == view.stages.count,
              zip(after.cohorts, view.cohorts).allSatisfy({ $0.id == $1.id }), zip(after.stages, view.stages).allSatisfy({ $0.id == $1.id }),
              base.cohorts.count == view.cohorts.count, base.stages.count == view.stages.count else {
            return .refused("A scenario cannot add, remove or move cohorts or stages")
        }
        // Everything but what a scenario holds must be as it was.
        var rest = after
        for i in rest.cohorts.indices {
            rest.cohorts[i].model = view.cohorts[i].model
            rest.cohorts[i].layers = view.cohorts[i].layers
            rest.cohorts[i].size = view.cohorts[i].size
            rest.cohorts[i].valuePerUser = view.cohorts[i].valuePerUser
        }
        for i in rest.stages.indices { rest.stages[i].dropOff = view.stages[i].dropOff }
        if var c = rest.costs {
            c.perCustomerYear = view.costs?.perCustomerYear ?? [:]
            rest.costs = view.costs == nil && c == CostAssumptions() ? nil : c
        }
        rest.team = view.team
        guard rest == view else { return .refused("A scenario holds only \(EditorState.scenarioHolds)") }

        var sc = scenario
        for i in after.cohorts.indices {
            let a = after.cohorts[i], v = view.cohorts[i], b = base.cohorts[i]
            guard a != v else { continue }
            var o = sc.cohorts.first { $0.cohort == a.id } ?? CohortOverride(cohort: a.id)
            do {
                if a.model != v.model { o.model = try value(a.model, journey: b.model, what: "a cohort's model") }
                if a.layers != v.layers { o.layers = a.layers == b.layers ? nil : a.layers }
                if a.size != v.size { o.size = try value(a.size, journey: b.size, what: "a cohort's size") }
                if a.valuePerUser != v.valuePerUser { o.valuePerUser = try value(a.valuePerUser, journey: b.valuePerUser, what: "a cohort's value per user") }
            } catch {
                return .refused(error.message)
            }
            sc.cohorts.removeAll { $0.cohort == a.id }
            if o.model != nil || o.layers != nil || o.size != nil || o.valuePerUser != nil {
                // In the journey's cohort order, so the file reads like the journey.
                let order = Dictionary(after.cohorts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { x, _ in x })
                let at = sc.cohorts.firstIndex { (order[$0.cohort] ?? Int.max) > i } ?? sc.cohorts.count
                sc.cohorts.insert(o, at: at)
            }
        }
        for i in after.stages.indices where after.stages[i].dropOff != view.stages[i].dropOff {
            let id = after.stages[i].id
            let d: Double?
            do { d = try value(after.stages[i].dropOff, journey: base.stages[i].dropOff, what: "a stage's drop-off") } catch { return .refused(error.message) }
            let k = sc.stages.firstIndex { $0.stage == id }
            switch (k, d) {
            case let (k?, d?): sc.stages[k].dropOff = d
            case let (k?, nil): sc.stages.remove(at: k)
            case let (nil, d?):
                let order = Dictionary(after.stages.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { x, _ in x })
                let at = sc.stages.firstIndex { (order[$0.stage] ?? Int.max) > i } ?? sc.stages.count
                sc.stages.insert(StageOverride(stage: id, dropOff: d), at: at)
            case (nil, nil): break
            }
        }
        let before = view.costs?.perCustomerYear ?? [:], now = after.costs?.perCustomerYear ?? [:], own = base.costs?.perCustomerYear ?? [:]
        for model in Set(before.keys).union(now.keys) where before[model] != now[model] {
            do { sc.costs[model] = try value(now[model], journey: own[model], what: "a unit cost") } catch { return .refused(error.message) }
        }
        if after.team != view.team {
            do { sc.team = try value(after.team, journey: base.team, what: "the team") } catch { return .refused(error.message) }
        }
        return .held(sc)
    }

    struct Refusal: Error { let message: String }

    /// The override for a new value: nil when it is the journey's own; refused when it is gone
    /// (an override can set a value, not take one away).
    static func value<T: Equatable>(_ new: T?, journey own: T?, what: String) throws(Refusal) -> T? {
        if new == own { return nil }
        guard let new else { throw Refusal(message: "A scenario can change \(what), not clear it: give it a value") }
        return new
    }
}
