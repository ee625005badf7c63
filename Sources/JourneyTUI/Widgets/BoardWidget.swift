import Foundation
import JourneyKit

/// The board: the visible stages as columns, with scroll markers in the gutters.
enum BoardWidget {
    static func draw(_ g: inout Grid, _ s: EditorState, _ layout: Layout, _ glyphs: Glyphs) {
        let stages = s.journey.stages
        let content = layout.content
        if stages.isEmpty {
            g.put("No stages yet: press A to add one.", x: content.x + 1, y: content.y + 1, maxWidth: content.width - 1, role: .dim)
            return
        }
        let first = s.scroll.firstStage
        for slot in 0..<layout.visibleColumns where first + slot < stages.count {
            let index = first + slot
            ColumnWidget.draw(&g, s, stageIndex: index, slot: slot, layout, glyphs)
        }
        if first > 0 {
            for y in content.y..<content.y + layout.headerHeight - 1 { g.put(glyphs.moreLeft, x: content.x - 1, y: y, role: .warning) }
        }
        if first + layout.visibleColumns < stages.count {
            for y in content.y..<content.y + layout.headerHeight - 1 { g.put(glyphs.moreRight, x: layout.column(layout.visibleColumns).x, y: y, role: .warning) }
        }
    }
}

/// One stage column: its header, then its cards.
enum ColumnWidget {
    static func draw(_ g: inout Grid, _ s: EditorState, stageIndex: Int, slot: Int, _ layout: Layout, _ glyphs: Glyphs) {
        let stage = s.journey.stages[stageIndex]
        let r = layout.column(slot)
        let inner = r.width - 1
        for y in r.y..<r.y + r.height { g.put(glyphs.vertical, x: r.x + inner, y: y, role: .border) }
        let selectedHeader = s.panel == .board && s.selection.stage == stageIndex && s.selection.isHeader
        let top = s.scroll.firstCard[stage.id] ?? 0
        let cards = s.shownCards(stageIndex)
        StageHeader.draw(&g, s, stage, Rect(x: r.x, y: r.y, width: inner, height: layout.headerHeight), selected: selectedHeader, glyphs,
                         mark: s.lintMarks[stageIndex]?[-1], above: top,
                         count: s.lens == nil ? "(\(stage.touchpoints.count))" : "(\(s.matchingCount(stageIndex))/\(stage.touchpoints.count))")
        let cardsTop = r.y + layout.headerHeight
        if cards.isEmpty {
            let empty = stage.touchpoints.isEmpty ? "no touchpoints (a adds)" : "none through the lens"
            g.putClipped(empty, x: r.x + 1, y: cardsTop, width: inner - 2, role: .dim, glyphs: glyphs)
            return
        }
        let shown = min(layout.cardsPerColumn, cards.count - top)
        for row in 0..<max(0, shown) {
            let ti = cards[top + row]
            let selected = s.panel == .board && s.selection.stage == stageIndex && s.selection.card == ti
            CardWidget.draw(&g, s, stage.touchpoints[ti], layout.card(slot: slot, row: row), selected: selected, glyphs,
                            mark: s.lintMarks[stageIndex]?[ti], dimmed: s.isDimmed(stageIndex, ti))
        }
        let below = cards.count - top - shown
        if below > 0 {
            g.putClipped("\(glyphs.moreDown) \(below) more", x: r.x + 1, y: r.y + r.height - 1, width: inner - 1, role: .warning, glyphs: glyphs)
        }
    }
}

