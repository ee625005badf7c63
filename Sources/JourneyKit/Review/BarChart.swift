/// Horizontal bars for terminal text, one row per line: a label, a bar scaled to the largest
/// value and the figure, right-aligned. The one chart renderer of `journeyman forecast` and
/// `journeyman summary`: the funnel (`lines`, Unicode block elements in eighths of a cell, or
/// `#` per whole cell in ASCII) and cost against value (`comparison`). No line is wider than
/// `width` cells.
public struct BarChart {
    /// One bar: its label and figure as shown (already made safe), and the value it stands for.
    struct Row {
        var label: String
        var figure: String
        var value: Double
    }

    let width: Int
    let ascii: Bool

    /// A chart no wider than `width` cells, in `#` when `ascii`.
    public init(width: Int, ascii: Bool) {
        self.width = width
        self.ascii = ascii
    }

    /// The fewest cells a bar is drawn in; with less room the rows are written without bars.
    static let minimumBar = 3

    /// The rows as lines, each bar `value / largest` of the room the labels and figures
    /// leave; labels are cut to at most half of that room. When fewer than `minimumBar` cells
    /// are left for a bar, each row is written as its label and, under it, its figure. Empty
    /// when no value is above 0.
    func lines(_ rows: [Row]) -> [String] {
        let top = rows.map(\.value).filter(\.isFinite).max() ?? 0
        guard top > 0 else { return [] }
        let numberWidth = rows.map { TerminalText.width($0.figure) }.max() ?? 0
        let room = width - numberWidth - 2
        let labelWidth = min(rows.map { TerminalText.width($0.label) }.max() ?? 0, max(1, room / 2))
        let barWidth = room - labelWidth
        guard barWidth >= BarChart.minimumBar else {
            // Too narrow for bars: each row as its label, then its figure under it, right-aligned.
            return rows.flatMap { row in
                [TextWrap.truncate(row.label, width: width), TextWrap.truncate(TextWrap.padLeft(row.figure, to: width), width: width)]
            }
        }
        return rows.map { row in
            let label = TextWrap.pad(TextWrap.truncate(row.label, width: labelWidth), to: labelWidth)
            let bar = TextWrap.pad(self.bar(row.value / top, cells: barWidth), to: barWidth)
            return TextWrap.truncate(label + " " + bar + " " + TextWrap.padLeft(row.figure, to: numberWidth), width: width)
        }
    }

    /// A bar `ratio` (0-1) of `cells` long, in eighths of a cell (`#` per whole cell in ASCII);
    /// anything above 0 shows at least the smallest mark.
    public func bar(_ ratio: Double, cells: Int) -> String {
        let r = min(max(ratio.isFinite ? ratio : 0, 0), 1)
        if ascii {
            let k = Int((r * Double(cells)).rounded())
            return String(repeating: "#", count: r > 0 ? max(k, 1) : 0)
        }
        let eighths = Int((r * Double(cells) * 8).rounded())
        let shown = r > 0 ? max(eighths, 1) : 0
        let partial = ["", "\u{258F}", "\u{258E}", "\u{258D}", "\u{258C}", "\u{258B}", "\u{258A}", "\u{2589}"][shown % 8]
        return String(repeating: "\u{2588}", count: shown / 8) + partial
    }

    /// Two values on one bar: the first filled up to the second, the rest of the second shaded,
    /// the first beyond the second marked (cost against value).
    struct Pair {
        var label: String
        var first: Double
        var second: Double
        var figure: String
    }

    /// The glyphs of a pair's bar: both values, the second alone, the first beyond the second.
    var pairGlyphs: (both: String, second: String, over: String) {
        ascii ? ("#", ".", "!") : ("\u{2588}", "\u{2591}", "\u{2593}")
    }

    /// The legend over a comparison: what each glyph means, and what the longest bar stands for.
    func comparisonLegend(first: String, second: String, longest: String) -> String {
        let g = pairGlyphs
        return "\(first.capitalizedFirst) against \(second) (\(g.both) \(first), \(g.second) \(second), \(g.over) \(first) over \(second); longest bar \(longest))"
    }

    /// Pairs as lines, all on one scale (the largest value of either); labels cut to a quarter
    /// of the width (at least 6 cells). Empty when nothing is above 0 or fewer than 5 cells are
    /// left for the bars.
    func comparison(_ rows: [Pair]) -> [String] {
        guard let top = rows.map({ max($0.first, $0.second) }).max(), top > 0, top.isFinite else { return [] }
        let g = pairGlyphs
        let nameWidth = min(rows.map { TerminalText.width($0.label) }.max() ?? 0, max(6, width / 4))
        let figureWidth = rows.map { TerminalText.width($0.figure) }.max() ?? 1
        let barWidth = width - nameWidth - figureWidth - 2
        guard barWidth >= 5 else { return [] }
        let cells = { (d: Double) in d.isFinite && d > 0 ? Int((min(d, top) / top * Double(barWidth)).rounded()) : 0 }
        return rows.map { r in
            let first = r.first > 0 ? max(1, cells(r.first)) : 0
            let second = cells(r.second)
            let bar = String(repeating: g.both, count: min(first, second)) + String(repeating: g.second, count: max(0, second - first))
                + String(repeating: g.over, count: max(0, first - second))
            let name = TextWrap.pad(TextWrap.truncate(r.label, width: nameWidth, ellipsis: ascii ? "~" : "\u{2026}"), to: nameWidth)
            return (name + " " + TextWrap.pad(bar, to: barWidth) + " " + TextWrap.padLeft(r.figure, to: figureWidth)).trimmingTrailingSpaces()
        }
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
