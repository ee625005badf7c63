/// Resolving the conflicts a merge left in a journey: take one side's value (or keep the
/// journey as it is) and remove the entry.

/// Which of a conflict's three values to take.
public enum ConflictSide: String, Hashable, Sendable, CaseIterable {
    case ours, theirs, base
}

/// Why a conflict could not be resolved that way, in words for the user.
public struct ConflictResolutionError: Error, Hashable, Sendable {
    public var message: String

    public init(_ message: String) { self.message = message }
}

extension UnresolvedConflict {
    /// The value on one side; nil where the item or field did not exist there.
    public func value(_ side: ConflictSide) -> JSONNode? {
        switch side {
        case .ours: ours
        case .theirs: theirs
        case .base: base
        }
    }

    /// The name of one side: the label the merge recorded, or "base".
    public func label(_ side: ConflictSide) -> String {
        switch side {
        case .ours: oursLabel
        case .theirs: theirsLabel
        case .base: "base"
        }
    }

    /// A value as one line of JSON, `(none)` when the side has none.
    public static func show(_ value: JSONNode?) -> String { value.map(FieldPaths.compact) ?? "(none)" }

    /// The conflict's path, read; nil when it is not a path (a hand-edited file).
    public var jsonPath: JSONPath? { JSONPath(jq: path) }
}

extension Journey {
    /// The journey with the conflict `id` resolved: `side`'s value is written at the conflict's
    /// path (a side with no value removes the field or item there) and the entry is removed;
    /// a nil `side` keeps the journey as it is and only removes the entry. The value is written
    /// with `JSONNode.replacing` and its kin on the journey's JSON tree, and the result is read
    /// back, so it is always a valid journey; when it would not be, nothing changes and the
    /// error says why.
    public func resolvingConflict(_ id: String, taking side: ConflictSide?) throws(ConflictResolutionError) -> Journey {
        guard let ci = conflicts.firstIndex(where: { $0.id == id }) else { throw ConflictResolutionError("There is no conflict \(JSONWriter.quoted(id))") }
        let c = conflicts[ci]
        var rest = self
        rest.conflicts.remove(at: ci)
        guard let side else { return rest }
        guard let path = c.jsonPath else {
            throw ConflictResolutionError("The conflict's path \(c.path) is not a path journeyman can read: keep the journey as it is and fix it by hand")
        }
        let value = c.value(side), name = c.label(side)
        var tree = JourneyCodec.tree(rest)
        var removed: (list: JSONPath, index: Int)?
        switch (tree[path: path], value) {
        case (nil, nil):
            return rest
        case (let current?, nil):
            guard let last = path.components.last else { throw ConflictResolutionError("\(name) has no journey at all: keep the journey as it is instead") }
            let parent = JSONPath(Array(path.components.dropLast()))
            if case .index(let i) = last {
                if let held = ConflictResolution.heldItems(current, at: path) {
                    throw ConflictResolutionError("Taking \(name) deletes \(held); move or delete them first, then take \(name) again")
                }
                removed = (parent, i)
            }
            tree = tree.removing(path)
        case (nil, let v?):
            guard case .key? = path.components.last, case .object? = tree[path: JSONPath(Array(path.components.dropLast()))]?.value else {
                throw ConflictResolutionError("\(c.path) is no longer in the journey (it moved or was deleted): keep the journey as it is, or edit it by hand")
            }
            tree = tree.setting(path, to: v)
        case (let current?, let v?):
            switch (current.value, v.value) {
            case (.object, .string):
                // A move: the value names a place. The merge kept ours where it is.
                if side == .ours { return rest }
                throw ConflictResolutionError("Moving it to \(FieldPaths.compact(v)) is not done for you: go to it, move it, then keep the journey as it is")
            case (.array(let items), .array(let ids)) where ConflictResolution.isIDList(ids) && items.contains(where: { $0["id"] != nil }):
                tree = tree.replacing(path, with: ConflictResolution.reordered(items, by: ids))
            case (.object(let now), .object(let taken)) where ConflictResolution.endsInIndex(path):
                tree = tree.replacing(path, with: .object(ConflictResolution.keepingChildLists(taken, of: now, at: path)))
            default:
                tree = tree.replacing(path, with: v)
            }
        }
        var resolved: Journey
        do {
            resolved = try JourneyCodec.decode(JSONWriter.canonical(tree)).journey
        } catch {
            let reason = error.diagnostics.first.map { d in (d.path.map { "\($0): " } ?? "") + d.message } ?? "it is not a valid journey"
            throw ConflictResolutionError("Taking \(name) at \(c.path) would not make a valid journey (\(reason)); nothing changed")
        }
        if let removed {
            // The items after a deleted one move up: the other conflicts' paths follow them.
            for k in resolved.conflicts.indices {
                guard var p = resolved.conflicts[k].jsonPath, p.components.count > removed.list.components.count,
                      Array(p.components.prefix(removed.list.components.count)) == removed.list.components,
                      case .index(let i) = p.components[removed.list.components.count], i > removed.index else { continue }
                p.components[removed.list.components.count] = .index(i - 1)
                resolved.conflicts[k].path = p.description
            }
        }
        return resolved
    }
}

