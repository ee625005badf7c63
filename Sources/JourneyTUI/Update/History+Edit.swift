import JourneyKit

extension Editor {
    /// Changes the journey as one undoable edit.
    static func edit(_ s: inout EditorState, _ label: String, _ change: (inout Journey) -> Void) {
        // In a scenario the change goes into the scenario's overrides, or is refused (ScenarioActions).
        if s.scenarioBase != nil { return editInScenario(&s, label, change) }
        let before = Snapshot(change: .replace(s.journey), selection: s.selection, cohort: s.cohort, version: s.history.version, label: label)
        change(&s.journey)
        // Deleting a touchpoint, stage, model, KPI or cohort leaves no reference to it behind.
        s.journey.dropDanglingReferences()
        record(&s, before)
    }

    /// Applies a move (or another recorded change) as one undoable edit, in place.
    static func edit(_ s: inout EditorState, _ label: String, applying change: Change) {
        if s.scenarioBase != nil {
            s.scenarioRefusal = EditorState.scenarioHoldsOnly(s)
            return
        }
        let inverse = change.apply(to: &s.journey)
        record(&s, Snapshot(change: inverse, selection: s.selection, cohort: s.cohort, version: s.history.version, label: label))
    }

    static func record(_ s: inout EditorState, _ undo: Snapshot) {
        s.history.undo.append(undo)
        s.history.redo.removeAll()
        s.history.version = s.history.newVersion()
    }

    static func undo(_ s: inout EditorState) { travel(&s, from: \.undo, to: \.redo, done: "Undid", none: "Nothing to undo") }

    static func redo(_ s: inout EditorState) { travel(&s, from: \.redo, to: \.undo, done: "Redid", none: "Nothing to redo") }

    /// Takes the last step off one stack, goes to it, and puts the way back on the other.
    private static func travel(_ s: inout EditorState, from: WritableKeyPath<History, [Snapshot]>, to: WritableKeyPath<History, [Snapshot]>,
                               done: String, none: String) {
        guard let snap = s.history[keyPath: from].popLast() else {
            s.message = Message(none)
            return
        }
        let back = step(&s, snap)
        s.history[keyPath: to].append(back)
        s.message = Message("\(done): \(snap.label)")
    }

    /// Goes to the snapshot's version; returns the snapshot that comes back.
    private static func step(_ s: inout EditorState, _ snap: Snapshot) -> Snapshot {
        let back = Snapshot(change: applyToFile(&s, snap.change), selection: s.selection, cohort: s.cohort,
                            version: s.history.version, label: snap.label)
        s.selection = snap.selection
        s.cohort = snap.cohort
        s.history.version = snap.version
        clampSelection(&s)
        ensureVisible(&s)
        return back
    }
}
