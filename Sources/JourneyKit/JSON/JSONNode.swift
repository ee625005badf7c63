/// A JSON value with the byte offset where it starts in its source text.
///
/// Offsets let every later check point back at a line and column; nodes built in
/// code carry offset 0 and the writer ignores offsets.
public struct JSONNode: Hashable, Sendable {
    public indirect enum Value: Hashable, Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([JSONNode])
        case object([JSONMember])
    }

    public var value: Value
    /// Byte offset of the value's first character in the source; 0 when built in code.
    public var offset: Int

    public init(_ value: Value, offset: Int = 0) {
        self.value = value
        self.offset = offset
    }

    public static func string(_ s: String) -> JSONNode { JSONNode(.string(s)) }
    public static func number(_ d: Double) -> JSONNode { JSONNode(.number(d)) }
    public static func number(_ i: Int) -> JSONNode { JSONNode(.number(Double(i))) }
    public static func bool(_ b: Bool) -> JSONNode { JSONNode(.bool(b)) }
    public static func array(_ a: [JSONNode]) -> JSONNode { JSONNode(.array(a)) }
    public static func object(_ m: [JSONMember]) -> JSONNode { JSONNode(.object(m)) }
    public static let null = JSONNode(.null)

    /// The member with this key, when this is an object.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// A short name of the value's type for messages: "a string", "an array", ...
    public var typeName: String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The same value with every offset set to 0, for comparing trees by value.
    public var withoutOffsets: JSONNode {
        switch value {
        case .array(let items): return .array(items.map(\.withoutOffsets))
        case .object(let members):
            return .object(members.map { JSONMember($0.key, $0.value.withoutOffsets) })
        default: return JSONNode(value)
        }
    }
}

/// One key and value of a JSON object, with the key's offset.
public struct JSONMember: Hashable, Sendable {
    public var key: String
    public var keyOffset: Int
    public var value: JSONNode

    public init(_ key: String, _ value: JSONNode, keyOffset: Int = 0) {
        self.key = key
        self.keyOffset = keyOffset
        self.value = value
    }
}
