import JourneyKit

extension Editor {
    /// Coverage and assessment keys on the board and the cohorts panel; nil when the action is not one of them.
    static func strategyAction(_ s: inout EditorState, _ action: Action) -> [Effect]? {
        switch action {
        case .moveUp, .moveDown, .moveLeft, .moveRight, .first, .last:
            // In the coverage grid the arrows pick a cell; on the cards they move the selection.
            guard s.coverage != nil && s.panel == .board else { return nil }
            moveCoverageCell(&s, action)
            return []
        case .drillDown:
            drillDown(&s)
            return []
        case .applyRecommendation:
            applyRecommendation(&s)
            return []
        case .swimlanes:
            s.coverage = nil
            switch s.view.lanes {
            case nil: s.view.lanes = .cohort
            case .cohort: s.view.lanes = .model
            case .model: s.view.lanes = nil
            }
            s.message = Message(s.view.lanes.map { "Swimlanes: \($0 == .cohort ? "cohorts" : "models") by stages (w: \($0 == .cohort ? "models" : "the cards"))" }
                                ?? "The cards again")
            ensureVisible(&s)
            return []
        case .compact:
            s.view.compact.toggle()
            ensureVisible(&s)
            return []
        case .toggleDetail:
            s.view.hideDetail.toggle()
            ensureVisible(&s)
            return []
        case .cardLine:
            let all = BoardView.CardLine.allCases
            s.view.cardLine = all[(all.firstIndex(of: s.view.cardLine)! + 1) % all.count]
            s.message = Message("Cards show their \(s.view.cardLine == .status ? "status and evidence" : s.view.cardLine.rawValue) on the last line")
            return []
        case .toggleCoverage:
            s.view.lanes = nil
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
        case .cancel where s.view.lanes != nil && s.panel == .board && s.marked.isEmpty && s.lens == nil:
            s.view.lanes = nil
            s.message = Message("The cards again")
            return []
        case .cancel where !s.marked.isEmpty && s.panel == .board:
            s.marked = []
            s.markAnchor = nil
            s.message = Message("Unmarked every card")
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

    /// The coverage grid as drawn (a custom model named by its badge).
    static func coverageGrid(_ s: EditorState, _ axis: Coverage.Axis) -> Coverage {
        var grid = Coverage(s.journey, by: axis)
        for i in grid.columns.indices where axis == .model && EngagementModel.named(grid.columns[i].id) == nil {
            grid.columns[i].short = Choices.badge(grid.columns[i].id, in: s.journey)
        }
        return grid
    }

    /// Arrows in the coverage grid: the highlighted cell; the message line names it.
    static func moveCoverageCell(_ s: inout EditorState, _ action: Action) {
        guard let axis = s.coverage else { return }
        let grid = coverageGrid(s, axis)
        guard !grid.rows.isEmpty, !grid.columns.isEmpty else { return }
        var c = s.coverageCell
        switch action {
        case .moveUp: c.y -= 1
        case .moveDown: c.y += 1
        case .moveLeft: c.x -= 1
        case .moveRight: c.x += 1
        case .first: c.y = 0
        case .last: c.y = grid.rows.count - 1
        default: break
        }
        c.x = max(0, min(c.x, grid.columns.count - 1))
        c.y = max(0, min(c.y, grid.rows.count - 1))
        s.coverageCell = c
        let n = grid.counts[c.y][c.x]
        s.message = Message("\(grid.rows[c.y].name) × \(grid.columns[c.x].name): \(DetailPane.plural(n, "touchpoint"))" + (n > 0 ? " (Enter shows them)" : ""))
    }

    /// Enter in the coverage grid: the cards again, through a lens on the cell's model or
    /// cohort, with the cell's stage selected.
    static func drillDown(_ s: inout EditorState) {
        guard let axis = s.coverage else { return }
        let grid = coverageGrid(s, axis)
        guard grid.rows.indices.contains(s.coverageCell.y), grid.columns.indices.contains(s.coverageCell.x) else { return }
        let column = grid.columns[s.coverageCell.x]
        let si = s.coverageCell.y
        s.coverage = nil
        s.lens = Lens(axis == .model ? .model : .cohort, column.id)
        s.selection = Selection(stage: si, card: s.shownCards(si).first ?? -1)
        clampSelection(&s)
        ensureVisible(&s)
        s.message = Message("\(grid.rows[si].name) × \(column.name): \(DetailPane.plural(s.matchingCount(si), "touchpoint")) here, "
                            + "\(s.journey.stages.indices.reduce(0) { $0 + s.matchingCount($1) }) in all (Esc clears the lens)")
    }

    /// R in the cohorts panel: the recommended model and layers, as one edit; the message
    /// gives the yearly cost to serve before and after (when the cohort's size is known).
    static func applyRecommendation(_ s: inout EditorState) {
        guard let c = s.selectedCohort, let ci = s.journey.cohorts.firstIndex(of: c) else { return }
        let r = Recommender.recommend(c, in: s.journey)
        let badge = Choices.badge(r, in: s.journey)
        if c.model == r.model && c.layers == r.layers {
            s.message = Message("'\(c.name)' already has the recommended \(badge)")
            return
        }
        let costs = CostModel(s.journey)
        let before = c.model.flatMap { costs.cost(of: c, model: $0, layers: c.layers) }
        let after = costs.cost(of: c, model: r.model, layers: r.layers)
        edit(&s, "apply the recommended model to '\(c.name)'") { j in
            j.cohorts[ci].model = r.model
            j.cohorts[ci].layers = r.layers
        }
        let cost: String
        switch (before, after) {
        case let (b?, a?): cost = "; cost to serve \(costs.money(b)) → \(costs.money(a)) a year"
        case let (nil, a?): cost = "; cost to serve \(costs.money(a)) a year"
        default: cost = ""
        }
        s.message = Message("'\(c.name)' now \(badge)\(cost) (u undoes)")
    }

    /// Keys of the lint panel.
    static func lintAction(_ s: inout EditorState, _ action: Action) -> [Effect] {
        let page = max(1, Layout(s).content.height - 2)
        switch action {
        case .moveUp, .moveDown, .first, .last, .pageUp, .pageDown:
            s.lintRow = listRow(s.lintRow, action, count: s.lint.findings.count, page: page)
        case .jumpToFinding: jump(&s)
        case .suppressFinding:
            guard let f = s.selectedFinding else { break }
            s.overlays.append(.form(Form("Suppress \(f.rule) (\(LintPanel.place(f, s.journey)))", [
                Forms.text(.reason, "Reason", ""),
            ], target: .suppress(rule: f.rule, stage: f.stageIndex, touchpoint: f.touchpointIndex, cohort: f.cohortIndex))))
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
