/// A screen drawn over the panel that takes the keys until it closes. Each case holds a
/// self-contained component: its `update` returns an outcome that the editor applies.
public enum Overlay: Hashable, Sendable {
    case form(Form)
    case picker(Picker)
    case kpiList(KPIList)
    /// The list editor of a list field other than KPIs.
    case itemList(ItemList)
    case confirm(Confirm)
    case search(SearchPrompt)
    case help(Help)
    /// The maturity self-assessment.
    case assessment(Assessment)

    /// The key context of this overlay.
    public var context: KeyContext {
        switch self {
        case .form: .form
        case .picker: .picker
        case .kpiList: .kpiList
        case .itemList: .itemList
        case .confirm: .confirm
        case .search: .search
        case .help: .help
        case .assessment: .assessment
        }
    }

    /// The form, when this is one; setting it replaces a form in place.
    public var form: Form? {
        get { if case .form(let v) = self { v } else { nil } }
        set { if let newValue, form != nil { self = .form(newValue) } }
    }

    public var picker: Picker? {
        get { if case .picker(let v) = self { v } else { nil } }
        set { if let newValue, picker != nil { self = .picker(newValue) } }
    }

    public var kpiList: KPIList? {
        get { if case .kpiList(let v) = self { v } else { nil } }
        set { if let newValue, kpiList != nil { self = .kpiList(newValue) } }
    }

    public var itemList: ItemList? {
        get { if case .itemList(let v) = self { v } else { nil } }
        set { if let newValue, itemList != nil { self = .itemList(newValue) } }
    }

    public var confirm: Confirm? {
        get { if case .confirm(let v) = self { v } else { nil } }
        set { if let newValue, confirm != nil { self = .confirm(newValue) } }
    }

    public var search: SearchPrompt? {
        get { if case .search(let v) = self { v } else { nil } }
        set { if let newValue, search != nil { self = .search(newValue) } }
    }

    public var help: Help? {
        get { if case .help(let v) = self { v } else { nil } }
        set { if let newValue, help != nil { self = .help(newValue) } }
    }

    public var assessment: Assessment? {
        get { if case .assessment(let v) = self { v } else { nil } }
        set { if let newValue, assessment != nil { self = .assessment(newValue) } }
    }
}

/// The panels Tab cycles through.
public enum Panel: String, CaseIterable, Hashable, Sendable {
    case board, cohorts, lint, models, forecast
    /// Shown (and in the Tab cycle) only while the journey has unresolved conflicts.
    case conflicts

    public var title: String {
        switch self {
        case .board: "Board"
        case .cohorts: "Cohorts"
        case .lint: "Lint"
        case .models: "Models"
        case .forecast: "Forecast"
        case .conflicts: "Conflicts"
        }
    }

    public var context: KeyContext {
        switch self {
        case .board: .board
        case .cohorts: .cohorts
        case .lint: .lint
        case .models: .models
        case .forecast: .forecast
        case .conflicts: .conflicts
        }
    }
}

/// The search prompt on the message line.
public struct SearchPrompt: Hashable, Sendable {
    public var input: TextInput

    public init(_ text: String = "") { input = TextInput(text) }
}

/// The help overlay, scrolled by `scroll` lines.
public struct Help: Hashable, Sendable {
    public var scroll: Int

    public init(scroll: Int = 0) { self.scroll = scroll }
}
