import JourneyKit

/// The top line: journey title, framework, file name, modified marker, and the panels.
enum TitleBar {
    static func draw(_ g: inout Grid, _ s: EditorState, _ glyphs: Glyphs) {
        g.fill(x: 0, y: 0, width: g.width, height: 1, with: Cell(" ", role: .title))
        // Below 80 columns only the current panel is named, so the file and its markers fit.
        let right = !s.hasJourney ? "" : g.width < 80 ? "[\(s.panel.title)] " : panelNames(s.panel, Panel.cycle(s))
        let rightWidth = TerminalText.width(right)
        guard s.hasJourney else {
            g.put(" Journeyman", x: 0, y: 0, role: .title, bold: true)
            return
        }
        let lens = s.lens.map { " \(glyphs.dot) lens \($0.title(in: s.journey))" + ($0.dim ? " (dim)" : "") } ?? ""
        let file = " \(glyphs.dot) " + (s.path.map(fileName) ?? "(no file)") + lens
        // The markers are never cut: the title and the file name give way first.
        let markers = (s.scenarioName.map { " [scenario: \(TextWrap.truncate(TerminalText.singleLine($0), width: 24, ellipsis: glyphs.ellipsis))]" } ?? "")
            + (s.isDirty ? " [modified]" : "") + (s.readOnly ? " [read-only]" : "") + (s.noRecoveryCopy ? " [no recovery copy]" : "") + ConflictsPanel.marker(s)
        let markersWidth = TerminalText.width(markers)
        let fileWidth = max(0, min(TerminalText.width(file), g.width - rightWidth - markersWidth - 12))
        let titleWidth = g.width - rightWidth - markersWidth - fileWidth - 1
        let used = g.putClipped(" \(s.journey.title) \(glyphs.dot) \(s.journey.framework.displayName)", x: 0, y: 0, width: titleWidth,
                                role: .title, bold: true, glyphs: glyphs)
        let usedFile = g.putClipped(file, x: used, y: 0, width: fileWidth, role: .title, bold: true, glyphs: glyphs)
        g.put(markers, x: used + usedFile, y: 0, role: .title, bold: true)
        g.put(right, x: g.width - rightWidth, y: 0, role: .title)
    }
}

extension TitleBar {
    /// The panel names at the right of the title bar, the current one in brackets.
    static func panelNames(_ current: Panel, _ panels: [Panel] = Panel.standard) -> String {
        panels.map { $0 == current ? "[\($0.title)]" : " \($0.title) " }.joined() + " "
    }

    /// Where each panel's name is in a title bar this wide (the same for any current panel),
    /// for clicks.
    static func panelTabs(width: Int, _ panels: [Panel] = Panel.standard) -> [(panel: Panel, columns: Range<Int>)] {
        // Below 80 columns the names are not shown (only the current panel's).
        guard width >= 80 else { return [] }
        var x = width - TerminalText.width(panelNames(.board, panels))
        return panels.map { p in
            let w = p.title.count + 2
            defer { x += w }
            return (p, x..<x + w)
        }
    }
}

/// The last component of a path.
func fileName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
