import JourneyKit

/// The bottom line: the keys that work now, from the key table.
enum StatusBar {
    static func draw(_ g: inout Grid, _ s: EditorState) {
        let y = g.height - 1
        g.fill(x: 0, y: y, width: g.width, height: 1, with: Cell(" ", role: .statusBar))
        var x = 1
        let lint = !s.hasJourney ? "" : s.lintIsStale ? "lint …" : LintCount.text(s.lintCounts)
        let right = g.width - 1 - (lint.isEmpty ? 0 : TerminalText.width(lint) + 2)
        for b in KeyTable.statusBindings(s) {
            let keys = KeyTable.statusKeys(for: b, in: s)
            let item = "\(keys) \(b.statusLabel)"
            let w = TerminalText.width(item)
            if x + w > right { break }
            g.put(keys, x: x, y: y, role: .statusBar, bold: true)
            g.put(" " + b.statusLabel, x: x + TerminalText.width(keys), y: y, role: .statusBar)
            x += w + 2
        }
        guard !lint.isEmpty else { return }
        // The counts in words when the keys leave room for them.
        let long = s.lintIsStale ? "linting …" : LintCount.words(s.lintCounts)
        let shown = x + TerminalText.width(long) + 1 <= g.width - 1 ? long : lint
        g.put(shown, x: g.width - 1 - TerminalText.width(shown), y: y,
              role: s.lintCounts[.error, default: 0] > 0 ? .error : (s.lintCounts[.warning, default: 0] > 0 ? .warning : .statusBar), bold: true)
    }
}

/// The message line above the status bar: confirmations and errors, or the search prompt.
enum MessageLine {
    static func draw(_ g: inout Grid, _ s: EditorState) {
        guard let m = s.message else { return }
        g.putClipped(m.text, x: 1, y: g.height - 2, width: g.width - 2, role: m.isError ? .error : .message, glyphs: Glyphs.for(s))
    }

    /// Draws the search prompt on the first line of `area` (the message line).
    static func drawSearch(_ g: inout Grid, _ prompt: SearchPrompt, in area: Rect) {
        let t = prompt.input, y = area.y
        g.fill(x: area.x, y: y, width: area.width, height: 1, with: Cell(" ", role: .input))
        g.put("/", x: area.x + 1, y: y, role: .input, bold: true)
        let room = area.width - 4
        let before = TerminalTextWidth.tail(TerminalText.singleLine(String(t.characters[..<t.cursor])), width: room)
        let after = String(t.characters[t.cursor...])
        g.put(before + after, x: area.x + 2, y: y, maxWidth: room, role: .input)
        g.cursor = Point(x: area.x + 2 + TerminalText.width(before), y: y)
    }
}

/// The lint count at the right of the status bar: `E1 W3 i2`, or `lint ok`.
enum LintCount {
    static func text(_ counts: [Severity: Int]) -> String {
        let parts = [(Severity.error, "E"), (.warning, "W"), (.info, "i")].compactMap { sev, letter in
            counts[sev, default: 0] > 0 ? "\(letter)\(counts[sev, default: 0])" : nil
        }
        return parts.isEmpty ? "lint ok" : parts.joined(separator: " ")
    }

    /// The same counts in words: `1 error, 3 warnings, 2 info`.
    static func words(_ counts: [Severity: Int]) -> String {
        let parts = [(Severity.error, "error", "errors"), (.warning, "warning", "warnings"), (.info, "info", "info")].compactMap { sev, one, many in
            let n = counts[sev, default: 0]
            return n > 0 ? "\(n) \(n == 1 ? one : many)" : nil
        }
        return parts.isEmpty ? "lint ok" : "lint: " + parts.joined(separator: ", ")
    }
}
