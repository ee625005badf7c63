import JourneyKit

extension Editor {
    /// Coverage and assessment keys on the board and the cohorts panel; nil when the action is not one of them.
    static func strategyAction(_ s: inout EditorState, _ action: Action) -> [Effect]? {
        switch action {
        case .toggleCoverage:
            switch s.coverage {
            case nil: s.coverage = .model
            case .model: s.coverage = s.journey.cohorts.isEmpty ? nil : .cohort
            case .cohort: s.coverage = nil
            }
            return []
        case .assess:
            s.overlays.append(.assessment(Assessment(previous: s.journey.maturity)))
            return []
        case .cancel where s.coverage != nil && s.panel == .board:
            s.coverage = nil
            return []
        case .cancel where s.lens != nil && s.panel == .board:
            s.lens = nil
            s.message = Message("Lens off: every card shows")
            ensureVisible(&s)
            return []
        case .lens:
            s.overlays.append(.picker(Choices.lensPicker(s)))
            return []
        case .lensDim:
            s.lens?.dim.toggle()
            clampSelection(&s)
            ensureVisible(&s)
            return []
        default:
            return nil
        }
    }

    /// Keys of the lint panel.
    static func lintAction(_ s: inout EditorState, _ action: Action) -> [Effect] {
        let page = max(1, Layout(s).content.height - 2)
        switch action {
        case .moveUp, .moveDown, .first, .last, .pageUp, .pageDown:
            s.lintRow = listRow(s.lintRow, action, count: s.lint.findings.count, page: page)
        case .jumpToFinding: jump(&s)
        case .assess: return strategyAction(&s, action) ?? []
        default: return panelAction(&s, action)
        }
        if s.lintRow < s.lintScroll { s.lintScroll = s.lintRow }
        if s.lintRow >= s.lintScroll + page { s.lintScroll = s.lintRow - page + 1 }
        return []
    }

    /// A list's selected row after a moving key, kept inside the list.
    static func listRow(_ row: Int, _ action: Action, count: Int, page: Int) -> Int {
        var r = row
        switch action {
        case .moveUp: r -= 1
        case .moveDown: r += 1
        case .first: r = 0
        case .last: r = count - 1
        case .pageUp: r -= page
        case .pageDown: r += page
        default: break
        }
        return max(0, min(r, count - 1))
    }

    /// Shows the item the selected finding is about: a card or stage on the board, or a cohort.
    static func jump(_ s: inout EditorState) {
        guard let f = s.selectedFinding else { return }
        if let si = f.stageIndex, s.journey.stages.indices.contains(si) {
            s.panel = .board
            s.coverage = nil
            s.selection = Selection(stage: si, card: f.touchpointIndex ?? -1)
            clampSelection(&s)
            ensureVisible(&s)
        } else if let ci = f.cohortIndex, s.journey.cohorts.indices.contains(ci) {
            s.panel = .cohorts
            s.cohort = ci
            ensureVisible(&s)
        } else {
            s.message = Message("\(f.rule) is about the whole journey: p edits its properties")
            return
        }
        s.message = Message("\(f.rule): \(f.message)")
    }
}
