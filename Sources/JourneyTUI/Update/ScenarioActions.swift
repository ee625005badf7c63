import JourneyKit

extension Editor {
    /// The picker row that makes a new scenario (scenario ids are slugs, never this).
    static let newScenarioChoice = "+new"

    /// Handles an event; while a scenario is shown, the keys and clicks act on the journey as the
    /// scenario makes it (`journey` is its view for the event, the file's journey waits in
    /// `scenarioBase`), so edits reach `editInScenario`.
    static func applyShown(_ s: inout EditorState, _ event: Event) -> [Effect] {
        defer { checkScenario(&s) }
        switch event {
        case .key, .click, .doubleClick, .wheel, .externalEditFinished: break
        default: return apply(&s, event)
        }
        guard let sc = s.shownScenario else { return apply(&s, event) }
        let base = s.journey
        s.scenarioBase = base
        s.journey = sc.apply(to: base)
        let effects = apply(&s, event)
        // (An edit that left the scenario's view, deleting it, has put the file's journey back already.)
        if let file = s.scenarioBase { s.journey = file }
        s.scenarioBase = nil
        if let why = s.scenarioRefusal {
            s.message = Message(why, isError: true)
            s.scenarioRefusal = nil
        }
        return effects
    }

    /// After an event: a scenario shown that the journey no longer has (undo removed it, a reload
    /// dropped it) gives way to the journey as-is.
    static func checkScenario(_ s: inout EditorState) {
        guard s.scenario != nil, s.shownScenario == nil else { return }
        s.scenario = nil
        s.message = Message("The scenario shown is gone (undo or a reload removed it): the journey as-is")
    }

    /// An edit while a scenario is shown: held in the scenario's overrides as one undoable edit of
    /// the file's journey, or refused (the reason is shown when the event is done).
    static func editInScenario(_ s: inout EditorState, _ label: String, _ change: (inout Journey) -> Void) {
        guard let base = s.scenarioBase, let sc = s.shownScenario, let si = base.scenarios.firstIndex(where: { $0.id == sc.id }) else { return }
        var after = s.journey
        change(&after)
        switch ScenarioEdit.hold(s.journey, after, base: base, in: sc) {
        case .refused(let why):
            s.scenarioRefusal = why + " (W then as-is edits the journey itself)"
        case .held(let updated):
            guard updated != sc else { return }
            editFile(&s, label + " in scenario '\(sc.name)'") { $0.scenarios[si] = updated }
        }
    }

    /// Changes the file's journey as one undoable edit, whether or not a scenario is shown (the
    /// scenario's view follows).
    static func editFile(_ s: inout EditorState, _ label: String, _ change: (inout Journey) -> Void) {
        guard var base = s.scenarioBase else {
            edit(&s, label, change)
            return
        }
        let before = Snapshot(change: .replace(base), selection: s.selection, cohort: s.cohort, version: s.history.version, label: label)
        change(&base)
        s.scenarioBase = base
        s.journey = s.shownScenario.map { $0.apply(to: base) } ?? base
        record(&s, before)
    }

    /// Undo and redo go to the file's journey; while a scenario is shown its view follows.
    static func applyToFile(_ s: inout EditorState, _ change: Change) -> Change {
        guard s.scenarioBase != nil else { return change.apply(to: &s.journey) }
        let back = change.apply(to: &s.scenarioBase!)
        s.journey = s.shownScenario.map { $0.apply(to: s.scenarioBase!) } ?? s.scenarioBase!
        return back
    }

