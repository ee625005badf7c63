import JourneyKit

/// What a list field of a form holds; each kind has its own item form.
public enum ListKind: Hashable, Sendable {
    /// A touchpoint's pain points: short texts.
    case painPoints
    /// A touchpoint's data capture: what first- or zero-party data, and where it goes.
    case dataCapture
    /// A cohort's routing rules: signal, condition, action or owner.
    case routing
    /// A cohort's drop-off overrides: stage and percent.
    case dropOff
    /// A health score's components: kind, weight and the KPI each reads.
    case healthComponents
    /// A health score's bands: state, threshold and where they lead.
    case healthBands

    /// The singular noun for "Add a ..." and the item form's title.
    public var noun: String {
        switch self {
        case .painPoints: "pain point"
        case .dataCapture: "data capture"
        case .routing: "routing rule"
        case .dropOff: "drop-off override"
        case .healthComponents: "component"
        case .healthBands: "band"
        }
    }
}

/// One item of a list field.
public enum ListItem: Hashable, Sendable {
    case text(String)
    case dataCapture(DataCapture)
    case routing(RoutingRule)
    case dropOff(stage: String, percent: Double)
    case component(HealthComponent)
    case band(HealthBand)
}

/// The list editor opened from a form's list field (pain points, routing rules, ...): the
/// KPI list's pattern for the other lists.
public struct ItemList: Hashable, Sendable {
    public var title: String
    public var kind: ListKind
    public var items: [ListItem]
    /// Row index: items, then "Add a ...", then "Done".
    public var highlight: Int
    /// The field of the form beneath that receives the list.
    public var fieldIndex: Int
    /// The items the list opened with.
    public let initial: [ListItem]

    public init(title: String, kind: ListKind, items: [ListItem], fieldIndex: Int) {
        self.title = title
        self.kind = kind
        self.items = items
        initial = items
        self.fieldIndex = fieldIndex
        highlight = 0
    }

    public var addRow: Int { items.count }
    public var doneRow: Int { items.count + 1 }

    /// True when items were added, changed or removed since the list opened.
    public var isChanged: Bool { items != initial }
}

extension ListItem {
    /// Pain points from a list's items.
    static func texts(_ items: [ListItem]) -> [String] { items.compactMap { if case .text(let v) = $0 { v } else { nil } } }
    static func dataCaptures(_ items: [ListItem]) -> [DataCapture] { items.compactMap { if case .dataCapture(let v) = $0 { v } else { nil } } }
    static func routingRules(_ items: [ListItem]) -> [RoutingRule] { items.compactMap { if case .routing(let v) = $0 { v } else { nil } } }
    static func components(_ items: [ListItem]) -> [HealthComponent] { items.compactMap { if case .component(let v) = $0 { v } else { nil } } }
    static func bands(_ items: [ListItem]) -> [HealthBand] { items.compactMap { if case .band(let v) = $0 { v } else { nil } } }
    static func dropOffs(_ items: [ListItem]) -> [String: Double] {
        Dictionary(items.compactMap { if case .dropOff(let s, let p) = $0 { (s, p) } else { nil } }, uniquingKeysWith: { _, b in b })
    }

    /// The id an item defines, if it has one (routing rules and health components).
    var id: String? {
        switch self {
        case .routing(let r): r.id
        case .component(let c): c.id
        default: nil
        }
    }
}

extension Cohort {
    /// The drop-off overrides in the journey's stage order (unknown stage ids last), as list items.
    func dropOffItems(in journey: Journey) -> [ListItem] {
        func order(_ id: String) -> Int { journey.stages.firstIndex { $0.id == id } ?? Int.max }
        return dropOff.sorted { (order($0.key), $0.key) < (order($1.key), $1.key) }.map { ListItem.dropOff(stage: $0.key, percent: $0.value) }
    }
}

extension Journey {
    /// Every id the journey defines, with the routing rules' and health components' ids.
    var definedIDs: Set<String> {
        var ids = allIDs
        for c in cohorts {
            ids.formUnion(c.routing.map(\.id))
            ids.formUnion(c.healthScore?.components.map(\.id) ?? [])
        }
        ids.formUnion(healthScore?.components.map(\.id) ?? [])
        return ids
    }
}

/// What a key did in a list of a form (the KPI list and the other lists): the rows are the
/// items, then "Add", then "Done".
enum ListRowKey: Equatable {
    case none, add, edit(Int), remove(Int), done, cancel

    /// Moves the highlight over `count` items and the two rows below them; `d` asks to remove
    /// the highlighted item.
    static func update(_ action: Action, highlight: inout Int, count: Int) -> ListRowKey {
        switch action {
        case .pickerUp: highlight = max(0, highlight - 1)
        case .pickerDown: highlight = min(count + 1, highlight + 1)
        case .addTouchpoint: return .add
        case .delete:
            if (0..<count).contains(highlight) { return .remove(highlight) }
        case .confirm:
            if highlight == count + 1 { return .done }
            return highlight < count ? .edit(highlight) : .add
        case .cancel: return .cancel
        default: break
        }
        return .none
    }
}
