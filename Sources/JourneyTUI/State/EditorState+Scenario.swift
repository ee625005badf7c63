import JourneyKit

// Scenarios in the editor. `journey` is always the file's journey (what is saved, linted and
// undone); while a scenario is shown, render draws `showingScenario`, and update handles each
// key with `journey` set to the scenario's view (Editor.applyShown), so the forms, pickers
// and panels read the journey as the scenario makes it. Edits then go into the scenario's
// overrides (ScenarioEdit), or are refused when a scenario cannot hold them.

extension EditorState {
    /// The scenario shown, when it is one the journey has.
    public var shownScenario: Scenario? {
        guard let id = scenario else { return nil }
        return (scenarioBase ?? journey).scenarios.first { $0.id == id }
    }

    /// The name of the scenario shown, for the title bar and messages.
    public var scenarioName: String? { shownScenario?.name }

    /// The journey as the screen shows it: the scenario's view, or the journey as-is.
    public var shownJourney: Journey {
        if scenarioBase != nil { return journey }
        return shownScenario.map { $0.apply(to: journey) } ?? journey
    }

    /// This state with `journey` as the scenario shown makes it (itself when none is shown).
    public var showingScenario: EditorState {
        guard scenarioBase == nil, let sc = shownScenario else { return self }
        var s = self
        s.journey = sc.apply(to: journey)
        return s
    }

    /// What a scenario can hold, for refusals.
    static let scenarioHolds = "a cohort's model, layers, size and value; a stage's drop-off; unit costs; the team"

    /// The message for an edit a scenario cannot hold.
    static func scenarioHoldsOnly(_ s: EditorState) -> String {
        "Scenario '\(s.scenarioName ?? "")' holds only \(scenarioHolds): W then as-is edits the journey itself"
    }

    /// Why an editing action is refused while a scenario is shown; nil when the scenario can hold it.
    func scenarioRefusal(for action: Action) -> String? {
        // Only the panels' keys: forms and lists opened inside keep theirs.
        guard scenario != nil, overlays.isEmpty else { return nil }
        switch action {
        case .undo, .redo, .applyRecommendation, .properties, .newScenario, .deleteScenario, .editCosts: return nil
        case .assignModel where panel == .cohorts || panel == .forecast: return nil
        case .edit where panel == .cohorts || panel == .forecast: return nil
        case .edit where panel == .board && selectedTouchpoint == nil && selectedStage != nil: return nil
        default: return EditorState.scenarioHoldsOnly(self)
        }
    }
}

extension Binding {
    /// The same binding, refused while a scenario is shown when the scenario cannot hold its edit.
    var refusedInScenario: Binding {
        let action = self.action, reason = disabledReason
        return Binding(keys: keys, action: action, group: group, label: label, help: help, in: contexts) {
            $0.scenarioRefusal(for: action) ?? reason($0)
        }
    }
}
