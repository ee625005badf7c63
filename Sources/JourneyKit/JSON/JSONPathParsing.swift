extension JSONPath {
    /// Reads a path written the way `description` writes it (as jq does): `.`,
    /// `.stages[1].touchpoints[0].name`, `.costs.perCustomerYear["my model"]`. Nil when the
    /// text is not such a path.
    public init?(jq text: String) {
        let bytes = Array(text.utf8)
        if bytes == [UInt8(ascii: ".")] {
            self = .root
            return
        }
        var components: [Component] = []
        var i = 0
        func isIdentifierByte(_ b: UInt8) -> Bool {
            b == UInt8(ascii: "_") || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
        }
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "."):
                var j = i + 1
                while j < bytes.count && isIdentifierByte(bytes[j]) { j += 1 }
                let key = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
                guard JSONPath.isIdentifier(key) else { return nil }
                components.append(.key(key))
                i = j
            case UInt8(ascii: "["):
                guard i + 1 < bytes.count else { return nil }
                if bytes[i + 1] == UInt8(ascii: "\"") {
                    // A quoted key: a JSON string up to its closing quote, then `]`.
                    var j = i + 2
                    while j < bytes.count && bytes[j] != UInt8(ascii: "\"") { j += bytes[j] == UInt8(ascii: "\\") ? 2 : 1 }
                    guard j + 1 < bytes.count, bytes[j + 1] == UInt8(ascii: "]"),
                          let node = try? JSONReader.read(Array(bytes[(i + 1)...j])), case .string(let key) = node.value else { return nil }
                    components.append(.key(key))
                    i = j + 2
                } else {
                    var j = i + 1
                    while j < bytes.count && bytes[j] >= 0x30 && bytes[j] <= 0x39 { j += 1 }
                    guard j > i + 1, j - i - 1 <= 9, j < bytes.count, bytes[j] == UInt8(ascii: "]"),
                          let n = Int(String(decoding: bytes[(i + 1)..<j], as: UTF8.self)) else { return nil }
                    components.append(.index(n))
                    i = j + 1
                }
            default:
                return nil
            }
        }
        guard !components.isEmpty else { return nil }
        self.init(components)
    }
}
