/// A closed set of values stored in the journey file by a stable string id.
public protocol JourneyEnum: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {
    /// What a person reads in the editor and in summaries.
    var title: String { get }
}

extension JourneyEnum {
    /// Every id, in declaration order, for messages and pickers.
    public static var allIDs: [String] { allCases.map(\.rawValue) }
}

/// The five levels of relationship depth, from Unaware to Advocate.
public enum CustomerLevel: String, JourneyEnum {
    case unaware, aware, active, invested, advocate

    public var title: String {
        switch self {
        case .unaware: "Unaware"
        case .aware: "Aware"
        case .active: "Active"
        case .invested: "Invested"
        case .advocate: "Advocate"
        }
    }
}

/// Where a touchpoint is in its life.
public enum TouchpointStatus: String, JourneyEnum {
    case idea, planned, live, retired

    public var title: String {
        switch self {
        case .idea: "Idea"
        case .planned: "Planned"
        case .live: "Live"
        case .retired: "Retired"
        }
    }
}

/// How well the team knows that a touchpoint works.
public enum Evidence: String, JourneyEnum {
    case assumed
    case partlyBacked = "partly-backed"
    case researchBacked = "research-backed"

    public var title: String {
        switch self {
        case .assumed: "Assumed"
        case .partlyBacked: "Partly backed"
        case .researchBacked: "Research-backed"
        }
    }
}

/// What fires a touchpoint.
public enum TriggerKind: String, JourneyEnum {
    case event, schedule, manual

    public var title: String {
        switch self {
        case .event: "Behaviour / event"
        case .schedule: "Schedule"
        case .manual: "Manual"
        }
    }
}

/// Low, medium or high: product complexity, team capacity, budget.
public enum Rating: String, JourneyEnum {
    case low, medium, high

    public var title: String {
        switch self {
        case .low: "Low"
        case .medium: "Medium"
        case .high: "High"
        }
    }
}

/// Whether a cohort's customers help themselves or need the product configured for them.
public enum ServiceMode: String, JourneyEnum {
    case selfServe = "self-serve"
    case configured

    public var title: String {
        switch self {
        case .selfServe: "Self-serve"
        case .configured: "Configured"
        }
    }
}

/// Whether a KPI measures an outcome or only activity (vanity when alone).
public enum KPIKind: String, JourneyEnum {
    case outcome, activity

    public var title: String {
        switch self {
        case .outcome: "Outcome"
        case .activity: "Activity"
        }
    }
}
