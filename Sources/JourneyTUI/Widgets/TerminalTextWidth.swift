import JourneyKit

/// Fitting text into cells from the right (wide characters count two).
public enum TerminalTextWidth {
    /// The last `width` cells of the text (for a field scrolled to its cursor).
    public static func tail(_ text: String, width: Int) -> String {
        var out: [Character] = [], used = 0
        for ch in text.reversed() {
            let w = TerminalText.width(of: ch)
            if used + w > width { break }
            out.append(ch)
            used += w
        }
        return String(out.reversed())
    }
}
