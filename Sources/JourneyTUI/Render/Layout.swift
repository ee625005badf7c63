/// A rectangle of the screen.
public struct Rect: Hashable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < x + width && py >= y && py < y + height }
}

/// Where the parts of the main screen go for a terminal size: shared by render
/// (to draw) and update (to scroll and to find what a click hit).
public struct Layout: Hashable, Sendable {
    public static let minColumnWidth = 20
    public static let minCompactColumnWidth = 16
    /// Rows per card: three lines and a gap.
    public static let cardHeight = 4

    public let width: Int
    public let height: Int
    /// The panel area between the title bar and the message line.
    public let main: Rect
    /// The board or cohorts list (main, less the detail pane and the board's scroll gutters).
    public let content: Rect
    /// The detail pane; empty when the terminal is too small for one.
    public let detail: Rect
    /// True when the detail pane is beside the board (wide terminals), false when below it.
    public let detailBeside: Bool
    public let stageCount: Int
    public let visibleColumns: Int
    public let columnWidth: Int
    /// Header rows above the cards: name, level and drop-off, KPIs, loops (when the journey has any), a rule.
    public let headerHeight: Int
    public let cardsPerColumn: Int
    /// Rows from one card to the next, and the lines a card is drawn in: 4 and 3, or 1 and 1 compact.
    public let cardStep: Int
    public let cardLines: Int

    /// `detail`: false hides the detail pane; `compact` draws one line per card.
    public init(width: Int, height: Int, stageCount: Int, hasLoops: Bool, detail showDetail: Bool = true, compact: Bool = false) {
        self.width = width
        self.height = height
        self.stageCount = stageCount
        cardStep = compact ? 1 : Layout.cardHeight
        cardLines = compact ? 1 : Layout.cardHeight - 1
        main = Rect(x: 0, y: 1, width: width, height: height - 3)
        var board = main
        var detail = Rect(x: 0, y: 0, width: 0, height: 0)
        if !showDetail {
            detailBeside = false
        } else if width >= 120 {
            let w = min(44, max(34, width / 4))
            detail = Rect(x: width - w, y: main.y, width: w, height: main.height)
            board.width -= w
            detailBeside = true
        } else if main.height >= 19 {
            let h = main.height >= 24 ? 9 : 7
            detail = Rect(x: 0, y: main.y + main.height - h, width: width, height: h)
            board.height -= h
            detailBeside = false
        } else {
            detailBeside = false
        }
        var content = Rect(x: board.x + 1, y: board.y, width: board.width - 2, height: board.height)
        // Compact cards need less room: six stages fit in 120 columns without the detail pane.
        visibleColumns = max(1, min(max(1, stageCount), content.width / (compact ? Layout.minCompactColumnWidth : Layout.minColumnWidth)))
        columnWidth = content.width / visibleColumns
        // Beside the board, the cells the columns leave over go to the detail pane.
        let spare = content.width - visibleColumns * columnWidth
        if detailBeside && spare > 0 {
            content.width -= spare
            detail.x -= spare
            detail.width += spare
        }
        self.content = content
        self.detail = detail
        headerHeight = hasLoops ? 5 : 4
        cardsPerColumn = max(1, (content.height - headerHeight) / cardStep)
    }

    public init(_ state: EditorState) {
        self.init(width: state.width, height: state.height, stageCount: state.journey.stages.count,
                  hasLoops: !state.journey.loops.isEmpty, detail: !state.view.hideDetail, compact: state.view.compact)
    }

    /// The rectangle of the column shown in visible slot `slot`.
    public func column(_ slot: Int) -> Rect {
        Rect(x: content.x + slot * columnWidth, y: content.y, width: columnWidth, height: content.height)
    }

    /// The rectangle of the card shown in row `row` of a column.
    public func card(slot: Int, row: Int) -> Rect {
        let c = column(slot)
        return Rect(x: c.x, y: c.y + headerHeight + row * cardStep, width: c.width - 1, height: cardLines)
    }

    /// Rows of the cohorts list (below its heading line).
    public var cohortRows: Int { max(1, content.height - 2) }
}
