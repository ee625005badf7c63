import JourneyKit

/// The conflicts panel: each conflict a merge left in the journey, with its path and the
/// three values labelled with the sides' names.
enum ConflictsPanel {
    /// Lines each conflict takes: its path and message, then base, ours and theirs.
    static let blockHeight = 4

    static func draw(_ g: inout Grid, _ s: EditorState, _ layout: Layout, _ glyphs: Glyphs) {
        let r = layout.content
        let list = s.journey.conflicts
        g.putClipped(list.isEmpty ? "Conflicts: none left" : "Conflicts: \(list.count) to resolve (o ours, t theirs, b base, x keep as is, Enter goes to it)",
                     x: r.x + 1, y: r.y, width: r.width - 2, role: list.isEmpty ? .stageHeader : .error, bold: true, glyphs: glyphs)
        for x in r.x..<r.x + r.width { g[x, r.y + 1] = Cell(glyphs.horizontal, role: .border) }
        if list.isEmpty {
            g.putClipped("No conflicts left: s saves, and validate passes (Tab: back to the board)", x: r.x + 1, y: r.y + 2,
                         width: r.width - 2, role: .dim, glyphs: glyphs)
            return
        }
        let blocks = visibleBlocks(r.height)
        let labelWidth = min(24, max(8, list.flatMap { [sideName($0.oursLabel, .ours), sideName($0.theirsLabel, .theirs)] }.map(TerminalText.width).max() ?? 0) + 2)
        for b in 0..<blocks {
            let i = s.conflictScroll + b
            guard i < list.count else { break }
            let c = list[i], y = r.y + 2 + b * blockHeight
            let selected = i == s.conflictRow
            let role: StyleRole = selected ? .selectedCard : .card
            if selected { g.fill(x: r.x, y: y, width: r.width, height: 1, with: Cell(" ", role: role, reverse: true)) }
            let used = g.putClipped(c.path, x: r.x + 1, y: y, width: r.width - 2, role: role, reverse: selected, bold: true, glyphs: glyphs)
            g.putClipped(c.message, x: r.x + 2 + used, y: y, width: r.width - 3 - used, role: selected ? role : .dim, reverse: selected, glyphs: glyphs)
            for (k, side) in [ConflictSide.base, .ours, .theirs].enumerated() {
                let name = side == .base ? "base" : sideName(c.label(side), side)
                g.putClipped(name, x: r.x + 3, y: y + 1 + k, width: labelWidth - 1, role: .dim, glyphs: glyphs)
                g.putClipped(UnresolvedConflict.show(c.value(side)), x: r.x + 3 + labelWidth, y: y + 1 + k, width: r.width - 4 - labelWidth,
                             role: side == .base ? .dim : .normal, glyphs: glyphs)
            }
        }
        if s.conflictScroll > 0 { g.put(glyphs.moreUp, x: r.x + r.width - 1, y: r.y + 2, role: .warning) }
        if s.conflictScroll + blocks < list.count { g.put(glyphs.moreDown, x: r.x + r.width - 1, y: r.y + r.height - 1, role: .warning) }
    }

    /// How many conflicts fit in a panel this high.
    static func visibleBlocks(_ height: Int) -> Int { max(1, (height - 2) / blockHeight) }

    /// A side as the panel names it: `main (ours)`, or just `ours` when git gave no name.
    static func sideName(_ label: String, _ side: ConflictSide) -> String {
        label == side.rawValue ? label : "\(label) (\(side.rawValue))"
    }

    /// The detail pane of the conflicts panel: the selected conflict in full.
    static func detail(_ s: EditorState) -> (String, [(String, String)]) {
        guard let c = s.selectedConflict else { return ("Conflict", [("", "No conflict left")]) }
        return ("Conflict \(c.id)", [
            ("Path", c.path), ("What", c.message), ("base", UnresolvedConflict.show(c.base)),
            (sideName(c.oursLabel, .ours), UnresolvedConflict.show(c.ours)), (sideName(c.theirsLabel, .theirs), UnresolvedConflict.show(c.theirs)),
            ("Resolve", "o takes \(c.oursLabel), t takes \(c.theirsLabel), b takes base, x keeps the journey as it is; Enter goes to the item"),
        ])
    }

    /// The message on opening a journey with conflicts.
    static func openingNote(_ j: Journey) -> String {
        "A merge left \(DetailPane.plural(j.conflicts.count, "conflict")) in this journey: Tab to the Conflicts panel resolves them"
    }

    /// The title bar's marker while conflicts remain: ` [2 conflicts]`.
    static func marker(_ s: EditorState) -> String {
        let n = s.journey.conflicts.count
        return n == 0 ? "" : " [\(DetailPane.plural(n, "conflict"))]"
    }
}

extension Panel {
    /// The panels without the conflicts panel.
    static let standard: [Panel] = allCases.filter { $0 != .conflicts }

    /// The panels Tab goes through now: the conflicts panel only while the journey has conflicts
    /// (or while it is on screen, after the last one was resolved).
    static func cycle(_ s: EditorState) -> [Panel] { s.journey.conflicts.isEmpty && s.panel != .conflicts ? standard : allCases }
}

extension EditorState {
    /// The selected conflict of the conflicts panel.
    public var selectedConflict: UnresolvedConflict? {
        journey.conflicts.indices.contains(conflictRow) ? journey.conflicts[conflictRow] : nil
    }
}
