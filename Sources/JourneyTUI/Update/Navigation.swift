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
        let count = stage.touchpoints.count
        let page = Layout(s).cardsPerColumn
        switch action {
        case .moveUp: s.selection.card = max(-1, s.selection.card - 1)
        case .moveDown: s.selection.card = min(count - 1, s.selection.card + 1)
        case .first: s.selection.card = count > 0 ? 0 : -1
        case .last: s.selection.card = count - 1
        case .pageUp: s.selection.card = max(count > 0 ? 0 : -1, s.selection.card - page)
        case .pageDown: s.selection.card = min(count - 1, s.selection.card + page)
        case .moveLeft, .moveRight:
            let to = s.selection.stage + (action == .moveLeft ? -1 : 1)
            guard s.journey.stages.indices.contains(to) else { return }
            s.selection.stage = to
            // From a card (or an empty stage) to the same visible row of the new column; headers stay headers.
            if !s.selection.isHeader || stage.touchpoints.isEmpty {
                let fromFirst = s.scroll.firstCard[stage.id] ?? 0
                let row = max(0, s.selection.card - fromFirst)
                let toFirst = s.scroll.firstCard[s.journey.stages[to].id] ?? 0
                s.selection.card = toFirst + row
            }
        default: break
        }
        clampSelection(&s)
        ensureVisible(&s)
    }

    /// Keeps the selection on an existing stage, card or cohort.
    static func clampSelection(_ s: inout EditorState) {
        let stages = s.journey.stages
        s.selection.stage = stages.isEmpty ? 0 : min(max(0, s.selection.stage), stages.count - 1)
        let cards = stages.isEmpty ? 0 : stages[s.selection.stage].touchpoints.count
        s.selection.card = min(max(-1, s.selection.card), cards - 1)
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
            var top = min(s.scroll.firstCard[stage.id] ?? 0, max(0, stage.touchpoints.count - layout.cardsPerColumn))
            let card = max(0, s.selection.card)
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
            if let tab = TitleBar.panelTabs(width: s.width).first(where: { $0.columns.contains(x) }) {
                s.panel = tab.panel
                ensureVisible(&s)
            }
            return false
        }
        let layout = Layout(s)
        if s.panel == .cohorts || s.panel == .models {
            let row = y - layout.content.y - 2
            let (scroll, count) = s.panel == .cohorts ? (s.cohortScroll, s.journey.cohorts.count) : (s.modelScroll, s.journey.models.count)
            guard layout.content.contains(x: x, y: y), row >= 0, scroll + row < count else { return false }
            if s.panel == .cohorts { s.cohort = scroll + row } else { s.model = scroll + row }
            return true
        }
        guard s.panel == .board, s.coverage == nil, layout.content.contains(x: x, y: y) else { return false }
        let slot = (x - layout.content.x) / layout.columnWidth
        let stageIndex = s.scroll.firstStage + slot
        guard slot < layout.visibleColumns, s.journey.stages.indices.contains(stageIndex) else { return false }
        let stage = s.journey.stages[stageIndex]
        let rowY = y - layout.content.y - layout.headerHeight
        if rowY < 0 {
            s.selection = Selection(stage: stageIndex, card: -1)
        } else {
            let card = (s.scroll.firstCard[stage.id] ?? 0) + rowY / Layout.cardHeight
            guard rowY % Layout.cardHeight < Layout.cardHeight - 1, rowY / Layout.cardHeight < layout.cardsPerColumn,
                  card < stage.touchpoints.count else { return false }
            s.selection = Selection(stage: stageIndex, card: card)
        }
        ensureVisible(&s)
        return true
    }
}
