/// The key bindings: the one table that drives the key handler, the status bar and
/// the help overlay. The first enabled binding for a key in a context wins.
public enum KeyTable {
    public static let bindings: [Binding] = (table.map(\.sharedWithConflicts) + gapTable).map { b in
        let guarded = b.action.edits ? b.refusedWhenReadOnly.refusedInScenario : b
        return b.action.actsOnCards ? guarded.refusedInCoverage : guarded
    }

    private static let table: [Binding] = [
        // Board and cohorts panel: moving.
        Binding(keys: [.up, .char("k")], action: .moveUp, help: "The card above (from the top card: the stage header)", in: [.board]),
        Binding(keys: [.down, .char("j")], action: .moveDown, help: "The card below", in: [.board]),
        Binding(keys: [.left, .char("h")], action: .moveLeft, help: "Select the previous stage", in: [.board]),
        Binding(keys: [.right, .char("l")], action: .moveRight, help: "Select the next stage", in: [.board]),
        Binding(keys: [.char("g")], action: .first, help: "The first card of the stage", in: [.board]),
        Binding(keys: [.char("G")], action: .last, help: "The last card of the stage", in: [.board]),
        Binding(keys: [.up, .char("k")], action: .moveUp, help: "The row above", in: [.cohorts, .lint, .models, .forecast]),
        Binding(keys: [.down, .char("j")], action: .moveDown, help: "The row below", in: [.cohorts, .lint, .models, .forecast]),
        Binding(keys: [.char("g")], action: .first, help: "The first row", in: [.cohorts, .lint, .models, .forecast]),
        Binding(keys: [.char("G")], action: .last, help: "The last row", in: [.cohorts, .lint, .models, .forecast]),
        Binding(keys: [.pageUp], action: .pageUp, help: "Scroll a page up", in: [.board, .cohorts, .lint, .models, .forecast]),
        Binding(keys: [.pageDown], action: .pageDown, help: "Scroll a page down", in: [.board, .cohorts, .lint, .models, .forecast]),
        // Board: moving the selected item.
        Binding(keys: [.char("H"), .shiftLeft], action: .moveItemLeft, group: "move", help: "Move the card to the previous stage (on a header: move the stage left)", in: [.board], when: { $0.selectedStage != nil }, otherwise: "The journey has no stages yet: A adds one"),
        Binding(keys: [.char("L"), .shiftRight], action: .moveItemRight, group: "move", help: "Move the card to the next stage (on a header: move the stage right)", in: [.board], when: { $0.selectedStage != nil }, otherwise: "The journey has no stages yet: A adds one"),
        Binding(keys: [.char("J"), .shiftDown], action: .moveItemDown, group: "move", help: "Move the card down in its stage", in: [.board], when: { $0.selectedTouchpoint != nil }, otherwise: "Select a card first"),
        Binding(keys: [.char("K"), .shiftUp], action: .moveItemUp, group: "move", help: "Move the card up in its stage", in: [.board], when: { $0.selectedTouchpoint != nil }, otherwise: "Select a card first"),
        // Board: editing.
        Binding(keys: [.char("a")], action: .addTouchpoint, label: "add", help: "Add a touchpoint to the selected stage", in: [.board], when: { $0.selectedStage != nil }, otherwise: "The journey has no stages yet: A adds one"),
        Binding(keys: [.char("a")], action: .addCohort, label: "add", help: "Add a cohort", in: [.cohorts]),
        Binding(keys: [.char("a")], action: .addModel, label: "add", help: "Add an engagement model of your own", in: [.models]),
        Binding(keys: [.char("A")], action: .addStage, label: "stage", help: "Add a stage after the selected one", in: [.board]),
        Binding(keys: [.enter], action: .drillDown, label: "show", help: "In the coverage grid: show the touchpoints of the highlighted cell (a lens on its model or cohort)",
                in: [.board], when: { $0.coverage != nil }),
        Binding(keys: [.enter, .char("e")], action: .edit, label: "edit", help: "Edit the selected card, or the stage on its header, in a form", in: [.board],
                when: { $0.hasSelection }, otherwise: "Nothing is selected"),
        Binding(keys: [.enter, .char("e")], action: .edit, label: "edit", help: "Edit the selected cohort in a form", in: [.cohorts], when: { $0.hasSelection }, otherwise: "Nothing is selected"),
        Binding(keys: [.enter, .char("e")], action: .edit, label: "edit", help: "Edit the selected model in a form", in: [.models], when: { $0.hasSelection }, otherwise: "Nothing is selected"),
        Binding(keys: [.char("r")], action: .rename, label: "rename", help: "Rename the selected card or stage (its id stays)", in: [.board], when: { $0.hasSelection }, otherwise: "Nothing is selected"),
        Binding(keys: [.char("r")], action: .rename, label: "rename", help: "Rename the selected cohort or model (its id stays)", in: [.cohorts, .models],
                when: { $0.hasSelection }, otherwise: "Nothing is selected"),
        Binding(keys: [.char("d")], action: .delete, label: "delete", help: "Delete the selected card, or the stage and its cards (a stage asks first); with cards marked, the marked cards (asks)", in: [.board],
                when: { $0.hasSelection }, otherwise: "Nothing is selected"),
        Binding(keys: [.char("d")], action: .delete, label: "delete", help: "Delete the selected cohort (one touchpoints use asks first and cleans them)", in: [.cohorts],
                when: { $0.hasSelection }, otherwise: "Nothing is selected"),
        Binding(keys: [.char("d")], action: .delete, label: "delete", help: "Delete the selected model (one in use asks first)", in: [.models], when: { $0.hasSelection }, otherwise: "Nothing is selected"),
        Binding(keys: [.char("D")], action: .duplicate, label: "dup", help: "Duplicate the selected card after it (on a header: the stage with its cards)", in: [.board],
                when: { $0.selectedStage != nil }, otherwise: "The journey has no stages yet: A adds one"),
        Binding(keys: [.char("y")], action: .yank, label: "yank", help: "Yank (copy) the marked cards, or the selected one, for P", in: [.board],
                when: { $0.selectedTouchpoint != nil || !$0.marked.isEmpty }, otherwise: "Select a card (or mark some with Space) first"),
        Binding(keys: [.char("P")], action: .paste, label: "paste", help: "Paste copies of the yanked cards after the selected card (on a header: at the end of the stage)", in: [.board],
                when: { !$0.clipboard.isEmpty && $0.selectedStage != nil }, otherwise: "Nothing yanked yet: y copies the selected card"),
        Binding(keys: [.char(" ")], action: .mark, label: "mark", help: "Mark or unmark the selected card for a bulk edit", in: [.board],
                when: { $0.selectedTouchpoint != nil }, otherwise: "Select a card first"),
        Binding(keys: [.char("V")], action: .markRange, help: "Mark every card from the last one marked to the selected one (in board order)", in: [.board],
                when: { $0.selectedTouchpoint != nil }, otherwise: "Select a card first"),
        Binding(keys: [.char("B")], action: .bulkEdit, label: "bulk", help: "Bulk edit the marked cards: set owner, model, status; add or remove cohorts (d deletes them)", in: [.board],
                when: { !$0.marked.isEmpty }, otherwise: "Mark cards with Space (V marks a range) first"),
        Binding(keys: [.char("m")], action: .assignModel, label: "model", help: "Assign an engagement model to the card, or switch a layer (AI-augmented) on or off", in: [.board],
                when: { $0.selectedTouchpoint != nil }, otherwise: "Select a card first"),
        Binding(keys: [.char("R")], action: .applyRecommendation, label: "advice", help: "Apply the recommended model and layers (the Advice column) to the cohort; the message shows the cost change",
                in: [.cohorts], when: { $0.selectedCohort != nil }, otherwise: "No cohort yet: a adds one"),
        Binding(keys: [.char("m")], action: .assignModel, label: "model", help: "Assign an engagement model to the cohort, or switch a layer (AI-augmented) on or off", in: [.cohorts],
                when: { $0.selectedCohort != nil }, otherwise: "No cohort yet: a adds one"),
        // The Forecast panel and scenarios (ScenarioActions, ForecastActions).
        Binding(keys: [.enter, .char("e")], action: .edit, label: "edit", help: "Edit the selected cohort in a form (its size, value and model drive the forecast)", in: [.forecast],
                when: { $0.hasSelection }, otherwise: "No cohort yet: a adds one in the cohorts panel"),
        Binding(keys: [.char("m")], action: .assignModel, label: "model", help: "Assign an engagement model to the selected cohort, or switch a layer on or off; the forecast follows", in: [.forecast],
                when: { $0.selectedCohort != nil }, otherwise: "No cohort yet: a adds one in the cohorts panel"),
        Binding(keys: [.char("R")], action: .applyRecommendation, label: "advice", help: "Apply the recommended model and layers to the selected cohort; the message shows the change in its cost to serve and margin over the horizon",
                in: [.forecast], when: { $0.selectedCohort != nil }, otherwise: "No cohort yet: a adds one in the cohorts panel"),
        Binding(keys: [.char("W")], action: .pickScenario, label: "scenario", help: "Show a scenario (a to-be kept in the file) or the journey as-is, or make a new one; in a scenario, edits of what it can hold go into it",
                in: [.board, .cohorts, .lint, .models, .forecast]),
        Binding(keys: [.char("+")], action: .newScenario, help: "Make a new scenario (name it) and show it", in: [.board, .cohorts, .lint, .models, .forecast]),
        Binding(keys: [.char("X")], action: .deleteScenario, help: "Delete the scenario shown (asks first); the journey itself stays", in: [.board, .cohorts, .lint, .models, .forecast],
                when: { $0.scenario != nil }, otherwise: "No scenario is shown: W picks one"),
        Binding(keys: [.char("o")], action: .addLoop, label: "loop", help: "Add a loop edge from the selected stage back to another", in: [.board],
                when: { $0.journey.stages.count > 1 }, otherwise: "A loop edge needs two stages"),
        Binding(keys: [.char("O")], action: .removeLoop, help: "Remove a loop edge of the selected stage", in: [.board],
                when: { s in s.selectedStage.map { st in s.journey.loops.contains { $0.from == st.id || $0.to == st.id } } ?? false }, otherwise: "The selected stage has no loop edges"),
        Binding(keys: [.char("p")], action: .properties, label: "props", help: "Edit the journey: title, description, owner, last reviewed, journey KPIs, team size, hours per person and budget, health score (in a scenario: only the scenario's team)", in: [.board, .cohorts, .models, .forecast]),
        Binding(keys: [.ctrl("o"), .ctrl("e")], action: .editNotes, help: "Edit the selected touchpoint's notes in $EDITOR", in: [.board],
                when: { $0.selectedTouchpoint != nil }, otherwise: "Select a card first"),
        Binding(keys: [.char("u")], action: .undo, label: "undo", help: "Undo the last edit", in: [.board, .cohorts, .lint, .models, .forecast], when: { !$0.history.undo.isEmpty }, otherwise: "Nothing to undo"),
        Binding(keys: [.ctrl("r")], action: .redo, label: "redo", help: "Redo the edit undone last", in: [.board, .cohorts, .lint, .models, .forecast], when: { !$0.history.redo.isEmpty }, otherwise: "Nothing to redo"),
        Binding(keys: [.char("s"), .ctrl("s")], action: .save, label: "save", help: "Save the journey (canonical JSON)", in: [.board, .cohorts, .lint, .models, .forecast]),
        Binding(keys: [.char("q"), .ctrl("c")], action: .quit, label: "quit", help: "Quit (asks when there are unsaved changes)", in: [.board, .cohorts, .lint, .models, .forecast]),
        Binding(keys: [.char("/")], action: .search, label: "search", help: "Search every text field: names, channels, models, owners, content, notes, trigger details, escalation, KPIs, cohorts and pain points", in: [.board]),
        Binding(keys: [.char("f")], action: .lens, label: "lens", help: "Lens: show only the cards of a cohort, model, owner, status, channel or lint severity (type to filter the list)",
                in: [.board]),
        Binding(keys: [.char("F")], action: .lensDim, help: "Switch the lens between hiding the other cards and dimming them", in: [.board],
                when: { $0.lens != nil }, otherwise: "No lens: f chooses one"),
        Binding(keys: [.char("n")], action: .searchNext, help: "Next search match", in: [.board], when: { !$0.searchQuery.isEmpty }, otherwise: "No search yet: / searches"),
        Binding(keys: [.char("N")], action: .searchPrevious, help: "Previous search match", in: [.board], when: { !$0.searchQuery.isEmpty }, otherwise: "No search yet: / searches"),
        Binding(keys: [.tab], action: .switchPanel, label: "panel", help: "Switch panel (board, cohorts, lint, models, forecast; conflicts while a merge left some)", in: [.board, .cohorts, .lint, .models, .forecast]),
        Binding(keys: [.char(":")], action: .palette, label: "commands", help: "Command palette: every action here by name with its key; type to filter, Enter runs it",
                in: [.board, .cohorts, .lint, .models, .forecast]),
        Binding(keys: [.char("?")], action: .help, label: "help", help: "Show every key binding", in: [.board, .cohorts, .lint, .models, .forecast]),
        Binding(keys: [.escape], action: .cancel, help: "Clear the message, the lens or the coverage grid (Esc never quits)", in: [.board, .cohorts, .lint, .models, .forecast]),
        // Strategy: coverage, maturity, the lint panel.
        Binding(keys: [.char("c")], action: .toggleCoverage, label: "coverage", help: "Show the coverage grid: by model, then by cohort, then the cards again (arrows pick a cell, Enter shows its touchpoints)", in: [.board]),
        Binding(keys: [.char("w")], action: .swimlanes, label: "lanes", help: "Swimlanes: cohorts by stages, then models by stages, then the cards again", in: [.board]),
        Binding(keys: [.char("z")], action: .compact, help: "Compact cards: one line each (z again: three lines)", in: [.board]),
        Binding(keys: [.char("I")], action: .toggleDetail, help: "Hide or show the detail pane (the board takes the whole width)", in: [.board, .cohorts, .lint, .models, .forecast]),
        Binding(keys: [.char("t")], action: .cardLine, help: "What the cards' last line shows: status and evidence, then cohorts, then owner", in: [.board]),
        Binding(keys: [.char("S")], action: .healthScore, label: "health", help: "Edit the journey's health score: components (usage frequency, recency, depth, support friction, custom) with weights and KPIs, and bands with thresholds",
                in: [.board, .cohorts], when: { $0.hasJourney }, otherwise: "No journey yet: choose a framework first"),
        Binding(keys: [.char("M")], action: .assess, label: "assess", help: "Run the maturity self-assessment", in: [.board, .cohorts, .lint]),
        Binding(keys: [.char("x")], action: .suppressFinding, label: "suppress", help: "Suppress the finding on its item; asks for the reason, which the file keeps", in: [.lint],
                when: { $0.selectedFinding != nil }, otherwise: "No finding is selected"),
        Binding(keys: [.enter], action: .jumpToFinding, label: "jump", help: "Go to the item the finding is about", in: [.lint], when: { $0.selectedFinding != nil }, otherwise: "No finding is selected"),
        Binding(keys: [.up, .char("k")], action: .pickerUp, help: "The check above", in: [.assessment]),
        Binding(keys: [.down, .char("j")], action: .pickerDown, help: "The check below", in: [.assessment]),
        Binding(keys: [.char(" "), .char("y")], action: .toggle, label: "tick", help: "Tick or untick the check", in: [.assessment]),
        Binding(keys: [.enter], action: .confirm, label: "save", help: "Store the result in the journey (undoable)", in: [.assessment]),
        Binding(keys: [.escape], action: .cancel, label: "cancel", help: "Close the assessment and change nothing", in: [.assessment]),
        // Forms.
        Binding(keys: [.enter], action: .confirm, label: "apply", help: "Apply the form", in: [.form]),
        Binding(keys: [.escape], action: .cancel, label: "cancel", help: "Close the form; when you changed something it asks first (keep editing or discard)", in: [.form]),
        Binding(keys: [.tab, .down], action: .nextField, label: "next", help: "Next field", in: [.form]),
        Binding(keys: [.backTab, .up], action: .previousField, help: "Previous field", in: [.form]),
        Binding(keys: [.pageUp], action: .firstField, help: "The first field", in: [.form]),
        Binding(keys: [.pageDown], action: .lastField, help: "The last field (Shift-Tab from there reaches the KPIs)", in: [.form]),
        Binding(keys: [.ctrl("c")], action: .quit, label: "quit", help: "Quit (while a new journey's framework is being chosen)", in: [.form, .picker],
                when: { !$0.hasJourney }),
        Binding(keys: [.ctrl("c")], action: .cancel, help: "Close it, like Esc", in: [.form, .picker, .search]),
        Binding(keys: [.char(" ")], action: .openPicker, label: "pick", help: "Open the field's picker, list or health score (or type to filter a picker)", in: [.form],
                when: { $0.form?.focusedOpensList ?? false }),
        Binding(keys: [.char(" ")], action: .toggle, label: "toggle", help: "Switch the field on or off", in: [.form],
                when: { $0.form?.fields[$0.form!.focus].kind == .toggle }),
        Binding(keys: [.ctrl("o")], action: .editNotes, label: "$EDITOR", help: "Edit a long text field (notes, content, description) in $EDITOR (Ctrl-E is End, as in every field)", in: [.form],
                when: { $0.form?.fields[$0.form!.focus].kind == .longText }),
        Binding(keys: [.left], action: .cursorLeft, help: "Cursor left", in: [.form, .search]),
        Binding(keys: [.right], action: .cursorRight, help: "Cursor right", in: [.form, .search]),
        Binding(keys: [.home, .ctrl("a")], action: .lineStart, help: "Cursor to the start", in: [.form, .search]),
        Binding(keys: [.end, .ctrl("e")], action: .lineEnd, help: "Cursor to the end", in: [.form, .search]),
        Binding(keys: [.backspace], action: .deleteBackward, help: "Delete the character before the cursor", in: [.form, .search, .picker]),
        Binding(keys: [.delete], action: .deleteForward, help: "Delete the character under the cursor", in: [.form, .search]),
        Binding(keys: [.ctrl("k")], action: .killToEnd, help: "Delete to the end", in: [.form, .search]),
        Binding(keys: [.ctrl("u")], action: .killToStart, help: "Delete to the start", in: [.form, .search, .picker]),
        // Pickers.
        Binding(keys: [.enter], action: .confirm, label: "choose", help: "Choose the highlighted item (multiple: apply the ticks)", in: [.picker]),
        Binding(keys: [.escape], action: .cancel, label: "cancel", help: "Close the picker and change nothing", in: [.picker],
                when: { $0.top?.picker?.target != .framework }, otherwise: "Choose a framework for the new journey (Ctrl-C quits)"),
        Binding(keys: [.up], action: .pickerUp, help: "Highlight the item above", in: [.picker]),
        Binding(keys: [.down], action: .pickerDown, help: "Highlight the item below", in: [.picker]),
        Binding(keys: [.pageUp], action: .pickerPageUp, help: "A page up", in: [.picker]),
        Binding(keys: [.pageDown], action: .pickerPageDown, help: "A page down", in: [.picker]),
        Binding(keys: [.char(" ")], action: .toggle, label: "tick", help: "Tick or untick the item (pickers with several choices)", in: [.picker],
                when: { $0.top?.picker?.multiple ?? false }),
        // The KPI list.
        Binding(keys: [.up, .char("k")], action: .pickerUp, help: "Highlight the KPI above", in: [.kpiList]),
        Binding(keys: [.down, .char("j")], action: .pickerDown, help: "Highlight the KPI below", in: [.kpiList]),
        Binding(keys: [.enter, .char("e")], action: .confirm, label: "edit/done", help: "Edit the KPI, add one, or finish the list", in: [.kpiList]),
        Binding(keys: [.char("a")], action: .addTouchpoint, label: "add", help: "Add a KPI", in: [.kpiList]),
        Binding(keys: [.char("d")], action: .delete, label: "delete", help: "Delete the highlighted KPI", in: [.kpiList]),
        Binding(keys: [.escape], action: .cancel, label: "cancel", help: "Close the list and keep the KPIs as they were; when you changed them it asks first", in: [.kpiList]),
        // The other lists of a form: pain points, data capture, routing rules, drop-off overrides, health components and bands.
        Binding(keys: [.up, .char("k")], action: .pickerUp, help: "Highlight the item above", in: [.itemList]),
        Binding(keys: [.down, .char("j")], action: .pickerDown, help: "Highlight the item below", in: [.itemList]),
        Binding(keys: [.enter, .char("e")], action: .confirm, label: "edit/done", help: "Edit the item, add one, or finish the list", in: [.itemList]),
        Binding(keys: [.char("a")], action: .addTouchpoint, label: "add", help: "Add an item", in: [.itemList]),
        Binding(keys: [.char("d")], action: .delete, label: "delete", help: "Delete the highlighted item", in: [.itemList],
                when: { $0.top?.itemList.map { $0.items.indices.contains($0.highlight) } ?? false }, otherwise: "Highlight an item to delete first"),
        Binding(keys: [.escape], action: .cancel, label: "cancel", help: "Close the list and keep the items as they were; when you changed them it asks first", in: [.itemList]),
        // Questions, search, help.
        Binding(keys: [], action: .answer, help: "Press the key shown in brackets to answer", in: [.confirm]),
        Binding(keys: [.escape], action: .cancel, label: "cancel", help: "The safe answer, shown after the choices: cancel; keep editing when a form would lose changes; keep the recovery copy for later; open read-only", in: [.confirm]),
        Binding(keys: [.enter], action: .confirm, label: "search", help: "Search and select the first match", in: [.search]),
        Binding(keys: [.tab], action: .searchResults, label: "list", help: "List every match (stage, card, the field that matches) to jump to", in: [.search]),
        Binding(keys: [.escape], action: .cancel, label: "cancel", help: "Close the search prompt", in: [.search]),
        Binding(keys: [.up, .char("k")], action: .scrollUp, help: "Scroll up", in: [.help]),
        Binding(keys: [.down, .char("j")], action: .scrollDown, help: "Scroll down", in: [.help]),
        Binding(keys: [.escape, .char("?"), .char("q")], action: .cancel, label: "close", help: "Close the help", in: [.help]),
        Binding(keys: [.ctrl("l")], action: .redraw, help: "Redraw the screen", in: [.board, .cohorts, .lint, .models, .forecast, .form, .picker, .kpiList, .itemList, .confirm, .search, .help, .assessment]),
    ]

