import Foundation

/// A JSON text read into a flat list of values in document order, with no tree.
///
/// Each value is an entry: its kind and the byte offset where it starts. A number,
/// array or object has a second, `extra` entry holding its payload: the number's
/// index in `numbers`, or the index just past the container's last descendant. An
/// object's members are a key entry (a string at the key's offset) followed by the
/// value's entries. Strings stay in the source bytes until asked for (their end is
/// the next unescaped quote), so reading costs about 6 bytes per value.
final class JSONTape: @unchecked Sendable {
    enum Kind: UInt8 {
        case null, `false`, `true`, string, escapedString, number, array, object
        /// The payload of the entry before: not a value.
        case extra
    }

    /// The entries, as parallel arrays.
    struct Storage: Sendable {
        var kinds: [UInt8] = []
        /// The byte offset of each value; the payload of an `extra` entry.
        var offsets: [UInt32] = []
        var numbers: [Double] = []

        var count: Int { kinds.count }

        mutating func reserve(_ n: Int) {
            kinds.reserveCapacity(n)
            offsets.reserveCapacity(n)
        }

        @discardableResult @inline(__always)
        mutating func append(_ kind: Kind, _ offset: Int, _ payload: UInt32 = 0) -> Int {
            kinds.append(kind.rawValue)
            offsets.append(UInt32(truncatingIfNeeded: offset))
            let index = kinds.count - 1
            if kind.rawValue >= Kind.number.rawValue {
                kinds.append(Kind.extra.rawValue)
                offsets.append(payload)
            }
            return index
        }

        /// Marks the array or object at `index` as ending here.
        mutating func close(_ index: Int) {
            offsets[index + 1] = UInt32(truncatingIfNeeded: kinds.count)
        }

        /// The index of the entry after the value at `index` and its descendants.
        @inline(__always)
        func after(_ index: Int) -> Int {
            let k = kinds[index]
            if k < Kind.number.rawValue { return index + 1 }
            return k == Kind.number.rawValue ? index + 2 : Int(offsets[index + 1])
        }

        /// The byte length of the string entry at `i`, between its quotes.
        func rawLength(_ i: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            let start = Int(offsets[i]) + 1
            if kinds[i] == Kind.string.rawValue {
                let quote = memchr(bytes.baseAddress! + start, 0x22, bytes.count - start)!
                return quote.assumingMemoryBound(to: UInt8.self) - (UnsafeMutablePointer(mutating: bytes.baseAddress!) + start)
            }
            var j = start
            while bytes[j] != 0x22 { j += bytes[j] == 0x5C ? 2 : 1 }
            return j - start
        }
    }

    /// The first element or key of the array or object at `i`.
    @inline(__always) static func firstChild(_ i: Int) -> Int { i + 2 }

    let bytes: [UInt8]
    let storage: Storage
    /// For long arrays already looked into by position: the entry of each element.
    /// Filled on demand (locations of lint findings), under `lock`; the rest is immutable.
    private var elementEntries: [Int: [UInt32]] = [:]
    private let lock = NSLock()

    init(bytes: [UInt8], storage: Storage) {
        self.bytes = bytes
        self.storage = storage
    }

    /// The entry of element `position` of the array at `array`, or nil past its end.
    func element(_ position: Int, of array: Int) -> Int? {
        let end = after(array)
        guard end - array > 64 else {
            // A short array: hop over the elements before it.
            var c = JSONTape.firstChild(array), n = 0
            while c < end {
                if n == position { return c }
                c = after(c)
                n += 1
            }
            return nil
        }
        lock.lock()
        defer { lock.unlock() }
        if elementEntries[array] == nil {
            var entries: [UInt32] = []
            var c = JSONTape.firstChild(array)
            while c < end {
                entries.append(UInt32(c))
                c = after(c)
            }
            elementEntries[array] = entries
        }
        let entries = elementEntries[array]!
        return position < entries.count ? Int(entries[position]) : nil
    }

    @inline(__always) func kind(_ i: Int) -> Kind { Kind(rawValue: storage.kinds[i])! }
    @inline(__always) func offset(_ i: Int) -> Int { Int(storage.offsets[i]) }
    @inline(__always) func after(_ i: Int) -> Int { storage.after(i) }
    @inline(__always) func number(_ i: Int) -> Double { storage.numbers[Int(storage.offsets[i + 1])] }

