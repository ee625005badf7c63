import JourneyKit

extension EditorState {
    /// The overlay that takes the keys. Changing it changes the top overlay in place;
    /// setting nil closes it. The one way update code writes an overlay back.
    public var top: Overlay? {
        get { overlays.last }
        set {
            guard !overlays.isEmpty else { return }
            if let newValue { overlays[overlays.count - 1] = newValue } else { overlays.removeLast() }
        }
    }
}

extension Editor {
    /// Runs an action in the overlay on top: the component updates itself, then its
    /// outcome is applied here.
    static func overlayAction(_ s: inout EditorState, _ action: Action) -> [Effect] {
        if action == .redraw { return [.redraw] }
        // Ctrl-C while a new journey's framework is being chosen.
        if action == .quit { return [.quit] }
        switch s.top {
        case .form?:
            let outcome = s.top?.form?.update(action) ?? .none
            return apply(&s, outcome)
        case .picker?:
            let outcome = s.top?.picker?.update(action) ?? .none
            return apply(&s, outcome)
        case .kpiList?:
            let outcome = s.top?.kpiList?.update(action) ?? .none
            apply(&s, outcome)
        case .itemList?:
            let outcome = s.top?.itemList?.update(action) ?? .none
            apply(&s, outcome)
        case .search?:
            let outcome = s.top?.search?.update(action) ?? .none
            apply(&s, outcome)
        case .help?:
            let count = HelpOverlay.lines(width: HelpOverlay.textWidth(s.width)).count
            if s.top?.help?.update(action, lineCount: count) == .close { close(&s) }
        case .assessment?:
            let outcome = s.top?.assessment?.update(action) ?? .none
            apply(&s, outcome)
        case .confirm?, nil:
            // A question is answered by its keys (handleKey).
            break
        }
        return []
    }

    /// A key in a question: its answer closes it and is applied.
    static func answer(_ s: inout EditorState, key: Key) -> [Effect]? {
        guard let c = s.top?.confirm, case .answered(let a) = c.update(key) else { return nil }
        close(&s)
        return answer(&s, c.purpose, a)
    }

    static func apply(_ s: inout EditorState, _ outcome: FormOutcome) -> [Effect] {
        guard let f = s.top?.form else { return [] }
        switch outcome {
        case .none: return []
        case .submit: return commitForm(&s, f)
        case .cancel:
            if f.isChanged {
                // Never lose typing: a changed form asks first.
                s.overlays.append(.confirm(.discardChanges("'\(f.title)'", purpose: .discardForm)))
            } else {
                discardForm(&s)
            }
            return []
        case .openList(let filter):
            openList(&s, filter: filter)
            return []
        case .editExternally(let field, let text, let name):
            s.pendingExternal = .formField(field)
            return [.openExternalEditor(text: text, field: name)]
        }
    }

    /// Closes the form on top, changing nothing.
    static func discardForm(_ s: inout EditorState) {
        guard let f = s.top?.form else { return }
        close(&s)
        if case .customFramework = f.target { s.overlays = [.picker(Choices.frameworkPicker())] }
        if case .saveAs = f.target { s.quitAfterSave = false }
    }

