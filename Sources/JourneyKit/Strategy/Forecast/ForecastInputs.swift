/// The journey fields the forecast reads, in one place: the format-3 fields (`earnsValue`,
/// `inflowPerYear`, a cohort's `dropOff`, a loop's `share`, `settings.horizonMonths`) are read
/// only through these accessors.
extension Stage {
    /// True when the journey marks this stage as the one value is earned from.
    var forecastEarnsValue: Bool { false }
}

extension Cohort {
    /// New customers a year entering the first stage, when the journey gives it.
    var forecastInflowPerYear: Int? { nil }

    /// The cohort's own drop-off at a stage, in percent, overriding the stage's.
    func forecastDropOff(_ stage: String) -> Double? { nil }
}

extension LoopEdge {
    /// The percent of the `from` stage's passing customers the edge carries back.
    var forecastShare: Double? { nil }
}

extension Journey {
    /// The forecast horizon in months, when the journey sets one.
    var forecastHorizonMonths: Int? { nil }
}
