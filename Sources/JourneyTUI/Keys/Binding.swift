/// Where keys are read: the panel on screen, or the overlay on top of it.
public enum KeyContext: String, CaseIterable, Hashable, Sendable {
    case board, cohorts, lint, models, form, picker, kpiList, confirm, search, help, assessment

    /// The heading of this context in the help overlay.
    public var title: String {
        switch self {
        case .board: "Board"
        case .cohorts: "Cohorts panel"
        case .models: "Models panel (your own engagement models)"
        case .form: "Forms"
        case .picker: "Pickers"
        case .kpiList: "KPI list (in a form)"
        case .confirm: "Questions"
        case .search: "Search prompt"
        case .help: "This help"
        case .lint: "Lint panel"
        case .assessment: "Maturity assessment"
        }
    }
}

/// One row of the key table: keys, what they do, where, and when they are enabled.
public struct Binding: Sendable {
    public let keys: [Key]
    public let action: Action
    /// A word or two for the status bar; empty keeps the binding out of it.
    public let label: String
    /// The sentence the help overlay shows.
    public let help: String
    public let contexts: Set<KeyContext>
    /// When false for the current state, the key does nothing and is not shown.
    public let isEnabled: @Sendable (EditorState) -> Bool

    public init(_ keys: [Key], _ action: Action, _ label: String, _ help: String, in contexts: Set<KeyContext>,
                when isEnabled: @escaping @Sendable (EditorState) -> Bool = { _ in true }) {
        self.keys = keys
        self.action = action
        self.label = label
        self.help = help
        self.contexts = contexts
        self.isEnabled = isEnabled
    }

    /// The same binding, disabled while the journey is read-only in the board and the panels
    /// (forms and lists opened inside them keep their keys).
    var refusedWhenReadOnly: Binding {
        let panels: Set<KeyContext> = [.board, .cohorts, .lint, .models]
        guard !contexts.isDisjoint(with: panels) else { return self }
        let enabled = isEnabled
        return Binding(keys, action, label, help, in: contexts) { !$0.readOnly && enabled($0) }
    }

    /// The keys the status bar shows: the first key, or the whole group for moves.
    public var statusKeys: String {
        switch action {
        case .moveItemLeft: "H/L/J/K"
        default: keys.first?.label ?? ""
        }
    }

    /// The keys as the help overlay shows them: `u`, `s/Ctrl-S`.
    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}
