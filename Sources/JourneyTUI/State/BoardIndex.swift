import JourneyKit

/// What the board shows of the stages on screen through the lens and in the swimlanes,
/// derived from the journey once and kept in the state, so a key that only moves the
/// selection does not scan the stages' cards again.
///
/// It is a plain value that belongs to one `Key`: the journey's revision (which every
/// change of `EditorState.journey` moves on), the lens, the lint run (for a lens on lint
/// severity) and the swimlanes. `Editor.update` refreshes it after each event for the
/// stages on screen; the accessors (`shownCards`, `matchingCount`, `isDimmed`, `lanes`,
/// `laneCards`) use it only while its key is the state's, and otherwise work the answer
/// out from the journey, so a stale index can never show.
public struct BoardIndex: Sendable {
    struct Key: Equatable, Sendable {
        var revision: Int
        var lens: Lens?
        /// The lint run the marks come from, when the lens looks at lint severity (else 0).
        var lint: Int
        var lanes: BoardView.Lanes?
    }

    /// The cards of one stage through the lens, and in each swimlane.
    struct Stage: Sendable {
        /// The indices of the cards that match the lens, in order; nil without a lens.
        var matching: [Int]?
        /// Per swimlane (in `lanes` order): the indices of the cards shown in it; nil
        /// outside the swimlanes.
        var laneCards: [[Int]]?
    }

    var key: Key?
    /// By stage index; nil where not derived yet.
    var stages: [Stage?] = []
    /// The swimlanes (the view's axis), when derived.
    var lanes: [(id: String, name: String)]?

    public init() {}
}

extension EditorState {
    var boardIndexKey: BoardIndex.Key {
        BoardIndex.Key(revision: journeyRevision, lens: lens, lint: lens?.facet == .lint ? lintRevision : 0,
                       lanes: panel == .board && coverage == nil ? view.lanes : nil)
    }

    /// The index entry of stage `si`, when the index is the state's.
    func indexed(_ si: Int) -> BoardIndex.Stage? {
        guard boardIndex.key == boardIndexKey, boardIndex.stages.indices.contains(si) else { return nil }
        return boardIndex.stages[si]
    }

    /// Derives what the stages on screen (and the selected one) show, when the index
    /// belongs to an older journey, lens, lint run or view. Cheap when nothing changed.
    mutating func refreshBoardIndex() {
        let key = boardIndexKey
        guard hasJourney, panel == .board, key.lens != nil || key.lanes != nil else {
            // Nothing to derive: drop what an older key held.
            if boardIndex.key != nil { boardIndex = BoardIndex() }
            return
        }
        if boardIndex.key != key {
            boardIndex = BoardIndex()
            boardIndex.key = key
            boardIndex.stages = Array(repeating: nil, count: journey.stages.count)
        }
        if let axis = key.lanes, boardIndex.lanes == nil { boardIndex.lanes = deriveLanes(axis) }
        let layout = Layout(self)
        let first = scroll.firstStage
        let onScreen = first..<min(journey.stages.count, first + layout.visibleColumns)
        for si in Array(onScreen) + [selection.stage] where journey.stages.indices.contains(si) && boardIndex.stages[si] == nil {
            boardIndex.stages[si] = deriveStage(si, key: key)
        }
    }

    func deriveStage(_ si: Int, key: BoardIndex.Key) -> BoardIndex.Stage {
        var entry = BoardIndex.Stage()
        if let lens = key.lens { entry.matching = matchingCards(si, lens) }
        if let axis = key.lanes {
            let lanes = boardIndex.key == key ? boardIndex.lanes ?? deriveLanes(axis) : deriveLanes(axis)
            entry.laneCards = deriveLaneCards(si, axis, lanes: lanes, shown: entry.matching.flatMap { key.lens?.dim == true ? nil : $0 })
        }
        return entry
    }

    /// The indices of the cards of stage `si` that match the lens (a scan of the stage).
    func matchingCards(_ si: Int, _ lens: Lens) -> [Int] {
        let cards = journey.stages[si].touchpoints
        let marks = lintMarks[si]
        var out: [Int] = []
        // Each facet reads only its field of the card, so no card is copied.
        switch lens.facet {
        case .cohort: for ti in cards.indices where cards[ti].cohorts.contains(lens.value) { out.append(ti) }
        case .model: for ti in cards.indices where cards[ti].model == lens.value || cards[ti].layers.contains(lens.value) { out.append(ti) }
        case .owner: for ti in cards.indices where cards[ti].owner == lens.value { out.append(ti) }
        case .status: for ti in cards.indices where (cards[ti].status?.rawValue ?? "") == lens.value { out.append(ti) }
        case .channel: for ti in cards.indices where (cards[ti].channel ?? "") == lens.value { out.append(ti) }
        case .lint:
            guard let worst = Severity(rawValue: lens.value), let marks else { return [] }
            for ti in cards.indices where marks[ti].map({ $0 <= worst }) ?? false { out.append(ti) }
        }
        return out
    }

    /// Per swimlane, the cards of stage `si` shown in it (through the lens): a card of two
    /// cohorts is in both lanes; one in no known lane is in none.
    /// `shown`: the cards the lens shows, when known.
    func deriveLaneCards(_ si: Int, _ axis: BoardView.Lanes, lanes: [(id: String, name: String)], shown: [Int]? = nil) -> [[Int]] {
        var laneIndex: [String: Int] = [:]
        for (i, lane) in lanes.enumerated() where laneIndex[lane.id] == nil { laneIndex[lane.id] = i }
        var out = Array(repeating: [Int](), count: lanes.count)
        let cards = journey.stages[si].touchpoints
        for ti in shown ?? shownCards(si) {
            for id in cards[ti].lanes(axis) {
                if let li = laneIndex[id] { out[li].append(ti) }
            }
        }
        return out
    }
}
