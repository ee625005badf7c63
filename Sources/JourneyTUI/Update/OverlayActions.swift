import JourneyKit

extension Editor {
    static func formAction(_ s: inout EditorState, _ action: Action) -> [Effect] {
        guard case .form(var f) = s.overlays.last else { return [] }
        switch action {
        case .confirm: return commitForm(&s, f)
        case .cancel:
            close(&s)
            if case .customFramework = f.target { s.overlays = [.picker(Choices.frameworkPicker())] }
            if case .saveAs = f.target { s.quitAfterSave = false }
            return []
        case .redraw: return [.redraw]
        case .nextField: f.focus = min(f.fields.count - 1, f.focus + 1)
        case .previousField: f.focus = max(0, f.focus - 1)
        case .openPicker:
            openList(&s, filter: "")
            return []
        case .toggle:
            if case .toggle(let v) = f.fields[f.focus].value { f.fields[f.focus].value = .toggle(!v) }
        case .editNotes:
            s.pendingExternal = .formField(f.focus)
            return [.openExternalEditor(text: f.fields[f.focus].text)]
        case .cursorLeft, .cursorRight, .lineStart, .lineEnd, .deleteBackward, .deleteForward, .killToEnd, .killToStart:
            guard case .text(var t) = f.fields[f.focus].value else { return [] }
            editText(&t, action)
            f.fields[f.focus].value = .text(t)
        default: return []
        }
        s.message = nil
        s.overlays[s.overlays.count - 1] = .form(f)
        return []
    }

    static func editText(_ t: inout TextInput, _ action: Action) {
        switch action {
        case .cursorLeft: t.left()
        case .cursorRight: t.right()
        case .lineStart: t.home()
        case .lineEnd: t.end()
        case .deleteBackward: t.deleteBackward()
        case .deleteForward: t.deleteForward()
        case .killToEnd: t.killToEnd()
        case .killToStart: t.killToStart()
        default: break
        }
    }

    /// Opens the picker or KPI list of the focused form field.
    static func openList(_ s: inout EditorState, filter: String) {
        guard case .form(let f) = s.overlays.last else { return }
        let field = f.fields[f.focus]
        switch (field.kind, field.value) {
        case (.choice(let source, let optional), .choice(let current)):
            var choices = Choices.choices(source, in: s.journey)
            if optional { choices.insert(Choice("", "(none)"), at: 0) }
            s.overlays.append(.picker(Picker(title: field.label, choices: choices, selected: [current ?? ""],
                                             target: .formField(f.focus), filter: filter)))
        case (.multiChoice(let source), .multi(let current)):
            let choices = Choices.choices(source, in: s.journey)
            if choices.isEmpty {
                s.message = Message(source == .cohorts ? "The journey has no cohorts yet: add them in the cohorts panel (Tab)" : "Nothing to choose",
                                    isError: true)
                return
            }
            s.overlays.append(.picker(Picker(title: field.label + " (Space ticks)", choices: choices, selected: current,
                                             multiple: true, target: .formField(f.focus), filter: filter)))
        case (.kpis, .kpis(let kpis)):
            s.overlays.append(.kpiList(KPIList(title: "KPIs", kpis: kpis, fieldIndex: f.focus)))
        default:
            break
        }
    }

    static func pickerAction(_ s: inout EditorState, _ action: Action) -> [Effect] {
        guard case .picker(var p) = s.overlays.last else { return [] }
        let count = p.visible.count
        switch action {
        case .confirm:
            return choose(&s, p)
        case .cancel:
            if p.target == .framework {
                s.message = Message("Choose a framework for the new journey (Ctrl-C quits)")
                return []
            }
            close(&s)
            return []
        case .redraw: return [.redraw]
        case .pickerUp: p.highlight = max(0, p.highlight - 1)
        case .pickerDown: p.highlight = min(max(0, count - 1), p.highlight + 1)
        case .pickerPageUp: p.highlight = max(0, p.highlight - 10)
        case .pickerPageDown: p.highlight = min(max(0, count - 1), p.highlight + 10)
        case .toggle:
            if let c = p.current {
                if p.ticked.contains(c.id) { p.ticked.remove(c.id) } else { p.ticked.insert(c.id) }
            }
        case .deleteBackward:
            if !p.filter.isEmpty { p.filter.removeLast() }
            p.highlight = 0
        case .killToStart:
            p.filter = ""
            p.highlight = 0
        default: return []
        }
        s.overlays[s.overlays.count - 1] = .picker(p)
        return []
    }

