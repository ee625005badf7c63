/// The forecast's headline for summaries and briefs: who gets through, where most is lost,
/// and what serving them costs against what they bring. Rendering is left to the caller.
public struct ForecastSummary: Sendable, Hashable {
    public var currency: String
    public var horizonMonths: Int
    /// Customers entering the first stage.
    public var entering: Double
    /// The last stage's id; nil when the journey has no stages.
    public var lastStage: String?
    /// The last stage's name; nil when the journey has no stages.
    public var lastStageName: String?
    /// Customers entering the last stage (loop returns included).
    public var reachingLast: Double
    /// The stage losing the most value; nil when nobody is lost.
    public var leak: Forecast.Leak?
    /// Revenue over the horizon.
    public var value: Double
    /// Cost to serve over the horizon.
    public var cost: Double
    public init(currency: String, horizonMonths: Int, entering: Double, lastStage: String?, lastStageName: String?,
                reachingLast: Double, leak: Forecast.Leak?, value: Double, cost: Double) {
        self.currency = currency
        self.horizonMonths = horizonMonths
        self.entering = entering
        self.lastStage = lastStage
        self.lastStageName = lastStageName
        self.reachingLast = reachingLast
        self.leak = leak
        self.value = value
        self.cost = cost
    }

    /// value - cost.
    public var margin: Double { Forecast.finite(value - cost) }
}

extension Forecast {
    /// The headline figures of this forecast.
    public var summary: ForecastSummary {
        ForecastSummary(currency: currency, horizonMonths: horizonMonths, entering: entering,
                        lastStage: stages.last?.stage, lastStageName: stages.last?.name,
                        reachingLast: reachingLast, leak: leak, value: revenue, cost: cost)
    }

    /// The headline figures of a journey's forecast over all its cohorts.
    public static func summary(_ journey: Journey) -> ForecastSummary { Forecast(journey).summary }
}
