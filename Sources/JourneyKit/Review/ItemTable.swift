/// A journey flattened into its identified items (stages, touchpoints, KPIs, loop
/// edges, cohorts, models), each with its own fields and the list it sits in.
/// Diff and merge work on this table, so they follow ids, not positions, and a
/// touchpoint moved to another stage is the same item with a new place.
struct ItemTable: Sendable {
    enum Kind: String, CaseIterable, Sendable {
        case stage, touchpoint, kpi, loop, cohort, model, routing, scenario, conflict

        var title: String {
            switch self {
            case .stage: "stage"
            case .touchpoint: "touchpoint"
            case .kpi: "KPI"
            case .loop: "loop edge"
            case .cohort: "cohort"
            case .model: "model"
            case .routing: "routing rule"
            case .scenario: "scenario"
            case .conflict: "conflict"
            }
        }
    }

    /// A list that holds items: `key` inside the item `parent` (nil: the journey).
    struct Slot: Hashable, Sendable {
        var parent: String?
        var key: String
    }

    struct Item: Hashable, Sendable {
        var kind: Kind
        var id: String
        var slot: Slot
        /// Every member but `id` and the child lists, sorted by key.
        var fields: [JSONMember]

        var name: String? {
            if case .string(let s)? = fields.first(where: { $0.key == "name" })?.value.value { return s }
            return nil
        }
    }

    /// The lists each kind of item holds, and the kind of their items.
    static let childLists: [Kind?: [(key: String, kind: Kind)]] = [
        nil: [("stages", .stage), ("kpis", .kpi), ("loops", .loop), ("cohorts", .cohort), ("models", .model),
              ("scenarios", .scenario), ("conflicts", .conflict)],
        .cohort: [("routing", .routing)],
        .stage: [("kpis", .kpi), ("touchpoints", .touchpoint)],
        .touchpoint: [("kpis", .kpi)],
    ]

    /// The journey's own fields (title, framework, team, ...), sorted by key.
    var root: [JSONMember] = []
    /// Items by key (`kind:id`).
    var items: [String: Item] = [:]
    /// Item keys in each list, in order.
    var order: [Slot: [String]] = [:]
    /// Each item's index in its list; `reindex()` brings it up to date with `order`.
    private(set) var positions: [String: Int] = [:]
    /// Every item key in document order.
    var traversal: [String] = []

    static func key(_ kind: Kind, _ id: String) -> String { kind.rawValue + ":" + id }

    init() {}

    init(_ journey: Journey) {
        guard case .object(let members) = JourneyCodec.tree(journey).value else { return }
        root = add(members, kind: nil, parent: nil)
        reindex()
    }

    /// Records the child lists of an object and returns its other members.
    private mutating func add(_ members: [JSONMember], kind: Kind?, parent: String?) -> [JSONMember] {
        let lists = ItemTable.childLists[kind] ?? []
        var fields: [JSONMember] = []
        for m in members {
            if m.key == "id" && kind != nil { continue }
            guard let list = lists.first(where: { $0.key == m.key }), case .array(let elements) = m.value.value else {
                fields.append(m)
                continue
            }
            let slot = Slot(parent: parent, key: m.key)
            var keys: [String] = []
            for (i, e) in elements.enumerated() {
                guard case .object(let em) = e.value else { continue }
                var id = "#\(i)"
                if case .string(let s)? = em.first(where: { $0.key == "id" })?.value.value { id = s }
                let key = ItemTable.key(list.kind, id)
                keys.append(key)
                traversal.append(key)
                let f = add(em, kind: list.kind, parent: key)
                items[key] = Item(kind: list.kind, id: id, slot: slot, fields: f.sortedByKey())
            }
            order[slot] = keys
        }
        return fields.sortedByKey()
    }

    /// The journey's JSON tree with the items in their lists, in order.
    func tree() -> JSONNode {
        .object(members(root, kind: nil, key: nil))
    }

    private func members(_ fields: [JSONMember], kind: Kind?, key: String?) -> [JSONMember] {
        var out = fields
        if let key, let item = items[key] { out.append(JSONMember("id", .string(item.id))) }
        for list in ItemTable.childLists[kind] ?? [] {
            let keys = order[Slot(parent: key, key: list.key)] ?? []
            if keys.isEmpty && list.key != "stages" { continue }
            out.append(JSONMember(list.key, .array(keys.compactMap { k in
                items[k].map { .object(members($0.fields, kind: $0.kind, key: k)) }
            })))
        }
        return out
    }

    /// Where an item is in the journey file, as jq writes paths.
    func path(of key: String) -> JSONPath? {
        guard let item = items[key], let index = positions[key] else { return nil }
        return slotPath(item.slot)?.index(index)
    }

    mutating func reindex() {
        positions = [:]
        for keys in order.values { for (i, k) in keys.enumerated() { positions[k] = i } }
    }

    /// Where a list is in the journey file.
    func slotPath(_ slot: Slot) -> JSONPath? {
        let base: JSONPath
        if let parent = slot.parent {
            guard let p = path(of: parent) else { return nil }
            base = p
        } else {
            base = .root
        }
        return base.key(slot.key)
    }

    /// The display name of an item, or its id.
    func name(_ key: String) -> String {
        guard let item = items[key] else { return key }
        return item.name ?? item.id
    }
}

extension Array where Element == JSONMember {
    func sortedByKey() -> [JSONMember] { sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) } }

    subscript(key key: String) -> JSONNode? { first { $0.key == key }?.value }
}

/// Flattens nested objects into dotted field names (`trigger.kind`); arrays stay whole.
enum FieldPaths {
    static func flatten(_ members: [JSONMember], prefix: String = "") -> [(field: String, value: JSONNode)] {
        var out: [(String, JSONNode)] = []
        for m in members {
            let name = prefix.isEmpty ? m.key : prefix + "." + m.key
            if case .object(let inner) = m.value.value, !inner.isEmpty {
                out += flatten(inner, prefix: name)
            } else {
                out.append((name, m.value))
            }
        }
        return out
    }

    /// A value as one line of JSON.
    static func compact(_ node: JSONNode) -> String {
        switch node.value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let d): return JSONWriter.formatNumber(d)
        case .string(let s): return JSONWriter.quoted(s)
        case .array(let items): return "[" + items.map(compact).joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.sortedByKey().map { JSONWriter.quoted($0.key) + ": " + compact($0.value) }.joined(separator: ", ") + "}"
        }
    }
}