/// A column header: name and count, level and KPIs, loop edges, a rule.
enum StageHeader {
    /// `above`: how many cards are scrolled off above, shown as `▲3` before the count.
    /// `count`: the card count as shown, `(5)`, or `(2/5)` under a lens.
    static func draw(_ g: inout Grid, _ s: EditorState, _ stage: Stage, _ r: Rect, selected: Bool, _ glyphs: Glyphs, mark: Severity? = nil,
                     above: Int = 0, count: String? = nil) {
        let role: StyleRole = selected ? .selectedCard : .stageHeader
        if selected { g.fill(x: r.x, y: r.y, width: r.width, height: r.height - 1, with: Cell(" ", role: role, reverse: true)) }
        let count = count ?? "(\(stage.touchpoints.count))"
        var countWidth = count.count
        if let mark {
            // The lint marker sits before the count.
            g.put(LintPanel.mark(mark, glyphs), x: r.x + r.width - countWidth - 3, y: r.y, role: selected ? role : LintPanel.severityRole(mark),
                  reverse: selected, bold: true)
            countWidth += 2
        }
        if above > 0 {
            let more = "\(glyphs.moreUp)\(above)"
            g.put(more, x: r.x + r.width - countWidth - 2 - TerminalText.width(more), y: r.y, role: selected ? role : .warning,
                  reverse: selected, bold: true)
            countWidth += TerminalText.width(more) + 1
        }
        g.putClipped(stage.name, x: r.x + 1, y: r.y, width: r.width - countWidth - 3, role: role, reverse: selected, bold: true, glyphs: glyphs)
        g.put(count, x: r.x + r.width - count.count - 1, y: r.y, role: selected ? role : .dim, reverse: selected)
        var facts: [String] = []
        if let level = stage.level { facts.append(level.title) }
        if let d = stage.dropOff { facts.append("drop \(Forms.formatNumber(d))%") }
        var line = facts.isEmpty ? "no level" : facts.joined(separator: " \(glyphs.dot) ")
        if TerminalText.width(line) > r.width - 2 { line = facts.joined(separator: " ") }
        g.putClipped(line, x: r.x + 1, y: r.y + 1, width: r.width - 2, role: selected ? role : .dim, reverse: selected, glyphs: glyphs)
        g.putClipped(kpiLine(stage.kpis.map(\.name), width: r.width - 2, ellipsis: glyphs.ellipsis), x: r.x + 1, y: r.y + 2, width: r.width - 2,
                     role: selected ? role : .dim, reverse: selected, glyphs: glyphs)
        if r.height == 5 {
            var loops: [String] = []
            for l in s.journey.loops where l.from == stage.id {
                loops.append(loopText(glyphs.loopOut, "to", Choices.label(l.to, .stage, in: s.journey), l.label))
            }
            for l in s.journey.loops where l.to == stage.id {
                loops.append(loopText(glyphs.loopIn, "from", Choices.label(l.from, .stage, in: s.journey), l.label))
            }
            g.putClipped(loops.joined(separator: "  "), x: r.x + 1, y: r.y + 3, width: r.width - 2, role: selected ? role : .warning,
                         reverse: selected, glyphs: glyphs)
        }
        for x in r.x..<r.x + r.width { g[x, r.y + r.height - 1] = Cell(glyphs.horizontal, role: .border) }
    }
}

extension StageHeader {
    /// The KPI names in the shortest form that fits: whole, then their first significant words.
    static func kpiLine(_ names: [String], width: Int, ellipsis: String = "…") -> String {
        guard !names.isEmpty else { return "no KPIs" }
        for words in [Int.max, 3, 2] {
            let line = names.map { shortName($0, words: words) }.joined(separator: ", ")
            if TerminalText.width(line) <= width { return line }
        }
        // One word each, the room shared fairly (short words keep theirs); when the shares get too
        // small, the first KPI and how many more.
        let words = names.map { shortName($0, words: 1) }
        var alloc = words.map { TerminalText.width($0) }
        var room = width - 2 * (names.count - 1)
        for (k, i) in alloc.indices.sorted(by: { alloc[$0] < alloc[$1] }).enumerated() {
            alloc[i] = min(alloc[i], max(0, room / (names.count - k)))
            room -= alloc[i]
        }
        if zip(words, alloc).allSatisfy({ $1 >= min(6, TerminalText.width($0)) }) {
            return zip(words, alloc).map { TextWrap.truncate($0, width: $1, ellipsis: ellipsis) }.joined(separator: ", ")
        }
        let more = names.count > 1 ? " +\(names.count - 1)" : ""
        let two = shortName(names[0], words: 2)
        let first = TerminalText.width(two) + more.count <= width ? two : words[0]
        return TextWrap.truncate(first, width: width - more.count, ellipsis: ellipsis) + more
    }

