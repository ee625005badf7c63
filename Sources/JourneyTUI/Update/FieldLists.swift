import JourneyKit

// The format-3 fields in the editor: the list editor for list fields (pain points, data
// capture, routing rules, drop-off overrides, health components and bands), the health
// score form, and the journey's health score key.

/// What a key did in a list editor.
public enum ItemListOutcome: Hashable, Sendable {
    case none
    /// Open the item form for a new item.
    case add
    /// Open the item form on the item at `index`.
    case edit(index: Int)
    /// Done: the form's field takes these.
    case done([ListItem])
    /// Esc: the field keeps its items.
    case cancel
}

extension ItemList {
    public mutating func update(_ action: Action) -> ItemListOutcome {
        switch ListRowKey.update(action, highlight: &highlight, count: items.count) {
        case .none: return .none
        case .remove(let i):
            items.remove(at: i)
            return .none
        case .add: return .add
        case .edit(let i): return .edit(index: i)
        case .done: return .done(items)
        case .cancel: return .cancel
        }
    }

    /// Takes an item from the item form: replaces the one at `index`, or adds it. Then the
    /// highlight is on Done: Enter finishes, a adds another.
    public mutating func put(_ item: ListItem, at index: Int?) {
        if let index, items.indices.contains(index) {
            items[index] = item
        } else {
            items.append(item)
        }
        highlight = doneRow
    }
}

extension Forms {
    /// The form of one item of a list field; `item` nil for a new one.
    public static func listItem(_ kind: ListKind, _ item: ListItem?, index: Int?, in journey: Journey) -> Form {
        let title = (index == nil ? "New " : "") + kind.noun
        let target = FormTarget.listItem(index: index, kind: kind)
        let fields: [FormField]
        switch kind {
        case .painPoints:
            let v = if case .text(let t) = item { t } else { "" }
            fields = [text(.text, "Pain point", v)]
        case .dataCapture:
            let d = if case .dataCapture(let d) = item { d } else { DataCapture(data: "", party: .first) }
            fields = [
                text(.data, "Data captured", d.data),
                FormField(.party, "Party", .choice(.dataParty, optional: false), .choice(d.party.rawValue)),
                text(.destination, "Goes to (CRM, CDP)", d.destination),
            ]
        case .routing:
            let r = if case .routing(let r) = item { r } else { RoutingRule(id: "", signal: "", condition: "", action: "") }
            fields = [
                text(.signal, "Signal", r.signal),
                text(.condition, "Condition", r.condition),
                text(.action, "Action", r.action),
                text(.owner, "Owner", r.owner),
                choice(.touchpoint, "Routes to touchpoint", .touchpoint, r.touchpoint),
                choice(.model, "Routes to model", .model, r.model),
            ]
        case .dropOff:
            var stage = journey.stages.first?.id, percent: Double?
            if case .dropOff(let st, let p) = item { (stage, percent) = (st, p) }
            fields = [
                FormField(.stage, "Stage", .choice(.stage, optional: false), .choice(stage)),
                number(.percent, "Drop-off %", percent),
            ]
        case .healthComponents:
            let c = if case .component(let c) = item { c } else { HealthComponent(id: "", name: "", kind: .usageFrequency, weight: 1) }
            fields = [
                text(.name, "Name", c.name),
                FormField(.kind, "Measures", .choice(.healthKind, optional: false), .choice(c.kind.rawValue)),
                number(.weight, "Weight", c.weight),
                choice(.kpi, "Reads KPI", .kpi, c.kpi),
            ]
        case .healthBands:
            let b = if case .band(let b) = item { b } else { HealthBand(state: .atRisk) }
            fields = [
                FormField(.state, "State", .choice(.healthState, optional: false), .choice(b.state.rawValue)),
                number(.below, "Below score (0-100)", b.below),
                FormField(.leadsTo, "Leads to", .multiChoice(.healthTargets), .multi(b.leadsTo)),
            ]
        }
        return Form(title.prefix(1).uppercased() + title.dropFirst(), fields, target: target)
    }

