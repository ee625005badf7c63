import JourneyKit

/// The maturity self-assessment: both ladders' checks, ticked with space, and the result so far.
enum AssessmentWidget {
    /// The rows: ladder and step headings, and the checks with their index in `Maturity.checks`.
    static func rows() -> [(text: String, check: Int?)] {
        var out: [(String, Int?)] = []
        var index = 0
        for (name, steps, word) in [("Ladder A", Maturity.ladderA, "rung"), ("Ladder B", Maturity.ladderB, "level")] {
            for step in steps where !step.checks.isEmpty {
                out.append(("\(name), \(word) \(step.number): \(step.name)", nil))
                for c in step.checks {
                    out.append((c.question, index))
                    index += 1
                }
            }
        }
        return out
    }

    /// Draws the assessment in a box inside `area`, judged on the day `today`.
    static func draw(_ g: inout Grid, _ a: Assessment, in area: Rect, today: String, _ glyphs: Glyphs) {
        let box = Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: area.height - 3)
        g.box(box, title: "Maturity assessment (space ticks, Enter stores, Esc cancels)", glyphs: glyphs)
        let result = a.result(on: today)
        let rung = Maturity.rung(result.rung)!, level = Maturity.level(result.level)!
        g.putClipped("Ladder A: rung \(result.rung) \(rung.name). Next: \(rung.nextFocus)", x: box.x + 2, y: box.y + 1,
                     width: box.width - 4, role: .stageHeader, glyphs: glyphs)
        g.putClipped("Ladder B: level \(result.level) \(level.name). Next: \(level.nextFocus)", x: box.x + 2, y: box.y + 2,
                     width: box.width - 4, role: .stageHeader, glyphs: glyphs)
        let all = rows()
        let visible = max(0, box.height - 5)
        let selectedRow = all.firstIndex { $0.check == a.row } ?? 0
        let top = max(0, min(selectedRow - visible / 2, all.count - visible))
        for i in 0..<visible where top + i < all.count {
            let row = all[top + i], y = box.y + 4 + i
            guard let check = row.check else {
                g.putClipped(row.text, x: box.x + 2, y: y, width: box.width - 4, role: .stageHeader, bold: true, glyphs: glyphs)
                continue
            }
            let selected = check == a.row
            let ticked = a.ticked.contains(Maturity.checks[check].id)
            let text = "[\(ticked ? glyphs.tick : " ")] \(row.text)"
            if selected { g.fill(x: box.x + 1, y: y, width: box.width - 2, height: 1, with: Cell(" ", role: .selectedCard, reverse: true)) }
            g.putClipped(text, x: box.x + 3, y: y, width: box.width - 5, role: selected ? .selectedCard : .overlay, reverse: selected, glyphs: glyphs)
        }
    }
}
