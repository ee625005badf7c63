/// Everything a key can ask the editor to do.
public enum Action: Hashable, Sendable {
    // Moving the selection.
    case moveUp, moveDown, moveLeft, moveRight, first, last, pageUp, pageDown
    // Moving the selected item.
    case moveItemLeft, moveItemRight, moveItemUp, moveItemDown
    // Editing.
    case addTouchpoint, addStage, edit, rename, delete, addLoop, removeLoop, properties, assignModel, editNotes
    case addCohort, addModel
    case undo, redo, save, quit
    case search, searchNext, searchPrevious
    case help, switchPanel, redraw, palette
    // Overlays.
    case cancel, confirm, nextField, previousField, firstField, lastField, openPicker, toggle
    case cursorLeft, cursorRight, lineStart, lineEnd, deleteBackward, deleteForward, killToEnd, killToStart
    case pickerUp, pickerDown, pickerPageUp, pickerPageDown
    case scrollUp, scrollDown
    case answer
    // Strategy.
    case jumpToFinding, toggleCoverage, assess
    // Lenses and search results.
    case lens, lensDim, searchResults
    // Reuse and bulk edits.
    case duplicate, yank, paste, mark, markRange, bulkEdit
    // Views.
    case swimlanes, compact, toggleDetail, cardLine, drillDown
    // Editing gaps.
    case suppressFinding, applyRecommendation
    // Scenarios and the forecast.
    case pickScenario, newScenario, deleteScenario
    // Format-3 fields.
    case healthScore
    // Costs, loop edges, the framework, the conflicts panel.
    case editCosts, editLoop, changeFramework, takeOurs, takeTheirs, takeBase, keepAsIs, jumpToConflict
    // The journey settings.
    case editSettings
}

extension Action {
    /// True for the board actions that act on the cards or stages on screen, which the
    /// coverage grid does not show.
    public var actsOnCards: Bool {
        switch self {
        case .pageUp, .pageDown, .moveItemLeft, .moveItemRight, .moveItemUp, .moveItemDown, .addTouchpoint, .addStage, .edit, .rename, .delete,
             .addLoop, .removeLoop, .assignModel, .editNotes, .search, .searchNext, .searchPrevious, .lens, .lensDim,
             .duplicate, .yank, .paste, .mark, .markRange, .bulkEdit:
            true
        default:
            false
        }
    }

    /// True for the actions that change the journey, refused while it is open read-only.
    public var edits: Bool {
        switch self {
        case .moveItemLeft, .moveItemRight, .moveItemUp, .moveItemDown, .addTouchpoint, .addStage, .edit, .rename, .delete,
             .addLoop, .removeLoop, .properties, .assignModel, .editNotes, .addCohort, .addModel, .undo, .redo, .assess,
             .duplicate, .paste, .bulkEdit, .suppressFinding, .applyRecommendation, .newScenario, .deleteScenario, .healthScore:
            true
        case .editCosts, .editLoop, .changeFramework, .takeOurs, .takeTheirs, .takeBase, .keepAsIs, .editSettings:
            true
        default:
            false
        }
    }
}