    /// The health score form: its components and bands, each a list.
    public static func healthScore(_ h: HealthScore?, title: String, field: Int?) -> Form {
        Form(title, [
            FormField(.components, "Components", .list(.healthComponents), .items((h?.components ?? []).map(ListItem.component))),
            FormField(.bands, "Bands", .list(.healthBands), .items((h?.bands ?? []).map(ListItem.band))),
        ], target: .healthScore(field: field))
    }

    /// A list field of `kind` holding `items`.
    static func list(_ key: FieldKey, _ label: String, _ kind: ListKind, _ items: [ListItem]) -> FormField {
        FormField(key, label, .list(kind), .items(items))
    }
}

extension FormValues {
    func items(_ key: FieldKey) -> [ListItem]? {
        guard let i = index(key), case .items(let v) = form.fields[i].value else { return nil }
        return v
    }

    func healthScore(_ key: FieldKey = .healthScore) -> HealthScore?? {
        guard let i = index(key), case .healthScore(let v) = form.fields[i].value else { return nil }
        return .some(v)
    }

    /// The sentiment: empty, or a whole number in `Touchpoint.sentimentRange`.
    func sentiment() throws(FormProblem) -> Int?? {
        guard let i = index(.sentiment) else { return nil }
        let raw = form.fields[i].text.trimmingCharacters(in: .whitespaces)
        if raw.isEmpty { return .some(nil) }
        let range = Touchpoint.sentimentRange
        guard let n = Int(raw), range.contains(n) else {
            throw FormProblem(field: i, message: "Sentiment must be a whole number from \(range.lowerBound) (bad) to \(range.upperBound) (good), or empty")
        }
        return .some(n)
    }

    /// A required text field, trimmed.
    func required(_ key: FieldKey, _ what: String? = nil) throws(FormProblem) -> String {
        guard let i = index(key) else { return "" }
        let v = form.fields[i].text.trimmingCharacters(in: .whitespacesAndNewlines)
        if v.isEmpty { throw FormProblem(field: i, message: what ?? "\(form.fields[i].label) cannot be empty") }
        return v
    }

