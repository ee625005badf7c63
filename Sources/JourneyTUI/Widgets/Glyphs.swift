import JourneyKit

/// The drawing characters: box drawing and arrows, or plain ASCII when the
/// terminal has no UTF-8 locale.
public struct Glyphs: Sendable {
    public let horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight, teeLeft, teeRight: String
    public let moreLeft, moreRight, moreUp, moreDown, loopOut, loopIn, arrow, dot, ellipsis, tick, dropDown: String

    public static let unicode = Glyphs(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", teeLeft: "├", teeRight: "┤",
                                       moreLeft: "◀", moreRight: "▶", moreUp: "▲", moreDown: "▼", loopOut: "↩", loopIn: "↪",
                                       arrow: "→", dot: "·", ellipsis: "…", tick: "✓", dropDown: "▾")
    public static let ascii = Glyphs(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", teeLeft: "+", teeRight: "+",
                                     moreLeft: "<", moreRight: ">", moreUp: "^", moreDown: "v", loopOut: "<-", loopIn: "->",
                                     arrow: "->", dot: "-", ellipsis: "~", tick: "x", dropDown: "v")

    public static func `for`(_ state: EditorState) -> Glyphs { state.ascii ? .ascii : .unicode }
}

extension Grid {
    /// Writes text cut to `width` cells, ending in an ellipsis when it was cut.
    @discardableResult
    public mutating func putClipped(_ text: String, x: Int, y: Int, width: Int, role: StyleRole = .normal,
                                    reverse: Bool = false, bold: Bool = false, glyphs: Glyphs = .unicode) -> Int {
        guard width > 0 else { return 0 }
        let scalars = text.unicodeScalars
        if y >= 0, y < height, x < self.width, scalars.allSatisfy(TerminalText.standsAlone),
           glyphs.ellipsis.unicodeScalars.allSatisfy(TerminalText.standsAlone) {
            // Each scalar is a character (and safe): measured and written in two passes over
            // the scalars, exactly as `put` writes `TextWrap.truncate`'s line.
            var total = 0
            for u in scalars {
                total += Grid.width(of: u)
                if total > width { break }
            }
            var pen = Pen(x: x, y: y, limit: min(width, self.width - x), role: role, reverse: reverse, bold: bold)
            if total <= width {
                for u in scalars where !pen.write(u, into: &self) { return pen.limit }
                return pen.col
            }
            let room = width - TerminalText.width(glyphs.ellipsis)
            if room > 0 {
                var used = 0
                for u in scalars {
                    let w = Grid.width(of: u)
                    if used + w > room { break }
                    used += w
                    if !pen.write(u, into: &self) { return pen.limit }
                }
                for u in glyphs.ellipsis.unicodeScalars where !pen.write(u, into: &self) { return pen.limit }
                return pen.col
            }
        }
        let line = TextWrap.truncate(TerminalText.singleLine(text), width: width, ellipsis: glyphs.ellipsis)
        return put(line, x: x, y: y, maxWidth: width, role: role, reverse: reverse, bold: bold)
    }

    /// Draws a frame around `r` with a title in its top edge and clears its inside.
    public mutating func box(_ r: Rect, title: String, glyphs: Glyphs, role: StyleRole = .border) {
        guard r.width >= 2, r.height >= 2 else { return }
        fill(x: r.x, y: r.y, width: r.width, height: r.height, with: Cell(" ", role: .overlay))
        for xx in r.x + 1..<r.x + r.width - 1 {
            self[xx, r.y] = Cell(glyphs.horizontal, role: role)
            self[xx, r.y + r.height - 1] = Cell(glyphs.horizontal, role: role)
        }
        for yy in r.y + 1..<r.y + r.height - 1 {
            self[r.x, yy] = Cell(glyphs.vertical, role: role)
            self[r.x + r.width - 1, yy] = Cell(glyphs.vertical, role: role)
        }
        self[r.x, r.y] = Cell(glyphs.topLeft, role: role)
        self[r.x + r.width - 1, r.y] = Cell(glyphs.topRight, role: role)
        self[r.x, r.y + r.height - 1] = Cell(glyphs.bottomLeft, role: role)
        self[r.x + r.width - 1, r.y + r.height - 1] = Cell(glyphs.bottomRight, role: role)
        if !title.isEmpty { putClipped(" \(title) ", x: r.x + 2, y: r.y, width: r.width - 4, role: .title, glyphs: glyphs) }
    }
}
