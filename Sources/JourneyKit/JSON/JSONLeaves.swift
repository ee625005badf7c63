/// Walking and editing a value tree by path: for tools (and tests) that change every
/// field of a journey in turn.
extension JSONNode {
    /// The path of every scalar (string, number, boolean, null) in the tree, in order.
    public var leafPaths: [JSONPath] {
        var out: [JSONPath] = []
        func walk(_ n: JSONNode, _ path: JSONPath) {
            switch n.value {
            case .array(let items): for (i, item) in items.enumerated() { walk(item, path.index(i)) }
            case .object(let members): for m in members { walk(m.value, path.key(m.key)) }
            default: out.append(path)
            }
        }
        walk(self, .root)
        return out
    }

    /// The path of every object member in the tree, in order (its last component is the key).
    public var memberPaths: [JSONPath] {
        var out: [JSONPath] = []
        func walk(_ n: JSONNode, _ path: JSONPath) {
            switch n.value {
            case .array(let items): for (i, item) in items.enumerated() { walk(item, path.index(i)) }
            case .object(let members):
                for m in members {
                    out.append(path.key(m.key))
                    walk(m.value, path.key(m.key))
                }
            default: break
            }
        }
        walk(self, .root)
        return out
    }

    /// The value at `path`, or nil when there is none.
    public subscript(path path: JSONPath) -> JSONNode? {
        var n = self
        for c in path.components {
            switch (c, n.value) {
            case (.key(let k), .object): guard let next = n[k] else { return nil }; n = next
            case (.index(let i), .array(let items)) where items.indices.contains(i): n = items[i]
            default: return nil
            }
        }
        return n
    }

    /// The tree with the value at `path` replaced by `node`; unchanged when there is no such value.
    public func replacing(_ path: JSONPath, with node: JSONNode) -> JSONNode {
        edit(path.components[...]) { $0.value = node.value }
    }

    /// The tree with the member at `path` (a path ending in a key) given the key `key`.
    public func renamingKey(at path: JSONPath, to key: String) -> JSONNode {
        guard case .key? = path.components.last else { return self }
        return edit(path.components.dropLast()[...]) { parent in
            guard case .key(let old)? = path.components.last, case .object(var members) = parent.value,
                  let i = members.firstIndex(where: { $0.key == old }) else { return }
            members[i].key = key
            parent.value = .object(members)
        }
    }

    func edit(_ rest: ArraySlice<JSONPath.Component>, _ change: (inout JSONNode) -> Void) -> JSONNode {
        guard let first = rest.first else {
            var copy = self
            change(&copy)
            return copy
        }
        switch (first, value) {
        case (.key(let k), .object(var members)):
            guard let i = members.firstIndex(where: { $0.key == k }) else { return self }
            members[i].value = members[i].value.edit(rest.dropFirst(), change)
            return JSONNode(.object(members), offset: offset)
        case (.index(let i), .array(var items)) where items.indices.contains(i):
            items[i] = items[i].edit(rest.dropFirst(), change)
            return JSONNode(.array(items), offset: offset)
        default:
            return self
        }
    }
}