    func trimmed(_ key: FieldKey) -> String { (text(key) ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The new fields of a touchpoint.
    func applyFormat3(to t: inout Touchpoint) throws(FormProblem) {
        if let v = try sentiment() { t.sentiment = v }
        if let v = items(.painPoints) { t.painPoints = ListItem.texts(v) }
        if let v = items(.dataCapture) { t.dataCapture = ListItem.dataCaptures(v) }
        if let v = toggle(.loyaltyProgramme) { t.loyaltyProgramme = v }
    }

    /// The new fields of a cohort.
    func applyFormat3(to c: inout Cohort) throws(FormProblem) {
        if let v = text(.owner) { c.owner = v.trimmingCharacters(in: .whitespaces) }
        if let v = try integer(.inflowPerYear) { c.inflowPerYear = v }
        if let v = items(.dropOff) { c.dropOff = ListItem.dropOffs(v) }
        if let v = items(.routing) { c.routing = ListItem.routingRules(v) }
        if let v = healthScore() { c.healthScore = v }
    }

    /// The item a list item form describes; `taken` holds the ids in use, for a new id.
    func listItem(_ kind: ListKind, original: ListItem?, taken: Set<String>) throws(FormProblem) -> ListItem {
        switch kind {
        case .painPoints:
            return .text(try required(.text))
        case .dataCapture:
            let party = enumValue(.party, DataParty.self).flatMap { $0 } ?? .first
            return .dataCapture(DataCapture(data: try required(.data, "Say what data it captures (an email address, style preferences)"),
                                            party: party, destination: trimmed(.destination)))
        case .routing:
            let signal = try required(.signal, "Say which signal the rule watches (balance, days since the last login)")
            let condition = try required(.condition, "Say when the rule fires (above 50,000 and no login for 14 days)")
            let action = trimmed(.action), owner = trimmed(.owner)
            if action.isEmpty && owner.isEmpty {
                throw FormProblem(field: index(.action)!, message: "Say what happens then: an action, an owner, or both")
            }
            let id = original?.id ?? Slug.unique(from: signal, fallback: "routing-rule", taken: taken)
            return .routing(RoutingRule(id: id, signal: signal, condition: condition, action: action, owner: owner,
                                        touchpoint: choice(.touchpoint) ?? nil, model: choice(.model) ?? nil))
        case .dropOff:
            guard case .some(.some(let stage)) = choice(.stage) else {
                throw FormProblem(field: index(.stage)!, message: "Choose the stage")
            }
            guard case .some(.some(let percent)) = try number(.percent, range: 0...100) else {
                throw FormProblem(field: index(.percent)!, message: "Give the cohort's drop-off at this stage, from 0 to 100")
            }
            return .dropOff(stage: stage, percent: percent)
        case .healthComponents:
            let name = try required(.name)
            let kind = enumValue(.kind, HealthComponentKind.self).flatMap { $0 } ?? .custom
            guard case .some(.some(let weight)) = try number(.weight, range: HealthComponent.weightRange) else {
                throw FormProblem(field: index(.weight)!, message: "Give the component a weight: weights are compared with each other (2 weighs twice 1)")
            }
            let id = original?.id ?? Slug.unique(from: name, fallback: "component", taken: taken)
            return .component(HealthComponent(id: id, name: name, kind: kind, weight: weight, kpi: choice(.kpi) ?? nil))
        case .healthBands:
            let state = enumValue(.state, HealthState.self).flatMap { $0 } ?? .atRisk
            let below = try number(.below, range: HealthBand.scoreRange) ?? nil
            return .band(HealthBand(state: state, below: below, leadsTo: multi(.leadsTo) ?? []))
        }
    }
}

extension Editor {
    /// The health score key on the board and the cohorts panel; nil for other actions.
    static func fieldAction(_ s: inout EditorState, _ action: Action) -> [Effect]? {
        guard action == .healthScore else { return nil }
        s.overlays.append(.form(Forms.healthScore(s.journey.healthScore, title: "Journey health score", field: nil)))
        return []
    }

    /// Opens the list editor or health score form of the focused field; false when it has neither.
    static func openFieldList(_ s: inout EditorState) -> Bool {
        guard let f = s.top?.form else { return false }
        let field = f.fields[f.focus]
        switch (field.kind, field.value) {
        case (.list(let kind), .items(let items)):
            s.overlays.append(.itemList(ItemList(title: field.label, kind: kind, items: items, fieldIndex: f.focus)))
        case (.healthScore, .healthScore(let score)):
            s.overlays.append(.form(Forms.healthScore(score, title: f.title + ": health score", field: f.focus)))
        default:
            return false
        }
        return true
    }

    static func apply(_ s: inout EditorState, _ outcome: ItemListOutcome) {
        guard let list = s.top?.itemList else { return }
        switch outcome {
        case .none: break
        case .add: s.overlays.append(.form(Forms.listItem(list.kind, nil, index: nil, in: s.journey)))
        case .edit(let i): s.overlays.append(.form(Forms.listItem(list.kind, list.items[i], index: i, in: s.journey)))
        case .done(let items):
            close(&s)
            guard s.top?.form?.fields.indices.contains(list.fieldIndex) == true else { return }
            s.top?.form?.fields[list.fieldIndex].value = .items(items)
        case .cancel:
            if list.isChanged {
                s.overlays.append(.confirm(.discardChanges("the \(list.title.lowercased())", purpose: .discardKPIs)))
            } else {
                close(&s)
            }
        }
    }

    /// Enter in an item form: the item goes into the list beneath. A problem reopens the form.
    static func commitListItem(_ s: inout EditorState, _ values: FormValues, index: Int?, kind: ListKind) throws(FormProblem) {
        let taken = s.journey.definedIDs.union(s.overlays.flatMap(\.listedIDs))
        close(&s)
        guard let list = s.top?.itemList else { return }
        do throws(FormProblem) {
            let original = index.flatMap { list.items.indices.contains($0) ? list.items[$0] : nil }
            let item = try values.listItem(kind, original: original, taken: taken)
            if case .band(let band) = item,
               list.items.indices.contains(where: { $0 != index && ListItem.bands([list.items[$0]]).first?.state == band.state }) {
                let message = HealthScore.bandGivenTwice(band.state)
                throw FormProblem(field: values.index(.state)!, message: message.prefix(1).uppercased() + message.dropFirst())
            }
            if case .dropOff(let stage, _) = item,
               list.items.indices.contains(where: { k in k != index && ListItem.dropOffs([list.items[k]]).keys.contains(stage) }) {
                throw FormProblem(field: values.index(.stage)!,
                                  message: "\(Choices.label(stage, .stage, in: s.journey)) has a drop-off override already: edit that one")
            }
            s.top?.itemList?.put(item, at: index)
        } catch {
            s.overlays.append(.form(values.form))
            throw error
        }
    }

    /// The choices of a field's picker: the journey's, and for a band's targets also the
    /// routing rules of the forms open beneath (a cohort's rules not applied yet).
    static func fieldChoices(_ s: EditorState, _ source: ChoiceSource) -> [Choice] {
        var choices = Choices.choices(source, in: s.journey)
        if source == .healthTargets {
            let known = Set(choices.map(\.id))
            choices += s.overlays.flatMap(\.routingRules).filter { !known.contains($0.id) }.map(Choices.routingChoice)
        }
        return choices
    }

    /// Enter in the health score form: into the form beneath, or the journey's own as one edit.
    /// What lint says about the score (weights, bands that lead nowhere) is the message.
    static func commitHealthScore(_ s: inout EditorState, _ values: FormValues, field: Int?) {
        let components = ListItem.components(values.items(.components) ?? [])
        let bands = ListItem.bands(values.items(.bands) ?? [])
        let score = components.isEmpty && bands.isEmpty ? nil : HealthScore(components: components, bands: bands)
        close(&s)
        if let field {
            guard s.top?.form?.fields.indices.contains(field) == true else { return }
            s.top?.form?.fields[field].value = .healthScore(score)
        } else if score != s.journey.healthScore {
            edit(&s, score == nil ? "remove the journey's health score" : "edit the journey's health score") { $0.healthScore = score }
        }
        let warnings = score?.lintMessages(in: s.journey) ?? []
        if warnings.isEmpty {
            s.message = Message(field == nil ? (score == nil ? "The journey has no health score" : "Journey health score set (u undoes)")
                                             : "Health score set: Enter on the form applies it")
        } else {
            s.message = Message("Lint: " + warnings.map { "\($0.message) (\($0.rule))" }.joined(separator: " "), isError: true)
        }
    }

    /// The new model's preset key metrics, as journey KPIs it does not have yet.
    static func presetKPIs(_ preset: ModelPreset, in journey: Journey) -> [KPI] {
        var taken = journey.definedIDs
        let names = Set(journey.allKPIs.map { $0.name.lowercased() })
        let ids = Set(journey.allKPIs.map(\.id))
        return preset.suggestedKPIs.compactMap { k in
            guard !ids.contains(k.id), !names.contains(k.name.lowercased()) else { return nil }
            var k = k
            k.id = Slug.unique(from: k.id, fallback: "kpi", taken: taken)
            taken.insert(k.id)
            return k
        }
    }
}

extension Overlay {
    /// The ids the items of an open list define (so a new routing rule's id is not one of them).
    var listedIDs: [String] {
        switch self {
        case .itemList(let l): l.items.compactMap(\.id)
        case .form(let f): f.fields.flatMap { field -> [String] in
            switch field.value {
            case .items(let items): items.compactMap(\.id)
            case .healthScore(let h): h?.components.map(\.id) ?? []
            default: []
            }
        }
        default: []
        }
    }

    /// The routing rules an open form holds (a cohort form's field), for a band to lead to.
    var routingRules: [RoutingRule] {
        guard let f = form else { return [] }
        return f.fields.flatMap { field -> [RoutingRule] in
            if case .items(let items) = field.value { ListItem.routingRules(items) } else { [] }
        }
    }
}
