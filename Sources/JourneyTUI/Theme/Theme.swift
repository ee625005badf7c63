/// A terminal colour: the terminal's own, or an index (0-7 the named colours, up to 255).
public enum ThemeColor: Hashable, Sendable {
    case terminalDefault
    case index(Int)

    /// The names a theme file may use for 0-7.
    public static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
}

/// How one style role looks.
public struct Style: Hashable, Sendable {
    public var foreground: ThemeColor = .terminalDefault
    public var background: ThemeColor = .terminalDefault
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
                bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    /// True when the style uses no colour, only attributes.
    public var isMonochrome: Bool { foreground == .terminalDefault && background == .terminalDefault }
}

/// A theme: a style for every role. Roles a theme leaves out look like `normal`.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var description: String
    public var styles: [StyleRole: Style]

    public init(name: String, description: String = "", styles: [StyleRole: Style]) {
        self.name = name
        self.description = description
        self.styles = styles
    }

    public func style(_ role: StyleRole) -> Style { styles[role] ?? styles[.normal] ?? Style() }

    /// The same theme without colours (for NO_COLOR and terminals without colour).
    public var monochrome: Theme {
        var t = self
        for (role, style) in styles {
            t.styles[role] = Style(bold: style.bold, reverse: style.reverse, underline: style.underline, dim: style.dim)
        }
        return t
    }
}
