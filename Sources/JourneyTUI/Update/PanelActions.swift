import Foundation
import JourneyKit

extension Editor {
    /// Actions on the board and the cohorts panel.
    static func panelAction(_ s: inout EditorState, _ action: Action) -> [Effect] {
        switch action {
        case .moveUp, .moveDown, .moveLeft, .moveRight, .first, .last, .pageUp, .pageDown:
            moveSelection(&s, action)
        case .moveItemLeft, .moveItemRight: moveAcross(&s, by: action == .moveItemLeft ? -1 : 1)
        case .moveItemUp, .moveItemDown: reorder(&s, by: action == .moveItemUp ? -1 : 1)
        case .addTouchpoint:
            guard let stage = s.selectedStage else { break }
            let at = s.selection.isHeader ? stage.touchpoints.count : s.selection.card + 1
            s.overlays.append(.form(Forms.touchpoint(nil, in: s.journey, target: .newTouchpoint(stageID: stage.id, at: at))))
        case .addStage:
            s.overlays.append(.form(Forms.stage(nil, target: .newStage(at: s.journey.stages.isEmpty ? 0 : s.selection.stage + 1))))
        case .addCohort:
            s.overlays.append(.form(Forms.cohort(nil, in: s.journey, target: .newCohort)))
        case .addModel:
            s.overlays.append(.form(Forms.model(nil, target: .newModel)))
        case .edit: editSelected(&s, renameOnly: false)
        case .rename: editSelected(&s, renameOnly: true)
        case .delete: deleteSelected(&s)
        case .assignModel: assignModel(&s)
        case .addLoop:
            s.overlays.append(.form(Forms.loop(from: s.selectedStage?.id, in: s.journey)))
        case .removeLoop:
            guard let stage = s.selectedStage else { break }
            let choices = s.journey.loops.filter { $0.from == stage.id || $0.to == stage.id }.map { loop in
                Choice(loop.id, "\(Choices.label(loop.from, .stage, in: s.journey)) → \(Choices.label(loop.to, .stage, in: s.journey))"
                       + (loop.label.isEmpty ? "" : " (\(loop.label))"))
            }
            s.overlays.append(.picker(Picker(title: "Remove a loop edge", choices: choices, target: .removeLoop)))
        case .properties:
            s.overlays.append(.form(Forms.journey(s.journey)))
        case .editNotes:
            guard let t = s.selectedTouchpoint else { break }
            s.pendingExternal = .touchpointNotes(id: t.id)
            return [.openExternalEditor(text: t.notes)]
        case .undo: undo(&s)
        case .redo: redo(&s)
        case .save: return save(&s, thenQuit: false)
        case .quit:
            if !s.isDirty { return [.quit] }
            s.overlays.append(.confirm(Confirm("There are unsaved changes. Save them before quitting?", choices: [
                ConfirmChoice("s", "save and quit", "save"), ConfirmChoice("d", "discard and quit", "discard"),
                ConfirmChoice("c", "cancel", "cancel"),
            ], purpose: .quit)))
        case .search: s.overlays.append(.search(TextInput(s.searchQuery)))
        case .searchNext, .searchPrevious: searchAgain(&s, forward: action == .searchNext)
        case .help: s.overlays.append(.help(scroll: 0))
        case .switchPanel:
            let all = Panel.allCases
            s.panel = all[(all.firstIndex(of: s.panel)! + 1) % all.count]
            s.message = nil
        case .redraw: return [.redraw]
        case .cancel: s.message = nil
        default: break
        }
        return []
    }

    static func save(_ s: inout EditorState, thenQuit: Bool) -> [Effect] {
        guard s.hasJourney else { return [] }
        s.quitAfterSave = thenQuit
        guard let path = s.path, !s.readOnly else {
            s.overlays.append(.form(Forms.saveAs(thenQuit: thenQuit)))
            return []
        }
        return [.save(path: path)]
    }

