/// A screen drawn over the panel that takes the keys until it closes.
public enum Overlay: Hashable, Sendable {
    case form(Form)
    case picker(Picker)
    case kpiList(KPIList)
    case confirm(Confirm)
    case search(TextInput)
    /// The help overlay, scrolled by this many lines.
    case help(scroll: Int)
    /// The maturity self-assessment.
    case assessment(Assessment)

    /// The key context of this overlay.
    public var context: KeyContext {
        switch self {
        case .form: .form
        case .picker: .picker
        case .kpiList: .kpiList
        case .confirm: .confirm
        case .search: .search
        case .help: .help
        case .assessment: .assessment
        }
    }
}

/// The panels Tab cycles through.
public enum Panel: String, CaseIterable, Hashable, Sendable {
    case board, cohorts, lint, models

    public var title: String {
        switch self {
        case .board: "Board"
        case .cohorts: "Cohorts"
        case .lint: "Lint"
        case .models: "Models"
        }
    }

    public var context: KeyContext {
        switch self {
        case .board: .board
        case .cohorts: .cohorts
        case .lint: .lint
        case .models: .models
        }
    }
}
