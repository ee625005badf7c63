import Foundation
import JourneyKit

extension Editor {
    /// d: deletes the selected card at once; a stage, or a cohort or model in use, after a question.
    static func deleteSelected(_ s: inout EditorState) {
        if s.panel == .models {
            guard let m = s.selectedModel else { return }
            let users = modelUsers(m.id, in: s.journey)
            if users == 0 {
                deleteModel(&s, id: m.id)
            } else {
                s.overlays.append(.confirm(.yesNo("Model '\(m.name)' is used by \(users) touchpoint\(users == 1 ? "" : "s") or cohort\(users == 1 ? "" : "s"). Delete it and clear it from them?",
                                                  purpose: .deleteModel(id: m.id))))
            }
            return
        }
        if s.panel == .cohorts {
            guard let c = s.selectedCohort else { return }
            let users = s.journey.stages.reduce(0) { $0 + $1.touchpoints.filter { $0.cohorts.contains(c.id) }.count }
            if users == 0 {
                deleteCohort(&s, id: c.id)
            } else {
                s.overlays.append(.confirm(.yesNo("Cohort '\(c.name)' is targeted by \(users) touchpoint\(users == 1 ? "" : "s"). Delete it and remove it from them?",
                                                  purpose: .deleteCohort(id: c.id))))
            }
            return
        }
        guard let stage = s.selectedStage else { return }
        // Marks of cards deleted since do not count.
        if !s.marked.isEmpty { s.marked.formIntersection(s.journey.stages.flatMap { $0.touchpoints.map(\.id) }) }
        if !s.marked.isEmpty {
            let n = s.marked.count
            s.overlays.append(.confirm(.yesNo("Delete the \(n) marked card\(n == 1 ? "" : "s")?", purpose: .deleteMarked)))
            return
        }
        if let t = s.selectedTouchpoint {
            let (si, ti) = (s.selection.stage, s.selection.card)
            edit(&s, "delete '\(t.name)'") { $0.stages[si].touchpoints.remove(at: ti) }
            clampSelection(&s)
            ensureVisible(&s)
            s.message = Message("Deleted '\(t.name)' (u undoes)")
            return
        }
        let n = stage.touchpoints.count
        s.overlays.append(.confirm(.yesNo("Delete stage '\(stage.name)'" + (n > 0 ? " and its \(n) touchpoint\(n == 1 ? "" : "s")?" : "?"),
                                          purpose: .deleteStage(id: stage.id))))
    }

    static func deleteCohort(_ s: inout EditorState, id: String) {
        guard let ci = s.journey.cohorts.firstIndex(where: { $0.id == id }) else { return }
        let name = s.journey.cohorts[ci].name
        edit(&s, "delete cohort '\(name)'") { j in
            j.cohorts.remove(at: ci)
            for si in j.stages.indices where j.stages[si].touchpoints.contains(where: { $0.cohorts.contains(id) }) {
                for ti in j.stages[si].touchpoints.indices where j.stages[si].touchpoints[ti].cohorts.contains(id) {
                    j.stages[si].touchpoints[ti].cohorts.removeAll { $0 == id }
                }
            }
        }
        clampSelection(&s)
        s.message = Message("Deleted cohort '\(name)' (u undoes)")
    }

    /// How many touchpoints and cohorts use a model, as their model or a layer.
    static func modelUsers(_ id: String, in j: Journey) -> Int {
        let cards = j.stages.reduce(0) { $0 + $1.touchpoints.filter { $0.model == id || $0.layers.contains(id) }.count }
        return cards + j.cohorts.filter { $0.model == id || $0.layers.contains(id) }.count
    }

    static func deleteModel(_ s: inout EditorState, id: String) {
        guard let mi = s.journey.models.firstIndex(where: { $0.id == id }) else { return }
        let name = s.journey.models[mi].name
        edit(&s, "delete model '\(name)'") { j in
            j.models.remove(at: mi)
            for si in j.stages.indices where j.stages[si].touchpoints.contains(where: { $0.model == id || $0.layers.contains(id) }) {
                for ti in j.stages[si].touchpoints.indices {
                    if j.stages[si].touchpoints[ti].model == id { j.stages[si].touchpoints[ti].model = nil }
                    if j.stages[si].touchpoints[ti].layers.contains(id) { j.stages[si].touchpoints[ti].layers.removeAll { $0 == id } }
                }
            }
            for ci in j.cohorts.indices {
                if j.cohorts[ci].model == id { j.cohorts[ci].model = nil }
                j.cohorts[ci].layers.removeAll { $0 == id }
            }
        }
        clampSelection(&s)
        s.message = Message("Deleted model '\(name)' (u undoes)")
    }
}
