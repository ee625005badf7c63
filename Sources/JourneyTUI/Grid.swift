import Foundation
import JourneyKit

/// What a cell is for; the driver maps each role to colours from the theme.
public enum StyleRole: String, CaseIterable, Sendable, Hashable {
    case normal, title, stageHeader, card, selectedCard, dim, warning, error, statusBar, message
    case badgeHighTouch, badgeLowTouch, badgeHybrid, badgeTechTouch, badgeCommunity, badgeHVC, badgeAI, badgeCustom
    case border, input, selectedInput, overlay
}

/// One terminal cell: a grapheme (or "" for the right half of a wide one) and its style.
/// A plain value of fixed size (the grapheme is held inline), so a grid of cells is
/// filled, copied and compared without touching the heap.
public struct Cell: Hashable, Sendable {
    var glyph: CellText
    /// The role's raw index, then reverse (bit 8) and bold (bit 9): three words in all and no
    /// padding, so rows of cells compare as bytes.
    var style: UInt64

    public init(_ text: String = " ", role: StyleRole = .normal, reverse: Bool = false, bold: Bool = false) {
        self.init(CellText(text), role: role, reverse: reverse, bold: bold)
    }

    init(_ glyph: CellText, role: StyleRole, reverse: Bool, bold: Bool) {
        self.glyph = glyph
        style = UInt64(role.index) | (reverse ? 1 << 8 : 0) | (bold ? 1 << 9 : 0)
    }

    /// What the cell is for (the driver maps it to the theme's colours).
    public var role: StyleRole {
        get { StyleRole.at(Int(style & 0xFF)) }
        set { style = style & ~0xFF | UInt64(newValue.index) }
    }

    /// Reverse video on top of the role's colours, so a selection shows without colour.
    public var reverse: Bool {
        get { style & 1 << 8 != 0 }
        set { style = newValue ? style | 1 << 8 : style & ~(1 << 8) }
    }

    public var bold: Bool {
        get { style & 1 << 9 != 0 }
        set { style = newValue ? style | 1 << 9 : style & ~(1 << 9) }
    }

    /// The grapheme the cell shows; "" for the right half of a wide character.
    public var text: String {
        get { glyph.string }
        set { glyph = CellText(newValue) }
    }

    /// True for the right half of a wide character (no text of its own).
    public var isEmpty: Bool { glyph.isEmpty }

    /// Calls `body` with each Unicode scalar of the text, decoded from the cell itself.
    public func forEachScalar(_ body: (UInt32) -> Void) { glyph.forEachScalar(body) }

    /// The same as `==`, written out so it compiles to three word comparisons.
    @inline(__always)
    func same(as other: Cell) -> Bool { glyph == other.glyph && style == other.style }

    /// True when both cells have the same style (role, reverse and bold).
    public func hasStyle(of other: Cell) -> Bool { style == other.style }

    public static let blank = Cell()
}

extension StyleRole {
    /// The role's place in the declaration (and `allCases`): a case without a payload is
    /// stored as that number, in one byte.
    var index: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

    /// The role at `index` (as `index` gave it).
    static func at(_ index: Int) -> StyleRole { unsafeBitCast(UInt8(truncatingIfNeeded: index), to: StyleRole.self) }
}

/// A cell's grapheme: up to 15 bytes of UTF-8 held inline (the last byte holds the
/// count), or a longer cluster's index in a table of such clusters shared by the process
/// (the same cluster always gets the same index, so equal texts are equal values).
struct CellText: Hashable, Sendable {
    private var low: UInt64
    private var high: UInt64

    private static let longMark: UInt64 = 0xFF << 56

    static let empty = CellText(low: 0, high: 0)
    static let space = CellText(" " as Unicode.Scalar)

    private init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// One scalar (the common case: built without a String).
    init(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        var bytes: UInt64, count: UInt64
        switch v {
        case 0..<0x80:
            bytes = UInt64(v)
            count = 1
        case 0x80..<0x800:
            bytes = UInt64(0xC0 | v >> 6) | UInt64(0x80 | v & 0x3F) << 8
            count = 2
        case 0x800..<0x10000:
            bytes = UInt64(0xE0 | v >> 12) | UInt64(0x80 | v >> 6 & 0x3F) << 8 | UInt64(0x80 | v & 0x3F) << 16
            count = 3
        default:
            bytes = UInt64(0xF0 | v >> 18) | UInt64(0x80 | v >> 12 & 0x3F) << 8 | UInt64(0x80 | v >> 6 & 0x3F) << 16
                | UInt64(0x80 | v & 0x3F) << 24
            count = 4
        }
        low = bytes
        high = count << 56
    }