    static func answer(_ s: inout EditorState, _ purpose: ConfirmPurpose, _ value: String) -> [Effect] {
        guard value != "cancel" else { return [] }
        switch purpose {
        case .quit:
            return value == "save" ? save(&s, thenQuit: true) : [.quit]
        case .deleteStage(let id):
            guard let si = s.journey.stages.firstIndex(where: { $0.id == id }) else { return [] }
            let name = s.journey.stages[si].name
            edit(&s, "delete stage '\(name)'") { j in
                j.stages.remove(at: si)
                j.loops.removeAll { $0.from == id || $0.to == id }
            }
            s.selection = Selection(stage: min(si, s.journey.stages.count - 1), card: -1)
            s.message = Message("Deleted stage '\(name)' (u undoes)")
        case .deleteCohort(let id):
            deleteCohort(&s, id: id)
        case .deleteModel(let id):
            deleteModel(&s, id: id)
        case .saveConflict, .recovery, .locked:
            return answerSafety(&s, purpose, value)
        }
        clampSelection(&s)
        ensureVisible(&s)
        return []
    }

    static func editSelected(_ s: inout EditorState, renameOnly: Bool) {
        var form: Form
        if s.panel == .models {
            guard let m = s.selectedModel else { return }
            form = Forms.model(m, target: .model(id: m.id))
        } else if s.panel == .cohorts {
            guard let c = s.selectedCohort else { return }
            form = Forms.cohort(c, in: s.journey, target: .cohort(id: c.id))
        } else if let t = s.selectedTouchpoint {
            form = Forms.touchpoint(t, in: s.journey, target: .touchpoint(id: t.id))
        } else if let stage = s.selectedStage {
            form = Forms.stage(stage, target: .stage(id: stage.id))
        } else {
            return
        }
        if renameOnly {
            form.title = "Rename: " + form.title
            form.fields = form.fields.filter { $0.key == .name }
        }
        s.overlays.append(.form(form))
    }

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

    static func assignModel(_ s: inout EditorState) {
        let target: PickerTarget, current: String?
        if s.panel == .cohorts {
            guard let c = s.selectedCohort else { return }
            target = .cohortModel(cohortID: c.id)
            current = c.model
        } else {
            guard let t = s.selectedTouchpoint else { return }
            target = .touchpointModel(touchpointID: t.id)
            current = t.model
        }
        let choices = [Choice("", "(none)")] + Choices.choices(.model, in: s.journey)
        s.overlays.append(.picker(Picker(title: "Engagement model", choices: choices, selected: [current ?? ""], target: target)))
    }

    /// H / L: a card to the previous or next stage; on a header, the stage itself.
    static func moveAcross(_ s: inout EditorState, by delta: Int) {
        let si = s.selection.stage, to = si + delta
        guard s.journey.stages.indices.contains(si), s.journey.stages.indices.contains(to) else {
            s.message = Message(delta < 0 ? "Already the first stage" : "Already the last stage")
            return
        }
        if let t = s.selectedTouchpoint {
            let ti = s.selection.card
            let at = min(ti, s.journey.stages[to].touchpoints.count)
            let toName = s.journey.stages[to].name
            edit(&s, "move '\(t.name)' to \(toName)", applying: .moveCard(from: CardPosition(stage: si, index: ti), to: CardPosition(stage: to, index: at)))
            s.selection = Selection(stage: to, card: at)
            s.message = Message("Moved '\(t.name)' to \(toName)")
        } else {
            let name = s.journey.stages[si].name
            edit(&s, "move stage '\(name)' \(delta < 0 ? "left" : "right")", applying: .swapStages(si, to))
            s.selection.stage = to
        }
        ensureVisible(&s)
    }

    /// J / K: a card up or down in its stage.
    static func reorder(_ s: inout EditorState, by delta: Int) {
        guard let t = s.selectedTouchpoint else { return }
        let si = s.selection.stage, ti = s.selection.card, to = ti + delta
        guard s.journey.stages[si].touchpoints.indices.contains(to) else { return }
        let label = "move '\(t.name)' \(delta < 0 ? "up" : "down")"
        edit(&s, label, applying: .moveCard(from: CardPosition(stage: si, index: ti), to: CardPosition(stage: si, index: to)))
        s.selection.card = to
        s.message = Message("Moved '\(t.name)' \(delta < 0 ? "up" : "down")")
        ensureVisible(&s)
    }
}
