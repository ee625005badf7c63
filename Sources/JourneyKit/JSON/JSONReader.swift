/// A syntax error found while reading JSON: where it is and what is wrong.
public struct JSONSyntaxError: Error, Hashable, Sendable {
    public var offset: Int
    public var message: String
}

/// Limits that keep a hostile file from exhausting the stack or memory.
public struct JSONLimits: Hashable, Sendable {
    /// How deeply arrays and objects may nest.
    public var maxDepth: Int
    /// The longest string, in bytes of UTF-8.
    public var maxStringBytes: Int

    public init(maxDepth: Int = 64, maxStringBytes: Int = 1 << 20) {
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
    }

    public static let `default` = JSONLimits()
}

/// A strict RFC 8259 reader that keeps the byte offset of every value.
///
/// Duplicate keys, lone surrogates, raw control characters in strings, invalid UTF-8
/// and numbers outside the range of a Double are errors. A leading UTF-8 byte
/// order mark is skipped (the canonical writer never writes one).
public enum JSONReader {
    /// Reads one JSON value that must fill the whole text.
    public static func read(_ bytes: [UInt8], limits: JSONLimits = .default) throws(JSONSyntaxError) -> JSONNode {
        try tape(bytes, limits: limits).node(at: 0)
    }

    /// Reads one JSON value into a flat tape, without building a tree.
    static func tape(_ bytes: [UInt8], limits: JSONLimits = .default) throws(JSONSyntaxError) -> JSONTape {
        if bytes.count > Int(UInt32.max) {
            throw JSONSyntaxError(offset: 0, message: "the file is \(bytes.count) bytes; journeyman reads files of up to 4 GiB")
        }
        let result: Result<JSONTape.Storage, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(bytes: buffer, limits: limits)
            // Canonical text holds about one value per 12 bytes; reserving avoids copies.
            parser.tape.reserve(bytes.count / 12)
            return Result { () throws(JSONSyntaxError) -> JSONTape.Storage in
                try parser.readDocument()
                return parser.tape
            }
        }
        return JSONTape(bytes: bytes, storage: try result.get())
    }
}

