import JourneyKit

/// The editor's rules: `update` turns an event into a new state and effects.
/// Nothing here touches the terminal or the disk.
public enum Editor {
    /// Applies one event to the state; returns what the driver must do.
    public static func update(_ s: inout EditorState, _ event: Event) -> [Effect] {
        let effects = apply(&s, event)
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
        return effects
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
            click(&s, x: x, y: y)
            return []
        case .wheel(let delta):
            guard s.overlays.isEmpty else { return [] }
            s.message = nil
            return perform(&s, delta < 0 ? .moveUp : .moveDown)
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
        if case .confirm(let c) = s.overlays.last, case .char(let ch) = key,
           let choice = c.choices.first(where: { $0.key == ch }) {
            s.overlays.removeLast()
            return answer(&s, c.purpose, choice.value)
        }
        if key == .ctrl("c") && !s.hasJourney { return [.quit] }
        if let b = KeyTable.binding(for: key, in: s) {
            // Below the minimum size nothing shows, so only quitting and redrawing work.
            if s.isTooSmall && b.action != .quit && b.action != .redraw { return [] }
            return perform(&s, b.action)
        }
        if s.isTooSmall { return [] }
        if KeyTable.refusesReadOnly(key, in: s) {
            s.message = Message(EditorState.readOnlyRefusal, isError: true)
            return []
        }
        if case .char(let c) = key {
            typed(&s, c)
        } else if key == .ctrl("c"), s.context == .form || s.context == .picker || s.context == .search || s.context == .confirm {
            // Ctrl-C in an overlay closes it, like Esc (a question gets its safe answer).
            return perform(&s, .cancel)
        }
        return []
    }

    /// Runs a bound action.
    static func perform(_ s: inout EditorState, _ action: Action) -> [Effect] {
        switch s.context {
        case .board, .cohorts: return strategyAction(&s, action) ?? panelAction(&s, action)
        case .models: return panelAction(&s, action)
        case .lint: return lintAction(&s, action)
        case .assessment: assessmentAction(&s, action); return action == .redraw ? [.redraw] : []
        case .form: return formAction(&s, action)
        case .picker: return pickerAction(&s, action)
        case .kpiList: kpiListAction(&s, action); return action == .redraw ? [.redraw] : []
        case .confirm:
            if action == .cancel, case .confirm(let c) = s.overlays.last {
                s.overlays.removeLast()
                return answer(&s, c.purpose, c.safe)
            }
            return action == .redraw ? [.redraw] : []
        case .search: return searchAction(&s, action)
        case .help: helpAction(&s, action); return action == .redraw ? [.redraw] : []
        }
    }

    /// A printable character with no binding: text for a field, a filter, a search.
    static func typed(_ s: inout EditorState, _ c: Character) {
        switch s.overlays.last {
        case .form(var f):
            let field = f.fields[f.focus]
            if field.isText, case .text(var t) = field.value {
                t.insert(String(c))
                f.fields[f.focus].value = .text(t)
                s.overlays[s.overlays.count - 1] = .form(f)
            } else if f.focusedOpensList {
                openList(&s, filter: String(c))
            }
        case .picker(var p):
            p.filter.append(c)
            p.highlight = 0
            p.scroll = 0
            s.overlays[s.overlays.count - 1] = .picker(p)
        case .search(var t):
            t.insert(String(c))
            s.overlays[s.overlays.count - 1] = .search(t)
        case nil:
            if s.hasJourney { s.message = Message("No key '\(TerminalText.escaped(String(c)))' here: press ? for the keys") }
        default:
            break
        }
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
            guard case .form(var f) = s.overlays.last, f.fields.indices.contains(i) else { return }
            f.fields[i].value = .text(TextInput(text))
            s.overlays[s.overlays.count - 1] = .form(f)
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
