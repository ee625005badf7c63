import Foundation
import JourneyKit

extension Editor {
    /// Enter in a form: checks the fields and applies them as one undoable edit.
    static func commitForm(_ s: inout EditorState, _ form: Form) -> [Effect] {
        do {
            return try apply(&s, form)
        } catch {
            s.top?.form?.focus = error.field
            s.message = Message(error.message, isError: true)
            return []
        }
    }

    private static func apply(_ s: inout EditorState, _ form: Form) throws(FormProblem) -> [Effect] {
        let values = FormValues(form: form)
        let renaming = form.fields.count == 1 && form.fields[0].key == .name
        switch form.target {
        case .newTouchpoint(let stageID, let at):
            var t = Touchpoint(id: "", name: "")
            try values.apply(to: &t)
            guard let si = s.journey.stages.firstIndex(where: { $0.id == stageID }) else { break }
            t.id = Slug.unique(from: t.name, fallback: "touchpoint", taken: s.journey.allIDs.union(t.kpis.map(\.id)))
            let index = min(at, s.journey.stages[si].touchpoints.count)
            close(&s)
            edit(&s, "add '\(t.name)'") { $0.stages[si].touchpoints.insert(t, at: index) }
            s.selection = Selection(stage: si, card: index)
            s.message = Message("Added '\(t.name)' to \(s.journey.stages[si].name)")
        case .touchpoint(let id):
            guard let (si, ti) = s.journey.locate(touchpoint: id) else { break }
            try change(&s, \.stages[si].touchpoints[ti], "", renaming: renaming) { (t: inout Touchpoint) throws(FormProblem) in try values.apply(to: &t) }
        case .newStage(let at):
            var st = Stage(id: "", name: "")
            try values.apply(to: &st)
            try values.checkValueStage(st, was: false, in: s.journey)
            st.id = Slug.unique(from: st.name, fallback: "stage", taken: s.journey.allIDs.union(st.kpis.map(\.id)))
            let index = min(at, s.journey.stages.count)
            close(&s)
            edit(&s, "add stage '\(st.name)'") { $0.stages.insert(st, at: index) }
            s.selection = Selection(stage: index, card: -1)
            s.message = Message("Added stage '\(st.name)'" + frameworkNote(s))
        case .stage(let id):
            guard let si = s.journey.stages.firstIndex(where: { $0.id == id }) else { break }
            let journey = s.journey
            try change(&s, \.stages[si], "stage ", renaming: renaming) { (st: inout Stage) throws(FormProblem) in
                let was = st.earnsValue
                try values.apply(to: &st)
                try values.checkValueStage(st, was: was, in: journey)
            }
        case .newCohort:
            var c = Cohort(id: "", name: "")
            try values.apply(to: &c)
            c.id = s.journey.newID(for: c.name, fallback: "cohort")
            close(&s)
            edit(&s, "add cohort '\(c.name)'") { $0.cohorts.append(c) }
            s.cohort = s.journey.cohorts.count - 1
        case .cohort(let id):
            guard let ci = s.journey.cohorts.firstIndex(where: { $0.id == id }) else { break }
            try change(&s, \.cohorts[ci], "cohort ", renaming: renaming) { (c: inout Cohort) throws(FormProblem) in try values.apply(to: &c) }
        case .newModel:
            var m = CustomModel(id: "", name: "")
            try values.apply(to: &m)
            m.id = s.journey.newID(for: m.name, fallback: "model")
            if EngagementModel.named(m.id) != nil { m.id = s.journey.newID(for: m.id + " custom", fallback: "model") }
            let preset = m.preset.flatMap(ModelPreset.named)
            let suggested = values.toggle(.suggestKPIs) == true ? preset.map { presetKPIs($0, in: s.journey) } ?? [] : []
            close(&s)
            edit(&s, "add model '\(m.name)'") {
                $0.models.append(m)
                $0.kpis += suggested
            }
            s.model = s.journey.models.count - 1
            if let preset {
                s.message = Message("Added model '\(m.name)' (preset \(preset.name))"
                    + (suggested.isEmpty ? "" : "; its key metrics are journey KPIs now: " + suggested.map(\.name).joined(separator: ", ")))
            }
        case .model(let id):
            guard let mi = s.journey.models.firstIndex(where: { $0.id == id }) else { break }
            try change(&s, \.models[mi], "model ", renaming: renaming) { (m: inout CustomModel) throws(FormProblem) in try values.apply(to: &m) }
        case .journey:
            var j = s.journey
            try values.apply(to: &j)
            close(&s)
            if j != s.journey { edit(&s, "edit the journey's properties") { $0 = j } }
        case .kpi(let index, let original):
            var k = original ?? KPI(id: "", name: "", kind: .outcome)
            try values.apply(to: &k)
            close(&s)
            let taken = s.journey.allIDs
            s.top?.kpiList?.put(k, at: index, taken: taken)
        case .newLoop:
            guard case .some(.some(let from)) = values.choice(.from), case .some(.some(let to)) = values.choice(.to) else { break }
            if from == to { throw FormProblem(field: values.index(.to)!, message: "A loop edge must return to another stage") }
            if s.journey.loops.contains(where: { $0.from == from && $0.to == to }) {
                throw FormProblem(field: values.index(.to)!, message: "That loop edge exists already")
            }
            let label = values.text(.label)?.trimmingCharacters(in: .whitespaces) ?? ""
            let edge = LoopEdge(id: s.journey.newID(for: label, fallback: "loop"), from: from, to: to, label: label)
            close(&s)
            edit(&s, "add loop edge '\(label)'") { $0.loops.append(edge) }
        case .customFramework:
            let name = try values.name() ?? ""
            let stages = (values.text(.stages) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if stages.isEmpty { throw FormProblem(field: values.index(.stages)!, message: "List the stages, separated by commas") }
            close(&s)
            start(&s, Journey.customTemplate(name: name, stages: stages))
        case .bulk(let ids):
            applyBulk(&s, form, ids: ids)
        case .suppress(let rule, let si, let ti, let ci):
            let reason = (values.text(.reason) ?? "").trimmingCharacters(in: .whitespaces)
            if reason.isEmpty { throw FormProblem(field: 0, message: "Say why: the reason is kept in the file beside the rule") }
            let entry = Suppression(rule: rule, reason: reason)
            close(&s)
            let name: String
            if let si, let ti, s.journey.stages.indices.contains(si), s.journey.stages[si].touchpoints.indices.contains(ti) {
                name = s.journey.stages[si].touchpoints[ti].name
                edit(&s, "suppress \(rule) on '\(name)'") { $0.stages[si].touchpoints[ti].suppress.append(entry) }
            } else if let si, s.journey.stages.indices.contains(si) {
                name = s.journey.stages[si].name
                edit(&s, "suppress \(rule) on '\(name)'") { $0.stages[si].suppress.append(entry) }
            } else if let ci, s.journey.cohorts.indices.contains(ci) {
                name = s.journey.cohorts[ci].name
                edit(&s, "suppress \(rule) on '\(name)'") { $0.cohorts[ci].suppress.append(entry) }
            } else {
                name = s.journey.title
                edit(&s, "suppress \(rule) on the journey") { $0.suppress.append(entry) }
            }
            s.message = Message("Suppressed \(rule) on '\(name)' (u undoes)")
        case .newScenario:
            try newScenario(&s, values)
        case .listItem(let index, let kind):
            try commitListItem(&s, values, index: index, kind: kind)
            return []
        case .healthScore(let field):
            commitHealthScore(&s, values, field: field)
        case .currency, .modelCosts, .loop, .frameworkName, .settings:
            try commitGapForm(&s, form, values)
        case .saveAs(let thenQuit):
            let path = (values.text(.path) ?? "").trimmingCharacters(in: .whitespaces)
            if path.isEmpty { throw FormProblem(field: 0, message: "Give the file a name") }
            close(&s)
            s.path = path
            s.quitAfterSave = thenQuit
            return [.save(path: path)]
        }
        clampSelection(&s)
        ensureVisible(&s)
        return []
    }

    /// Applies a form to an existing item: closes the form, then records an edit when anything changed.
    private static func change<Item: Equatable & Named>(_ s: inout EditorState, _ path: WritableKeyPath<Journey, Item>, _ kind: String,
                                                        renaming: Bool, _ apply: (inout Item) throws(FormProblem) -> Void) throws(FormProblem) {
        var item = s.journey[keyPath: path]
        let old = item.name
        try apply(&item)
        close(&s)
        guard item != s.journey[keyPath: path] else { return }
        edit(&s, renaming ? "rename \(kind)'\(old)' to '\(item.name)'" : "edit \(kind)'\(item.name)'") { $0[keyPath: path] = item }
        if renaming { s.message = Message("Renamed \(kind)'\(old)' to '\(item.name)' (its id stays)" + (kind == "stage " ? frameworkNote(s) : "")) }
    }

    /// Closes the top overlay.
    static func close(_ s: inout EditorState) {
        if !s.overlays.isEmpty { s.overlays.removeLast() }
    }

    /// Begins editing a new journey (from the framework picker); it is unsaved until s.
    static func start(_ s: inout EditorState, _ journey: Journey) {
        s.journey = journey
        s.hasJourney = true
        s.history = History()
        // Versions count from 0 again: what was derived from the old journey's versions goes.
        s.lintMemo = LintMemo()
        s.lintedFor = nil
        s.forecastMemo = []
        s.forecastFor = nil
        s.selection = Selection()
        s.message = Message("New \(journey.framework.displayName) journey: press s to save it" + (s.path.map { " to \($0)" } ?? ""))
    }
}

/// An item with a name, for edit labels.
protocol Named {
    var name: String { get }
}

extension Touchpoint: Named {}
extension Stage: Named {}
extension Cohort: Named {}
extension CustomModel: Named {}