    /// The first `words` significant words of a name ("Share of new pet owners" -> "Share new" for 2).
    static func shortName(_ name: String, words: Int) -> String {
        // All the words: the name itself when its spaces are single and inside it.
        if words == .max, name.first != " ", name.last != " ", !name.contains("  "),
           name.unicodeScalars.allSatisfy(TerminalText.standsAlone) { return name }
        let line = TerminalText.singleLine(name)
        // Scalars that stand alone are each a character: split them, not the characters.
        let all: [String] = line.unicodeScalars.allSatisfy(TerminalText.standsAlone)
            ? line.unicodeScalars.split(separator: " ").map { String($0) } : line.split(separator: " ").map(String.init)
        guard all.count > words else { return all.joined(separator: " ") }
        // (A small word is at most 7 letters: no longer word is lowercased to look.)
        return all.filter { $0.utf8.count > 28 || !smallWords.contains($0.lowercased()) }.prefix(words).joined(separator: " ")
    }

    /// The words a short KPI name leaves out.
    static let smallWords: Set<String> = ["a", "an", "the", "of", "to", "in", "on", "at", "by", "per", "with", "through", "who", "for", "and", "us"]

    /// A loop edge line: the other stage first, so clipping drops the label.
    static func loopText(_ glyph: String, _ direction: String, _ stage: String, _ label: String) -> String {
        "\(glyph) \(direction) \(stage)" + (label.isEmpty ? "" : " (\(label))")
    }
}

/// A touchpoint card: name; channel and model badge; status and evidence.
enum CardWidget {
    /// `dimmed`: a lens that dims draws the card in the dim style.
    static func draw(_ g: inout Grid, _ s: EditorState, _ t: Touchpoint, _ r: Rect, selected: Bool, _ glyphs: Glyphs, mark: Severity? = nil,
                     dimmed: Bool = false) {
        if dimmed && !selected {
            g.putClipped(t.name, x: r.x + 1, y: r.y, width: r.width - 2, role: .dim, glyphs: glyphs)
            g.putClipped(t.channel.map { Choices.label($0, .channel, in: s.journey) } ?? "no channel", x: r.x + 1, y: r.y + 1, width: r.width - 2,
                         role: .dim, glyphs: glyphs)
            return
        }
        let role: StyleRole = selected ? .selectedCard : .card
        if selected { g.fill(x: r.x, y: r.y, width: r.width, height: r.height, with: Cell(" ", role: role, reverse: true)) }
        let w = r.width - 2
        if r.height == 1 {
            drawCompact(&g, s, t, r, selected: selected, glyphs, mark: mark)
            return
        }
        let nameWidth = g.putClipped(t.name, x: r.x + 1, y: r.y, width: mark == nil ? w : w - 2, role: role, reverse: selected, bold: true, glyphs: glyphs)
        if s.marked.contains(t.id) {
            // Marked for a bulk edit: a tick in the left margin, on every line.
            for y in r.y..<r.y + r.height { g.put(glyphs.tick, x: r.x, y: y, role: selected ? role : .warning, reverse: selected, bold: true) }
        }
        highlight(&g, s.searchQuery, in: t.name, x: r.x + 1, y: r.y, width: nameWidth, selected: selected, glyphs)
        if let mark {
            g.put(LintPanel.mark(mark, glyphs), x: r.x + w, y: r.y, role: selected ? role : LintPanel.severityRole(mark), reverse: selected, bold: true)
        }
        // The model's badge with the layers in it ([TECH+AI]), so a narrow card never cuts them.
        let badgeText = badgeText(t, s.journey)
        let badgeWidth = TerminalText.width(badgeText)
        let channel = t.channel.map { Choices.label($0, .channel, in: s.journey) } ?? "no channel"
        g.putClipped(channel, x: r.x + 1, y: r.y + 1, width: w - badgeWidth - 1, role: selected ? role : .dim, reverse: selected, glyphs: glyphs)
        if !badgeText.isEmpty {
            g.put(badgeText, x: r.x + 1 + w - badgeWidth, y: r.y + 1, role: selected ? role : badgeRole(t.model, s.journey),
                  reverse: selected, bold: true)
        }
        g.putClipped(thirdLine(s, t, glyphs), x: r.x + 1, y: r.y + 2, width: w, role: selected ? role : .dim,
                     reverse: selected, glyphs: glyphs)
    }