    /// The bindings of each context, in table order (worked out once: the status bar
    /// and the key handler look only at these).
    static let byContext: [KeyContext: [Binding]] = Dictionary(uniqueKeysWithValues: KeyContext.allCases.map { c in
        (c, bindings.filter { $0.contexts.contains(c) })
    })

    /// The bindings of the state's context, in table order.
    static func inContext(_ state: EditorState) -> [Binding] { byContext[state.context] ?? [] }

    /// The binding a key triggers in the state's context, if one is enabled.
    public static func binding(for key: Key, in state: EditorState) -> Binding? {
        inContext(state).first { $0.keys.contains(key) && $0.isEnabled(state) }
    }

    /// Why a key that has a binding here does nothing now (the first disabled binding's
    /// reason); nil when it has none, or the binding gives no reason (the key is typed).
    public static func disabledReason(for key: Key, in state: EditorState) -> String? {
        for b in inContext(state) where b.keys.contains(key) {
            if let reason = b.disabledReason(state), !reason.isEmpty { return reason }
        }
        return nil
    }

    /// The keys the status bar shows for a binding: its first key, or the first keys of
    /// every enabled binding of its group (`H/L/J/K`).
    public static func statusKeys(for binding: Binding, in state: EditorState) -> String {
        guard let group = binding.group else { return binding.statusKeys }
        return inContext(state).filter { $0.group == group && $0.isEnabled(state) }
            .map(\.statusKeys).joined(separator: "/")
    }

    /// The bindings worth showing in the status bar now.
    public static func statusBindings(_ state: EditorState) -> [Binding] {
        var seen = Set<String>()
        let shown = inContext(state).filter { b in
            guard b.isEnabled(state) else { return false }
            let label = b.statusLabel
            return !label.isEmpty && seen.insert(label).inserted
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
        case .choice, .multiChoice, .kpis, .list, .healthScore: true
        default: false
        }
    }
}