    /// The value of the string (or key) entry at `i`.
    func string(_ i: Int) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            JSONTape.string(i, storage, buffer)
        }
    }

    static func string(_ i: Int, _ storage: Storage, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let start = Int(storage.offsets[i]) + 1
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<(start + storage.rawLength(i, bytes))])
        if storage.kinds[i] == Kind.string.rawValue {
            return String(decoding: raw, as: UTF8.self)
        }
        var parser = Parser(bytes: bytes, limits: JSONLimits(maxDepth: 0, maxStringBytes: .max))
        parser.pos = start
        while bytes[parser.pos] != UInt8(ascii: "\\") { parser.pos += 1 }
        // The text was read once already, so its escapes are known to be valid.
        try? parser.decodeEscapes(start: start - 1, contentStart: start)
        return String(decoding: parser.scratch, as: UTF8.self)
    }

    /// Calls `body` with the raw bytes between the quotes of the string entry at `i`.
    func withRawText<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = Int(storage.offsets[i]) + 1
        return bytes.withUnsafeBufferPointer { b in
            body(UnsafeBufferPointer(rebasing: b[start..<(start + storage.rawLength(i, b))]))
        }
    }

    /// True when the string entry at `i` holds exactly `key` (UTF-8 bytes).
    @inline(__always)
    func stringEquals(_ i: Int, _ key: [UInt8]) -> Bool {
        key.withUnsafeBufferPointer { stringEquals(i, $0) }
    }

    func stringEquals(_ i: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard storage.kinds[i] == Kind.string.rawValue else { return string(i).utf8.elementsEqual(key) }
        let start = Int(storage.offsets[i]) + 1
        return bytes.withUnsafeBufferPointer { b in
            // The raw text has no quote: it is `key` when `key` is followed by its closing quote.
            guard start + key.count < b.count, b[start + key.count] == 0x22 else { return false }
            if key.isEmpty { return true }
            return memchr(key.baseAddress!, 0x22, key.count) == nil && memcmp(b.baseAddress! + start, key.baseAddress!, key.count) == 0
        }
    }

    /// The number of elements of the array, or members of the object, at `i`.
    func childCount(_ i: Int) -> Int {
        let step = kind(i) == .object ? 2 : 1
        var n = 0
        var c = JSONTape.firstChild(i)
        let end = after(i)
        while c < end {
            n += 1
            c = step == 2 ? after(c + 1) : after(c)
        }
        return n
    }

    /// A short name of the value's type for messages: "a string", "an array", ...
    func typeName(_ i: Int) -> String {
        switch kind(i) {
        case .null: "null"
        case .false, .true: "a boolean"
        case .number: "a number"
        case .string, .escapedString: "a string"
        case .array: "an array"
        case .object: "an object"
        case .extra: preconditionFailure("an extra entry is not a value")
        }
    }

    /// The path from the root to the value at `target`.
    func path(to target: Int) -> JSONPath {
        var components: [JSONPath.Component] = []
        var c = 0
        while c < target {
            if kind(c) == .object {
                var key = JSONTape.firstChild(c)
                while after(key + 1) <= target { key = after(key + 1) }
                components.append(.key(string(key)))
                c = key + 1
            } else {
                var element = JSONTape.firstChild(c), i = 0
                while after(element) <= target {
                    element = after(element)
                    i += 1
                }
                components.append(.index(i))
                c = element
            }
        }
        return JSONPath(components)
    }

    /// The value at `i` as a tree.
    func node(at i: Int) -> JSONNode {
        let offset = self.offset(i)
        switch kind(i) {
        case .null: return JSONNode(.null, offset: offset)
        case .false: return JSONNode(.bool(false), offset: offset)
        case .true: return JSONNode(.bool(true), offset: offset)
        case .number: return JSONNode(.number(number(i)), offset: offset)
        case .string, .escapedString: return JSONNode(.string(string(i)), offset: offset)
        case .array:
            var items: [JSONNode] = []
            var c = JSONTape.firstChild(i)
            while c < after(i) {
                items.append(node(at: c))
                c = after(c)
            }
            return JSONNode(.array(items), offset: offset)
        case .object:
            var members: [JSONMember] = []
            var c = JSONTape.firstChild(i)
            while c < after(i) {
                members.append(JSONMember(string(c), node(at: c + 1), keyOffset: self.offset(c)))
                c = after(c + 1)
            }
            return JSONNode(.object(members), offset: offset)
        case .extra:
            preconditionFailure("an extra entry is not a value")
        }
    }
}

