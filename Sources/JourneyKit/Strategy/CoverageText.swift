/// The coverage grid laid out as plain text lines that fit a width, for the command line and the editor.
extension Coverage {
    /// The grid as lines of at most `width` cells (when at all possible): stages down, columns across,
    /// a touchpoint count per cell and a dot where there is none, then a legend.
    ///
    /// Column labels shrink to fit, then become numbers explained in the legend, then the gaps and
    /// stage names narrow. `ascii` keeps to
    /// ASCII (`.` for an empty cell, `~` for cut text). Journey text is made terminal-safe.
    public func lines(width: Int, ascii: Bool = false) -> [String] {
        let empty = ascii ? "." : "\u{00B7}"
        let names = rows.map { TerminalText.singleLine($0.name) }
        var rowW = min(names.map { TerminalText.width($0) }.max() ?? 0, max(8, width / 4))
        var gap = 2
        let preferred = columns.map { TerminalText.singleLine(axis == .model ? $0.short : $0.name) }
        let digits = counts.flatMap { $0 }.map { String($0).count }.max() ?? 1
        var labels = preferred
        var numbered = false
        var colW: [Int] = labels.map { max(digits, TerminalText.width($0)) }
        func total() -> Int { rowW + colW.reduce(0) { $0 + gap + $1 } }
        var cap = colW.max() ?? 0
        while total() > width && cap > 3 {
            cap -= 1
            labels = preferred.map { Coverage.cut($0, to: cap, ascii: ascii) }
            colW = labels.map { max(digits, TerminalText.width($0)) }
        }
        if total() > width {
            numbered = true
            labels = columns.indices.map { String($0 + 1) }
            colW = labels.map { max(digits, $0.count) }
        }
        if total() > width {
            gap = 1
            rowW = max(3, min(rowW, width - colW.reduce(0) { $0 + gap + $1 }))
        }
        let space = String(repeating: " ", count: gap)
        func pad(_ s: String, _ w: Int, right: Bool) -> String {
            let fill = String(repeating: " ", count: max(0, w - TerminalText.width(s)))
            return right ? fill + s : s + fill
        }
        var out: [String] = []
        out.append(pad("", rowW, right: false) + zip(labels, colW).map { space + pad($0, $1, right: true) }.joined())
        for (r, name) in names.enumerated() {
            var line = pad(Coverage.cut(name, to: rowW, ascii: ascii), rowW, right: false)
            for (c, w) in colW.enumerated() {
                line += space + pad(counts[r][c] == 0 ? empty : String(counts[r][c]), w, right: true)
            }
            out.append(line)
        }
        let cells = rows.count * columns.count
        out.append("")
        out += TextWrap.wrap("\(emptyCells.count) of \(cells) cells have no touchpoint.", width: width)
        if axis == .model || numbered || labels != preferred {
            for (i, col) in columns.enumerated() {
                // The name gives way before the id: an id is cut only when nothing else fits.
                let head = "\(labels[i]) = ", id = axis == .cohort ? " (\(col.id))" : ""
                let name = TerminalText.singleLine(col.name)
                let room = width - TerminalText.width(head) - TerminalText.width(id)
                if TerminalText.width(head + name + id) <= width {
                    out.append(head + name + id)
                } else if room >= 4 {
                    out.append(head + Coverage.cut(name, to: room, ascii: ascii) + id)
                } else {
                    out.append(Coverage.cut(head + name, to: width, ascii: ascii))
                }
            }
        }
        return out
    }

    /// Text cut to at most `width` cells, marked with `…` (or `~`) when cut.
    public static func cut(_ s: String, to width: Int, ascii: Bool) -> String {
        guard TerminalText.width(s) > width else { return s }
        guard width > 0 else { return "" }
        var out = "", w = 0
        for ch in s {
            let cw = TerminalText.width(String(ch))
            if w + cw > width - 1 { break }
            out.append(ch)
            w += cw
        }
        return out + (ascii ? "~" : "\u{2026}")
    }
}
