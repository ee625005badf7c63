/// Where keys are read: the panel on screen, or the overlay on top of it.
public enum KeyContext: String, CaseIterable, Hashable, Sendable {
    case board, cohorts, lint, models, forecast, form, picker, kpiList, itemList, confirm, search, help, assessment
    case conflicts

    /// The heading of this context in the help overlay.
    public var title: String {
        switch self {
        case .board: "Board"
        case .cohorts: "Cohorts panel"
        case .models: "Models panel (your own engagement models)"
        case .forecast: "Forecast panel (the funnel and the money per cohort)"
        case .form: "Forms"
        case .picker: "Pickers"
        case .kpiList: "KPI list (in a form)"
        case .itemList: "Other lists in a form (pain points, routing rules, health score parts)"
        case .confirm: "Questions"
        case .search: "Search prompt"
        case .help: "This help"
        case .lint: "Lint panel"
        case .assessment: "Maturity assessment"
        case .conflicts: "Conflicts panel (what a merge left to resolve)"
        }
    }
}

/// One row of the key table: keys, what they do, where, and when they are enabled.
public struct Binding: Sendable {
    public let keys: [Key]
    public let action: Action
    /// Bindings of one group show as one status bar item: their keys joined, then the
    /// group name (`H/L/J/K move`).
    public let group: String?
    /// A word or two for the status bar; empty keeps the binding out of it.
    public let label: String
    /// The sentence the help overlay shows.
    public let help: String
    public let contexts: Set<KeyContext>
    /// Why the key does nothing now, shown when it is pressed; nil when it is enabled.
    /// An empty reason says nothing, and the key goes on (a character is typed).
    public let disabledReason: @Sendable (EditorState) -> String?

    public init(keys: [Key], action: Action, group: String? = nil, label: String = "", help: String, in contexts: Set<KeyContext>,
                when isEnabled: @escaping @Sendable (EditorState) -> Bool = { _ in true }, otherwise reason: String = "") {
        self.init(keys: keys, action: action, group: group, label: label, help: help, in: contexts) { isEnabled($0) ? nil : reason }
    }

    public init(keys: [Key], action: Action, group: String?, label: String, help: String, in contexts: Set<KeyContext>,
                disabledReason: @escaping @Sendable (EditorState) -> String?) {
        self.keys = keys
        self.action = action
        self.group = group
        self.label = label
        self.help = help
        self.contexts = contexts
        self.disabledReason = disabledReason
    }

    /// True when the key acts in this state.
    public func isEnabled(_ state: EditorState) -> Bool { disabledReason(state) == nil }

    /// The same binding, disabled while the journey is read-only in the board and the panels
    /// (forms and lists opened inside them keep their keys).
    var refusedWhenReadOnly: Binding {
        let panels: Set<KeyContext> = [.board, .cohorts, .lint, .models, .forecast, .conflicts]
        guard !contexts.isDisjoint(with: panels) else { return self }
        let reason = disabledReason
        return Binding(keys: keys, action: action, group: group, label: label, help: help, in: contexts) {
            $0.readOnly ? EditorState.readOnlyRefusal : reason($0)
        }
    }

    /// The same binding, disabled on the board while the coverage grid (which shows no
    /// cards) is on.
    var refusedInCoverage: Binding {
        guard contexts.contains(.board) else { return self }
        let reason = disabledReason
        return Binding(keys: keys, action: action, group: group, label: label, help: help, in: contexts) {
            $0.panel == .board && $0.coverage != nil ? EditorState.coverageRefusal : reason($0)
        }
    }

    /// The word the status bar shows: the label, or the group's name.
    public var statusLabel: String { label.isEmpty ? group ?? "" : label }

    /// The key the status bar shows: the first one.
    public var statusKeys: String { keys.first?.label ?? "" }

    /// The keys as the help overlay shows them: `u`, `s/Ctrl-S`.
    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}
