import JourneyKit

extension Editor {
    /// The cost assumptions, loop edge and framework keys, wherever they are bound; nil for
    /// other actions (the conflicts panel has its own, `conflictsAction`).
    static func gapAction(_ s: inout EditorState, _ action: Action) -> [Effect]? {
        guard s.overlays.isEmpty else { return nil }
        switch action {
        case .editCosts: openCosts(&s)
        case .editLoop: openLoops(&s)
        case .changeFramework: openFrameworkChange(&s)
        case .editSettings: s.overlays.append(.form(Forms.settings(s.journey)))
        default: return nil
        }
        return []
    }

    /// Enter in the costs list, the loop list or the framework list (the picker has closed).
    static func chosen(_ s: inout EditorState, _ p: Picker, _ id: String?) {
        guard let id else { return }
        switch p.target {
        case .costs: openCostForm(&s, p, id)
        case .editLoop:
            guard let loop = s.journey.loops.first(where: { $0.id == id }) else { return }
            s.overlays.append(.form(Forms.loopEdge(loop, in: s.journey)))
        case .changeFramework: chooseFramework(&s, id)
        default: break
        }
    }

    /// Enter in the currency, model cost, loop edge or framework name form.
    static func commitGapForm(_ s: inout EditorState, _ form: Form, _ values: FormValues) throws(FormProblem) {
        switch form.target {
        case .currency: try commitCurrency(&s, values)
        case .modelCosts(let model): try commitModelCosts(&s, model, values)
        case .loop(let id): try commitLoop(&s, id, values)
        case .frameworkName: try commitFrameworkName(&s, values)
        case .settings: try commitSettings(&s, values)
        default: break
        }
    }
}
