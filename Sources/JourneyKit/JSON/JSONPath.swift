/// A path to a value inside a JSON document, written the way jq writes it:
/// `.stages[1].touchpoints[0].channel`, so it can be pasted into `jq`.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    public static let root = JSONPath()

    public func key(_ k: String) -> JSONPath { JSONPath(components + [.key(k)]) }
    public func index(_ i: Int) -> JSONPath { JSONPath(components + [.index(i)]) }

    public var description: String {
        if components.isEmpty { return "." }
        var out = ""
        for c in components {
            switch c {
            case .key(let k):
                if JSONPath.isIdentifier(k) {
                    out += "." + k
                } else {
                    out += "[" + JSONWriter.quoted(k) + "]"
                }
            case .index(let i):
                out += "[\(i)]"
            }
        }
        return out
    }

    static func isIdentifier(_ k: String) -> Bool {
        guard let first = k.utf8.first, first == UInt8(ascii: "_") || (first | 0x20 >= 0x61 && first | 0x20 <= 0x7A) else {
            return false
        }
        return k.utf8.allSatisfy { b in
            b == UInt8(ascii: "_") || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
        }
    }
}
