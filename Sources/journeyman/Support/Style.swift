/// ANSI styling for terminal output; every call returns the text unchanged when disabled.
struct Style {
    var enabled: Bool

    /// Styling for standard output: on only for a terminal without NO_COLOR.
    static var stdout: Style { Style(enabled: CLI.colorEnabled()) }

    func bold(_ s: String) -> String { wrap(s, "1") }
    func red(_ s: String) -> String { wrap(s, "1;31") }
    func yellow(_ s: String) -> String { wrap(s, "33") }
    func cyan(_ s: String) -> String { wrap(s, "36") }
    func dim(_ s: String) -> String { wrap(s, "2") }

    func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    /// Every escape sequence `wrap` writes, and the diff's green and red
    /// (`JourneyDiff.text(colour:)`): the only ones the output sanitizer lets through.
    static let sequences = ["0", "1", "1;31", "33", "36", "2", "32", "31"].map { "\u{1B}[\($0)m" }
}
