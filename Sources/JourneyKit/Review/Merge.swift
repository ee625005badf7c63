/// A three-way merge of journeys by id, as a git merge driver needs it.
///
/// - Edits to different items, or to different fields of one item, merge cleanly.
///   Lists of strings (a touchpoint's cohorts, layers, maturity checks) merge as sets.
/// - Items both sides added to one list are all kept: ours first, then theirs.
/// - A true conflict never stops the merge: ours wins a field both sides changed
///   differently; an item one side deleted and the other changed is kept as changed;
///   an item one side deleted that the other still uses (a stage holding a new
///   touchpoint, a cohort a touchpoint targets) is kept. Every conflict is reported
///   with its path in the merged journey, and the merged journey is always valid.
public enum JourneyMerge {
    /// Merges the changes from `base` to `theirs` into `ours`. A nil `base` (both
    /// sides added the file) treats every item and field as new on both sides. Every
    /// conflict is also written into the merged journey's `conflicts` list, with the three
    /// values and the sides' `labels`, so it stays in the file until someone resolves it.
    public static func merge(base: Journey?, ours: Journey, theirs: Journey, labels: MergeLabels = MergeLabels()) -> MergeResult {
        var m = Merger(base: base.map(ItemTable.init) ?? ItemTable(), ours: ItemTable(ours), theirs: ItemTable(theirs), labels: labels)
        let table = m.run()
        var pending = m.conflicts
        var journey: Journey
        var fellBack = false
        do {
            journey = try JourneyCodec.decode(JSONWriter.canonical(table.tree())).journey
        } catch {
            fellBack = true
            let reason = error.diagnostics.first.map { d in (d.path.map { "\($0): " } ?? "") + d.message } ?? "it is not a valid journey"
            journey = ours
            pending.append(Merger.Pending(message: "the merged journey would not be valid (\(reason)); kept \(labels.ours) unchanged"))
        }
        let conflicts = pending.map { c in MergeConflict(path: fellBack ? .root : c.path(in: table), message: c.message) }
        var used = Set(journey.conflicts.map(\.id))
        var n = 0
        for (c, p) in zip(conflicts, pending) {
            var id: String
            repeat {
                n += 1
                id = "conflict-\(n)"
            } while used.contains(id)
            used.insert(id)
            journey.conflicts.append(UnresolvedConflict(id: id, path: c.path.description, base: p.base, ours: p.ours, theirs: p.theirs,
                                                        oursLabel: labels.ours, theirsLabel: labels.theirs, message: c.message))
        }
        return MergeResult(journey: journey, conflicts: conflicts)
    }
}

/// What the two sides of a merge are called in conflicts: git's branch names where the
/// driver is given them, else "ours" and "theirs".
public struct MergeLabels: Hashable, Sendable {
    public var ours: String
    public var theirs: String

    public init(ours: String = "ours", theirs: String = "theirs") {
        self.ours = ours
        self.theirs = theirs
    }
}

/// The outcome of a merge: a valid journey and the conflicts resolved on the way.
public struct MergeResult: Sendable {
    public var journey: Journey
    public var conflicts: [MergeConflict]
    /// True when no conflict was found.
    public var isClean: Bool { conflicts.isEmpty }
}

/// A conflict the merge resolved by a rule; `path` points into the merged journey.
public struct MergeConflict: Hashable, Sendable {
    public var path: JSONPath
    public var message: String
}

/// The merge itself, on item tables.
struct Merger {
    let base: ItemTable, ours: ItemTable, theirs: ItemTable
    let labels: MergeLabels
    var items: [String: ItemTable.Item] = [:]
    var conflicts: [Pending] = []

    /// A conflict whose path is known once the merged lists are ordered.
    struct Pending {
        var item: String?
        var field: String?
        var slot: ItemTable.Slot?
        var message: String
        /// The values on each side; nil where it did not exist.
        var base: JSONNode? = nil
        var ours: JSONNode? = nil
        var theirs: JSONNode? = nil

        func path(in t: ItemTable) -> JSONPath {
            if let slot { return t.slotPath(slot) ?? .root }
            let base = item.flatMap { t.path(of: $0) } ?? .root
            return field.map { JourneyDiff.fieldPath(base, $0) } ?? base
        }
    }

    init(base: ItemTable, ours: ItemTable, theirs: ItemTable, labels: MergeLabels = MergeLabels()) {
        self.base = base
        self.ours = ours
        self.theirs = theirs
        self.labels = labels
    }