    /// The scenario keys, and the edit forms a scenario restricts to what it holds; nil for the rest.
    static func scenarioAction(_ s: inout EditorState, _ action: Action) -> [Effect]? {
        guard s.overlays.isEmpty, s.hasJourney else { return nil }
        switch action {
        case .pickScenario:
            s.overlays.append(.picker(scenarioPicker(s)))
        case .newScenario:
            s.overlays.append(.form(Form("New scenario", [
                Forms.text(.name, "Name", ""), Forms.text(.description, "Description", "", long: true),
            ], target: .newScenario)))
        case .deleteScenario:
            guard let sc = s.shownScenario else { return [] }
            let n = overrideCount(sc)
            s.overlays.append(.confirm(.yesNo("Delete scenario '\(sc.name)' (\(DetailPane.plural(n, "override")))? The journey itself stays as it is.",
                                              purpose: .deleteScenario(id: sc.id))))
        case .edit where s.scenario != nil:
            guard let name = s.scenarioName else { return nil }
            if s.panel == .cohorts || s.panel == .forecast {
                guard let c = s.selectedCohort else { return [] }
                let form = Forms.cohort(c, in: s.journey, target: .cohort(id: c.id))
                s.overlays.append(.form(Form("Cohort '\(c.name)' in scenario '\(name)'", form.fields.filter { [.size, .valuePerUser, .model, .layers].contains($0.key) },
                                             target: form.target)))
            } else if s.panel == .board, s.selectedTouchpoint == nil, let st = s.selectedStage {
                let form = Forms.stage(st, target: .stage(id: st.id))
                s.overlays.append(.form(Form("Stage '\(st.name)' in scenario '\(name)'", form.fields.filter { $0.key == .dropOff }, target: form.target)))
            } else {
                return nil
            }
        case .properties where s.scenario != nil:
            guard let name = s.scenarioName else { return nil }
            let form = Forms.journey(s.journey)
            s.overlays.append(.form(Form("The team in scenario '\(name)'", form.fields.filter { [.capacity, .hoursPerPerson, .budget].contains($0.key) }, target: form.target)))
        default:
            return nil
        }
        return []
    }

    /// The scenario picker: the journey as-is, each scenario with its overrides counted, and a new one.
    static func scenarioPicker(_ s: EditorState) -> Picker {
        let choices = [Choice("", "As-is: the journey itself")]
            + s.journey.scenarios.map { Choice($0.id, $0.name, detail: DetailPane.plural(overrideCount($0), "override")) }
            + [Choice(newScenarioChoice, "+ New scenario...")]
        return Picker(title: "Scenario (type to filter)", choices: choices, selected: [s.scenario ?? ""], target: .scenario)
    }

    /// How many values a scenario overrides.
    static func overrideCount(_ sc: Scenario) -> Int {
        sc.cohorts.reduce(0) { n, o in n + [o.model != nil, o.layers != nil, o.size != nil, o.valuePerUser != nil].filter { $0 }.count }
            + sc.stages.filter { $0.dropOff != nil }.count + sc.costs.count + (sc.team == nil ? 0 : 1)
    }

    /// Enter in the scenario picker.
    static func chooseScenario(_ s: inout EditorState, _ id: String) {
        if id == newScenarioChoice {
            _ = scenarioAction(&s, .newScenario)
            return
        }
        show(&s, scenario: id.isEmpty ? nil : id)
    }

    /// Shows a scenario (nil: the journey as-is); the message says what edits do there.
    static func show(_ s: inout EditorState, scenario id: String?) {
        s.scenario = id
        if let name = s.scenarioName {
            s.message = Message("Scenario '\(name)': the panels show the journey as it makes it; edits of \(EditorState.scenarioHolds) go into it (W: as-is)")
        } else {
            s.scenario = nil
            s.message = Message("As-is: the journey itself")
        }
    }

    /// The new-scenario form: a scenario with no overrides yet, then shown.
    static func newScenario(_ s: inout EditorState, _ values: FormValues) throws(FormProblem) {
        let name = try values.name() ?? ""
        let file = s.scenarioBase ?? s.journey
        if file.scenarios.contains(where: { $0.name == name }) {
            throw FormProblem(field: values.index(.name)!, message: "A scenario is called '\(name)' already: give this one another name")
        }
        let id = Slug.unique(from: name, fallback: "scenario", taken: Set(file.scenarios.map(\.id)))
        let description = (values.text(.description) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        close(&s)
        editFile(&s, "add scenario '\(name)'") { $0.scenarios.append(Scenario(id: id, name: name, description: description)) }
        show(&s, scenario: id)
    }

    /// The answer yes to deleting a scenario: removed as one undoable edit; the journey as-is is shown.
    static func deleteScenario(_ s: inout EditorState, id: String) {
        let file = s.scenarioBase ?? s.journey
        guard let i = file.scenarios.firstIndex(where: { $0.id == id }) else { return }
        let name = file.scenarios[i].name
        if s.scenario == id {
            // Leave the scenario's view first: the edit is of the file's journey.
            if let base = s.scenarioBase { s.journey = base }
            s.scenarioBase = nil
            s.scenario = nil
        }
        editFile(&s, "delete scenario '\(name)'") { $0.scenarios.remove(at: i) }
        s.message = Message("Deleted scenario '\(name)' (u undoes); the journey as-is")
    }
}
