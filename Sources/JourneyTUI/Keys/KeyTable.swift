/// The key bindings: the one table that drives the key handler, the status bar and
/// the help overlay. The first enabled binding for a key in a context wins.
public enum KeyTable {
    public static let bindings: [Binding] = table.map { $0.action.edits ? $0.refusedWhenReadOnly : $0 }

    private static let table: [Binding] = [
        // Board and cohorts panel: moving.
        Binding([.up, .char("k")], .moveUp, "", "The card above (from the top card: the stage header)", in: [.board]),
        Binding([.down, .char("j")], .moveDown, "", "The card below", in: [.board]),
        Binding([.left, .char("h")], .moveLeft, "", "Select the previous stage", in: [.board]),
        Binding([.right, .char("l")], .moveRight, "", "Select the next stage", in: [.board]),
        Binding([.char("g")], .first, "", "The first card of the stage", in: [.board]),
        Binding([.char("G")], .last, "", "The last card of the stage", in: [.board]),
        Binding([.up, .char("k")], .moveUp, "", "The row above", in: [.cohorts, .lint, .models]),
        Binding([.down, .char("j")], .moveDown, "", "The row below", in: [.cohorts, .lint, .models]),
        Binding([.char("g")], .first, "", "The first row", in: [.cohorts, .lint, .models]),
        Binding([.char("G")], .last, "", "The last row", in: [.cohorts, .lint, .models]),
        Binding([.pageUp], .pageUp, "", "Scroll a page up", in: [.board, .cohorts, .lint, .models]),
        Binding([.pageDown], .pageDown, "", "Scroll a page down", in: [.board, .cohorts, .lint, .models]),
        // Board: moving the selected item.
        Binding([.char("H"), .shiftLeft], .moveItemLeft, "move", "Move the card to the previous stage (on a header: move the stage left)",
                in: [.board], when: { $0.selectedStage != nil }),
        Binding([.char("L"), .shiftRight], .moveItemRight, "", "Move the card to the next stage (on a header: move the stage right)",
                in: [.board], when: { $0.selectedStage != nil }),
        Binding([.char("K"), .shiftUp], .moveItemUp, "", "Move the card up in its stage", in: [.board], when: { $0.selectedTouchpoint != nil }),
        Binding([.char("J"), .shiftDown], .moveItemDown, "", "Move the card down in its stage", in: [.board], when: { $0.selectedTouchpoint != nil }),
        // Board: editing.
        Binding([.char("a")], .addTouchpoint, "add", "Add a touchpoint to the selected stage", in: [.board], when: { $0.selectedStage != nil }),
        Binding([.char("a")], .addCohort, "add", "Add a cohort", in: [.cohorts]),
        Binding([.char("a")], .addModel, "add", "Add an engagement model of your own", in: [.models]),
        Binding([.char("A")], .addStage, "stage", "Add a stage after the selected one", in: [.board]),
        Binding([.enter, .char("e")], .edit, "edit", "Edit the selected card, or the stage on its header, in a form", in: [.board],
                when: { $0.hasSelection }),
        Binding([.enter, .char("e")], .edit, "edit", "Edit the selected cohort in a form", in: [.cohorts], when: { $0.hasSelection }),
        Binding([.enter, .char("e")], .edit, "edit", "Edit the selected model in a form", in: [.models], when: { $0.hasSelection }),
        Binding([.char("r")], .rename, "rename", "Rename the selected card or stage (its id stays)", in: [.board], when: { $0.hasSelection }),
        Binding([.char("r")], .rename, "rename", "Rename the selected cohort or model (its id stays)", in: [.cohorts, .models],
                when: { $0.hasSelection }),
        Binding([.char("d")], .delete, "delete", "Delete the selected card, or the stage and its cards (a stage asks first)", in: [.board],
                when: { $0.hasSelection }),
        Binding([.char("d")], .delete, "delete", "Delete the selected cohort (one touchpoints use asks first and cleans them)", in: [.cohorts],
                when: { $0.hasSelection }),
        Binding([.char("d")], .delete, "delete", "Delete the selected model (one in use asks first)", in: [.models], when: { $0.hasSelection }),
        Binding([.char("m")], .assignModel, "model", "Assign an engagement model to the card", in: [.board],
                when: { $0.selectedTouchpoint != nil }),
        Binding([.char("m")], .assignModel, "model", "Assign an engagement model to the cohort", in: [.cohorts],
                when: { $0.selectedCohort != nil }),
        Binding([.char("o")], .addLoop, "loop", "Add a loop edge from the selected stage back to another", in: [.board],
                when: { $0.journey.stages.count > 1 }),
        Binding([.char("O")], .removeLoop, "", "Remove a loop edge of the selected stage", in: [.board],
                when: { s in s.selectedStage.map { st in s.journey.loops.contains { $0.from == st.id || $0.to == st.id } } ?? false }),
        Binding([.char("p")], .properties, "props", "Edit the journey: title, description, owner, last reviewed, journey KPIs, team capacity and budget", in: [.board, .cohorts, .models]),
        Binding([.ctrl("e")], .editNotes, "", "Edit the selected touchpoint's notes in $EDITOR", in: [.board],
                when: { $0.selectedTouchpoint != nil }),
        Binding([.char("u")], .undo, "undo", "Undo the last edit", in: [.board, .cohorts, .lint, .models], when: { !$0.history.undo.isEmpty }),
        Binding([.ctrl("r")], .redo, "redo", "Redo the edit undone last", in: [.board, .cohorts, .lint, .models], when: { !$0.history.redo.isEmpty }),
        Binding([.char("s"), .ctrl("s")], .save, "save", "Save the journey (canonical JSON)", in: [.board, .cohorts, .lint, .models]),
        Binding([.char("q"), .ctrl("c")], .quit, "quit", "Quit (asks when there are unsaved changes)", in: [.board, .cohorts, .lint, .models]),
        Binding([.char("/")], .search, "search", "Search touchpoint names, channels, models and owners", in: [.board]),
        Binding([.char("n")], .searchNext, "", "Next search match", in: [.board], when: { !$0.searchQuery.isEmpty }),
        Binding([.char("N")], .searchPrevious, "", "Previous search match", in: [.board], when: { !$0.searchQuery.isEmpty }),
        Binding([.tab], .switchPanel, "panel", "Switch panel (board, cohorts, lint, models)", in: [.board, .cohorts, .lint, .models]),
        Binding([.char("?")], .help, "help", "Show every key binding", in: [.board, .cohorts, .lint, .models]),
        Binding([.escape], .cancel, "", "Clear the message (Esc never quits)", in: [.board, .cohorts, .lint, .models]),
        // Strategy: coverage, maturity, the lint panel.
        Binding([.char("c")], .toggleCoverage, "coverage", "Show the coverage grid: by model, then by cohort, then the cards again", in: [.board]),
        Binding([.char("M")], .assess, "assess", "Run the maturity self-assessment", in: [.board, .cohorts, .lint]),
        Binding([.enter], .jumpToFinding, "jump", "Go to the item the finding is about", in: [.lint], when: { $0.selectedFinding != nil }),
        Binding([.up, .char("k")], .pickerUp, "", "The check above", in: [.assessment]),
        Binding([.down, .char("j")], .pickerDown, "", "The check below", in: [.assessment]),
        Binding([.char(" "), .char("y")], .toggle, "tick", "Tick or untick the check", in: [.assessment]),
        Binding([.enter], .confirm, "save", "Store the result in the journey (undoable)", in: [.assessment]),
        Binding([.escape], .cancel, "cancel", "Close the assessment and change nothing", in: [.assessment]),
        // Forms.
        Binding([.enter], .confirm, "apply", "Apply the form", in: [.form]),
        Binding([.escape], .cancel, "cancel", "Close the form and change nothing", in: [.form]),
        Binding([.tab, .down], .nextField, "next", "Next field", in: [.form]),
        Binding([.backTab, .up], .previousField, "", "Previous field", in: [.form]),
        Binding([.char(" ")], .openPicker, "pick", "Open the field's picker (or type to filter it)", in: [.form],
                when: { $0.form?.focusedOpensList ?? false }),
        Binding([.char(" ")], .toggle, "toggle", "Switch the field on or off", in: [.form],
                when: { $0.form?.fields[$0.form!.focus].kind == .toggle }),
        Binding([.ctrl("e")], .editNotes, "$EDITOR", "Edit a long text field (notes, content, description) in $EDITOR", in: [.form],
                when: { $0.form?.fields[$0.form!.focus].kind == .longText }),
        Binding([.left], .cursorLeft, "", "Cursor left", in: [.form, .search]),
        Binding([.right], .cursorRight, "", "Cursor right", in: [.form, .search]),
        Binding([.home, .ctrl("a")], .lineStart, "", "Cursor to the start", in: [.form, .search]),
        Binding([.end, .ctrl("e")], .lineEnd, "", "Cursor to the end", in: [.form, .search]),
        Binding([.backspace], .deleteBackward, "", "Delete the character before the cursor", in: [.form, .search, .picker]),
        Binding([.delete], .deleteForward, "", "Delete the character under the cursor", in: [.form, .search]),
        Binding([.ctrl("k")], .killToEnd, "", "Delete to the end", in: [.form, .search]),
        Binding([.ctrl("u")], .killToStart, "", "Delete to the start", in: [.form, .search, .picker]),
        // Pickers.
        Binding([.enter], .confirm, "choose", "Choose the highlighted item (multiple: apply the ticks)", in: [.picker]),
        Binding([.escape], .cancel, "cancel", "Close the picker and change nothing", in: [.picker]),
        Binding([.up], .pickerUp, "", "Highlight the item above", in: [.picker]),
        Binding([.down], .pickerDown, "", "Highlight the item below", in: [.picker]),
        Binding([.pageUp], .pickerPageUp, "", "A page up", in: [.picker]),
        Binding([.pageDown], .pickerPageDown, "", "A page down", in: [.picker]),
        Binding([.char(" ")], .toggle, "tick", "Tick or untick the item (pickers with several choices)", in: [.picker],
                when: { if case .picker(let p) = $0.overlays.last { return p.multiple }; return false }),
        // The KPI list.
        Binding([.up, .char("k")], .pickerUp, "", "Highlight the KPI above", in: [.kpiList]),
        Binding([.down, .char("j")], .pickerDown, "", "Highlight the KPI below", in: [.kpiList]),
        Binding([.enter, .char("e")], .confirm, "edit/done", "Edit the KPI, add one, or finish the list", in: [.kpiList]),
        Binding([.char("a")], .addTouchpoint, "add", "Add a KPI", in: [.kpiList]),
        Binding([.char("d")], .delete, "delete", "Delete the highlighted KPI", in: [.kpiList]),
        Binding([.escape], .cancel, "cancel", "Close the list and keep the KPIs as they were", in: [.kpiList]),
        // Questions, search, help.
        Binding([], .answer, "", "Press the key shown in brackets to answer", in: [.confirm]),
        Binding([.escape], .cancel, "cancel", "The safe answer, shown after the choices: cancel (nothing happens); keep the recovery copy for later; open read-only", in: [.confirm]),
        Binding([.enter], .confirm, "search", "Search and select the first match", in: [.search]),
        Binding([.escape], .cancel, "cancel", "Close the search prompt", in: [.search]),
        Binding([.up, .char("k")], .scrollUp, "", "Scroll up", in: [.help]),
        Binding([.down, .char("j")], .scrollDown, "", "Scroll down", in: [.help]),
        Binding([.escape, .char("?"), .char("q")], .cancel, "close", "Close the help", in: [.help]),
        Binding([.ctrl("l")], .redraw, "", "Redraw the screen", in: [.board, .cohorts, .lint, .models, .form, .picker, .kpiList, .confirm, .search, .help, .assessment]),
    ]