    /// Enter in a picker: applies the choice to its target.
    static func choose(_ s: inout EditorState, _ p: Picker) -> [Effect] {
        if !p.multiple && p.current == nil {
            s.message = Message("Nothing matches '\(p.filter)': Backspace edits the filter", isError: true)
            return []
        }
        close(&s)
        let id = p.current.map { $0.id.isEmpty ? nil : $0.id } ?? nil
        switch p.target {
        case .formField(let i):
            guard case .form(var f) = s.overlays.last, f.fields.indices.contains(i) else { return [] }
            if p.multiple {
                f.fields[i].value = .multi(p.choices.map(\.id).filter { p.ticked.contains($0) })
            } else {
                f.fields[i].value = .choice(id)
            }
            s.overlays[s.overlays.count - 1] = .form(f)
        case .framework:
            if id == Choices.customFramework {
                s.overlays.append(.form(Forms.customFramework()))
            } else if let id, let fw = Framework.named(id) {
                start(&s, Journey.template(fw))
            }
        case .cohortModel(let cid):
            guard let ci = s.journey.cohorts.firstIndex(where: { $0.id == cid }), s.journey.cohorts[ci].model != id else { return [] }
            edit(&s, "assign a model to '\(s.journey.cohorts[ci].name)'") { $0.cohorts[ci].model = id }
        case .touchpointModel(let tid):
            guard let (si, ti) = s.journey.locate(touchpoint: tid), s.journey.stages[si].touchpoints[ti].model != id else { return [] }
            edit(&s, "assign a model to '\(s.journey.stages[si].touchpoints[ti].name)'") { $0.stages[si].touchpoints[ti].model = id }
        case .removeLoop:
            guard let id, let li = s.journey.loops.firstIndex(where: { $0.id == id }) else { return [] }
            edit(&s, "remove loop edge '\(s.journey.loops[li].label)'") { $0.loops.remove(at: li) }
            s.message = Message("Removed the loop edge (u undoes)")
        }
        return []
    }

    static func kpiListAction(_ s: inout EditorState, _ action: Action) {
        guard case .kpiList(var list) = s.overlays.last else { return }
        switch action {
        case .pickerUp: list.highlight = max(0, list.highlight - 1)
        case .pickerDown: list.highlight = min(list.doneRow, list.highlight + 1)
        case .addTouchpoint:
            s.overlays.append(.form(Forms.kpi(nil, index: nil)))
            return
        case .delete:
            guard list.kpis.indices.contains(list.highlight) else { return }
            list.kpis.remove(at: list.highlight)
        case .confirm:
            if list.highlight == list.doneRow {
                close(&s)
                guard case .form(var f) = s.overlays.last else { return }
                f.fields[list.fieldIndex].value = .kpis(list.kpis)
                s.overlays[s.overlays.count - 1] = .form(f)
                return
            }
            let index = list.highlight < list.kpis.count ? list.highlight : nil
            s.overlays.append(.form(Forms.kpi(index.map { list.kpis[$0] }, index: index)))
            return
        case .cancel:
            close(&s)
            return
        default: return
        }
        s.overlays[s.overlays.count - 1] = .kpiList(list)
    }

    static func searchAction(_ s: inout EditorState, _ action: Action) -> [Effect] {
        guard case .search(var t) = s.overlays.last else { return [] }
        switch action {
        case .confirm:
            close(&s)
            s.searchQuery = t.text
            if !t.text.isEmpty { searchAgain(&s, forward: true) }
            return []
        case .cancel:
            close(&s)
            return []
        case .redraw: return [.redraw]
        default:
            editText(&t, action)
        }
        s.overlays[s.overlays.count - 1] = .search(t)
        return []
    }

    static func helpAction(_ s: inout EditorState, _ action: Action) {
        guard case .help(let scroll) = s.overlays.last else { return }
        switch action {
        case .scrollUp: s.overlays[s.overlays.count - 1] = .help(scroll: max(0, scroll - 1))
        case .scrollDown: s.overlays[s.overlays.count - 1] = .help(scroll: min(scroll + 1, max(0, HelpOverlay.lines(width: HelpOverlay.textWidth(s.width)).count - 1)))
        case .cancel: close(&s)
        default: break
        }
    }
}
