import JourneyKit

extension Editor {
    static func moveSelection(_ s: inout EditorState, _ action: Action) {
        if s.panel == .cohorts || s.panel == .models {
            let count = s.panel == .cohorts ? s.journey.cohorts.count : s.journey.models.count
            let page = Layout(s).cohortRows
            let row = listRow(s.panel == .cohorts ? s.cohort : s.model, action, count: count, page: page)
            if s.panel == .cohorts { s.cohort = row } else { s.model = row }
            clampSelection(&s)
            ensureVisible(&s)
            return
        }
        guard let stage = s.selectedStage else { return }
        // Positions among the cards the board shows (a lens may hide some).
        let shown = s.shownCards(s.selection.stage)
        let count = shown.count
        let pos = shown.firstIndex(of: s.selection.card) ?? -1
        let page = Layout(s).cardsPerColumn
        var to = pos
        switch action {
        case .moveUp: to = max(-1, pos - 1)
        case .moveDown: to = min(count - 1, pos + 1)
        case .first: to = count > 0 ? 0 : -1
        case .last: to = count - 1
        case .pageUp: to = max(count > 0 ? 0 : -1, pos - page)
        case .pageDown: to = min(count - 1, pos + page)
        case .moveLeft, .moveRight:
            let next = s.selection.stage + (action == .moveLeft ? -1 : 1)
            guard s.journey.stages.indices.contains(next) else { return }
            s.selection.stage = next
            let nextShown = s.shownCards(next)
            // From a card (or an empty stage) to the same visible row of the new column; headers stay headers.
            if !s.selection.isHeader || stage.touchpoints.isEmpty {
                let row = max(0, pos - (s.scroll.firstCard[stage.id] ?? 0))
                let p = min((s.scroll.firstCard[s.journey.stages[next].id] ?? 0) + row, nextShown.count - 1)
                s.selection.card = p >= 0 ? nextShown[p] : -1
            }
            clampSelection(&s)
            ensureVisible(&s)
            return
        default: break
        }
        s.selection.card = to >= 0 ? shown[to] : -1
        clampSelection(&s)
        ensureVisible(&s)
    }

    /// Keeps the selection on an existing stage, card or cohort; under a lens, on a card it shows.
    static func clampSelection(_ s: inout EditorState) {
        let stages = s.journey.stages
        s.selection.stage = stages.isEmpty ? 0 : min(max(0, s.selection.stage), stages.count - 1)
        let cards = stages.isEmpty ? 0 : stages[s.selection.stage].touchpoints.count
        s.selection.card = min(max(-1, s.selection.card), cards - 1)
        if s.lens != nil, s.selection.card >= 0 {
            let shown = s.shownCards(s.selection.stage)
            if !shown.contains(s.selection.card) {
                s.selection.card = shown.first { $0 > s.selection.card } ?? shown.last ?? -1
            }
        }
        s.cohort = min(max(0, s.cohort), max(0, s.journey.cohorts.count - 1))
        s.model = min(max(0, s.model), max(0, s.journey.models.count - 1))
    }

    /// Scrolls so the selected stage, card and cohort are on screen.
    static func ensureVisible(_ s: inout EditorState) {
        let layout = Layout(s)
        let stageCount = s.journey.stages.count
        var first = s.scroll.firstStage
        if s.selection.stage < first { first = s.selection.stage }
        if s.selection.stage >= first + layout.visibleColumns { first = s.selection.stage - layout.visibleColumns + 1 }
        first = max(0, min(first, stageCount - layout.visibleColumns))
        s.scroll.firstStage = first
        if let stage = s.selectedStage {
            let shown = s.shownCards(s.selection.stage)
            var top = min(s.scroll.firstCard[stage.id] ?? 0, max(0, shown.count - layout.cardsPerColumn))
            let card = max(0, shown.firstIndex(of: s.selection.card) ?? 0)
            if card < top { top = card }
            if card >= top + layout.cardsPerColumn { top = card - layout.cardsPerColumn + 1 }
            s.scroll.firstCard[stage.id] = top == 0 ? nil : top
        }
        let rows = layout.cohortRows
        if s.cohort < s.cohortScroll { s.cohortScroll = s.cohort }
        if s.cohort >= s.cohortScroll + rows { s.cohortScroll = s.cohort - rows + 1 }
        if s.model < s.modelScroll { s.modelScroll = s.model }
        if s.model >= s.modelScroll + rows { s.modelScroll = s.model - rows + 1 }
    }

    /// Selects the card (or header, or cohort) under a click.
    /// A click: a panel name in the title bar switches to it; a card, stage header or row
    /// is selected. Returns true when it selected an item.
    @discardableResult
    static func click(_ s: inout EditorState, x: Int, y: Int) -> Bool {
        guard s.overlays.isEmpty, s.hasJourney, !s.isTooSmall else { return false }
        if y == 0 {
            if let tab = TitleBar.panelTabs(width: s.width, Panel.cycle(s)).first(where: { $0.columns.contains(x) }) {
                s.panel = tab.panel
                ensureVisible(&s)
            }
            return false
        }
        let layout = Layout(s)
        if s.panel == .conflicts { return clickConflict(&s, y: y, layout) }
        if s.panel == .forecast {
            guard layout.content.contains(x: x, y: y), let i = ForecastPanel.cohort(at: y, s, layout.content) else { return false }
            s.cohort = i
            return true
        }
        if s.panel == .cohorts || s.panel == .models {
            let row = y - layout.content.y - 2
            let (scroll, count) = s.panel == .cohorts ? (s.cohortScroll, s.journey.cohorts.count) : (s.modelScroll, s.journey.models.count)
            guard layout.content.contains(x: x, y: y), row >= 0, scroll + row < count else { return false }
            if s.panel == .cohorts { s.cohort = scroll + row } else { s.model = scroll + row }
            return true
        }
        guard s.panel == .board, s.coverage == nil, s.view.lanes == nil, layout.content.contains(x: x, y: y) else { return false }
        let slot = (x - layout.content.x) / layout.columnWidth
        let stageIndex = s.scroll.firstStage + slot
        guard slot < layout.visibleColumns, s.journey.stages.indices.contains(stageIndex) else { return false }
        let stage = s.journey.stages[stageIndex]
        let rowY = y - layout.content.y - layout.headerHeight
        if rowY < 0 {
            s.selection = Selection(stage: stageIndex, card: -1)
        } else {
            let shown = s.shownCards(stageIndex)
            let pos = (s.scroll.firstCard[stage.id] ?? 0) + rowY / layout.cardStep
            guard rowY % layout.cardStep < layout.cardLines, rowY / layout.cardStep < layout.cardsPerColumn,
                  pos < shown.count else { return false }
            s.selection = Selection(stage: stageIndex, card: shown[pos])
        }
        ensureVisible(&s)
        return true
    }
}
