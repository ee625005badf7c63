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
        var used = Set<String>()
        for st in journey.stages { for t in st.touchpoints { used.formUnion(t.lanes(by)) } }
        var out: [(String, String)]
        switch by {
        case .cohort:
            out = journey.cohorts.map { ($0.id, $0.name) }
        case .model:
            let ids = Choices.modelChoices(journey, layers: true).map(\.id).filter(used.contains)
                + used.filter { id in !id.isEmpty && !Choices.modelChoices(journey, layers: true).contains { $0.id == id } }.sorted()
            out = ids.map { ($0, Choices.label($0, .model, in: journey)) }
        }
        if used.contains("") { out.append(("", by == .cohort ? "(no cohort)" : "(no model)")) }
        return out
    }
}
