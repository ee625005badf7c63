import Foundation
import JourneyKit

extension Editor {
    /// Actions on the board and the cohorts and models panels.
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
            return [.openExternalEditor(text: t.notes, field: "notes")]
        case .undo: undo(&s)
        case .redo: redo(&s)
        case .save: return save(&s, thenQuit: false)
        case .quit:
            if !s.isDirty { return [.quit] }
            s.overlays.append(.confirm(Confirm("There are unsaved changes. Save them before quitting?", choices: [
                ConfirmChoice("s", "save and quit", .save), ConfirmChoice("d", "discard and quit", .discard),
                ConfirmChoice("c", "cancel", .cancel),
            ], purpose: .quit)))
        case .search: s.overlays.append(.search(SearchPrompt()))
        case .searchNext, .searchPrevious: searchAgain(&s, forward: action == .searchNext)
        case .help: s.overlays.append(.help(Help()))
        case .palette: s.overlays.append(.picker(Choices.palette(s)))
        case .toggleDetail:
            s.view.hideDetail.toggle()
            ensureVisible(&s)
        case .duplicate: duplicate(&s)
        case .yank: yank(&s)
        case .paste: paste(&s)
        case .mark: toggleMark(&s)
        case .markRange: markRange(&s)
        case .bulkEdit: bulkForm(&s)
        case .switchPanel:
            let all = Panel.cycle(s)
            s.panel = all[((all.firstIndex(of: s.panel) ?? -1) + 1) % all.count]
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

    static func answer(_ s: inout EditorState, _ purpose: ConfirmPurpose, _ answer: ConfirmAnswer) -> [Effect] {
        switch (purpose, answer) {
        case (.quit, .save): return save(&s, thenQuit: true)
        case (.quit, .discard): return [.quit]
        case (.deleteStage(let id), .yes):
            guard let si = s.journey.stages.firstIndex(where: { $0.id == id }) else { return [] }
            let name = s.journey.stages[si].name
            edit(&s, "delete stage '\(name)'") { j in
                j.stages.remove(at: si)
                j.loops.removeAll { $0.from == id || $0.to == id }
            }
            s.selection = Selection(stage: min(si, s.journey.stages.count - 1), card: -1)
            s.message = Message("Deleted stage '\(name)' (u undoes)" + frameworkNote(s))
        case (.deleteCohort(let id), .yes):
            deleteCohort(&s, id: id)
        case (.deleteModel(let id), .yes):
            deleteModel(&s, id: id)
        case (.deleteMarked, .yes): deleteMarked(&s)
        case (.deleteScenario(let id), .yes): deleteScenario(&s, id: id)
        case (.discardForm, .discard): discardForm(&s)
        case (.discardKPIs, .discard): if s.top?.kpiList != nil || s.top?.itemList != nil { close(&s) }
        case (.changeFramework(let id), _):
            answerFrameworkChange(&s, id: id, answer)
        case (.saveConflict, _), (.recovery, _), (.locked, _), (.mergeConflicts, _):
            return answerSafety(&s, purpose, answer)
        default:
            return []
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

    static func assignModel(_ s: inout EditorState) {
        let target: PickerTarget, current: String?, layers: [String]
        if s.panel == .cohorts {
            guard let c = s.selectedCohort else { return }
            target = .cohortModel(cohortID: c.id)
            current = c.model
            layers = c.layers
        } else {
            guard let t = s.selectedTouchpoint else { return }
            target = .touchpointModel(touchpointID: t.id)
            current = t.model
            layers = t.layers
        }
        // The layers come after the models: choosing one switches it on or off, the model stays.
        let layerChoices = EngagementModel.catalog.filter(\.isLayer).map { m in
            Choice(Editor.layerPrefix + m.id, "+ \(m.name) layer", detail: layers.contains(m.id) ? "on" : "off")
        }
        let choices = [Choice("", "(none)")] + Choices.choices(.model, in: s.journey) + layerChoices
        s.overlays.append(.picker(Picker(title: "Engagement model (or a layer)", choices: choices, selected: [current ?? ""], target: target)))
    }

    /// The id prefix of the layer rows in the model picker.
    static let layerPrefix = "layer:"

    /// Switches a layer on or off on a cohort or touchpoint, from the model picker.
    static func toggleLayer(_ s: inout EditorState, _ layer: String, target: PickerTarget) {
        switch target {
        case .cohortModel(let cid):
            guard let ci = s.journey.cohorts.firstIndex(where: { $0.id == cid }) else { return }
            let on = !s.journey.cohorts[ci].layers.contains(layer)
            edit(&s, "\(on ? "add" : "remove") the \(layer) layer on '\(s.journey.cohorts[ci].name)'") { j in
                if on { j.cohorts[ci].layers.append(layer) } else { j.cohorts[ci].layers.removeAll { $0 == layer } }
            }
            s.message = Message("\(Choices.label(layer, .layers, in: s.journey)) layer \(on ? "on" : "off") for '\(s.journey.cohorts[ci].name)' (u undoes)")
        case .touchpointModel(let tid):
            guard let (si, ti) = s.journey.locate(touchpoint: tid) else { return }
            let on = !s.journey.stages[si].touchpoints[ti].layers.contains(layer)
            edit(&s, "\(on ? "add" : "remove") the \(layer) layer on '\(s.journey.stages[si].touchpoints[ti].name)'") { j in
                if on { j.stages[si].touchpoints[ti].layers.append(layer) } else { j.stages[si].touchpoints[ti].layers.removeAll { $0 == layer } }
            }
            s.message = Message("\(Choices.label(layer, .layers, in: s.journey)) layer \(on ? "on" : "off") for '\(s.journey.stages[si].touchpoints[ti].name)' (u undoes)")
        default:
            break
        }
    }
}