    /// "ours" or "theirs", with the side's label when it has one.
    var O: String { labels.ours == "ours" ? "ours" : "ours (\(labels.ours))" }
    var T: String { labels.theirs == "theirs" ? "theirs" : "theirs (\(labels.theirs))" }

    /// An item as one JSON object: its id and fields (its child lists are items of their own).
    static func node(_ item: ItemTable.Item?) -> JSONNode? {
        item.map { .object(([JSONMember("id", .string($0.id))] + $0.fields).sortedByKey()) }
    }

    func placeNode(_ slot: ItemTable.Slot?, _ t: ItemTable) -> JSONNode? {
        slot.map { .string(place($0, t)) }
    }

    mutating func run() -> ItemTable {
        var result = ItemTable()
        result.root = mergeFields(base.root, ours.root, theirs.root, item: nil)
        var keys = ours.traversal
        var seen = Set(keys)
        for k in theirs.traversal + base.traversal where !seen.contains(k) {
            keys.append(k)
            seen.insert(k)
        }
        for key in keys { mergeItem(key) }
        repair(root: result.root)
        separateClashingIDs()
        result.items = items
        result.order = order()
        result.reindex()
        return result
    }

    mutating func mergeItem(_ key: String) {
        let b = base.items[key], o = ours.items[key], t = theirs.items[key]
        switch (o, t) {
        case let (o?, t?):
            var item = o
            item.fields = mergeFields(b?.fields, o.fields, t.fields, item: key)
            if o.slot != t.slot {
                if b?.slot == o.slot {
                    item.slot = t.slot
                } else if b?.slot != t.slot {
                    conflicts.append(Pending(item: key, message: "moved to \(place(o.slot, ours)) in \(O) and to \(place(t.slot, theirs)) in \(T); kept ours",
                                             base: placeNode(b?.slot, base), ours: placeNode(o.slot, ours), theirs: placeNode(t.slot, theirs)))
                }
            }
            items[key] = item
        case let (o?, nil):
            guard let b else { items[key] = o; return }
            if o != b {
                items[key] = o
                conflicts.append(Pending(item: key, message: "\(o.kind.title) \(o.id) was deleted in \(T) but changed in \(O); kept ours",
                                         base: Merger.node(b), ours: Merger.node(o)))
            }
        case let (nil, t?):
            guard let b else { items[key] = t; return }
            if t != b {
                items[key] = t
                conflicts.append(Pending(item: key, message: "\(t.kind.title) \(t.id) was deleted in \(O) but changed in \(T); kept theirs",
                                         base: Merger.node(b), theirs: Merger.node(t)))
            }
        case (nil, nil):
            break
        }
    }

    /// Ids are unique across kinds: when the sides added different kinds of item with one id,
    /// ours is kept, theirs (with what it holds) is taken out and recorded in the conflict, and
    /// everything else merges as usual.
    mutating func separateClashingIDs() {
        var byID: [String: [String]] = [:]
        for key in items.keys.sorted() { byID[items[key]!.id, default: []].append(key) }
        for (id, keys) in byID.sorted(by: { $0.key < $1.key }) where keys.count > 1 {
            let keep = keys.first { ours.items[$0] != nil } ?? keys[0]
            for key in keys where key != keep {
                guard let dropped = items[key], let kept = items[keep] else { continue }
                var removed = [key]
                var i = 0
                while i < removed.count {
                    removed += items.filter { $0.value.slot.parent == removed[i] }.map(\.key).sorted()
                    i += 1
                }
                for k in removed { items[k] = nil }
                let inside = removed.count > 1 ? " (with the \(removed.count - 1) item\(removed.count == 2 ? "" : "s") in it)" : ""
                let from = ours.items[key] != nil ? O : T
                conflicts.append(Pending(item: keep, message: "\(from) added \(dropped.kind.title) \(id)\(inside), but \(kept.kind.title) \(id) already has that id; "
                                         + "kept the \(kept.kind.title); the \(dropped.kind.title) is in this entry: give it a new id and add it back",
                                         base: nil, ours: Merger.node(ours.items[keep] ?? kept), theirs: Merger.node(dropped)))
            }
        }
    }

