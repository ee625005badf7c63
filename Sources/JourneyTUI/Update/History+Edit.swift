import JourneyKit

extension Editor {
    /// Changes the journey as one undoable edit.
    static func edit(_ s: inout EditorState, _ label: String, _ change: (inout Journey) -> Void) {
        let before = Snapshot(journey: s.journey, selection: s.selection, cohort: s.cohort, version: s.history.version, label: label)
        change(&s.journey)
        s.history.undo.append(before)
        s.history.redo.removeAll()
        s.history.version = s.history.newVersion()
    }

    static func undo(_ s: inout EditorState) {
        guard let snap = s.history.undo.popLast() else {
            s.message = Message("Nothing to undo")
            return
        }
        s.history.redo.append(Snapshot(journey: s.journey, selection: s.selection, cohort: s.cohort, version: s.history.version, label: snap.label))
        restore(&s, snap)
        s.message = Message("Undid: \(snap.label)")
    }

    static func redo(_ s: inout EditorState) {
        guard let snap = s.history.redo.popLast() else {
            s.message = Message("Nothing to redo")
            return
        }
        s.history.undo.append(Snapshot(journey: s.journey, selection: s.selection, cohort: s.cohort, version: s.history.version, label: snap.label))
        restore(&s, snap)
        s.message = Message("Redid: \(snap.label)")
    }

    private static func restore(_ s: inout EditorState, _ snap: Snapshot) {
        s.journey = snap.journey
        s.selection = snap.selection
        s.cohort = snap.cohort
        s.history.version = snap.version
        clampSelection(&s)
        ensureVisible(&s)
    }
}