/// The helpers of `resolvingConflict`.
enum ConflictResolution {
    /// The kind of item at a path that ends in a list index (`.stages[0].touchpoints[1]`: a touchpoint).
    static func kind(at path: JSONPath) -> ItemTable.Kind? {
        var kind: ItemTable.Kind? = nil
        var found = false
        for c in path.components {
            guard case .key(let k) = c else { continue }
            guard let list = ItemTable.childLists[kind]?.first(where: { $0.key == k }) else { return nil }
            kind = list.kind
            found = true
        }
        return found ? kind : nil
    }

    /// An item's fields as a side recorded them (no child lists), with the child lists it holds now.
    static func keepingChildLists(_ taken: [JSONMember], of now: [JSONMember], at path: JSONPath) -> [JSONMember] {
        let lists = Set((ItemTable.childLists[kind(at: path)] ?? []).map(\.key))
        return (taken + now.filter { lists.contains($0.key) && taken[key: $0.key] == nil }).sortedByKey()
    }

    /// What deleting the item at `path` would take with it ("stage X with its 2 touchpoints"); nil when it holds nothing.
    static func heldItems(_ item: JSONNode, at path: JSONPath) -> String? {
        guard case .object(let members) = item.value else { return nil }
        let kind = self.kind(at: path)
        var held: [String] = []
        for list in ItemTable.childLists[kind] ?? [] {
            guard case .array(let a)? = members[key: list.key]?.value, !a.isEmpty else { continue }
            held.append("\(a.count) \(a.count == 1 ? list.kind.title : list.kind.title + "s")")
        }
        guard !held.isEmpty else { return nil }
        let id = members[key: "id"].map(FieldPaths.compact) ?? ""
        return "\(kind?.title ?? "the item") \(id) with the \(held.joined(separator: " and ")) in it"
    }

    /// True for the path of an item in a list (`.stages[0]`), not of a field.
    static func endsInIndex(_ path: JSONPath) -> Bool {
        if case .index? = path.components.last { true } else { false }
    }

    static func isIDList(_ nodes: [JSONNode]) -> Bool {
        nodes.allSatisfy { if case .string = $0.value { true } else { false } }
    }

    /// A list of items in the order of `ids`; items not named keep their order at the end.
    static func reordered(_ items: [JSONNode], by ids: [JSONNode]) -> JSONNode {
        let order = ids.compactMap { if case .string(let s) = $0.value { s } else { nil } }
        func id(_ n: JSONNode) -> String? { if case .string(let s)? = n["id"]?.value { s } else { nil } }
        let named = order.compactMap { want in items.first { id($0) == want } }
        return .array(named + items.filter { item in !order.contains { $0 == id(item) } })
    }
}

extension JSONNode {
    /// The tree with the value at `path` set to `node`: replaced when it exists, or added as a
    /// new member when the path ends in a key its parent object lacks.
    public func setting(_ path: JSONPath, to node: JSONNode) -> JSONNode {
        if self[path: path] != nil { return replacing(path, with: node) }
        guard case .key(let k)? = path.components.last else { return self }
        return edit(path.components.dropLast()[...]) { parent in
            guard case .object(var members) = parent.value else { return }
            members.append(JSONMember(k, node))
            parent.value = .object(members.sortedByKey())
        }
    }

    /// The tree without the member or element at `path`; unchanged when there is none.
    public func removing(_ path: JSONPath) -> JSONNode {
        guard let last = path.components.last else { return self }
        return edit(path.components.dropLast()[...]) { parent in
            switch (last, parent.value) {
            case (.key(let k), .object(var members)):
                members.removeAll { $0.key == k }
                parent.value = .object(members)
            case (.index(let i), .array(var items)) where items.indices.contains(i):
                items.remove(at: i)
                parent.value = .array(items)
            default:
                break
            }
        }
    }
}
