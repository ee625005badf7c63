import Foundation

/// The visual journey map: stages as columns, swim lanes of touchpoint cards, loop
/// edges as arrows back, a legend, as a self-contained SVG or HTML page (no
/// network, no external fonts or scripts). Every text is fitted to its box by the
/// font's width table, XML-escaped, and free of control characters.
public enum JourneyMap {
    /// The map as a standalone SVG document.
    public static func svg(_ journey: Journey, options: JourneyMapOptions = JourneyMapOptions()) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svgElement(MapLayout(journey, options: options))
    }

    /// The map as one HTML page that prints on one A3 landscape page (A4 scales it down),
    /// with hover details on cards.
    public static func html(_ journey: Journey, options: JourneyMapOptions = JourneyMapOptions()) -> String {
        let layout = MapLayout(journey, options: options)
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(xml(layout.title))</title>
            <style>
            @page { size: A3 landscape; margin: 8mm; }
            html, body { margin: 0; padding: 0; background: #FFFFFF; }
            body { font-family: \(FontMetrics.family); }
            svg.journey-map { display: block; width: 100%; max-width: \(number(layout.width))px; height: auto; margin: 0 auto; }
            svg.journey-map g.card:hover > rect:first-of-type { stroke-width: 2.5; }
            svg.journey-map g.card { cursor: default; }
            @media print {
              svg.journey-map { max-width: none; width: 100%; height: 280mm; break-inside: avoid; }
            }
            </style>
            </head>
            <body>

            """ + svgElement(layout) + "</body>\n</html>\n"
    }

    /// The `<svg>` element of a laid-out map.
    static func svgElement(_ l: MapLayout) -> String {
        var out: [String] = []
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"journey-map\" width=\"\(number(l.width))\" height=\"\(number(l.height))\" viewBox=\"0 0 \(number(l.width)) \(number(l.height))\" preserveAspectRatio=\"xMidYMin meet\" role=\"img\" aria-labelledby=\"map-title\" font-family=\"\(xml(FontMetrics.family))\">")
        out.append("<title id=\"map-title\">\(xml("Journey map: " + l.title))</title>")
        out.append("<desc>\(xml(l.summary))</desc>")
        out.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(MapPalette.accent)\"/></marker></defs>")
        out.append("<rect x=\"0\" y=\"0\" width=\"\(number(l.width))\" height=\"\(number(l.height))\" fill=\"#FFFFFF\"/>")
        for b in l.boxes where b.kind != "loop" && b.kind != "dot" { out.append(box(b)) }
        for r in l.rects {
            out.append("<rect x=\"\(number(r.x))\" y=\"\(number(r.y))\" width=\"\(number(r.width))\" height=\"\(number(r.height))\" fill=\"\(r.fill)\"" + (r.stroke.map { " stroke=\"\($0)\" stroke-width=\"0.75\"" } ?? "") + "/>")
        }
        for c in l.curves where c.count > 0 {
            let points = c.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " ")
            out.append("<polyline class=\"curve\" points=\"\(points)\" fill=\"none\" stroke=\"\(MapPalette.accent)\" stroke-width=\"2\"/>")
            for p in c { out.append("<circle cx=\"\(number(p.0))\" cy=\"\(number(p.1))\" r=\"3.5\" fill=\"\(MapPalette.accent)\"/>") }
        }
        for a in l.arrows {
            let d = a.points.enumerated().map { ($0.offset == 0 ? "M" : "L") + "\(number($0.element.0)),\(number($0.element.1))" }.joined(separator: " ")
            out.append("<path class=\"loop\" d=\"\(d)\" fill=\"none\" stroke=\"\(MapPalette.accent)\" stroke-width=\"1.75\"" + (a.dashed ? " stroke-dasharray=\"6 4\"" : "") + " marker-end=\"url(#arrow)\"/>")
        }
        // The loop labels and sentiment dots sit on top of their lines.
        for b in l.boxes where b.kind == "loop" || b.kind == "dot" { out.append(box(b)) }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    static func box(_ b: MapBox) -> String {
        var out = "<g class=\"box \(b.kind)\"" + (b.faded ? " opacity=\"0.55\"" : "") + ">"
        if !b.hover.isEmpty { out += "<title>\(xml(b.hover))</title>" }
        out += "<rect x=\"\(number(b.x))\" y=\"\(number(b.y))\" width=\"\(number(b.width))\" height=\"\(number(b.height))\""
        out += b.kind == "dot" ? " rx=\"8\"" : b.kind == "card" || b.kind == "stage" || b.kind == "loop" || b.kind == "pain" ? " rx=\"4\"" : ""
        out += " fill=\"\(b.fill)\""
        if let s = b.stroke { out += " stroke=\"\(s)\" stroke-width=\"1\"" + (b.dashed ? " stroke-dasharray=\"4 3\"" : "") }
        out += "/>"
        if let s = b.stripe {
            out += "<rect x=\"\(number(b.x + 0.5))\" y=\"\(number(b.y + 0.5))\" width=\"6\" height=\"\(number(b.height - 1))\" fill=\"\(s)\"/>"
        }
        for t in b.texts {
            out += "<text x=\"\(number(t.x))\" y=\"\(number(t.y))\" font-size=\"\(number(t.size))\""
            if t.bold { out += " font-weight=\"bold\"" }
            if t.centred { out += " text-anchor=\"middle\"" }
            if t.fill != MapPalette.ink { out += " fill=\"\(t.fill)\"" } else { out += " fill=\"\(MapPalette.ink)\"" }
            out += ">\(xml(t.text))</text>"
        }
        return out + "</g>"
    }

    /// Text escaped for XML: `& < > " '` as entities, characters XML 1.0 forbids dropped.
    public static func xml(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t": out += " "
            default:
                let v = u.value
                if v < 0x20 || (v >= 0x7F && v < 0xA0) || v == 0xFFFE || v == 0xFFFF || TerminalText.isUnsafe(u) { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// A coordinate with at most two decimals.
    static func number(_ d: Double) -> String {
        let r = (d * 100).rounded() / 100
        if r == r.rounded() { return String(Int(r)) }
        return String(format: "%.2f", r).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
    }
}
