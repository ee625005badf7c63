import JourneyKit

/// A form in a centred box: one row per field, the focused one highlighted.
enum FormWidget {
    /// Draws the form centred in `area`; `journey` names the chosen ids.
    static func draw(_ g: inout Grid, _ f: Form, in area: Rect, journey: Journey, _ glyphs: Glyphs) {
        let box = box(f, in: area)
        let rows = box.height - 4
        g.box(box, title: f.title, glyphs: glyphs)
        let labelWidth = min(24, (f.fields.map { TerminalText.width($0.label) }.max() ?? 0) + 1)
        let top = max(0, min(f.focus - rows + 1, f.fields.count - rows))
        let valueX = box.x + 2 + labelWidth + 1
        let valueWidth = box.x + box.width - 2 - valueX
        for row in 0..<rows where top + row < f.fields.count {
            let i = top + row
            let field = f.fields[i], y = box.y + 2 + row
            let focused = i == f.focus
            let label = String(repeating: " ", count: max(0, labelWidth - TerminalText.width(field.label))) + field.label
            g.putClipped(label, x: box.x + 2, y: y, width: labelWidth, role: focused ? .selectedInput : .dim, reverse: focused, glyphs: glyphs)
            g.fill(x: valueX, y: y, width: valueWidth, height: 1, with: Cell(" ", role: focused ? .selectedInput : .input))
            if field.isText, case .text(let t) = field.value {
                let before = TerminalText.singleLine(String(t.characters[..<t.cursor]))
                let shownBefore = focused ? TerminalTextWidth.tail(before, width: valueWidth - 1) : before
                let after = TerminalText.singleLine(String(t.characters[t.cursor...]))
                g.put(focused ? shownBefore + after : t.text, x: valueX, y: y, maxWidth: valueWidth, role: focused ? .selectedInput : .input)
                if focused { g.cursor = Point(x: valueX + TerminalText.width(shownBefore), y: y) }
            } else {
                g.putClipped(display(field, journey, glyphs), x: valueX, y: y, width: valueWidth,
                             role: focused ? .selectedInput : .input, glyphs: glyphs)
            }
        }
        if top > 0 { g.put(glyphs.moreUp, x: box.x + box.width - 2, y: box.y + 1, role: .warning) }
        if top + rows < f.fields.count { g.put(glyphs.moreDown, x: box.x + box.width - 2, y: box.y + box.height - 2, role: .warning) }
    }

    /// The rows a form with a list field has at least, so the list (with Add and Done) fits inside.
    static let minimumListRows = 10

    /// The form's box centred in `area`.
    static func box(_ f: Form, in area: Rect) -> Rect {
        let width = min(76, area.width - 4)
        // A form with a list field (the health score's) keeps room for the list to open inside it.
        let holdsList = f.fields.contains { if case .list = $0.kind { true } else { false } }
        let rows = min(holdsList ? max(f.fields.count, minimumListRows) : f.fields.count, area.height - 6)
        return Rect(x: area.x + (area.width - width) / 2, y: area.y + max(1, (area.height - rows - 4) / 2), width: width, height: rows + 4)
    }

    /// How a non-text field reads: the chosen label, the ticked list, on/off, the KPIs.
    static func display(_ field: FormField, _ journey: Journey, _ glyphs: Glyphs) -> String {
        switch (field.kind, field.value) {
        case (.choice(let source, _), .choice(let id)):
            return (id.map { Choices.label($0, source, in: journey) } ?? "(none)") + " " + glyphs.dropDown
        case (.multiChoice(let source), .multi(let ids)):
            return (ids.isEmpty ? "(none)" : ids.map { Choices.label($0, source, in: journey) }.joined(separator: ", ")) + " " + glyphs.dropDown
        case (_, .toggle(let on)):
            return on ? "[x] yes" : "[ ] no"
        case (_, .kpis(let kpis)):
            return kpis.isEmpty ? "(none) \(glyphs.dropDown)" : "\(kpis.count): " + kpis.map(\.name).joined(separator: ", ") + " " + glyphs.dropDown
        case (_, .items(let items)):
            return (items.isEmpty ? "(none)" : "\(items.count): " + items.map { ItemText.line($0, journey, glyphs) }.joined(separator: "; ")) + " " + glyphs.dropDown
        case (_, .healthScore(let score)):
            return (score.map { ItemText.healthScore($0) } ?? "(none)") + " " + glyphs.dropDown
        default:
            return field.text
        }
    }
}

