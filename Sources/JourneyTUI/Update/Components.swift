import JourneyKit

// Each overlay is a component: `update` changes only the component and returns an
// outcome; the editor applies the outcome to the rest of the state (Editor+Overlays).

extension TextInput {
    /// Applies a text-editing action (cursor moves and deletions); others do nothing.
    public mutating func edit(_ action: Action) {
        switch action {
        case .cursorLeft: left()
        case .cursorRight: right()
        case .lineStart: home()
        case .lineEnd: end()
        case .deleteBackward: deleteBackward()
        case .deleteForward: deleteForward()
        case .killToEnd: killToEnd()
        case .killToStart: killToStart()
        default: break
        }
    }
}

/// What a key did in a form.
public enum FormOutcome: Hashable, Sendable {
    /// The form changed (or not) and stays open.
    case none
    /// Enter: check the fields and apply them.
    case submit
    /// Esc: close the form.
    case cancel
    /// Open the focused field's picker or KPI list, filtered by `filter`.
    case openList(filter: String)
    /// Edit the focused field's text in `$EDITOR`.
    case editExternally(field: Int, text: String, name: String)
}

extension Form {
    public mutating func update(_ action: Action) -> FormOutcome {
        switch action {
        case .confirm: return .submit
        case .cancel: return .cancel
        case .nextField: focus = min(fields.count - 1, focus + 1)
        case .previousField: focus = max(0, focus - 1)
        case .firstField: focus = 0
        case .lastField: focus = fields.count - 1
        case .openPicker: return .openList(filter: "")
        case .toggle:
            if case .toggle(let v) = fields[focus].value { fields[focus].value = .toggle(!v) }
        case .editNotes: return .editExternally(field: focus, text: fields[focus].text, name: fields[focus].key.rawValue)
        default:
            guard case .text(var t) = fields[focus].value else { return .none }
            t.edit(action)
            fields[focus].value = .text(t)
        }
        return .none
    }

    /// A printable character: text for a text field; on a picker field it opens the picker filtered.
    public mutating func type(_ c: Character) -> FormOutcome {
        if fields[focus].isText, case .text(var t) = fields[focus].value {
            t.insert(String(c))
            fields[focus].value = .text(t)
            return .none
        }
        return focusedOpensList ? .openList(filter: String(c)) : .none
    }

    /// True when a field differs from what the form opened with (cursor moves do not count).
    public var isChanged: Bool { fields.contains { initial[$0.key] != $0.value.content } }
}

extension FieldValue {
    /// The value without the cursor position, for comparing what was typed.
    public var content: FieldValue {
        if case .text(let t) = self { return .text(TextInput(t.text)) }
        return self
    }
}

/// What a key did in a picker.
public enum PickerOutcome: Hashable, Sendable {
    case none
    /// Enter: apply the highlighted choice (or the ticks).
    case choose
    case cancel
}

extension Picker {
    public mutating func update(_ action: Action) -> PickerOutcome {
        let count = visible.count
        switch action {
        case .confirm: return .choose
        case .cancel: return .cancel
        case .pickerUp: highlight = max(0, highlight - 1)
        case .pickerDown: highlight = min(max(0, count - 1), highlight + 1)
        case .pickerPageUp: highlight = max(0, highlight - 10)
        case .pickerPageDown: highlight = min(max(0, count - 1), highlight + 10)
        case .toggle:
            if let c = current {
                if ticked.contains(c.id) { ticked.remove(c.id) } else { ticked.insert(c.id) }
            }
        case .deleteBackward:
            if !filter.isEmpty { filter.removeLast() }
            highlight = 0
        case .killToStart:
            filter = ""
            highlight = 0
        default: break
        }
        return .none
    }

    /// A printable character narrows the list.
    public mutating func type(_ c: Character) {
        filter.append(c)
        highlight = 0
        scroll = 0
    }
}

/// What a key did in the KPI list.
public enum KPIListOutcome: Hashable, Sendable {
    case none
    /// Open the KPI form for a new KPI.
    case add
    /// Open the KPI form on the KPI at `index`.
    case edit(index: Int)
    /// Done: the form's KPIs field takes these.
    case done([KPI])
    /// Esc: the field keeps its KPIs.
    case cancel
}

extension KPIList {
    public mutating func update(_ action: Action) -> KPIListOutcome {
        switch ListRowKey.update(action, highlight: &highlight, count: kpis.count) {
        case .none: return .none
        case .remove(let i):
            kpis.remove(at: i)
            return .none
        case .add: return .add
        case .edit(let i): return .edit(index: i)
        case .done: return .done(kpis)
        case .cancel: return .cancel
        }
    }

    /// Takes a KPI from the KPI form: replaces the one at `index`, or adds it with an id
    /// not in `taken`. Then the highlight is on Done: Enter finishes, a adds another.
    public mutating func put(_ kpi: KPI, at index: Int?, taken: Set<String>) {
        var k = kpi
        if let index, kpis.indices.contains(index) {
            kpis[index] = k
        } else {
            k.id = Slug.unique(from: k.name, fallback: "kpi", taken: taken.union(kpis.map(\.id)))
            kpis.append(k)
        }
        highlight = doneRow
    }

    /// True when KPIs were added, changed or removed since the list opened.
    public var isChanged: Bool { kpis != initial }
}

/// What a key did in the search prompt.
public enum SearchOutcome: Hashable, Sendable {
    case none
    /// Enter: search for this text.
    case submit(String)
    /// Tab: list every match.
    case list(String)
    case cancel
}

extension SearchPrompt {
    public mutating func update(_ action: Action) -> SearchOutcome {
        switch action {
        case .confirm: return .submit(input.text)
        case .searchResults: return .list(input.text)
        case .cancel: return .cancel
        default: input.edit(action)
        }
        return .none
    }

    public mutating func type(_ c: Character) { input.insert(String(c)) }
}

/// What a key did in the help overlay.
public enum HelpOutcome: Hashable, Sendable {
    case none, close
}

extension Help {
    /// Scrolls within `lineCount` lines of help text.
    public mutating func update(_ action: Action, lineCount: Int) -> HelpOutcome {
        switch action {
        case .scrollUp: scroll = max(0, scroll - 1)
        case .scrollDown: scroll = min(scroll + 1, max(0, lineCount - 1))
        case .cancel: return .close
        default: break
        }
        return .none
    }
}

/// What a key did in the maturity assessment.
public enum AssessmentOutcome: Hashable, Sendable {
    case none
    /// Enter: store the result in the journey.
    case submit
    case cancel
}

extension Assessment {
    public mutating func update(_ action: Action) -> AssessmentOutcome {
        switch action {
        case .pickerUp: row = max(0, row - 1)
        case .pickerDown: row = min(Maturity.checks.count - 1, row + 1)
        case .toggle:
            let id = Maturity.checks[row].id
            if ticked.contains(id) { ticked.remove(id) } else { ticked.insert(id) }
        case .confirm: return .submit
        case .cancel: return .cancel
        default: break
        }
        return .none
    }
}
