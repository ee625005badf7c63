import JourneyKit

/// What a forecast was computed for: a version of the journey, as-is or as a scenario makes it.
struct ForecastKey: Hashable, Sendable {
    var version: Int
    var scenario: Scenario?
}

extension EditorState {
    /// Journeys with up to this many touchpoints are forecast after every edit while the Forecast
    /// panel is open; larger ones when the user pauses (`Event.idle`), as lint is.
    public static let eagerForecastLimit = 5_000

    /// The number of touchpoints, which decides whether the forecast waits for a pause.
    var touchpointCount: Int { journey.stages.reduce(0) { $0 + $1.touchpoints.count } }

    /// True when the forecast shown belongs to another version of the journey (or scenario).
    public var forecastIsStale: Bool { forecastFor != currentForecastKey }

    /// True when the forecast of this journey waits for a pause in typing.
    public var forecastIsDeferred: Bool { touchpointCount > EditorState.eagerForecastLimit }

    var currentForecastKey: ForecastKey { ForecastKey(version: history.version, scenario: shownScenario) }

    /// Forecasts the journey as shown (the same `Forecast` as `journeyman forecast`) while the
    /// Forecast panel is open: after every event on a journey of up to `eagerForecastLimit`
    /// touchpoints, on `idle` only beyond it.
    mutating func refreshForecast(idle: Bool) {
        guard hasJourney, panel == .forecast, forecastIsStale, idle || !forecastIsDeferred else { return }
        let key = currentForecastKey
        if let known = forecastMemo.last(where: { $0.key == key }) {
            forecast = known.forecast
        } else {
            let made = Forecast(shownJourney)
            forecast = made
            forecastMemo.append((key, made))
            if forecastMemo.count > EditorState.forecastMemoLimit { forecastMemo.removeFirst() }
        }
        forecastFor = key
    }

    /// How many forecasts `forecastMemo` keeps.
    static let forecastMemoLimit = 8
}