    /// True when the key would edit the journey in this context but the journey is read-only.
    public static func refusesReadOnly(_ key: Key, in state: EditorState) -> Bool {
        guard state.readOnly else { return false }
        let context = state.context
        return table.contains { $0.action.edits && $0.contexts.contains(context) && $0.keys.contains(key) }
    }

    /// The binding a key triggers in the state's context, if one is enabled.
    public static func binding(for key: Key, in state: EditorState) -> Binding? {
        let context = state.context
        return bindings.first { $0.contexts.contains(context) && $0.keys.contains(key) && $0.isEnabled(state) }
    }

    /// The bindings worth showing in the status bar now.
    public static func statusBindings(_ state: EditorState) -> [Binding] {
        let context = state.context
        var seen = Set<String>()
        let shown = bindings.filter { b in
            guard !b.label.isEmpty, b.contexts.contains(context), b.isEnabled(state) else { return false }
            return seen.insert(b.label).inserted
        }
        // The keys people reach for most come first, so a narrow terminal still shows them.
        let priority: [Action] = [.save, .quit, .help, .undo, .search, .switchPanel, .confirm, .cancel,
                                  .addTouchpoint, .addCohort, .addModel, .edit, .jumpToFinding]
        func rank(_ b: Binding) -> Int { priority.firstIndex(of: b.action) ?? priority.count }
        return shown.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }
}

extension Form {
    /// True when the focused field opens a list (a picker or the KPI list).
    public var focusedOpensList: Bool {
        switch fields[focus].kind {
        case .choice, .multiChoice, .kpis: true
        default: false
        }
    }
}
