/// Stable ids made once from names: lower-case ASCII letters, digits and single hyphens.
public enum Slug {
    /// The longest id made from a name.
    public static let maxLength = 48

    /// True when `id` has the form of an id.
    public static func isValid(_ id: String) -> Bool {
        var previousHyphen = true
        var count = 0
        for b in id.utf8 {
            count += 1
            if b == 0x2D {
                if previousHyphen { return false }
                previousHyphen = true
            } else if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                previousHyphen = false
            } else {
                return false
            }
        }
        return count > 0 && count <= 64 && !previousHyphen
    }

    /// A slug of a name: accents dropped, other characters turned to hyphens;
    /// `fallback` when nothing is left (a name in CJK script, say).
    public static func make(from name: String, fallback: String) -> String {
        var largest = 0
        return make(from: name, fallback: fallback, normalized: { largest = max(largest, $0) })
    }

    /// The most characters normalized in one piece. Foundation's normalization takes time
    /// quadratic in its input on Linux, so a name is decomposed a bounded piece at a time
    /// (pieces end at character boundaries, where normalization may split): the whole
    /// slug is linear in the name's length.
    static let normalizationPiece = 64

    /// `make`, reporting the size in characters of every piece normalized (for tests).
    static func make(from name: String, fallback: String, normalized: (Int) -> Void) -> String {
        var out: [UInt8] = []
        var pendingHyphen = false
        var index = name.startIndex
        pieces: while index < name.endIndex {
            let end = name.index(index, offsetBy: normalizationPiece, limitedBy: name.endIndex) ?? name.endIndex
            let piece = name[index..<end]
            index = end
            let scalars: String.UnicodeScalarView
            if piece.utf8.allSatisfy({ $0 < 0x80 }) {
                scalars = String(piece).unicodeScalars
            } else {
                normalized(piece.count)
                scalars = String(piece).decomposedStringWithCanonicalMapping.unicodeScalars
            }
            for scalar in scalars {
                let v = scalar.value
                if scalar.properties.generalCategory == .nonspacingMark { continue }
                var b: UInt8? = nil
                if v >= 0x41 && v <= 0x5A { b = UInt8(v) + 0x20 }
                else if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) { b = UInt8(v) }
                else if v == 0xDF { out.append(contentsOf: pendingHyphen && !out.isEmpty ? [0x2D, 0x73, 0x73] : [0x73, 0x73]); pendingHyphen = false; continue }
                guard let b else {
                    pendingHyphen = true
                    continue
                }
                if pendingHyphen && !out.isEmpty { out.append(0x2D) }
                pendingHyphen = false
                out.append(b)
                if out.count >= maxLength { break pieces }
            }
        }
        while out.last == 0x2D { out.removeLast() }
        return out.isEmpty ? fallback : String(decoding: out, as: UTF8.self)
    }

    /// A slug of a name that is not in `taken`: `name`, `name-2`, `name-3`, ...
    public static func unique(from name: String, fallback: String, taken: Set<String>) -> String {
        let base = make(from: name, fallback: fallback)
        if !taken.contains(base) { return base }
        var n = 2
        while taken.contains("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
    }
}

extension Journey {
    /// Every id used in the journey: stages, touchpoints, cohorts, KPIs, loops, custom models.
    public var allIDs: Set<String> {
        var ids = Set<String>()
        for s in stages {
            ids.insert(s.id)
            for k in s.kpis { ids.insert(k.id) }
            for t in s.touchpoints {
                ids.insert(t.id)
                for k in t.kpis { ids.insert(k.id) }
            }
        }
        for c in cohorts { ids.insert(c.id) }
        for k in kpis { ids.insert(k.id) }
        for l in loops { ids.insert(l.id) }
        for m in models { ids.insert(m.id) }
        return ids
    }

    /// A new id for an item named `name`, unique in this journey.
    public func newID(for name: String, fallback: String) -> String {
        Slug.unique(from: name, fallback: fallback, taken: allIDs)
    }
}
