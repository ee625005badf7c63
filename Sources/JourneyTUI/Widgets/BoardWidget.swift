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
        StageHeader.draw(&g, s, stage, Rect(x: r.x, y: r.y, width: inner, height: layout.headerHeight), selected: selectedHeader, glyphs,
                         mark: s.lintMarks[stageIndex]?[-1])
        let top = s.scroll.firstCard[stage.id] ?? 0
        let cardsTop = r.y + layout.headerHeight
        if stage.touchpoints.isEmpty {
            g.putClipped("no touchpoints (a adds)", x: r.x + 1, y: cardsTop, width: inner - 1, role: .dim, glyphs: glyphs)
            return
        }
        let shown = min(layout.cardsPerColumn, stage.touchpoints.count - top)
        for row in 0..<max(0, shown) {
            let ti = top + row
            let selected = s.panel == .board && s.selection.stage == stageIndex && s.selection.card == ti
            CardWidget.draw(&g, s, stage.touchpoints[ti], layout.card(slot: slot, row: row), selected: selected, glyphs,
                            mark: s.lintMarks[stageIndex]?[ti])
        }
        if top > 0 {
            g.putClipped("\(glyphs.moreUp) \(top) more", x: r.x + inner - 10, y: cardsTop - 1, width: 10, role: .warning, glyphs: glyphs)
        }
        let below = stage.touchpoints.count - top - shown
        if below > 0 {
            g.putClipped("\(glyphs.moreDown) \(below) more", x: r.x + 1, y: r.y + r.height - 1, width: inner - 1, role: .warning, glyphs: glyphs)
        }
    }
}

/// A column header: name and count, level and KPIs, loop edges, a rule.
enum StageHeader {
    static func draw(_ g: inout Grid, _ s: EditorState, _ stage: Stage, _ r: Rect, selected: Bool, _ glyphs: Glyphs, mark: Severity? = nil) {
        let role: StyleRole = selected ? .selectedCard : .stageHeader
        if selected { g.fill(x: r.x, y: r.y, width: r.width, height: r.height - 1, with: Cell(" ", role: role, reverse: true)) }
        let count = "(\(stage.touchpoints.count))"
        var countWidth = count.count
        if let mark {
            // The lint marker sits before the count.
            g.put(LintPanel.mark(mark, glyphs), x: r.x + r.width - countWidth - 3, y: r.y, role: selected ? role : LintPanel.severityRole(mark),
                  reverse: selected, bold: true)
            countWidth += 2
        }
        g.putClipped(stage.name, x: r.x + 1, y: r.y, width: r.width - countWidth - 3, role: role, reverse: selected, bold: true, glyphs: glyphs)
        g.put(count, x: r.x + r.width - count.count - 1, y: r.y, role: selected ? role : .dim, reverse: selected)
        var facts: [String] = []
        if let level = stage.level { facts.append(level.title) }
        if let d = stage.dropOff { facts.append("drop \(Forms.formatNumber(d))%") }
        if !stage.kpis.isEmpty { facts.append(stage.kpis.map(\.name).joined(separator: ", ")) }
        let line = facts.isEmpty ? "no level, no KPIs" : facts.joined(separator: " \(glyphs.dot) ")
        g.putClipped(line, x: r.x + 1, y: r.y + 1, width: r.width - 2, role: selected ? role : .dim, reverse: selected, glyphs: glyphs)
        if r.height == 4 {
            var loops: [String] = []
            for l in s.journey.loops where l.from == stage.id {
                loops.append("\(glyphs.loopOut) \(l.label.isEmpty ? "loop" : l.label) \(glyphs.arrow) \(Choices.label(l.to, .stage, in: s.journey))")
            }
            for l in s.journey.loops where l.to == stage.id {
                loops.append("\(glyphs.loopIn) \(l.label.isEmpty ? "loop" : l.label) from \(Choices.label(l.from, .stage, in: s.journey))")
            }
            g.putClipped(loops.joined(separator: "  "), x: r.x + 1, y: r.y + 2, width: r.width - 2, role: selected ? role : .warning,
                         reverse: selected, glyphs: glyphs)
        }
        for x in r.x..<r.x + r.width { g[x, r.y + r.height - 1] = Cell(glyphs.horizontal, role: .border) }
    }
}

/// A touchpoint card: name; channel and model badge; status and evidence.
enum CardWidget {
    static func draw(_ g: inout Grid, _ s: EditorState, _ t: Touchpoint, _ r: Rect, selected: Bool, _ glyphs: Glyphs, mark: Severity? = nil) {
        let role: StyleRole = selected ? .selectedCard : .card
        if selected { g.fill(x: r.x, y: r.y, width: r.width, height: r.height, with: Cell(" ", role: role, reverse: true)) }
        let w = r.width - 2
        g.putClipped(t.name, x: r.x + 1, y: r.y, width: mark == nil ? w : w - 2, role: role, reverse: selected, bold: true, glyphs: glyphs)
        if let mark {
            g.put(LintPanel.mark(mark, glyphs), x: r.x + w, y: r.y, role: selected ? role : LintPanel.severityRole(mark), reverse: selected, bold: true)
        }
        let badge = Choices.badge(t.model, in: s.journey)
        let badgeText = badge.isEmpty ? "" : "[\(badge)]"
        let badgeWidth = TerminalText.width(badgeText)
        let channel = t.channel.map { Choices.label($0, .channel, in: s.journey) } ?? "no channel"
        g.putClipped(channel, x: r.x + 1, y: r.y + 1, width: w - badgeWidth - 1, role: selected ? role : .dim, reverse: selected, glyphs: glyphs)
        if !badgeText.isEmpty {
            g.put(badgeText, x: r.x + 1 + w - badgeWidth, y: r.y + 1, role: selected ? role : badgeRole(t.model, s.journey),
                  reverse: selected, bold: true)
        }
        var facts = [t.status?.title ?? "no status"]
        if let e = t.evidence { facts.append(e.title) }
        if !t.layers.isEmpty { facts.append("+" + t.layers.map { Choices.badge($0, in: s.journey) }.joined(separator: "+")) }
        g.putClipped(facts.joined(separator: " \(glyphs.dot) "), x: r.x + 1, y: r.y + 2, width: w, role: selected ? role : .dim,
                     reverse: selected, glyphs: glyphs)
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
