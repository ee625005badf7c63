/// The keys for the cost assumptions, loop edges, the framework and the conflicts panel.
extension KeyTable {
    static let gapTable: [Binding] = [
        Binding(keys: [.char("$")], action: .editCosts, label: "costs",
                help: "Cost assumptions: the currency, and each model's yearly cost and minutes of people's time per customer (empty: the default)",
                in: [.board, .cohorts, .models]),
        Binding(keys: [.char("E")], action: .editLoop, help: "Edit a loop edge: its label and the share of customers it carries back (the selected stage's edges listed first)",
                in: [.board], when: { !$0.journey.loops.isEmpty }, otherwise: "The journey has no loop edges: o adds one"),
        Binding(keys: [.ctrl("f")], action: .changeFramework,
                help: "Change the framework (AARRR, RACE, AIDA, LAER, McKinsey, or your own): stages map by name or id, the others are kept; asks first, one undo step",
                in: [.board]),
        Binding(keys: [.char("T")], action: .editSettings,
                help: "Journey settings: the affordable share, the forecast horizon and each decision threshold (empty: the default shown); recommendations and costs follow at once, one undo step",
                in: [.board, .cohorts, .models], when: { $0.hasJourney }, otherwise: "No journey yet: choose a framework first"),
        // The conflicts panel (its moves, undo, save, Tab and the rest are the lint panel's).
        Binding(keys: [.char("o")], action: .takeOurs, label: "ours", help: "Resolve the conflict by taking our side's value (written at its path; u undoes)",
                in: [.conflicts], when: { $0.selectedConflict != nil }, otherwise: "No conflict is selected"),
        Binding(keys: [.char("t")], action: .takeTheirs, label: "theirs", help: "Resolve the conflict by taking their side's value",
                in: [.conflicts], when: { $0.selectedConflict != nil }, otherwise: "No conflict is selected"),
        Binding(keys: [.char("b")], action: .takeBase, label: "base", help: "Resolve the conflict by taking the common ancestor's value",
                in: [.conflicts], when: { $0.selectedConflict != nil }, otherwise: "No conflict is selected"),
        Binding(keys: [.char("x")], action: .keepAsIs, label: "keep", help: "Resolve the conflict by keeping the journey as it is now (after you edited the item by hand)",
                in: [.conflicts], when: { $0.selectedConflict != nil }, otherwise: "No conflict is selected"),
        Binding(keys: [.enter, .char("e")], action: .jumpToConflict, label: "go to", help: "Go to the item the conflict is about, to edit it (then Tab back here and x keeps it)",
                in: [.conflicts], when: { $0.selectedConflict != nil }, otherwise: "No conflict is selected"),
    ]
}

extension Binding {
    /// The lint panel's general keys (moves, undo, save, Tab, help, ...) work in the conflicts
    /// panel too; its own (suppress, jump, assess) do not.
    var sharedWithConflicts: Binding {
        guard contexts.contains(.lint), ![.suppressFinding, .jumpToFinding, .assess].contains(action) else { return self }
        return Binding(keys: keys, action: action, group: group, label: label, help: help, in: contexts.union([.conflicts]), disabledReason: disabledReason)
    }
}
