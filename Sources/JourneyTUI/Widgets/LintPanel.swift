import JourneyKit

/// The lint panel: every finding of the journey as it is now, one per row.
enum LintPanel {
    static func draw(_ g: inout Grid, _ s: EditorState, _ layout: Layout, _ glyphs: Glyphs) {
        let r = layout.content
        let report = s.lint
        let suppressed = report.suppressed.isEmpty ? "" : ", \(report.suppressed.count) suppressed"
        g.putClipped("Lint: \(report.summary)\(suppressed)", x: r.x + 1, y: r.y, width: r.width - 2,
                     role: report.count(.error) > 0 ? .error : .stageHeader, bold: true, glyphs: glyphs)
        for x in r.x..<r.x + r.width { g[x, r.y + 1] = Cell(glyphs.horizontal, role: .border) }
        if report.findings.isEmpty {
            g.putClipped("No findings: the journey passes every rule (Tab: on to the models panel)", x: r.x + 1, y: r.y + 2,
                         width: r.width - 2, role: .dim, glyphs: glyphs)
            return
        }
        let rows = max(1, r.height - 2)
        let whereWidth = min(28, max(12, r.width / 4))
        for row in 0..<rows {
            let i = s.lintScroll + row
            guard i < report.findings.count else { break }
            let f = report.findings[i], y = r.y + 2 + row
            let selected = i == s.lintRow
            let role: StyleRole = selected ? .selectedCard : .card
            if selected { g.fill(x: r.x, y: y, width: r.width, height: 1, with: Cell(" ", role: role, reverse: true)) }
            var x = r.x + 1
            g.put(mark(f.severity, glyphs), x: x, y: y, role: selected ? role : severityRole(f.severity), reverse: selected, bold: true)
            x += 2
            g.put(f.rule, x: x, y: y, role: role, reverse: selected)
            x += 7
            g.putClipped(place(f, s.journey), x: x, y: y, width: whereWidth - 1, role: selected ? role : .dim, reverse: selected, glyphs: glyphs)
            x += whereWidth
            g.putClipped(f.message, x: x, y: y, width: r.x + r.width - x - 1, role: role, reverse: selected, glyphs: glyphs)
        }
        if s.lintScroll > 0 { g.put(glyphs.moreUp, x: r.x + r.width - 1, y: r.y + 2, role: .warning) }
        if s.lintScroll + rows < report.findings.count { g.put(glyphs.moreDown, x: r.x + r.width - 1, y: r.y + r.height - 1, role: .warning) }
    }

    /// The one-character marker of a severity: on cards, headers and rows.
    static func mark(_ severity: Severity, _ glyphs: Glyphs) -> String {
        switch severity {
        case .error: "E"
        case .warning: "W"
        case .info: "i"
        }
    }

    static func severityRole(_ severity: Severity) -> StyleRole {
        switch severity {
        case .error: .error
        case .warning: .warning
        case .info: .dim
        }
    }

    /// Where a finding is, in words: a stage, a touchpoint in it, a cohort, or the journey.
    static func place(_ f: Finding, _ j: Journey) -> String {
        if let si = f.stageIndex, j.stages.indices.contains(si) {
            let stage = j.stages[si]
            if let ti = f.touchpointIndex, stage.touchpoints.indices.contains(ti) { return "\(stage.name) / \(stage.touchpoints[ti].name)" }
            return stage.name
        }
        if let ci = f.cohortIndex, j.cohorts.indices.contains(ci) { return "cohort \(j.cohorts[ci].name)" }
        return "journey"
    }

    /// The detail pane of the lint panel: the selected finding in full.
    static func detail(_ s: EditorState) -> (String, [(String, String)]) {
        guard let f = s.selectedFinding else { return ("Finding", [("", "No finding selected")]) }
        return ("\(f.rule) \(f.severity.rawValue)", [
            ("Where", place(f, s.journey)), ("Path", f.path.description), ("Finding", f.message),
            ("Why", f.reason), ("Fix", f.fix), ("Suppress", "\"suppress\": [{\"rule\": \"\(f.rule)\", \"reason\": ...}]"),
        ])
    }
}
