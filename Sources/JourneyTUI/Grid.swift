import JourneyKit

/// What a cell is for; the driver maps each role to colours from the theme.
public enum StyleRole: String, CaseIterable, Sendable, Hashable {
    case normal, title, stageHeader, card, selectedCard, dim, warning, error, statusBar, message
    case badgeHighTouch, badgeLowTouch, badgeHybrid, badgeTechTouch, badgeCommunity, badgeHVC, badgeAI, badgeCustom
    case border, input, selectedInput, overlay
}

/// One terminal cell: a grapheme (or "" for the right half of a wide one) and its style.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var role: StyleRole
    /// Reverse video on top of the role's colours, so a selection shows without colour.
    public var reverse: Bool
    public var bold: Bool

    public init(_ text: String = " ", role: StyleRole = .normal, reverse: Bool = false, bold: Bool = false) {
        self.text = text
        self.role = role
        self.reverse = reverse
        self.bold = bold
    }

    public static let blank = Cell()
}

/// A cell position.
public struct Point: Hashable, Sendable {
    public var x: Int, y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// A rectangle of cells that widgets draw into; the driver copies it to the screen.
public struct Grid: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor goes (a text field being edited); nil hides it.
    public var cursor: Point?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes `text` at (x, y), clipped to `maxWidth` cells (and the grid); returns
    /// the cells used. Wide characters take two cells and are never split: one that
    /// does not fit is replaced by a space. Unsafe characters are escaped first.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, role: StyleRole = .normal,
                             reverse: Bool = false, bold: Bool = false) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? (width - x), width - x)
        var col = 0
        for ch in TerminalText.singleLine(text) {
            let w = ch.isASCII ? 1 : TerminalText.width(of: ch)
            if w == 0 { continue }
            if col + w > limit {
                if col < limit { self[x + col, y] = Cell(" ", role: role, reverse: reverse, bold: bold) }
                return limit
            }
            if x + col >= 0 {
                let (shown, cells) = ch.isASCII ? (String(ch), w) : Grid.displayForm(ch)
                self[x + col, y] = Cell(shown, role: role, reverse: reverse, bold: bold)
                // The second cell of a wide character is empty; of a sequence shown one cell
                // wide (a heart without its emoji selector), a space.
                if w == 2 { self[x + col + 1, y] = Cell(cells == 2 ? "" : " ", role: role, reverse: reverse, bold: bold) }
            }
            col += w
        }
        return col
    }

    /// What a cell holds for a grapheme, and how many cells the terminal gives that.
    /// Terminals disagree on emoji sequences: tmux 3.3 shows a ZWJ family in 2 cells, xterm
    /// (wcwidth per code point) in 6; both give a skin-toned thumb 4 and a heart with VS16
    /// 1. A cell therefore holds only the first scalar of a sequence with a zero-width
    /// joiner, a skin-tone modifier or VS16, which every terminal sizes alike.
    static func displayForm(_ ch: Character) -> (String, Int) {
        let scalars = ch.unicodeScalars
        guard scalars.count > 1, let first = scalars.first,
              scalars.contains(where: { $0.value == 0x200D || $0.value == 0xFE0F || (0x1F3FB...0x1F3FF).contains($0.value) }) else {
            return (String(ch), TerminalText.width(of: ch))
        }
        return (String(first), TerminalText.scalarWidth(first))
    }

    /// Fills a rectangle with one styled character.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, with cell: Cell) {
        for yy in max(0, y)..<min(height, y + h) {
            for xx in max(0, x)..<min(width, x + w) { self[xx, yy] = cell }
        }
    }

    /// The grid as plain text lines, trailing spaces kept; for tests.
    public var lines: [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width { s += cells[y * width + x].text }
            return s
        }
    }

    /// The text lines with trailing spaces removed; for tests and README captures.
    public var trimmedLines: [String] {
        lines.map { line in
            var l = Substring(line)
            while l.last == " " { l = l.dropLast() }
            return String(l)
        }
    }
}
