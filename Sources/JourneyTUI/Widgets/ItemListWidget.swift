import JourneyKit

/// How the items of the format-3 list fields read, in the list editor, the form and the detail pane.
enum ItemText {
    static func line(_ item: ListItem, _ journey: Journey, _ glyphs: Glyphs) -> String {
        switch item {
        case .text(let t): return t
        case .dataCapture(let d): return dataCapture(d)
        case .routing(let r): return routing(r, journey)
        case .dropOff(let stage, let percent): return "\(Choices.label(stage, .stage, in: journey)) \(Forms.formatNumber(percent))%"
        case .component(let c):
            return "\(c.name) \(glyphs.dot) \(c.kind.title) \(glyphs.dot) weight \(Forms.formatNumber(c.weight))"
                + (c.kpi.map { " \(glyphs.dot) reads \(Choices.label($0, .kpi, in: journey))" } ?? "")
        case .band(let b):
            let targets = b.leadsTo.map { Choices.label($0, .healthTargets, in: journey) }.joined(separator: ", ")
            return b.state.title + (b.below.map { " below \(Forms.formatNumber($0))" } ?? "")
                + (b.leadsTo.isEmpty ? " \(glyphs.dot) leads nowhere" : " → " + targets)
        }
    }

    /// `email address (zero-party) → CRM`.
    static func dataCapture(_ d: DataCapture) -> String {
        "\(d.data) (\(d.party.rawValue)-party)" + (d.destination.isEmpty ? "" : " → \(d.destination)")
    }

    /// `balance above 50,000: the relationship manager calls (RM team)`.
    static func routing(_ r: RoutingRule, _ journey: Journey) -> String {
        var out = "\(r.signal) \(r.condition)"
        if !r.action.isEmpty { out += ": \(r.action)" }
        if !r.owner.isEmpty { out += " (\(r.owner))" }
        if let t = r.touchpoint { out += " → \(Choices.label(t, .touchpoint, in: journey))" }
        if let m = r.model { out += " → \(Choices.label(m, .model, in: journey))" }
        return out
    }

    /// `3 components, 2 bands`.
    static func healthScore(_ h: HealthScore) -> String {
        "\(DetailPane.plural(h.components.count, "component")), \(DetailPane.plural(h.bands.count, "band"))"
    }
}

/// The list editor of a form's list field: the KPI list's look for the other lists.
enum ItemListWidget {
    /// Draws the list centred in `area`.
    static func draw(_ g: inout Grid, _ l: ItemList, in area: Rect, journey: Journey, _ glyphs: Glyphs) {
        ListBoxWidget.draw(&g, title: l.title, items: l.items.map { TerminalText.singleLine(ItemText.line($0, journey, glyphs)) },
                           add: "+ Add a \(l.kind.noun)", highlight: l.highlight, in: area, glyphs)
    }
}
