import JourneyKit

/// The choices pickers offer, from the catalogs and the journey.
public enum Choices {
    /// The id the framework picker uses for "your own framework".
    public static let customFramework = "custom"

    /// The picker shown for a missing file: the five built-ins and custom.
    public static func frameworkPicker() -> Picker {
        var choices = Framework.catalog.map { Choice($0.id, "\($0.name): \($0.stages.joined(separator: ", "))") }
        choices.append(Choice(customFramework, "Custom framework: your own stage list"))
        return Picker(title: "New journey: choose a framework", choices: choices, target: .framework)
    }

    /// The command palette: every action of the current panel, named by its help text,
    /// with its keys; the choice's id is the action's name.
    public static func palette(_ s: EditorState) -> Picker {
        let context = s.context
        var seen = Set<String>()
        let choices = KeyTable.bindings.compactMap { b -> Choice? in
            guard b.contexts.contains(context), !b.keys.isEmpty, b.action != .palette, b.action != .cancel else { return nil }
            let id = String(describing: b.action)
            guard seen.insert(id).inserted else { return nil }
            return Choice(id, b.help, detail: b.keyLabel)
        }
        return Picker(title: "Commands (type to filter, Enter runs)", choices: choices, target: .command)
    }

    /// The lens picker: every cohort, model, owner, status and channel the cards use, and
    /// the lint severities; "(no lens)" first when one is on.
    public static func lensPicker(_ s: EditorState) -> Picker {
        var choices = Lens.all(in: s.journey).map { Choice($0.id, $0.title(in: s.journey)) }
        if s.lens != nil { choices.insert(Choice("", "(no lens: every card)"), at: 0) }
        return Picker(title: "Lens (type to filter)", choices: choices, selected: [s.lens?.id ?? ""], target: .lens)
    }

    /// Every touchpoint that matches the search query, as choices to jump to (`stage:card`).
    public static func searchResults(_ query: String, in journey: Journey) -> [Choice] {
        var out: [Choice] = []
        for (si, stage) in journey.stages.enumerated() {
            for (ti, t) in stage.touchpoints.enumerated() {
                guard let field = Editor.matchingField(t, query.lowercased(), journey) else { continue }
                out.append(Choice("\(si):\(ti)", "\(stage.name) › \(t.name)", detail: field))
            }
        }
        return out
    }

    /// The choices for a field's source in this journey.
    public static func choices(_ source: ChoiceSource, in journey: Journey) -> [Choice] {
        switch source {
        case .channel: Channel.catalog.map { Choice($0.id, $0.name) }
        case .model: modelChoices(journey, layers: false)
        case .layers: modelChoices(journey, layers: true)
        case .cohorts: journey.cohorts.map { Choice($0.id, $0.name) }
        case .stage: journey.stages.map { Choice($0.id, $0.name, keywords: journey.stageAliases($0)) }
        case .level: enumChoices(CustomerLevel.self)
        case .status: enumChoices(TouchpointStatus.self)
        case .evidence: enumChoices(Evidence.self)
        case .triggerKind: enumChoices(TriggerKind.self)
        case .kpiKind: enumChoices(KPIKind.self)
        case .rating: enumChoices(Rating.self)
        case .serviceMode: enumChoices(ServiceMode.self)
        case .builtInModel: EngagementModel.catalog.map { Choice($0.id, $0.name) }
        case .preset: ModelPreset.catalog.map { Choice($0.id, $0.name, detail: $0.keyMetrics.joined(separator: ", "), keywords: [$0.philosophy]) }
        case .dataParty: enumChoices(DataParty.self)
        case .healthKind: enumChoices(HealthComponentKind.self)
        case .healthState: enumChoices(HealthState.self)
        case .kpi: uniqueKPIs(journey).map { Choice($0.id, $0.name) }
        case .touchpoint: touchpointChoices(journey)
        case .healthTargets: touchpointChoices(journey) + journey.cohorts.flatMap(\.routing).map(routingChoice)
        }
    }

    /// Every touchpoint, named with its stage.
    static func touchpointChoices(_ journey: Journey) -> [Choice] {
        journey.stages.flatMap { st in st.touchpoints.map { Choice($0.id, "\(st.name) › \($0.name)") } }
    }

    /// A routing rule as a choice (where a health band leads).
    static func routingChoice(_ r: RoutingRule) -> Choice {
        Choice(r.id, "Routing: \(r.signal), \(r.condition)")
    }

    /// Every KPI of the journey, each id once.
    static func uniqueKPIs(_ journey: Journey) -> [KPI] {
        var seen = Set<String>()
        return journey.allKPIs.filter { seen.insert($0.id).inserted }
    }

    static func modelChoices(_ journey: Journey, layers: Bool) -> [Choice] {
        let builtIn = EngagementModel.catalog.filter { layers || !$0.isLayer }.map { Choice($0.id, $0.name) }
        return builtIn + journey.models.map { Choice($0.id, $0.name) }
    }

    static func enumChoices<E: JourneyEnum>(_ type: E.Type) -> [Choice] {
        E.allCases.map { Choice($0.rawValue, $0.title) }
    }

    /// How a stored id reads on screen: the choice's label, or the id itself.
    public static func label(_ id: String?, _ source: ChoiceSource, in journey: Journey) -> String {
        guard let id else { return "" }
        switch source {
        case .channel: return Channel.named(id)?.name ?? id
        case .model, .layers, .builtInModel: return EngagementModel.named(id)?.name ?? journey.models.first { $0.id == id }?.name ?? id
        case .cohorts: return journey.cohorts.first { $0.id == id }?.name ?? id
        case .stage: return journey.stages.first { $0.id == id }?.name ?? id
        case .touchpoint, .healthTargets:
            // Looked up directly: a label is drawn every frame, and a journey can hold 50,000 touchpoints.
            if let (si, ti) = journey.locate(touchpoint: id) { return "\(journey.stages[si].name) › \(journey.stages[si].touchpoints[ti].name)" }
            if source == .healthTargets, let r = journey.cohorts.lazy.flatMap(\.routing).first(where: { $0.id == id }) { return routingChoice(r).label }
            return id
        case .kpi:
            let stages = journey.stages.lazy.flatMap { st in st.kpis + st.touchpoints.lazy.flatMap(\.kpis) }
            return (journey.kpis.first { $0.id == id } ?? stages.first { $0.id == id })?.name ?? id
        default: return choices(source, in: journey).first { $0.id == id }?.label ?? id
        }
    }

    /// The short badge of a model for cards: the catalog badge, or the custom model's id in capitals.
    public static func badge(_ model: String?, in journey: Journey) -> String {
        guard let model else { return "" }
        if let m = EngagementModel.named(model) { return m.badge }
        return String(model.uppercased().prefix(4))
    }
}
