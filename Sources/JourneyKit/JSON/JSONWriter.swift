/// Writes JSON in the canonical form of journey files.
///
/// UTF-8, LF line ends, 2-space indent, `": "` after keys, keys sorted by their
/// UTF-8 bytes, one array element per line, `[]` and `{}` when empty and a final
/// newline: the same bytes as `jq -S --indent 2 .` (numbers and string escapes
/// included), so the canonical text is a fixed point of that command.
public enum JSONWriter {
    /// The canonical text of a value, with a final newline.
    public static func canonical(_ node: JSONNode) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(node, indent: 0, into: &out)
        out.append(0x0A)
        return out
    }

    /// The canonical text of a value, as a String.
    public static func canonicalString(_ node: JSONNode) -> String {
        String(decoding: canonical(node), as: UTF8.self)
    }

    /// A string as a JSON string literal, escaped the way jq escapes it.
    public static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        writeString(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func write(_ node: JSONNode, indent: Int, into out: inout [UInt8]) {
        switch node.value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let d): out.append(contentsOf: formatNumber(d).utf8)
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 2, into: &out)
                write(item, indent: indent + 2, into: &out)
            }
            newline(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            let sorted = isSorted(members) ? members : members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (i, member) in sorted.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 2, into: &out)
                writeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                out.append(UInt8(ascii: " "))
                write(member.value, indent: indent + 2, into: &out)
            }
            newline(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    static func isSorted(_ members: [JSONMember]) -> Bool {
        var i = 1
        while i < members.count {
            if !members[i - 1].key.utf8.lexicographicallyPrecedes(members[i].key.utf8) { return false }
            i += 1
        }
        return true
    }

    @inline(__always)
    static func newline(_ indent: Int, into out: inout [UInt8]) {
        out.append(0x0A)
        for _ in 0..<indent { out.append(0x20) }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            var runStart = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F { continue }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                runStart = i + 1
                switch b {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30])
                    out.append(hexDigits[Int(b >> 4)])
                    out.append(hexDigits[Int(b & 0xF)])
                }
            }
            if runStart < utf8.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        out.append(0x22)
    }

    /// A number as jq 1.6 prints it: the shortest digits that read back the same,
    /// plain unless the decimal exponent is below -4 or beyond 15 plus the digit count.
    public static func formatNumber(_ d: Double) -> String {
        if d.isNaN { return "null" }
        if d.isInfinite { return d < 0 ? "-1.7976931348623157e+308" : "1.7976931348623157e+308" }
        if d == d.rounded(), abs(d) < 1e15 {
            if d == 0 { return d.sign == .minus ? "-0" : "0" }
            return String(Int64(d))
        }
        // Shortest round-trip digits and the decimal point position, from Swift's description.
        let text = "\(abs(d))"
        var digits: [UInt8] = []
        var pointAt: Int? = nil
        var exponent = 0
        var seenE = false
        var expText = ""
        for c in text.utf8 {
            if seenE {
                expText.append(Character(Unicode.Scalar(c)))
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                seenE = true
            } else if c == UInt8(ascii: ".") {
                pointAt = digits.count
            } else {
                digits.append(c)
            }
        }
        if seenE { exponent = Int(expText) ?? 0 }
        var decpt = (pointAt ?? digits.count) + exponent
        // Strip leading zeros (0.001 -> digits "0001") and trailing zeros.
        while digits.count > 1, digits.first == UInt8(ascii: "0") {
            digits.removeFirst()
            decpt -= 1
        }
        while digits.count > 1, digits.last == UInt8(ascii: "0") { digits.removeLast() }
        var out = d < 0 ? "-" : ""
        let n = digits.count
        let digitString = String(decoding: digits, as: UTF8.self)
        if decpt <= -4 || decpt > n + 15 {
            out += String(Character(Unicode.Scalar(digits[0])))
            if n > 1 { out += "." + String(decoding: digits[1...], as: UTF8.self) }
            let e = decpt - 1
            out += e < 0 ? "e-" : "e+"
            let mag = String(abs(e))
            out += mag.count < 2 ? "0" + mag : mag
        } else if decpt <= 0 {
            out += "0." + String(repeating: "0", count: -decpt) + digitString
        } else if decpt >= n {
            out += digitString + String(repeating: "0", count: decpt - n)
        } else {
            out += String(decoding: digits[0..<decpt], as: UTF8.self) + "." + String(decoding: digits[decpt...], as: UTF8.self)
        }
        return out
    }
}
