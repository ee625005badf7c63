/// A customer health score: weighted components, each read from a KPI, and the
/// bands that say what happens to a customer in each state.
public struct HealthScore: Hashable, Sendable {
    public var components: [HealthComponent]
    public var bands: [HealthBand]

    public init(components: [HealthComponent] = [], bands: [HealthBand] = []) {
        self.components = components
        self.bands = bands
    }
}

/// One input of the health score.
public struct HealthComponent: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var kind: HealthComponentKind
    /// The component's weight; weights are compared with each other, not summed to 1.
    public var weight: Double
    /// The id of the KPI this component reads, anywhere in the journey.
    public var kpi: String?

    public init(id: String, name: String, kind: HealthComponentKind, weight: Double, kpi: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.weight = weight
        self.kpi = kpi
    }
}

/// A band of the health score and where a customer in it is sent.
public struct HealthBand: Hashable, Sendable {
    public var state: HealthState
    /// The score (0-100) under which this band starts; nil for the healthy band.
    public var below: Double?
    /// Ids of the touchpoints or routing rules a customer in this band is sent to.
    public var leadsTo: [String]

    public init(state: HealthState, below: Double? = nil, leadsTo: [String] = []) {
        self.state = state
        self.below = below
        self.leadsTo = leadsTo
    }
}

/// What a health score component measures (the guides' four, or the team's own).
public enum HealthComponentKind: String, JourneyEnum {
    case usageFrequency = "usage-frequency"
    case recency
    case depth
    case supportFriction = "support-friction"
    case custom

    public var title: String {
        switch self {
        case .usageFrequency: "Usage frequency"
        case .recency: "Recency"
        case .depth: "Depth of use"
        case .supportFriction: "Support friction"
        case .custom: "Custom"
        }
    }
}

/// The state a health band stands for.
public enum HealthState: String, JourneyEnum {
    case healthy
    case atRisk = "at-risk"
    case critical

    public var title: String {
        switch self {
        case .healthy: "Healthy"
        case .atRisk: "At risk"
        case .critical: "Critical"
        }
    }
}