    /// The card's last line, as the view chooses: status and evidence, the cohorts, or the owner.
    static func thirdLine(_ s: EditorState, _ t: Touchpoint, _ glyphs: Glyphs) -> String {
        switch s.view.cardLine {
        case .status:
            var facts = [t.status?.title ?? "no status"]
            if let e = t.evidence { facts.append(e.title) }
            return facts.joined(separator: " \(glyphs.dot) ")
        case .cohorts:
            return t.cohorts.isEmpty ? "no cohort" : t.cohorts.map { Choices.label($0, .cohorts, in: s.journey) }.joined(separator: ", ")
        case .owner:
            return t.owner.isEmpty ? "no owner" : t.owner
        }
    }

    /// One line: the name, the lint mark and the badge.
    static func drawCompact(_ g: inout Grid, _ s: EditorState, _ t: Touchpoint, _ r: Rect, selected: Bool, _ glyphs: Glyphs, mark: Severity?) {
        let role: StyleRole = selected ? .selectedCard : .card
        let w = r.width - 2
        let badge = badgeText(t, s.journey)
        let badgeWidth = TerminalText.width(badge)
        let room = w - (badgeWidth > 0 ? badgeWidth + 1 : 0) - (mark == nil ? 0 : 2)
        let nameWidth = g.putClipped(t.name, x: r.x + 1, y: r.y, width: room, role: role, reverse: selected, bold: true, glyphs: glyphs)
        highlight(&g, s.searchQuery, in: t.name, x: r.x + 1, y: r.y, width: nameWidth, selected: selected, glyphs)
        if let mark {
            g.put(LintPanel.mark(mark, glyphs), x: r.x + 1 + room + 1, y: r.y, role: selected ? role : LintPanel.severityRole(mark), reverse: selected, bold: true)
        }
        if badgeWidth > 0 {
            g.put(badge, x: r.x + 1 + w - badgeWidth, y: r.y, role: selected ? role : badgeRole(t.model, s.journey), reverse: selected, bold: true)
        }
        if s.marked.contains(t.id) { g.put(glyphs.tick, x: r.x, y: r.y, role: selected ? role : .warning, reverse: selected, bold: true) }
    }

    /// The model's badge with the layers in it: `[TECH+AI]`, `[+AI]` without a model, "" with neither.
    static func badgeText(_ t: Touchpoint, _ journey: Journey) -> String {
        let badge = ([Choices.badge(t.model, in: journey)].filter { !$0.isEmpty } + t.layers.map { Choices.badge($0, in: journey) })
            .joined(separator: "+")
        return badge.isEmpty ? "" : "[\(t.model == nil ? "+" : "")\(badge)]"
    }

    /// Marks where the search query shows in a line drawn at (x, y): the matching cells
    /// take the warning style (without reverse video on the selected card).
    static func highlight(_ g: inout Grid, _ query: String, in text: String, x: Int, y: Int, width: Int, selected: Bool, _ glyphs: Glyphs) {
        guard !query.isEmpty else { return }
        let line = TextWrap.truncate(TerminalText.singleLine(text), width: width, ellipsis: glyphs.ellipsis)
        var from = line.startIndex
        while let r = line.range(of: query, options: .caseInsensitive, range: from..<line.endIndex) {
            let start = TerminalText.width(String(line[..<r.lowerBound]))
            let end = TerminalText.width(String(line[..<r.upperBound]))
            for col in start..<min(end, width) {
                var c = g[x + col, y]
                c.role = .warning
                c.bold = true
                c.reverse = !selected
                g[x + col, y] = c
            }
            from = r.upperBound
        }
    }

    /// The badge role of a model (custom models share one).
    static func badgeRole(_ model: String?, _ journey: Journey) -> StyleRole {
        switch model {
        case "high-touch": .badgeHighTouch
        case "low-touch": .badgeLowTouch
        case "hybrid": .badgeHybrid
        case "tech-touch": .badgeTechTouch
        case "community": .badgeCommunity
        case "hvc": .badgeHVC
        case "ai-augmented": .badgeAI
        default: .badgeCustom
        }
    }
}
