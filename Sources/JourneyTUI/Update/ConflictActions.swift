import JourneyKit

/// The conflicts panel: resolving what a merge left, one conflict at a time, each undoable.
extension Editor {
    static func conflictsAction(_ s: inout EditorState, _ action: Action) -> [Effect] {
        let page = ConflictsPanel.visibleBlocks(Layout(s).content.height)
        switch action {
        case .moveUp, .moveDown, .first, .last, .pageUp, .pageDown:
            s.conflictRow = listRow(s.conflictRow, action, count: s.journey.conflicts.count, page: page)
        case .takeOurs: resolveConflict(&s, .ours)
        case .takeTheirs: resolveConflict(&s, .theirs)
        case .takeBase: resolveConflict(&s, .base)
        case .keepAsIs: resolveConflict(&s, nil)
        case .jumpToConflict: jumpToConflict(&s)
        default: return panelAction(&s, action)
        }
        clampConflictRow(&s, page: page)
        return []
    }

    static func clampConflictRow(_ s: inout EditorState, page: Int) {
        s.conflictRow = max(0, min(s.conflictRow, s.journey.conflicts.count - 1))
        if s.conflictRow < s.conflictScroll { s.conflictScroll = s.conflictRow }
        if s.conflictRow >= s.conflictScroll + page { s.conflictScroll = s.conflictRow - page + 1 }
        s.conflictScroll = max(0, min(s.conflictScroll, s.journey.conflicts.count - 1))
    }

    /// Takes a side's value at the selected conflict's path (nil: keeps the journey as it is)
    /// and removes the entry, as one edit.
    static func resolveConflict(_ s: inout EditorState, _ side: ConflictSide?) {
        guard let c = s.selectedConflict else { return }
        let resolved: Journey
        do {
            resolved = try s.journey.resolvingConflict(c.id, taking: side)
        } catch {
            s.message = Message(error.message, isError: true)
            return
        }
        let how = side.map { "took \($0 == .base ? "base" : ConflictsPanel.sideName(c.label($0), $0))" } ?? "kept the journey as it is"
        edit(&s, "resolve the conflict at \(c.path)") { $0 = resolved }
        let left = s.journey.conflicts.count
        let value = side.map { " (\(TextWrap.truncate(UnresolvedConflict.show(c.value($0)), width: 40, ellipsis: "...")))" } ?? ""
        s.message = Message("Resolved \(c.path): \(how)\(value); "
                            + (left == 0 ? "no conflicts left, s saves" : "\(DetailPane.plural(left, "conflict")) left") + " (u undoes)")
    }

    /// A click on a conflict's lines selects it.
    static func clickConflict(_ s: inout EditorState, y: Int, _ layout: Layout) -> Bool {
        let row = y - layout.content.y - 2
        guard row >= 0, row < layout.content.height - 2 else { return false }
        let i = s.conflictScroll + row / ConflictsPanel.blockHeight
        guard s.journey.conflicts.indices.contains(i) else { return false }
        s.conflictRow = i
        return true
    }

    /// Enter: the item the conflict is about, on the board or in its panel.
    static func jumpToConflict(_ s: inout EditorState) {
        guard let c = s.selectedConflict else { return }
        let parts = c.jsonPath?.components ?? []
        func index(_ k: Int) -> Int? { if parts.count > k, case .index(let i) = parts[k] { i } else { nil } }
        let then = "; edit it, then Tab back to Conflicts and x keeps it"
        switch parts.first {
        case .key("stages")? where index(1).map(s.journey.stages.indices.contains) ?? false:
            let si = index(1)!
            var card = -1
            if parts.count > 3, parts[2] == .key("touchpoints"), let ti = index(3), s.journey.stages[si].touchpoints.indices.contains(ti) { card = ti }
            s.panel = .board
            s.coverage = nil
            s.lens = nil
            s.selection = Selection(stage: si, card: card)
        case .key("cohorts")? where index(1).map(s.journey.cohorts.indices.contains) ?? false:
            s.panel = .cohorts
            s.cohort = index(1)!
        case .key("models")? where index(1).map(s.journey.models.indices.contains) ?? false:
            s.panel = .models
            s.model = index(1)!
        case .key("loops")? where index(1).map(s.journey.loops.indices.contains) ?? false:
            let loop = s.journey.loops[index(1)!]
            s.panel = .board
            s.coverage = nil
            s.selection = Selection(stage: s.journey.stages.firstIndex { $0.id == loop.from } ?? 0, card: -1)
            clampSelection(&s)
            ensureVisible(&s)
            s.message = Message("\(c.path): the loop edge \(loopName(loop, in: s.journey)) (E edits it)\(then)")
            return
        case .key("costs")?:
            openCosts(&s)
            s.message = Message("\(c.path): the cost assumptions\(then)")
            return
        default:
            s.message = Message("\(c.path) is about the journey itself: p edits its properties\(then)")
            return
        }
        clampSelection(&s)
        ensureVisible(&s)
        s.message = Message("\(c.path): \(c.message)\(then)")
    }
}