    /// Suppression lists merge by rule: each item's entries are matched on `rule` and merged
    /// three-way one by one, so one side's new entry and the other's edited reason both stay.
    mutating func mergeSuppressions(_ b: JSONNode?, _ o: JSONNode, _ t: JSONNode, item: String?, field: String) -> JSONNode? {
        func entries(_ n: JSONNode?) -> [(rule: String, node: JSONNode)]? {
            guard let n else { return [] }
            guard case .array(let a) = n.value else { return nil }
            var out: [(String, JSONNode)] = []
            for e in a {
                guard case .object(let m) = e.value, case .string(let r)? = m[key: "rule"]?.value else { return nil }
                out.append((r, e))
            }
            return out
        }
        guard let be = entries(b), let oe = entries(o), let te = entries(t) else { return nil }
        var rules = oe.map(\.rule)
        for r in te.map(\.rule) + be.map(\.rule) where !rules.contains(r) { rules.append(r) }
        var out: [JSONNode] = []
        for r in rules {
            let bv = be.first { $0.rule == r }?.node, ov = oe.first { $0.rule == r }?.node, tv = te.first { $0.rule == r }?.node
            let merged: JSONNode?
            if ov == tv || tv == bv {
                merged = ov
            } else if ov == bv {
                merged = tv
            } else {
                merged = ov ?? tv
                let show = { (v: JSONNode?) in v.map(FieldPaths.compact) ?? "(none)" }
                conflicts.append(Pending(item: item, field: field, message: "both sides changed the \(r) suppression: \(O) \(show(ov)), \(T) \(show(tv)); kept \(ov == nil ? "theirs" : "ours")",
                                         base: bv, ours: ov, theirs: tv))
            }
            if let merged { out.append(merged) }
        }
        return .array(out)
    }

    /// Three-way merge of an object's members; `b` is nil when the item is new on both sides.
    mutating func mergeFields(_ b: [JSONMember]?, _ o: [JSONMember], _ t: [JSONMember], item: String?, prefix: String = "") -> [JSONMember] {
        var names = o.map(\.key)
        for m in t where !names.contains(m.key) { names.append(m.key) }
        for m in b ?? [] where !names.contains(m.key) { names.append(m.key) }
        var out: [JSONMember] = []
        for name in names {
            let bv = b?[key: name], ov = o[key: name], tv = t[key: name]
            let merged: JSONNode?
            if ov == tv || tv == bv {
                merged = ov
            } else if ov == bv {
                merged = tv
            } else if name == "suppress", let ov, let tv, let s = mergeSuppressions(bv, ov, tv, item: item, field: prefix + name) {
                merged = s
            } else if case .object(let om)? = ov?.value, case .object(let tm)? = tv?.value {
                var bm: [JSONMember]? = nil
                if case .object(let x)? = bv?.value { bm = x }
                merged = .object(mergeFields(bm, om, tm, item: item, prefix: prefix + name + "."))
            } else if let ol = ov.flatMap(strings), let tl = tv.flatMap(strings), let bl = bv.map({ strings($0) ?? [] }) ?? [] as [String]? {
                var list = ol.filter { !(bl.contains($0) && !tl.contains($0)) }
                for s in tl where !list.contains(s) && !bl.contains(s) { list.append(s) }
                merged = .array(list.map { .string($0) })
            } else {
                merged = ov
                let show = { (v: JSONNode?) in v.map(FieldPaths.compact) ?? "(none)" }
                conflicts.append(Pending(item: item, field: prefix + name,
                                         message: "both sides changed \(prefix + name): \(O) \(show(ov)), \(T) \(show(tv)); kept ours",
                                         base: bv, ours: ov, theirs: tv))
            }
            if let merged { out.append(JSONMember(name, merged)) }
        }
        return out.sortedByKey()
    }

    func strings(_ node: JSONNode) -> [String]? {
        guard case .array(let a) = node.value else { return nil }
        var out: [String] = []
        for e in a {
            guard case .string(let s) = e.value else { return nil }
            out.append(s)
        }
        return out
    }

    func place(_ slot: ItemTable.Slot, _ t: ItemTable) -> String {
        guard let p = slot.parent, let item = t.items[p] else { return "the journey" }
        return item.kind.title + " " + item.id
    }

