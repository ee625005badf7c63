import JourneyKit

/// The top line: journey title, framework, file name, modified marker, and the panels.
enum TitleBar {
    static func draw(_ g: inout Grid, _ s: EditorState, _ glyphs: Glyphs) {
        g.fill(x: 0, y: 0, width: g.width, height: 1, with: Cell(" ", role: .title))
        var panels = ""
        for p in Panel.allCases { panels += p == s.panel ? "[\(p.title)]" : " \(p.title) " }
        let right = s.hasJourney ? panels + " " : ""
        let rightWidth = TerminalText.width(right)
        guard s.hasJourney else {
            g.put(" Journeyman", x: 0, y: 0, role: .title, bold: true)
            return
        }
        let file = " \(glyphs.dot) " + (s.path.map(fileName) ?? "(no file)") + (s.isDirty ? " [modified]" : "") + (s.readOnly ? " [read-only]" : "") + (s.noRecoveryCopy ? " [no recovery copy]" : "")
        let fileWidth = min(TerminalText.width(file), g.width - rightWidth - 12)
        let titleWidth = g.width - rightWidth - fileWidth - 1
        let used = g.putClipped(" \(s.journey.title) \(glyphs.dot) \(s.journey.framework.displayName)", x: 0, y: 0, width: titleWidth,
                                role: .title, bold: true, glyphs: glyphs)
        g.putClipped(file, x: used, y: 0, width: fileWidth, role: .title, bold: true, glyphs: glyphs)
        g.put(right, x: g.width - rightWidth, y: 0, role: .title)
    }
}

/// The last component of a path.
func fileName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
