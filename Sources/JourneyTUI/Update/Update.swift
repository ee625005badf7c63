import JourneyKit

/// The editor's rules: `update` turns an event into a new state and effects.
/// Nothing here touches the terminal or the disk.
public enum Editor {
    /// Applies one event to the state; returns what the driver must do.
    public static func update(_ s: inout EditorState, _ event: Event) -> [Effect] {
        let effects = applyShown(&s, event)
        if (s.panel == .cohorts || s.panel == .models) && s.cohortUsageVersion != s.history.version {
            var cohorts: [String: Int] = [:], models: [String: Int] = [:]
            for stage in s.journey.stages {
                for t in stage.touchpoints {
                    for c in t.cohorts { cohorts[c, default: 0] += 1 }
                    for m in Set(t.layers + (t.model.map { [$0] } ?? [])) { models[m, default: 0] += 1 }
                }
            }
            for c in s.journey.cohorts {
                for m in Set(c.layers + (c.model.map { [$0] } ?? [])) { models[m, default: 0] += 1 }
            }
            s.cohortUsage = cohorts
            s.modelUsage = models
            s.cohortUsageVersion = s.history.version
        }
        if event == .idle { s.refreshLint() } else { s.refreshLintIfCheap() }
        s.refreshForecast(idle: event == .idle)
        s.refreshBoardIndex()
        return effects
    }

    /// The driver's idle tick: the day moves on to `today` (so the review-age rule judges
    /// against the real date in a session that runs past midnight), then `Event.idle`.
    public static func tick(_ s: inout EditorState, today: String) -> [Effect] {
        if s.today != today { s.today = today }
        return update(&s, .idle)
    }

    static func apply(_ s: inout EditorState, _ event: Event) -> [Effect] {
        switch event {
        case .key(let key):
            // A message lasts until the next key or click that does not set one.
            s.message = nil
            return handleKey(&s, key)
        case .resize(let w, let h):
            s.width = w
            s.height = h
            ensureVisible(&s)
            return []
        case .click(let x, let y):
            s.message = nil
            _ = click(&s, x: x, y: y)
            return []
        case .doubleClick(let x, let y):
            s.message = nil
            // Selects what is under the pointer, then edits it.
            guard click(&s, x: x, y: y), s.context == .board || s.context == .cohorts || s.context == .models || s.context == .forecast,
                  KeyTable.binding(for: .char("e"), in: s)?.action == .edit else { return [] }
            return perform(&s, .edit)
        case .wheel(let delta):
            s.message = nil
            // The wheel scrolls the list under it: the overlay's, or the panel's.
            let up = delta < 0
            switch s.context {
            case .picker, .kpiList, .itemList, .assessment: return perform(&s, up ? .pickerUp : .pickerDown)
            case .help: return perform(&s, up ? .scrollUp : .scrollDown)
            case .board, .cohorts, .lint, .models, .forecast, .conflicts: return perform(&s, up ? .moveUp : .moveDown)
            case .form, .confirm, .search: return []
            }
        case .interrupt:
            guard s.overlays.isEmpty || s.context == .form || s.context == .picker else { return [] }
            if !s.hasJourney { return [.quit] }
            s.overlays.removeAll()
            return perform(&s, .quit)
        case .terminate:
            return [.quit]
        case .saved(let path, let error):
            return saved(&s, path: path, error: error)
        case .externalEditFinished(let text, let error):
            externalEditFinished(&s, text: text, error: error)
            return []
        case .saveConflict, .loaded, .notice:
            return safety(&s, event)
        case .idle:
            return []
        }
    }

    static func handleKey(_ s: inout EditorState, _ key: Key) -> [Effect] {
        if let effects = answer(&s, key: key) { return effects }
        if let b = KeyTable.binding(for: key, in: s) {
            // Below the minimum size nothing shows, so only quitting and redrawing work.
            if s.isTooSmall && b.action != .quit && b.action != .redraw { return [] }
            return perform(&s, b.action)
        }
        if s.isTooSmall { return [] }
        if let reason = KeyTable.disabledReason(for: key, in: s) {
            // A key that does nothing here says why (lazygit's "disabled because …").
            s.message = Message(reason, isError: reason == EditorState.readOnlyRefusal)
            return []
        }
        if case .char(let c) = key { return typed(&s, c) }
        return []
    }

    /// Runs a bound action.
    static func perform(_ s: inout EditorState, _ action: Action) -> [Effect] {
        if let effects = gapAction(&s, action) { return effects }
        if let effects = scenarioAction(&s, action) { return effects }
        switch s.context {
        case .forecast: return forecastAction(&s, action)
        case .board, .cohorts: return fieldAction(&s, action) ?? strategyAction(&s, action) ?? panelAction(&s, action)
        case .models: return panelAction(&s, action)
        case .lint: return lintAction(&s, action)
        case .conflicts: return conflictsAction(&s, action)
        case .assessment, .form, .picker, .kpiList, .itemList, .confirm, .search, .help: return overlayAction(&s, action)
        }
    }

    /// A printable character with no binding: text for a field, a filter, a search.
    static func typed(_ s: inout EditorState, _ c: Character) -> [Effect] {
        switch s.top {
        case .form?:
            let outcome = s.top?.form?.type(c) ?? .none
            return apply(&s, outcome)
        case .picker?: s.top?.picker?.type(c)
        case .search?: s.top?.search?.type(c)
        case nil:
            if s.hasJourney { s.message = Message("No key '\(TerminalText.escaped(String(c)))' here: press ? for the keys") }
        default: break
        }
        return []
    }

    static func saved(_ s: inout EditorState, path: String, error: String?) -> [Effect] {
        if let error {
            s.quitAfterSave = false
            s.message = Message("Not saved: \(error)", isError: true)
            return []
        }
        s.path = path
        s.readOnly = false
        s.savedVersion = s.history.version
        s.message = Message("Saved \(path)")
        if s.quitAfterSave { return [.quit] }
        return []
    }

    static func externalEditFinished(_ s: inout EditorState, text: String?, error: String?) {
        defer { s.pendingExternal = nil }
        if let error {
            s.message = Message(error, isError: true)
            return
        }
        guard let text, let target = s.pendingExternal else { return }
        switch target {
        case .formField(let i):
            guard s.top?.form?.fields.indices.contains(i) == true else { return }
            s.top?.form?.fields[i].value = .text(TextInput(text))
        case .touchpointNotes(let id):
            guard let (si, ti) = s.journey.locate(touchpoint: id) else { return }
            if s.journey.stages[si].touchpoints[ti].notes == text { return }
            edit(&s, "edit the notes of '\(s.journey.stages[si].touchpoints[ti].name)'") { $0.stages[si].touchpoints[ti].notes = text }
            s.message = Message("Notes updated")
        }
    }
}

extension Journey {
    /// The stage and index of the touchpoint with this id (a scan; used on edits, not per key).
    public func locate(touchpoint id: String) -> (Int, Int)? {
        for (si, stage) in stages.enumerated() {
            if let ti = stage.touchpoints.firstIndex(where: { $0.id == id }) { return (si, ti) }
        }
        return nil
    }
}