    /// Opens the picker or KPI list of the focused form field.
    static func openList(_ s: inout EditorState, filter: String) {
        guard let f = s.top?.form, !openFieldList(&s) else { return }
        let field = f.fields[f.focus]
        switch (field.kind, field.value) {
        case (.choice(let source, let optional), .choice(let current)):
            var choices = fieldChoices(s, source)
            if optional { choices.insert(Choice("", "(none)"), at: 0) }
            s.overlays.append(.picker(Picker(title: field.label, choices: choices, selected: [current ?? ""],
                                             target: .formField(f.focus), filter: filter)))
        case (.multiChoice(let source), .multi(let current)):
            let choices = fieldChoices(s, source)
            if choices.isEmpty {
                s.message = Message(source == .cohorts ? "The journey has no cohorts yet: add them in the cohorts panel (Tab)" : source == .healthTargets ? "No touchpoint or routing rule to lead to yet" : "Nothing to choose",
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

    static func apply(_ s: inout EditorState, _ outcome: PickerOutcome) -> [Effect] {
        guard let p = s.top?.picker else { return [] }
        switch outcome {
        case .none: return []
        case .choose: return choose(&s, p)
        case .cancel:
            if p.target == .framework {
                s.message = Message("Choose a framework for the new journey (Ctrl-C quits)")
                return []
            }
            close(&s)
            return []
        }
    }

    /// Enter in a picker: closes it and applies the choice to its target.
    static func choose(_ s: inout EditorState, _ p: Picker) -> [Effect] {
        if !p.multiple && p.current == nil {
            s.message = Message("Nothing matches '\(p.filter)': Backspace edits the filter", isError: true)
            return []
        }
        close(&s)
        let id = p.current.map { $0.id.isEmpty ? nil : $0.id } ?? nil
        if let id, id.hasPrefix(layerPrefix) {
            toggleLayer(&s, String(id.dropFirst(layerPrefix.count)), target: p.target)
            return []
        }
        switch p.target {
        case .formField(let i):
            guard s.top?.form?.fields.indices.contains(i) == true else { return [] }
            s.top?.form?.fields[i].value = p.multiple ? .multi(p.choices.map(\.id).filter { p.ticked.contains($0) }) : .choice(id)
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
        case .command:
            // The palette has closed: the action runs in the panel beneath, if it is enabled there.
            guard let name = p.current?.id,
                  let b = KeyTable.bindings.first(where: { $0.contexts.contains(s.context) && String(describing: $0.action) == name }) else { return [] }
            if let reason = b.disabledReason(s) {
                s.message = Message(reason.isEmpty ? "Not available here" : reason, isError: reason == EditorState.readOnlyRefusal)
                return []
            }
            return perform(&s, b.action)
        case .lens:
            s.lens = id.flatMap { Lens(id: $0) }.map { Lens($0.facet, $0.value, dim: s.lens?.dim ?? false) }
            if let lens = s.lens {
                let shown = s.journey.stages.indices.reduce(0) { $0 + s.matchingCount($1) }
                let all = s.journey.stages.reduce(0) { $0 + $1.touchpoints.count }
                s.message = Message("Lens \(lens.title(in: s.journey)): \(shown) of \(all) cards (F dims instead, Esc clears)")
            } else {
                s.message = Message("Lens off: every card shows")
            }
            clampSelection(&s)
            ensureVisible(&s)
        case .jump:
            let parts = (p.current?.id ?? "").split(separator: ":").compactMap { Int($0) }
            guard parts.count == 2 else { return [] }
            s.panel = .board
            s.coverage = nil
            if let lens = s.lens, !lens.dim, !lens.matches(s.journey.stages[parts[0]].touchpoints[parts[1]], mark: s.lintMarks[parts[0]]?[parts[1]]) {
                s.lens = nil
            }
            s.selection = Selection(stage: parts[0], card: parts[1])
            clampSelection(&s)
            ensureVisible(&s)
        case .scenario:
            chooseScenario(&s, p.current?.id ?? "")
        case .costs, .editLoop, .changeFramework:
            chosen(&s, p, id)
        case .removeLoop:
            guard let id, let li = s.journey.loops.firstIndex(where: { $0.id == id }) else { return [] }
            edit(&s, "remove loop edge '\(s.journey.loops[li].label)'") { $0.loops.remove(at: li) }
            s.message = Message("Removed the loop edge (u undoes)")
        }
        return []
    }

    static func apply(_ s: inout EditorState, _ outcome: KPIListOutcome) {
        guard let list = s.top?.kpiList else { return }
        switch outcome {
        case .none: break
        case .add: s.overlays.append(.form(Forms.kpi(nil, index: nil)))
        case .edit(let i): s.overlays.append(.form(Forms.kpi(list.kpis[i], index: i)))
        case .done(let kpis):
            close(&s)
            guard s.top?.form?.fields.indices.contains(list.fieldIndex) == true else { return }
            s.top?.form?.fields[list.fieldIndex].value = .kpis(kpis)
        case .cancel:
            if list.isChanged {
                s.overlays.append(.confirm(.discardChanges("the KPIs", purpose: .discardKPIs)))
            } else {
                close(&s)
            }
        }
    }

    static func apply(_ s: inout EditorState, _ outcome: SearchOutcome) {
        switch outcome {
        case .none: break
        case .submit(let query):
            close(&s)
            s.searchQuery = query
            if !query.isEmpty { searchAgain(&s, forward: true) }
        case .list(let query):
            guard !query.isEmpty else { return }
            let results = Choices.searchResults(query, in: s.journey)
            if results.isEmpty {
                s.message = Message("No touchpoint matches '\(query)'", isError: true)
                return
            }
            close(&s)
            s.searchQuery = query
            s.overlays.append(.picker(Picker(title: "\(results.count) match\(results.count == 1 ? "" : "es") for '\(query)'", choices: results,
                                             target: .jump)))
        case .cancel: close(&s)
        }
    }

    static func apply(_ s: inout EditorState, _ outcome: AssessmentOutcome) {
        guard let a = s.top?.assessment else { return }
        switch outcome {
        case .none: break
        case .submit:
            close(&s)
            let result = a.result(on: s.today)
            if s.journey.maturity != result {
                edit(&s, "store the maturity assessment") { $0.maturity = result }
            }
            s.message = Message("Maturity: rung \(result.rung) \(Maturity.rung(result.rung)!.name), level \(result.level) \(Maturity.level(result.level)!.name)")
        case .cancel: close(&s)
        }
    }
}
