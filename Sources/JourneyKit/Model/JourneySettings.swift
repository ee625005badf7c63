/// Journey-wide settings of the strategy engine and the forecast.
public struct JourneySettings: Hashable, Sendable {
    /// The share of a cohort's yearly value that its cost to serve may take, in percent;
    /// nil means `JourneySettings.defaultAffordableShare`.
    public var affordableShare: Double?
    /// How many months the forecast covers; nil means `JourneySettings.defaultHorizonMonths`.
    public var horizonMonths: Int?
    /// Named decision thresholds overriding the engine's defaults; every key is one of
    /// `JourneySettings.thresholdNames`.
    public var thresholds: [String: Double]

    public init(affordableShare: Double? = nil, horizonMonths: Int? = nil, thresholds: [String: Double] = [:]) {
        self.affordableShare = affordableShare
        self.horizonMonths = horizonMonths
        self.thresholds = thresholds
    }

    public static let defaultAffordableShare = 20.0
    public static let defaultHorizonMonths = 12

    /// The names a journey may set under `settings.thresholds`; the strategy engine
    /// documents each one and its default.
    public static let thresholdNames: [String] = DecisionThresholdNames.all

    /// True when nothing is set.
    public var isEmpty: Bool { affordableShare == nil && horizonMonths == nil && thresholds.isEmpty }
}

/// The threshold names the decoder accepts; the strategy engine owns the list and the defaults.
public enum DecisionThresholdNames {
    public static let all: [String] = DecisionThresholds.names
}
