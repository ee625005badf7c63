/// A line of text placed on the map: `y` is its baseline.
public struct MapText: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var size: Double
    public var bold: Bool
    public var text: String
    /// Centred on `x` instead of starting at it.
    public var centred: Bool
    public var fill: String

    public init(x: Double, y: Double, size: Double, bold: Bool = false, text: String, centred: Bool = false, fill: String = MapPalette.ink) {
        self.x = x
        self.y = y
        self.size = size
        self.bold = bold
        self.text = text
        self.centred = centred
        self.fill = fill
    }

    /// The width the text takes, by the font's width table.
    public var width: Double { FontMetrics.width(text, size: size, bold: bold) }
    /// Where the text starts and ends horizontally.
    public var left: Double { centred ? x - width / 2 : x }
    public var right: Double { left + width }
}

/// A rectangle with its text: every text of a box lies inside the box.
public struct MapBox: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    /// The CSS class: `card`, `stage`, `lane`, `legend`, `head`, `band`, `pain`.
    public var kind: String
    public var fill: String
    public var stroke: String?
    /// A dashed border (a touchpoint not yet live).
    public var dashed: Bool
    /// A coloured stripe down the left edge (the model's colour), if any.
    public var stripe: String?
    /// Drawn faded (a retired touchpoint).
    public var faded: Bool
    public var texts: [MapText]
    /// Details shown on hover (an SVG `<title>`).
    public var hover: String

    public init(x: Double, y: Double, width: Double, height: Double, kind: String, fill: String = "#FFFFFF", stroke: String? = nil,
                dashed: Bool = false, stripe: String? = nil, faded: Bool = false, texts: [MapText] = [], hover: String = "") {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.kind = kind
        self.fill = fill
        self.stroke = stroke
        self.dashed = dashed
        self.stripe = stripe
        self.faded = faded
        self.texts = texts
        self.hover = hover
    }

    /// True when every text lies inside the box, measured with the width table.
    public var textFits: Bool {
        texts.allSatisfy { t in
            t.left >= x - 0.01 && t.right <= x + width + 0.01 && t.y - t.size * 0.93 >= y - 0.01 && t.y + t.size * 0.24 <= y + height + 0.01
        }
    }
}

/// Builds the text lines of a box from the top down, each block fitted to the
/// inner width (wrapped, then cut with an ellipsis).
struct TextColumn {
    let x: Double
    let width: Double
    var y: Double
    var texts: [MapText] = []

    init(x: Double, top: Double, width: Double) {
        self.x = x
        self.width = width
        self.y = top
    }

    /// Adds `text` in at most `maxLines` lines; nothing when the text is empty.
    mutating func add(_ text: String, size: Double, bold: Bool = false, maxLines: Int = 1, fill: String = MapPalette.ink, centred: Bool = false) {
        guard !text.isEmpty else { return }
        for line in TextFit.lines(text, width: width, size: size, bold: bold, maxLines: maxLines) {
            y += size * 1.25
            texts.append(MapText(x: centred ? x + width / 2 : x, y: y - size * 0.3, size: size, bold: bold, text: line, centred: centred, fill: fill))
        }
    }

    mutating func gap(_ d: Double) { y += d }
}
