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
        }
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
