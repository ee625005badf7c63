import JourneyKit

/// Everything the editor shows and edits, as one value.
public struct EditorState: Sendable {
    /// The journey being edited. Every change of it (an edit, undo, a reload) moves
    /// `journeyRevision` on, which retires what was derived from the old one.
    public var journey: Journey { didSet { journeyRevision &+= 1 } }
    /// Counts the changes of `journey` (in place, cheaply); the key of `boardIndex`.
    public private(set) var journeyRevision = 0
    /// What the board shows of the stages on screen through the lens and in the swimlanes
    /// (see `BoardIndex`): refreshed by `Editor.update`, used only while it is current.
    public internal(set) var boardIndex = BoardIndex()
    /// The file the journey is saved to; nil until the user names one.
    public var path: String?
    /// False while a new journey's framework is still being chosen.
    public var hasJourney: Bool
    public var panel: Panel = .board
    public var selection = Selection()
    /// The selected row of the cohorts panel.
    public var cohort = 0
    public var cohortScroll = 0
    /// The selected row of the models panel.
    public var model = 0
    public var modelScroll = 0
    /// Overlays on top of the panel; the last one takes the keys.
    public var overlays: [Overlay] = []
    public var history = History()
    /// The history version last written to disk; nil when the file does not exist yet.
    public var savedVersion: Int?
    public var message: Message?
    public var width: Int
    public var height: Int
    public var scroll = BoardScroll()
    /// The last search, for n and N.
    public var searchQuery = ""
    public var pendingExternal: ExternalTarget?
    /// Quit once the save in flight succeeds.
    public var quitAfterSave = false
    /// How many touchpoints target each cohort, for the cohorts panel; counted once per
    /// journey version while the panel is open, not on every key.
    public internal(set) var cohortUsage: [String: Int] = [:]
    /// How many touchpoints and cohorts use each model (as model or layer), counted the same way.
    public internal(set) var modelUsage: [String: Int] = [:]
    var cohortUsageVersion: Int?
    /// Draw with ASCII only (no UTF-8 locale).
    public var ascii = false
    /// Another editor holds the journey: saving asks for another file name.
    public var readOnly = false
    /// No recovery copy can be written now (the title bar says so until one can).
    public var noRecoveryCopy = false
    /// The lint findings of the journey as it is now, refreshed after every event.
    public internal(set) var lint = LintReport()
    /// The worst finding per stage and touchpoint (-1: the stage itself), for the markers.
    public internal(set) var lintMarks: [Int: [Int: Severity]] = [:]
    /// How many findings of each severity, counted once per lint run for the status bar.
    public internal(set) var lintCounts: [Severity: Int] = [:]
    /// Counts the lint runs (the key of what a lens on lint severity shows).
    var lintRevision = 0
    /// The history version and day `lint` was computed for.
    var lintedFor: (version: Int, today: String)?
    /// The lint runs of the last few versions (EditorState+Lint).
    var lintMemo = LintMemo()
    /// The day the review-age rule judges against (injectable for tests).
    public var today = JourneyDate.today()
    /// The selected row of the lint panel, and its scroll.
    public var lintRow = 0
    public var lintScroll = 0
    /// The board shows the coverage grid (by model or by cohort) instead of the cards when set.
    public var coverage: Coverage.Axis?
    /// The highlighted cell of the coverage grid: x the model or cohort column, y the stage.
    public var coverageCell = Point(x: 0, y: 0)
    /// How the board is drawn (compact, swimlanes, detail pane, the cards' last line).
    public var view = BoardView()
    /// The lens on the board (f), if one is on.
    public var lens: Lens?
    /// The ids of the cards marked for a bulk edit (Space, V), and the last one marked.
    public var marked: Set<String> = []
    public var markAnchor: String?
    /// The cards y copied, for P.
    public var clipboard: [Touchpoint] = []
    /// The id of the scenario the editor shows and edits (W picks it); nil: the journey as-is.
    /// `journey` stays the file's journey; see EditorState+Scenario.
    public var scenario: String?
    /// While an event is handled in a scenario: the file's journey, `journey` being the scenario's view.
    var scenarioBase: Journey?
    /// Why an edit made in a scenario was refused during this event (shown once the event is done).
    var scenarioRefusal: String?
    /// The forecast the Forecast panel shows, and what it was computed for (EditorState+Forecast).
    public internal(set) var forecast: Forecast?
    var forecastFor: ForecastKey?
    /// The forecasts of the last few versions and scenarios shown, newest last (undo and redo return to them).
    var forecastMemo: [(key: ForecastKey, forecast: Forecast)] = []
    /// The selected conflict of the conflicts panel, and the first one shown.
    public var conflictRow = 0
    public var conflictScroll = 0

    /// An editor on an existing journey read from `path`.
    public init(journey: Journey, path: String?, width: Int = 80, height: Int = 24) {
        self.journey = journey
        self.path = path
        hasJourney = true
        savedVersion = path == nil ? nil : 0
        self.width = width
        self.height = height
        if journey.stages.first?.touchpoints.isEmpty == false { selection.card = 0 }
        if !journey.conflicts.isEmpty { message = Message(ConflictsPanel.openingNote(journey)) }
        refreshLintIfCheap()
    }

    /// An editor for a file that does not exist yet: the framework picker comes first.
    public init(newFileAt path: String?, width: Int = 80, height: Int = 24) {
        journey = Journey(title: "", framework: FrameworkRef(id: "aarrr"))
        self.path = path
        hasJourney = false
        savedVersion = nil
        self.width = width
        self.height = height
        overlays = [.picker(Choices.frameworkPicker())]
    }

    /// True when the journey has changes not yet saved.
    public var isDirty: Bool { hasJourney && savedVersion != history.version }

    /// The key context: the top overlay, or the panel.
    public var context: KeyContext { overlays.last?.context ?? panel.context }

    /// The open form, when a form is on top.
    public var form: Form? { top?.form }

    /// The selected stage, if the journey has stages.
    public var selectedStage: Stage? {
        journey.stages.indices.contains(selection.stage) ? journey.stages[selection.stage] : nil
    }

    /// The selected touchpoint, when a card (not a header) is selected.
    public var selectedTouchpoint: Touchpoint? {
        guard let s = selectedStage, s.touchpoints.indices.contains(selection.card) else { return nil }
        return s.touchpoints[selection.card]
    }

    /// The selected cohort in the cohorts panel.
    public var selectedCohort: Cohort? {
        journey.cohorts.indices.contains(cohort) ? journey.cohorts[cohort] : nil
    }

    /// The selected custom model in the models panel.
    public var selectedModel: CustomModel? {
        journey.models.indices.contains(model) ? journey.models[model] : nil
    }

    /// True when the panel has something selected to edit, rename or delete.
    public var hasSelection: Bool {
        switch panel {
        case .board: selectedStage != nil
        case .cohorts: selectedCohort != nil
        case .models: selectedModel != nil
        case .lint: false
        case .forecast: selectedCohort != nil
        case .conflicts: selectedConflict != nil
        }
    }

    /// The message shown when an edit is refused on a read-only journey.
    public static let readOnlyRefusal = "Read-only: another editor has this file; s saves a copy under another name"

    /// The message for a key that acts on cards while the coverage grid is on.
    public static let coverageRefusal = "The coverage grid shows no cards: c or Esc goes back to them"

    /// The smallest terminal the editor draws in.
    public static let minWidth = 60
    public static let minHeight = 16

    public var isTooSmall: Bool { width < EditorState.minWidth || height < EditorState.minHeight }
}