    init(_ text: String) {
        let utf8 = text.utf8
        guard utf8.count <= 15 else {
            low = LongClusters.shared.index(of: text)
            high = CellText.longMark
            return
        }
        var low: UInt64 = 0, high: UInt64 = 0
        for (i, b) in utf8.enumerated() {
            if i < 8 { low |= UInt64(b) << (8 * i) } else { high |= UInt64(b) << (8 * (i - 8)) }
        }
        self.low = low
        self.high = high | UInt64(utf8.count) << 56
    }

    var isEmpty: Bool { high == 0 }

    /// Each scalar of the text, decoded from the inline UTF-8.
    func forEachScalar(_ body: (UInt32) -> Void) {
        if high == CellText.longMark {
            for u in string.unicodeScalars { body(u.value) }
            return
        }
        let count = Int(high >> 56)
        func byte(_ i: Int) -> UInt32 { UInt32(truncatingIfNeeded: i < 8 ? low >> (8 * i) : high >> (8 * (i - 8))) & 0xFF }
        var i = 0
        while i < count {
            let b = byte(i)
            switch b {
            case 0..<0x80:
                body(b)
                i += 1
            case 0xC0..<0xE0:
                body((b & 0x1F) << 6 | byte(i + 1) & 0x3F)
                i += 2
            case 0xE0..<0xF0:
                body((b & 0x0F) << 12 | (byte(i + 1) & 0x3F) << 6 | byte(i + 2) & 0x3F)
                i += 3
            default:
                body((b & 0x07) << 18 | (byte(i + 1) & 0x3F) << 12 | (byte(i + 2) & 0x3F) << 6 | byte(i + 3) & 0x3F)
                i += 4
            }
        }
    }

    var string: String {
        if high == CellText.longMark { return LongClusters.shared.cluster(at: low) }
        let count = Int(high >> 56)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        for i in 0..<count { bytes.append(UInt8(truncatingIfNeeded: (i < 8 ? low >> (8 * i) : high >> (8 * (i - 8))))) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The graphemes longer than 15 bytes of UTF-8 seen so far (rare: long combining
/// sequences), each with a fixed index.
final class LongClusters: @unchecked Sendable {
    static let shared = LongClusters()
    private let lock = NSLock()
    private var indices: [String: UInt64] = [:]
    private var clusters: [String] = []

    func index(of cluster: String) -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        if let i = indices[cluster] { return i }
        let i = UInt64(clusters.count)
        clusters.append(cluster)
        indices[cluster] = i
        return i
    }

    func cluster(at index: UInt64) -> String {
        lock.lock()
        defer { lock.unlock() }
        return clusters[Int(index)]
    }
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
        if text.unicodeScalars.allSatisfy(TerminalText.standsAlone) {
            // Each scalar is a character (and safe): no escaping, no cluster breaking.
            var pen = Pen(x: x, y: y, limit: limit, role: role, reverse: reverse, bold: bold)
            for u in text.unicodeScalars where !pen.write(u, into: &self) { return limit }
            return pen.col
        }
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

    /// Writes scalars that each stand alone (`TerminalText.standsAlone`) one after the
    /// other, exactly as `put` writes them as characters.
    struct Pen {
        let x: Int, y: Int, limit: Int
        let role: StyleRole, reverse: Bool, bold: Bool
        /// The cells written so far.
        var col = 0

        init(x: Int, y: Int, limit: Int, role: StyleRole, reverse: Bool, bold: Bool) {
            self.x = x
            self.y = y
            self.limit = limit
            self.role = role
            self.reverse = reverse
            self.bold = bold
        }

        /// False when the scalar does not fit: a space then fills the cell left, if any.
        @inline(__always)
        mutating func write(_ u: Unicode.Scalar, into g: inout Grid) -> Bool {
            let w = Grid.width(of: u)
            if w == 0 { return true }
            if col + w > limit {
                if col < limit { g[x + col, y] = Cell(.space, role: role, reverse: reverse, bold: bold) }
                return false
            }
            if x + col >= 0 {
                g[x + col, y] = Cell(CellText(u), role: role, reverse: reverse, bold: bold)
                if w == 2 { g[x + col + 1, y] = Cell(.empty, role: role, reverse: reverse, bold: bold) }
            }
            col += w
            return true
        }
    }

    /// The cells a scalar that stands alone takes (`TerminalText.scalarWidth`, with the
    /// common case answered here).
    @inline(__always)
    static func width(of u: Unicode.Scalar) -> Int { u.value < 0x300 ? 1 : TerminalText.scalarWidth(u) }

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

    /// True when `count` cells from `start` are the same in both arrays (word by word:
    /// a cell is three plain words).
    public static func sameCells(_ a: [Cell], _ b: [Cell], from start: Int, count: Int) -> Bool {
        guard start >= 0, count >= 0, start + count <= a.count, start + count <= b.count else { return false }
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                for i in start..<start + count where !pa[i].same(as: pb[i]) { return false }
                return true
            }
        }
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
