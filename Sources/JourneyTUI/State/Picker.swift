/// One choice in a picker: the id stored in the journey and what the user reads.
public struct Choice: Hashable, Sendable {
    public var id: String
    public var label: String
    /// Shown at the right of the row (the command palette's keys); also matched by the filter.
    public var detail: String
    /// Other words the filter finds it by (a stage's other names: AIDA's Attention is Awareness).
    public var keywords: [String]

    public init(_ id: String, _ label: String, detail: String = "", keywords: [String] = []) {
        self.id = id
        self.label = label
        self.detail = detail
        self.keywords = keywords
    }
}

/// What a confirmed picker changes.
public enum PickerTarget: Hashable, Sendable {
    /// A field of the form beneath it.
    case formField(Int)
    /// The framework of a new journey (the picker shown for a missing file).
    case framework
    /// The engagement model of a cohort.
    case cohortModel(cohortID: String)
    /// The engagement model of a touchpoint.
    case touchpointModel(touchpointID: String)
    /// A loop edge to remove.
    case removeLoop
    /// The command palette: the choice's id names the action to run.
    case command
    /// The lens picker: the choice's id is a lens id, or "" for none.
    case lens
    /// The search results: the choice's id is `stage:card`.
    case jump
    /// The scenario picker: a scenario's id, "" for the journey as-is, or `Editor.newScenarioChoice`.
    case scenario
    /// The cost assumptions: "currency" or a model id, to edit.
    case costs
    /// A loop edge to edit.
    case editLoop
    /// The framework to change the journey to (or custom).
    case changeFramework
}

/// A list to choose from, filtered by what the user types.
public struct Picker: Hashable, Sendable {
    public var title: String
    public var choices: [Choice]
    public var filter: String
    /// Index into `visible`.
    public var highlight: Int
    /// True when several choices can be ticked with Space.
    public var multiple: Bool
    public var ticked: Set<String>
    public var target: PickerTarget
    /// The first visible row, kept by render so the highlight stays on screen.
    public var scroll: Int

    public init(title: String, choices: [Choice], selected: [String] = [], multiple: Bool = false,
                target: PickerTarget, filter: String = "") {
        self.title = title
        self.choices = choices
        self.filter = filter
        self.multiple = multiple
        ticked = Set(selected)
        self.target = target
        scroll = 0
        highlight = 0
        if !multiple, let first = selected.first, let i = visible.firstIndex(where: { $0.id == first }) { highlight = i }
    }

    /// The choices that match the filter (case-insensitive, in the label, the id or a keyword).
    public var visible: [Choice] {
        let f = filter.lowercased()
        if f.isEmpty { return choices }
        return choices.filter { c in
            c.label.lowercased().contains(f) || c.id.lowercased().contains(f) || c.detail.lowercased().contains(f)
                || c.keywords.contains { $0.lowercased().contains(f) }
        }
    }

    /// The highlighted choice, if any matches.
    public var current: Choice? {
        let v = visible
        return v.indices.contains(highlight) ? v[highlight] : nil
    }
}