    /// Brings back deleted items the merged journey still needs: the parent of a
    /// kept item, and the stages, cohorts and models kept items refer to.
    mutating func repair(root: [JSONMember]) {
        var changed = true
        while changed {
            changed = false
            var needs: [(key: String, by: String)] = []
            for key in items.keys.sorted() {
                guard let item = items[key] else { continue }
                let what = item.kind.title + " " + item.id
                if let p = item.slot.parent { needs.append((p, "\(what) is in it")) }
                for (kind, id) in Merger.references(item.fields, of: item.kind) {
                    needs.append((ItemTable.key(kind, id), "\(what) refers to it"))
                }
            }
            for (kind, id) in Merger.references(root, of: nil) { needs.append((ItemTable.key(kind, id), "the journey refers to it")) }
            for need in needs where items[need.key] == nil {
                guard let restored = ours.items[need.key] ?? theirs.items[need.key] ?? base.items[need.key] else { continue }
                let deleter = ours.items[need.key] == nil ? (theirs.items[need.key] == nil ? "both" : O) : T
                items[need.key] = restored
                conflicts.append(Pending(item: need.key, message: "\(restored.kind.title) \(restored.id) was deleted in \(deleter) but \(need.by); kept it",
                                         base: Merger.node(base.items[need.key]), ours: Merger.node(ours.items[need.key]),
                                         theirs: Merger.node(theirs.items[need.key])))
                changed = true
            }
        }
    }

    /// The items a set of fields refers to by id.
    static func references(_ fields: [JSONMember], of kind: ItemTable.Kind?) -> [(ItemTable.Kind, String)] {
        var out: [(ItemTable.Kind, String)] = []
        func ids(_ key: String) -> [String] {
            switch fields[key: key]?.value {
            case .string(let s)?: return [s]
            case .array(let a)?: return a.compactMap { if case .string(let s) = $0.value { return s } else { return nil } }
            default: return []
            }
        }
        switch kind {
        case .touchpoint?:
            out += ids("cohorts").map { (.cohort, $0) }
            out += (ids("model") + ids("layers")).filter { EngagementModel.named($0) == nil }.map { (.model, $0) }
        case .cohort?:
            out += (ids("model") + ids("layers")).filter { EngagementModel.named($0) == nil }.map { (.model, $0) }
        case .loop?:
            out += (ids("from") + ids("to")).map { (.stage, $0) }
        case nil:
            if case .object(let costs)? = fields[key: "costs"]?.value, case .object(let table)? = costs[key: "perCustomerYear"]?.value {
                out += table.map(\.key).filter { EngagementModel.named($0) == nil }.map { (.model, $0) }
            }
        default:
            break
        }
        return out
    }

    /// Every list's merged order.
    mutating func order() -> [ItemTable.Slot: [String]] {
        var members: [ItemTable.Slot: Set<String>] = [:]
        for (key, item) in items { members[item.slot, default: []].insert(key) }
        var out: [ItemTable.Slot: [String]] = [:]
        for slot in members.keys.sorted(by: { ($0.parent ?? "", $0.key) < ($1.parent ?? "", $1.key) }) {
            let keep = members[slot]!
            let b = base.order[slot] ?? [], o = ours.order[slot] ?? [], t = theirs.order[slot] ?? []
            let shared = Set(b).intersection(o).intersection(t)
            let bo = b.filter(shared.contains), oo = o.filter(shared.contains), to = t.filter(shared.contains)
            var lists: [[String]]
            if oo == bo {
                lists = [t, o, b]
            } else {
                lists = [o, t, b]
                if to != bo && to != oo {
                    let ids = { (keys: [String], t: ItemTable) in JSONNode.array(keys.compactMap { t.items[$0].map { .string($0.id) } }) }
                    var c = Pending(slot: slot, message: "both sides reordered this list differently; kept the order of ours")
                    (c.base, c.ours, c.theirs) = (ids(b, base), ids(o, ours), ids(t, theirs))
                    conflicts.append(c)
                }
            }
            var result = lists[0].filter(keep.contains)
            var placed = Set(result)
            for list in lists.dropFirst() {
                var after: String? = nil
                for k in list {
                    if keep.contains(k) && !placed.contains(k) {
                        let at = after.flatMap { result.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
                        result.insert(k, at: at)
                        placed.insert(k)
                    }
                    if placed.contains(k) { after = k }
                }
            }
            result += keep.subtracting(placed).sorted()
            out[slot] = result
        }
        return out
    }
}

extension Merger.Pending {
    init(slot: ItemTable.Slot, message: String) {
        self.init(item: nil, field: nil, slot: slot, message: message)
    }

    init(message: String) {
        self.init(item: nil, field: nil, slot: nil, message: message)
    }
}