/// A picker: the filter line, then the matching choices.
enum PickerWidget {
    /// Draws the picker centred in `area`.
    static func draw(_ g: inout Grid, _ p: Picker, in area: Rect, _ glyphs: Glyphs) {
        let width = min(64, area.width - 4)
        let visible = p.visible
        let rows = max(1, min(max(visible.count, 1), area.height - 8))
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(1, (area.height - rows - 4) / 2), width: width, height: rows + 4)
        g.box(box, title: p.title, glyphs: glyphs)
        let filterLine = "Filter: " + TerminalTextWidth.tail(p.filter, width: width - 14)
        g.put(filterLine, x: box.x + 2, y: box.y + 1, role: .input)
        g.cursor = Point(x: box.x + 2 + TerminalText.width(filterLine), y: box.y + 1)
        for x in box.x + 1..<box.x + box.width - 1 { g[x, box.y + 2] = Cell(glyphs.horizontal, role: .border) }
        g[box.x, box.y + 2] = Cell(glyphs.teeLeft, role: .border)
        g[box.x + box.width - 1, box.y + 2] = Cell(glyphs.teeRight, role: .border)
        if visible.isEmpty {
            g.put("(nothing matches)", x: box.x + 2, y: box.y + 3, role: .dim)
            return
        }
        let top = max(0, min(p.highlight - rows + 1, visible.count - rows))
        for row in 0..<rows where top + row < visible.count {
            let i = top + row, c = visible[i], y = box.y + 3 + row
            let on = i == p.highlight
            if on { g.fill(x: box.x + 1, y: y, width: box.width - 2, height: 1, with: Cell(" ", role: .selectedCard, reverse: true)) }
            let mark = p.multiple ? (p.ticked.contains(c.id) ? "[x] " : "[ ] ") : ""
            let detail = c.detail.isEmpty ? 0 : min(TerminalText.width(c.detail), (box.width - 4) / 2)
            g.putClipped(mark + c.label, x: box.x + 2, y: y, width: box.width - 4 - (detail > 0 ? detail + 2 : 0),
                         role: on ? .selectedCard : .overlay, reverse: on, glyphs: glyphs)
            if detail > 0 {
                g.putClipped(c.detail, x: box.x + box.width - 2 - detail, y: y, width: detail, role: on ? .selectedCard : .dim,
                             reverse: on, bold: true, glyphs: glyphs)
            }
        }
        if top > 0 { g.put(glyphs.moreUp, x: box.x + box.width - 2, y: box.y + 3, role: .warning) }
        if top + rows < visible.count { g.put(glyphs.moreDown, x: box.x + box.width - 2, y: box.y + box.height - 2, role: .warning) }
    }
}

/// The KPI list opened from a form.
enum KPIListWidget {
    /// Draws the list centred in `area`.
    static func draw(_ g: inout Grid, _ l: KPIList, in area: Rect, _ glyphs: Glyphs) {
        let lines = l.kpis.map { k in
            "\(k.name) \(glyphs.dot) \(k.kind.title)" + (k.health ? " \(glyphs.dot) health" : "")
                + (k.target.map { " \(glyphs.dot) target \(Forms.formatNumber($0))\(k.unit.isEmpty ? "" : " \(k.unit)")" } ?? "")
        }
        ListBoxWidget.draw(&g, title: l.title, items: lines, add: "+ Add a KPI", highlight: l.highlight, in: area, glyphs)
    }
}

/// A list of a form in a box: its items, then the Add and Done rows; the highlighted row reversed.
enum ListBoxWidget {
    static func draw(_ g: inout Grid, title: String, items: [String], add: String, highlight: Int, in area: Rect, _ glyphs: Glyphs) {
        let width = min(70, area.width - 4)
        let rows = max(1, min(items.count + 2, area.height - 4))
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - rows - 4) / 2), width: width, height: rows + 4)
        g.box(box, title: title, glyphs: glyphs)
        let lines = items + [add, "\(glyphs.tick) Done"]
        let top = max(0, min(highlight - rows + 1, lines.count - rows))
        for row in 0..<rows where top + row < lines.count {
            let i = top + row, y = box.y + 2 + row, on = i == highlight
            if on { g.fill(x: box.x + 1, y: y, width: box.width - 2, height: 1, with: Cell(" ", role: .selectedCard, reverse: true)) }
            g.putClipped(lines[i], x: box.x + 2, y: y, width: box.width - 4, role: on ? .selectedCard : (i >= items.count ? .dim : .overlay),
                         reverse: on, glyphs: glyphs)
        }
        if top > 0 { g.put(glyphs.moreUp, x: box.x + box.width - 2, y: box.y + 1, role: .warning) }
        if top + rows < lines.count { g.put(glyphs.moreDown, x: box.x + box.width - 2, y: box.y + box.height - 2, role: .warning) }
    }
}

/// A question with its answers.
enum ConfirmWidget {
    /// Draws the question centred in `area`.
    static func draw(_ g: inout Grid, _ c: Confirm, in area: Rect, _ glyphs: Glyphs) {
        let width = min(72, area.width - 4)
        let lines = TextWrap.wrap(TerminalText.singleLine(c.message), width: width - 4)
        let answers = pack(c.choices.map { "[\($0.key)] \(TerminalText.singleLine($0.label))" } + [c.escapeHint], width: width - 4)
        let height = lines.count + answers.count + 4
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(1, (area.height - height) / 2), width: width, height: height)
        g.box(box, title: "Question", glyphs: glyphs, role: .warning)
        for (i, line) in lines.enumerated() { g.put(line, x: box.x + 2, y: box.y + 2 + i, role: .overlay, bold: true) }
        for (i, line) in answers.enumerated() {
            g.putClipped(line, x: box.x + 2, y: box.y + box.height - 1 - answers.count + i, width: box.width - 4, role: .warning, glyphs: glyphs)
        }
    }

    /// The answers on as few lines as fit, never splitting one.
    static func pack(_ items: [String], width: Int) -> [String] {
        var out: [String] = []
        for item in items {
            if let last = out.last, TerminalText.width(last) + 2 + TerminalText.width(item) <= width {
                out[out.count - 1] = last + "  " + item
            } else {
                out.append(item)
            }
        }
        return out
    }
}
