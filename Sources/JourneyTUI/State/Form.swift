import JourneyKit

/// Where a form field's choices come from.
public enum ChoiceSource: Hashable, Sendable {
    case channel, model, layers, cohorts, stage, level, status, evidence, triggerKind, kpiKind, rating, serviceMode
    /// The seven built-in models only (what a custom model is based on).
    case builtInModel
    /// The seven presets of the guides (a custom model's preset).
    case preset
    /// First- or zero-party (data capture).
    case dataParty
    /// What a health score component measures.
    case healthKind
    /// Healthy, at risk, critical.
    case healthState
    /// Every KPI of the journey (what a health component reads).
    case kpi
    /// Every touchpoint (where a routing rule sends the customer).
    case touchpoint
    /// Every touchpoint and routing rule (where a health band leads).
    case healthTargets
}

/// How a field is edited.
public enum FieldKind: Hashable, Sendable {
    /// One line of text.
    case text
    /// Text that may be long; Ctrl-E edits it in `$EDITOR`.
    case longText
    /// A decimal number, or empty.
    case number
    /// A whole number, or empty.
    case integer
    /// A `YYYY-MM-DD` date, or empty.
    case date
    /// One choice from a picker; `optional` adds "(none)".
    case choice(ChoiceSource, optional: Bool)
    /// Several choices from a picker.
    case multiChoice(ChoiceSource)
    /// On or off (Space).
    case toggle
    /// A list of KPIs edited in their own list.
    case kpis
    /// A list of other items (pain points, routing rules, ...) edited in their own list.
    case list(ListKind)
    /// A health score, edited in its own form.
    case healthScore
}

/// A field's current value while the form is open.
public enum FieldValue: Hashable, Sendable {
    case text(TextInput)
    case choice(String?)
    case multi([String])
    case toggle(Bool)
    case kpis([KPI])
    case items([ListItem])
    case healthScore(HealthScore?)
}

/// Names of fields, shared by the forms that build them and the code that applies them.
public enum FieldKey: String, Hashable, Sendable {
    case name, title, description, owner, lastReviewed, goal, level, dropOff, kpis
    case channel, triggerKind, triggerDetail, model, layers, cohorts, content, escalation, status, evidence, notes
    case size, valuePerUser, complexity, service, capacity, budget
    case kind, health, target, unit
    case from, to, label
    case stages, path, basedOn, reason
    case sentiment, painPoints, dataCapture, loyaltyProgramme, inflowPerYear, routing, healthScore, preset, suggestKPIs
    case text, data, party, destination, signal, condition, action, touchpoint, weight, kpi, state, below, leadsTo, stage, percent
    case components, bands
    case currency, unitCost, minutes, share
    case hoursPerPerson, earnsValue, affordableShare, horizonMonths, threshold
}

/// One labelled field of a form.
public struct FormField: Hashable, Sendable {
    public var key: FieldKey
    public var label: String
    public var kind: FieldKind
    public var value: FieldValue

    public init(_ key: FieldKey, _ label: String, _ kind: FieldKind, _ value: FieldValue) {
        self.key = key
        self.label = label
        self.kind = kind
        self.value = value
    }

    /// The text of a text-like field ("" otherwise).
    public var text: String {
        if case .text(let t) = value { return t.text }
        return ""
    }

    /// True for fields edited as text with a cursor.
    public var isText: Bool {
        switch kind {
        case .text, .longText, .number, .integer, .date: true
        default: false
        }
    }
}

/// What a form changes when it is confirmed.
public enum FormTarget: Hashable, Sendable {
    case newTouchpoint(stageID: String, at: Int)
    case touchpoint(id: String)
    case newStage(at: Int)
    case stage(id: String)
    case newCohort
    case cohort(id: String)
    case newModel
    case model(id: String)
    case journey
    /// A KPI in the KPI list beneath the form (`original`, at `index`); nil adds one.
    case kpi(index: Int?, original: KPI?)
    case newLoop
    /// The custom framework of a new journey.
    case customFramework
    /// The file name for a journey that has none yet.
    case saveAs(thenQuit: Bool)
    /// The bulk form: what is changed goes to every card listed.
    case bulk(ids: [String])
    /// The reason for suppressing `rule` on the item at `path` (stage, touchpoint, cohort; none: the journey).
    case suppress(rule: String, stage: Int?, touchpoint: Int?, cohort: Int?)
    /// A new scenario (its name and description); it is shown once made.
    case newScenario
    /// An item of the list editor beneath the form (at `index`; nil adds one).
    case listItem(index: Int?, kind: ListKind)
    /// A health score: the form's field at `field` beneath takes it; nil: the journey's own.
    case healthScore(field: Int?)
    /// The journey's currency.
    case currency
    /// The yearly cost and minutes per customer of one model.
    case modelCosts(model: String)
    /// The label and share of a loop edge.
    case loop(id: String)
    /// The name of the journey's own framework (its stages stay).
    case frameworkName
    /// The journey's settings: affordable share, forecast horizon, decision thresholds.
    case settings
}

/// A form: fields, the focused one, and what confirming it changes.
public struct Form: Hashable, Sendable {
    public var title: String
    public var fields: [FormField]
    public var focus: Int
    public var target: FormTarget
    /// What each field held when the form opened, to tell whether anything was typed.
    public let initial: [FieldKey: FieldValue]

    public init(_ title: String, _ fields: [FormField], target: FormTarget) {
        self.title = title
        self.fields = fields
        self.target = target
        focus = 0
        initial = Dictionary(fields.map { ($0.key, $0.value.content) }, uniquingKeysWith: { a, _ in a })
    }

    /// The field with this key, if the form has it.
    public func field(_ key: FieldKey) -> FormField? { fields.first { $0.key == key } }
}

/// The KPI list opened from a form's KPIs field.
public struct KPIList: Hashable, Sendable {
    public var title: String
    public var kpis: [KPI]
    /// Row index: KPIs, then "Add a KPI", then "Done".
    public var highlight: Int
    /// The field of the form beneath that receives the list.
    public var fieldIndex: Int
    /// The KPIs the list opened with.
    public let initial: [KPI]

    public init(title: String, kpis: [KPI], fieldIndex: Int) {
        self.title = title
        self.kpis = kpis
        initial = kpis
        self.fieldIndex = fieldIndex
        highlight = 0
    }

    public var addRow: Int { kpis.count }
    public var doneRow: Int { kpis.count + 1 }
}
