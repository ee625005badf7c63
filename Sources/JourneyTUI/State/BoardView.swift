import JourneyKit

/// How the board is drawn: the cards (full or compact), or the swimlanes; with or
/// without the detail pane; what the cards' last line says.
public struct BoardView: Hashable, Sendable {
    /// What a card's third line shows.
    public enum CardLine: String, CaseIterable, Hashable, Sendable {
        case status, cohorts, owner
    }

    /// What the swimlanes are.
    public enum Lanes: String, CaseIterable, Hashable, Sendable {
        case cohort, model
    }

    /// One line per card.
    public var compact = false
    /// No detail pane: the board takes the whole width.
    public var hideDetail = false
    public var cardLine = CardLine.status
    /// The swimlane view (lanes × stages), when set.
    public var lanes: Lanes?

    public init() {}
}

extension Touchpoint {
    /// The lanes this card is drawn in: its cohorts (or "" for none), or its model ("" for none).
    func lanes(_ by: BoardView.Lanes) -> [String] {
        switch by {
        case .cohort: cohorts.isEmpty ? [""] : cohorts
        case .model: [model ?? ""]
        }
    }
}

extension EditorState {
    /// The swimlanes in order, with their names: every cohort (or model in use), then
    /// "(none)" when a card has none.
    public func lanes(_ by: BoardView.Lanes) -> [(id: String, name: String)] {
        if let lanes = boardIndex.lanes, boardIndex.key == boardIndexKey, boardIndex.key?.lanes == by { return lanes }
        return deriveLanes(by)
    }

    /// The cards of stage `si` in each swimlane (in `lanes(by)` order), through the lens.
    public func laneCards(_ si: Int, by: BoardView.Lanes) -> [[Int]] {
        if let cards = indexed(si)?.laneCards, boardIndex.key?.lanes == by { return cards }
        return deriveLaneCards(si, by, lanes: lanes(by))
    }

    /// The swimlanes worked out from the journey (a scan of every card).
    func deriveLanes(_ by: BoardView.Lanes) -> [(id: String, name: String)] {
        var out: [(String, String)]
        let none: Bool
        switch by {
        case .cohort:
            out = journey.cohorts.map { ($0.id, $0.name) }
            none = journey.stages.contains { $0.touchpoints.contains { $0.cohorts.isEmpty } }
        case .model:
            var used = Set<String>()
            for st in journey.stages { for ti in st.touchpoints.indices { used.insert(st.touchpoints[ti].model ?? "") } }
            let choices = Choices.modelChoices(journey, layers: true).map(\.id)
            let ids = choices.filter(used.contains) + used.filter { !$0.isEmpty && !choices.contains($0) }.sorted()
            out = ids.map { ($0, Choices.label($0, .model, in: journey)) }
            none = used.contains("")
        }
        if none { out.append(("", by == .cohort ? "(no cohort)" : "(no model)")) }
        return out
    }
}