extension Parser {
    /// The value of the string entry at `i` of the tape being read.
    func string(at i: Int) -> String {
        JSONTape.string(i, tape, bytes)
    }

    /// True when the key entries `a` and `b` hold the same text.
    func keysEqual(_ a: Int, _ b: Int) -> Bool {
        let plain = JSONTape.Kind.string.rawValue
        if tape.kinds[a] == plain && tape.kinds[b] == plain {
            // Plain strings end at their first quote: equal when they match up to it.
            let base = bytes.baseAddress!
            var p = base + Int(tape.offsets[a]) + 1, q = base + Int(tape.offsets[b]) + 1
            while p.pointee == q.pointee {
                if p.pointee == 0x22 { return true }
                p += 1
                q += 1
            }
            return false
        }
        return string(at: a) == string(at: b)
    }
}

/// UTF-8 validation with the rules of `String(validating:)`: no overlong forms,
/// no surrogates, nothing beyond U+10FFFF.
enum UTF8Check {
    static func isValid(_ s: [UInt8]) -> Bool {
        s.withUnsafeBufferPointer { isValid($0) }
    }

    static func isValid(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = s.count
        while i < n {
            let b = s[i]
            if b < 0x80 {
                i += 1
                continue
            }
            if b < 0xC2 { return false }
            if b < 0xE0 {
                guard i + 1 < n, s[i + 1] & 0xC0 == 0x80 else { return false }
                i += 2
            } else if b < 0xF0 {
                guard i + 2 < n else { return false }
                let b1 = s[i + 1], b2 = s[i + 2]
                guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return false }
                if b == 0xE0 && b1 < 0xA0 || b == 0xED && b1 >= 0xA0 { return false }
                i += 3
            } else if b < 0xF5 {
                guard i + 3 < n else { return false }
                let b1 = s[i + 1], b2 = s[i + 2], b3 = s[i + 3]
                guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 else { return false }
                if b == 0xF0 && b1 < 0x90 || b == 0xF4 && b1 >= 0x90 { return false }
                i += 4
            } else {
                return false
            }
        }
        return true
    }
}

/// One value on a tape, as the journey decoder reads it.
///
/// It does not keep its tape alive: whoever makes values (the decoder, a document)
/// holds the tape for as long as they are used. This keeps reference counting out
/// of the decoder's inner loops.
struct JSONValue {
    unowned(unsafe) let tape: JSONTape
    let index: Int

    /// Byte offset of the value's first character in the source.
    var offset: Int { tape.offset(index) }
    var kind: JSONTape.Kind { tape.kind(index) }
    var typeName: String { tape.typeName(index) }

    var string: String? {
        let k = kind
        return k == .string || k == .escapedString ? tape.string(index) : nil
    }

    var number: Double? { kind == .number ? tape.number(index) : nil }

    var bool: Bool? {
        switch kind {
        case .true: true
        case .false: false
        default: nil
        }
    }

    var isArray: Bool { kind == .array }
    var isObject: Bool { kind == .object }

    /// The number of elements of an array, or members of an object.
    var count: Int { tape.childCount(index) }

    /// Calls `body` with each element of an array, in order.
    func forEachElement(_ body: (JSONValue) -> Void) {
        var c = JSONTape.firstChild(index)
        let end = tape.after(index)
        while c < end {
            body(JSONValue(tape: tape, index: c))
            c = tape.after(c)
        }
    }

    /// The element at `position` of an array.
    func element(_ position: Int) -> JSONValue? {
        tape.element(position, of: index).map { JSONValue(tape: tape, index: $0) }
    }

    /// Calls `body` with each member of an object, in order: the key entry and the value.
    func forEachMember(_ body: (_ key: JSONValue, _ value: JSONValue) -> Void) {
        var c = JSONTape.firstChild(index)
        let end = tape.after(index)
        while c < end {
            body(JSONValue(tape: tape, index: c), JSONValue(tape: tape, index: c + 1))
            c = tape.after(c + 1)
        }
    }

    /// The member with this key, when this is an object.
    subscript(key: String) -> JSONValue? {
        guard isObject else { return nil }
        let utf8 = Array(key.utf8)
        var c = JSONTape.firstChild(index)
        let end = tape.after(index)
        while c < end {
            if tape.stringEquals(c, utf8) { return JSONValue(tape: tape, index: c + 1) }
            c = tape.after(c + 1)
        }
        return nil
    }
}