/// Reads JSON text into a `JSONTape.Storage`; also decodes the escapes of one string.
struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: JSONLimits
    var pos = 0
    var depth = 0
    var tape = JSONTape.Storage()
    /// The decoded bytes of the last string that had escapes.
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSONLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    mutating func readDocument() throws(JSONSyntaxError) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { pos = 3 }
        skipWhitespace()
        if pos == bytes.count {
            throw JSONSyntaxError(offset: pos, message: pos == 0 || pos == 3 && bytes.count == 3
                ? "the file is empty; a journey is a JSON object (journeyman new FILE --framework ID makes one)"
                : "the file holds only white space; a journey is a JSON object")
        }
        try readValue()
        skipWhitespace()
        if pos < bytes.count {
            throw JSONSyntaxError(offset: pos, message: "unexpected \(describe(at: pos)) after the end of the JSON value; a journey file holds exactly one object")
        }
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while pos < bytes.count {
            let b = bytes[pos]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { pos += 1 } else { return }
        }
    }

    func describe(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of file" }
        let b = bytes[offset]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b < 0x20 || b == 0x7F { return "control character U+\(hex4(UInt32(b)))" }
        // A multi-byte scalar: show it when it decodes.
        var end = offset + 1
        while end < bytes.count && end < offset + 4 && bytes[end] & 0xC0 == 0x80 { end += 1 }
        if let s = String(validating: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self),
           let scalar = s.unicodeScalars.first {
            return "character U+\(hex4(scalar.value))"
        }
        return "byte 0x\(String(b, radix: 16, uppercase: true)) (not UTF-8)"
    }

    mutating func readValue() throws(JSONSyntaxError) {
        guard pos < bytes.count else {
            throw JSONSyntaxError(offset: pos, message: "unexpected end of file; expected a value")
        }
        let start = pos
        switch bytes[pos] {
        case UInt8(ascii: "{"): try readObject()
        case UInt8(ascii: "["): try readArray()
        case UInt8(ascii: "\""): try readString()
        case UInt8(ascii: "t"): try expectWord("true"); tape.append(.true, start)
        case UInt8(ascii: "f"): try expectWord("false"); tape.append(.false, start)
        case UInt8(ascii: "n"): try expectWord("null"); tape.append(.null, start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let value = try readNumber()
            tape.append(.number, start, UInt32(tape.numbers.count))
            tape.numbers.append(value)
        case UInt8(ascii: "'"):
            throw JSONSyntaxError(offset: pos, message: "strings use double quotes (\"), not single quotes")
        default:
            throw JSONSyntaxError(offset: pos, message: "unexpected \(describe(at: pos)); expected a value (object, array, string, number, true, false or null)")
        }
    }

    mutating func expectWord(_ word: StaticString) throws(JSONSyntaxError) {
        let start = pos
        let count = word.utf8CodeUnitCount
        let w = UnsafeBufferPointer(start: word.utf8Start, count: count)
        for i in 0..<count {
            guard pos + i < bytes.count, bytes[pos + i] == w[i] else {
                throw JSONSyntaxError(offset: start, message: "unexpected \(describe(at: start)); expected a value (did you mean \(word)?)")
            }
        }
        pos += count
        if pos < bytes.count, isIdentifierByte(bytes[pos]) {
            throw JSONSyntaxError(offset: start, message: "unexpected word; expected a value (strings need double quotes)")
        }
    }

    func isIdentifierByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == UInt8(ascii: "_")
    }

    mutating func enter(_ offset: Int) throws(JSONSyntaxError) {
        depth += 1
        if depth > limits.maxDepth {
            throw JSONSyntaxError(offset: offset, message: "nesting is deeper than \(limits.maxDepth) levels; a journey never needs that many")
        }
    }

    mutating func readObject() throws(JSONSyntaxError) {
        let start = pos
        try enter(start)
        pos += 1
        let index = tape.append(.object, start, 0)
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
            pos += 1
            depth -= 1
            tape.close(index)
            return
        }
        while true {
            skipWhitespace()
            guard pos < bytes.count else { throw unterminated("object", start) }
            guard bytes[pos] == UInt8(ascii: "\"") else {
                if bytes[pos] == UInt8(ascii: "}") {
                    throw JSONSyntaxError(offset: pos, message: "trailing comma before '}'; remove the comma")
                }
                throw JSONSyntaxError(offset: pos, message: "unexpected \(describe(at: pos)); expected a key in double quotes")
            }
            let keyOffset = pos
            let key = tape.count
            try readString()
            skipWhitespace()
            guard pos < bytes.count else { throw unterminated("object", start) }
            guard bytes[pos] == UInt8(ascii: ":") else {
                throw JSONSyntaxError(offset: pos, message: "unexpected \(describe(at: pos)); expected ':' after the key \(JSONWriter.quoted(string(at: key)))")
            }
            pos += 1
            skipWhitespace()
            guard pos < bytes.count else { throw unterminated("object", start) }
            try readValue()
            var earlier = JSONTape.firstChild(index)
            while earlier < key {
                if keysEqual(earlier, key) {
                    throw JSONSyntaxError(offset: keyOffset, message: "duplicate key \(JSONWriter.quoted(string(at: key))) (first at \(lineColumn(Int(tape.offsets[earlier])))); keep only one")
                }
                earlier = tape.after(earlier + 1)
            }
            skipWhitespace()
            guard pos < bytes.count else { throw unterminated("object", start) }
            let b = bytes[pos]
            if b == UInt8(ascii: ",") {
                pos += 1
                continue
            }
            if b == UInt8(ascii: "}") {
                pos += 1
                depth -= 1
                tape.close(index)
                return
            }
            if b == UInt8(ascii: "\"") {
                throw JSONSyntaxError(offset: pos, message: "missing ',' before this key; add one after the previous value")
            }
            throw JSONSyntaxError(offset: pos, message: "unexpected \(describe(at: pos)); expected ',' or '}' after an object member")
        }
    }

    mutating func readArray() throws(JSONSyntaxError) {
        let start = pos
        try enter(start)
        pos += 1
        let index = tape.append(.array, start, 0)
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
            pos += 1
            depth -= 1
            tape.close(index)
            return
        }
        while true {
            skipWhitespace()
            guard pos < bytes.count else { throw unterminated("array", start) }
            if bytes[pos] == UInt8(ascii: "]") {
                throw JSONSyntaxError(offset: pos, message: "trailing comma before ']'; remove the comma")
            }
            try readValue()
            skipWhitespace()
            guard pos < bytes.count else { throw unterminated("array", start) }
            let b = bytes[pos]
            if b == UInt8(ascii: ",") {
                pos += 1
                continue
            }
            if b == UInt8(ascii: "]") {
                pos += 1
                depth -= 1
                tape.close(index)
                return
            }
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "{") || b == UInt8(ascii: "[") {
                throw JSONSyntaxError(offset: pos, message: "missing ',' before this element; add one after the previous element")
            }
            throw JSONSyntaxError(offset: pos, message: "unexpected \(describe(at: pos)); expected ',' or ']' after an array element")
        }
    }

    func unterminated(_ what: String, _ start: Int) -> JSONSyntaxError {
        JSONSyntaxError(offset: bytes.count, message: "unexpected end of file inside the \(what) opened at \(lineColumn(start)); the file may be truncated")
    }

    func lineColumn(_ offset: Int) -> String {
        let lc = SourceText.lineColumn(of: offset, in: bytes)
        return "line \(lc.line), column \(lc.column)"
    }

    /// Reads a string onto the tape: its offset and the length of its raw text.
    mutating func readString() throws(JSONSyntaxError) {
        let start = pos
        pos += 1
        let contentStart = pos
        // Fast path: no escapes. `seen` collects the bits of every byte: ASCII when below 0x80.
        var seen: UInt8 = 0
        // Eight plain bytes at a time: no quote, backslash or control character among them.
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while pos + 8 <= bytes.count {
                let w = base.loadUnaligned(fromByteOffset: pos, as: UInt64.self)
                let quote = w ^ (ones &* 0x22), backslash = w ^ (ones &* 0x5C)
                let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((w &- ones &* 0x20) & ~w)
                if special & highs != 0 { break }
                if w & highs != 0 { seen = 0x80 }
                pos += 8
            }
        }
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[contentStart..<pos])
                try checkLength(slice.count, start)
                pos += 1
                if seen < 0x80 || UTF8Check.isValid(slice) {
                    tape.append(.string, start)
                    return
                }
                throw invalidUTF8(in: contentStart..<(pos - 1))
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw controlInString(b) }
            seen |= b
            pos += 1
        }
        guard pos < bytes.count else {
            throw JSONSyntaxError(offset: start, message: "unterminated string (it starts here and runs to the end of the file)")
        }
        try decodeEscapes(start: start, contentStart: contentStart)
        let end = pos - 1
        if UTF8Check.isValid(scratch) {
            tape.append(.escapedString, start)
            return
        }
        throw invalidUTF8(in: contentStart..<end)
    }

    /// Decodes the string that starts at `start` into `scratch`, from `pos` (the first
    /// escape) on; leaves `pos` after the closing quote.
    mutating func decodeEscapes(start: Int, contentStart: Int) throws(JSONSyntaxError) {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[contentStart..<pos]))
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                try checkLength(scratch.count, start)
                pos += 1
                return
            }
            if b < 0x20 { throw controlInString(b) }
            if b != UInt8(ascii: "\\") {
                scratch.append(b)
                pos += 1
                continue
            }
            let escapeStart = pos
            pos += 1
            guard pos < bytes.count else { break }
            let e = bytes[pos]
            pos += 1
            switch e {
            case UInt8(ascii: "\""): scratch.append(0x22)
            case UInt8(ascii: "\\"): scratch.append(0x5C)
            case UInt8(ascii: "/"): scratch.append(0x2F)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try readHex4(escapeStart)
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
                        throw JSONSyntaxError(offset: escapeStart, message: "lone surrogate \\u\(hex4(scalar)) in a string; a high surrogate must be followed by a low one")
                    }
                    pos += 2
                    let low = try readHex4(escapeStart)
                    guard low >= 0xDC00 && low < 0xE000 else {
                        throw JSONSyntaxError(offset: escapeStart, message: "lone surrogate \\u\(hex4(scalar)) in a string; a high surrogate must be followed by a low one")
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    throw JSONSyntaxError(offset: escapeStart, message: "lone surrogate \\u\(hex4(scalar)) in a string")
                }
                appendUTF8(scalar, to: &scratch)
            default:
                throw JSONSyntaxError(offset: escapeStart, message: "invalid escape '\\\(describeEscape(e))' in a string; valid are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
            }
        }
        throw JSONSyntaxError(offset: start, message: "unterminated string (it starts here and runs to the end of the file)")
    }

    func describeEscape(_ b: UInt8) -> String {
        b >= 0x21 && b < 0x7F ? String(Character(Unicode.Scalar(b))) : "U+\(hex4(UInt32(b)))"
    }

    @inline(__always)
    func checkLength(_ count: Int, _ start: Int) throws(JSONSyntaxError) {
        if count > limits.maxStringBytes {
            throw JSONSyntaxError(offset: start, message: "string of \(count) bytes is longer than the limit of \(limits.maxStringBytes) bytes")
        }
    }

    func controlInString(_ b: UInt8) -> JSONSyntaxError {
        if b == 0x0A {
            return JSONSyntaxError(offset: pos, message: "line break inside a string; write it as \\n (or close the string: is a '\"' missing?)")
        }
        return JSONSyntaxError(offset: pos, message: "control character U+\(hex4(UInt32(b))) inside a string; write it as \\u\(hex4(UInt32(b)))")
    }

    func invalidUTF8(in range: Range<Int>) -> JSONSyntaxError {
        // Find the first offending byte for the location.
        var i = range.lowerBound
        while i < range.upperBound {
            let b = bytes[i]
            let len: Int
            if b < 0x80 { len = 1 } else if b & 0xE0 == 0xC0 { len = 2 } else if b & 0xF0 == 0xE0 { len = 3 } else if b & 0xF8 == 0xF0 { len = 4 } else { len = 0 }
            if len == 0 || i + len > range.upperBound
                || String(validating: UnsafeBufferPointer(rebasing: bytes[i..<(i + len)]), as: UTF8.self) == nil {
                return JSONSyntaxError(offset: i, message: "invalid UTF-8 (byte 0x\(String(bytes[i], radix: 16, uppercase: true))) in a string; journey files are UTF-8")
            }
            i += len
        }
        return JSONSyntaxError(offset: range.lowerBound, message: "invalid UTF-8 in a string; journey files are UTF-8")
    }

    mutating func readHex4(_ escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard pos < bytes.count else {
                throw JSONSyntaxError(offset: escapeStart, message: "incomplete \\u escape; it needs four hex digits")
            }
            let b = bytes[pos]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - 0x61 + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - 0x41 + 10)
            default:
                throw JSONSyntaxError(offset: escapeStart, message: "invalid \\u escape; it needs four hex digits")
            }
            v = v << 4 | d
            pos += 1
        }
        return v
    }

    func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        if scalar < 0x80 {
            out.append(UInt8(scalar))
        } else if scalar < 0x800 {
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        } else if scalar < 0x10000 {
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (scalar >> 18)))
            out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    mutating func readNumber() throws(JSONSyntaxError) -> Double {
        let start = pos
        var negative = false
        if bytes[pos] == UInt8(ascii: "-") {
            negative = true
            pos += 1
        }
        guard pos < bytes.count, bytes[pos] >= 0x30, bytes[pos] <= 0x39 else {
            throw JSONSyntaxError(offset: start, message: "invalid number; a '-' must be followed by a digit")
        }
        var mantissa: UInt64 = 0
        var digits = 0
        if bytes[pos] == 0x30 {
            pos += 1
            if pos < bytes.count, bytes[pos] >= 0x30, bytes[pos] <= 0x39 {
                throw JSONSyntaxError(offset: start, message: "invalid number; leading zeros are not allowed")
            }
        } else {
            while pos < bytes.count, bytes[pos] >= 0x30, bytes[pos] <= 0x39 {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(bytes[pos] - 0x30) }
                digits += 1
                pos += 1
            }
        }
        var fractionDigits = 0
        var simple = digits <= 15
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            pos += 1
            guard pos < bytes.count, bytes[pos] >= 0x30, bytes[pos] <= 0x39 else {
                throw JSONSyntaxError(offset: start, message: "invalid number; a '.' must be followed by a digit")
            }
            while pos < bytes.count, bytes[pos] >= 0x30, bytes[pos] <= 0x39 {
                if digits + fractionDigits < 19 { mantissa = mantissa &* 10 &+ UInt64(bytes[pos] - 0x30) }
                fractionDigits += 1
                pos += 1
            }
            if digits + fractionDigits > 15 { simple = false }
        }
        if pos < bytes.count, bytes[pos] | 0x20 == UInt8(ascii: "e") {
            simple = false
            pos += 1
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            guard pos < bytes.count, bytes[pos] >= 0x30, bytes[pos] <= 0x39 else {
                throw JSONSyntaxError(offset: start, message: "invalid number; an exponent needs digits")
            }
            while pos < bytes.count, bytes[pos] >= 0x30, bytes[pos] <= 0x39 { pos += 1 }
        }
        if simple && fractionDigits <= 22 {
            // Exact: both the mantissa and the power of ten are representable.
            var value = Double(mantissa)
            if fractionDigits > 0 { value /= powersOfTen[fractionDigits] }
            return negative ? -value : value
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw JSONSyntaxError(offset: start, message: "number \(text) is out of range")
        }
        return value
    }
}

private let powersOfTen: [Double] = (0...22).map { p in
    var v = 1.0
    for _ in 0..<p { v *= 10 }
    return v
}

func hex4(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
}
