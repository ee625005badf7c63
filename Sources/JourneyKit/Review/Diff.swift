/// A semantic diff of two journeys, by id: items added, removed, renamed, moved
/// to another list (a touchpoint to another stage), reordered, and every changed
/// field with its old and new value.
public struct JourneyDiff: Sendable {
    /// One difference.
    public struct Change: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable {
            case added, removed, renamed, moved, reordered, changed
        }

        public var kind: Kind
        /// What changed: `journey`, `stage`, `touchpoint`, `KPI`, `loop edge`, `cohort`, `model`.
        public var item: String
        /// The item's id; nil for the journey itself.
        public var id: String?
        /// The item's name (the new one when it changed).
        public var name: String?
        /// The field that changed, dotted for nested values (`trigger.kind`).
        public var field: String?
        /// The value before and after, as one line of JSON; nil when absent. For an
        /// added, removed or moved item: where it is (`in stage x at position 2`, `stage x`).
        public var old: String?
        public var new: String?
        /// Where the item is: in the new journey, or in the old one when removed.
        public var path: JSONPath
        /// For an added item: the fields that say what it is (a loop's from, to and label, a
        /// cohort's model and size, ...), dotted keys for nested values (`trigger.kind`).
        public var details: [JSONMember] = []
        /// For an added or moved item: its position (from 1) in its list and the item whose
        /// list it is in (nil: the journey); for a removed item, where it was.
        public var position: Int?
        public var parentItem: String?
        public var parentId: String?
    }

    /// The fields an added item is described by, per kind.
    static let detailFields: [ItemTable.Kind: [String]] = [
        .stage: ["level"],
        .touchpoint: ["channel", "model", "owner", "trigger.kind"],
        .kpi: ["target", "unit"],
        .loop: ["from", "to", "label", "share"],
        .cohort: ["model", "size", "level"],
        .model: ["basedOn"],
        .routing: ["signal", "action"],
        .conflict: ["path", "message"],
    ]

    public let changes: [Change]

    /// True when the two journeys hold the same content.
    public var isEmpty: Bool { changes.isEmpty }

    /// The diff of two journeys; the format versions they were read in, when given and
    /// different, show as a format upgrade.
    public init(old: Journey, new: Journey, oldFormat: Int? = nil, newFormat: Int? = nil) {
        self.init(old: ItemTable(old), new: ItemTable(new), oldFormat: oldFormat, newFormat: newFormat)
    }

    init(old a: ItemTable, new b: ItemTable, oldFormat: Int? = nil, newFormat: Int? = nil) {
        var out: [(section: Int, rank: Int, change: Change)] = []
        if let oldFormat, let newFormat, oldFormat != newFormat {
            out.append((0, -1, Change(kind: .changed, item: "journey", field: "formatVersion", old: String(oldFormat), new: String(newFormat),
                                      path: JSONPath.root.key("formatVersion"))))
        }
        let sections: [ItemTable.Kind] = [.stage, .touchpoint, .kpi, .loop, .cohort, .routing, .model, .scenario, .conflict]
        func section(_ k: ItemTable.Kind) -> Int { (sections.firstIndex(of: k) ?? 0) + 1 }
        let newRank = Dictionary(b.traversal.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let oldRank = Dictionary(a.traversal.enumerated().map { ($1, $0 + b.traversal.count) }, uniquingKeysWith: { first, _ in first })

        for (field, old, new) in JourneyDiff.fields(a.root, b.root) where field != "formatVersion" {
            out.append((0, 0, Change(kind: .changed, item: "journey", field: field, old: old, new: new, path: JourneyDiff.fieldPath(.root, field))))
        }

        func place(_ t: ItemTable, _ slot: ItemTable.Slot) -> String {
            guard let parent = slot.parent, let p = t.items[parent] else { return "the journey" }
            return p.kind.title + " " + p.id
        }
        // KPIs sit on the journey as well as on stages and touchpoints: say which.
        func placed(_ t: ItemTable, _ item: ItemTable.Item) -> String? {
            item.slot.parent == nil && item.kind != .kpi ? nil : place(t, item.slot)
        }

        for key in b.traversal {
            guard let n = b.items[key] else { continue }
            let path = b.path(of: key) ?? .root
            let rank = newRank[key] ?? 0
            func add(_ kind: Change.Kind, field: String? = nil, old: String? = nil, new: String? = nil, at p: JSONPath? = nil, details: [JSONMember] = []) {
                var c = Change(kind: kind, item: n.kind.title, id: n.id, name: n.name, field: field, old: old, new: new, path: p ?? path, details: details)
                if kind == .added || kind == .moved {
                    c.position = index
                    let parent = n.slot.parent.flatMap { b.items[$0] }
                    (c.parentItem, c.parentId) = (parent?.kind.title, parent?.id)
                }
                out.append((section(n.kind), rank, c))
            }
            let index = (b.positions[key] ?? 0) + 1
            guard let o = a.items[key] else {
                let flat = FieldPaths.flatten(n.fields)
                let details = (JourneyDiff.detailFields[n.kind] ?? []).compactMap { f in
                    flat.first { $0.field == f }.map { JSONMember(f, $0.value) }
                }
                add(.added, new: (placed(b, n).map { "in " + $0 + " " } ?? "") + "at position \(index)", details: details)
                continue
            }
            if o.name != n.name { add(.renamed, old: o.name.map(JSONWriter.quoted), new: n.name.map(JSONWriter.quoted)) }
            if o.slot != n.slot { add(.moved, old: place(a, o.slot), new: place(b, n.slot) + " at position \(index)") }
            for (field, old, new) in JourneyDiff.fields(o.fields, n.fields) where field != "name" {
                add(.changed, field: field, old: old, new: new, at: JourneyDiff.fieldPath(path, field))
            }
        }
        for key in a.traversal where b.items[key] == nil {
            guard let o = a.items[key] else { continue }
            var c = Change(kind: .removed, item: o.kind.title, id: o.id, name: o.name, old: placed(a, o), path: a.path(of: key) ?? .root)
            let parent = o.slot.parent.flatMap { a.items[$0] }
            (c.position, c.parentItem, c.parentId) = (a.positions[key].map { $0 + 1 }, parent?.kind.title, parent?.id)
            out.append((section(o.kind), oldRank[key] ?? 0, c))
        }
        // Lists whose shared items changed order.
        let slots = b.order.keys.sorted { (($0.parent.flatMap { newRank[$0] } ?? -1), $0.key) < (($1.parent.flatMap { newRank[$0] } ?? -1), $1.key) }
        for slot in slots {
            guard let newKeys = b.order[slot] else { continue }
            guard let oldKeys = a.order[slot] else { continue }
            let shared = Set(oldKeys).intersection(newKeys)
            let before = oldKeys.filter(shared.contains), after = newKeys.filter(shared.contains)
            guard before != after, let first = after.first, let kind = b.items[first]?.kind else { continue }
            let ids = { (keys: [String]) in keys.compactMap { b.items[$0]?.id }.joined(separator: ", ") }
            let owner = slot.parent.flatMap { b.items[$0] }
            let rank = slot.parent.flatMap { newRank[$0] } ?? -1
            out.append((section(kind), rank, Change(kind: .reordered, item: owner?.kind.title ?? "journey", id: owner?.id, name: owner?.name,
                                                    field: slot.key, old: ids(before), new: ids(after), path: b.slotPath(slot) ?? .root)))
        }
        changes = out.enumerated().sorted { x, y in
            (x.element.section, x.element.rank, x.offset) < (y.element.section, y.element.rank, y.offset)
        }.map(\.element.change)
    }

    /// The fields that differ between two member lists, flattened, in key order.
    static func fields(_ a: [JSONMember], _ b: [JSONMember]) -> [(String, String?, String?)] {
        let old = FieldPaths.flatten(a), new = FieldPaths.flatten(b)
        var names = old.map(\.field)
        for f in new.map(\.field) where !names.contains(f) { names.append(f) }
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var out: [(String, String?, String?)] = []
        for name in names {
            let x = old.first { $0.field == name }?.value, y = new.first { $0.field == name }?.value
            if x != y { out.append((name, x.map(FieldPaths.compact), y.map(FieldPaths.compact))) }
        }
        return out
    }

    static func fieldPath(_ base: JSONPath, _ field: String) -> JSONPath {
        field.split(separator: ".").reduce(base) { $0.key(String($1)) }
    }
}
