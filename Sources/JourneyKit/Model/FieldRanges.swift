/// The ranges and checks of the format-3 fields, shared by the decoder and the editor's forms
/// so both refuse the same values.
extension Touchpoint {
    /// The values `sentiment` may take: 1 (bad) to 5 (good).
    public static let sentimentRange: ClosedRange<Int> = 1...5
}

extension HealthComponent {
    /// The values a component's `weight` may take.
    public static let weightRange: ClosedRange<Double> = 0...1_000_000
}

extension HealthBand {
    /// The scores a band's `below` threshold may take.
    public static let scoreRange: ClosedRange<Double> = 0...100
}

extension HealthScore {
    /// Why a band of `state` cannot be added twice (the decoder's words).
    public static func bandGivenTwice(_ state: HealthState) -> String {
        "the band \(JSONWriter.quoted(state.rawValue)) is given twice; each state has one band"
    }

    /// The lint rules that judge a health score itself: its weights (JM031) and its bands (JM032).
    public static let lintRules: Set<String> = ["JM031", "JM032"]

    /// What lint says about this health score: the messages of `lintRules` on it, in order.
    public func lintMessages(in journey: Journey) -> [(rule: String, message: String)] {
        var j = journey
        j.healthScore = self
        for i in j.cohorts.indices { j.cohorts[i].healthScore = nil }
        let linter = Linter(rules: LintRule.all.filter { HealthScore.lintRules.contains($0.id) })
        return linter.lint(j).findings.map { ($0.rule, $0.message) }
    }
}

extension Team {
    /// The values `people` may take.
    public static let peopleRange: ClosedRange<Double> = 0...1e9
    /// The values `hoursPerPerson` may take: at most the hours of a leap year.
    public static let hoursPerPersonRange: ClosedRange<Double> = 0...8784
    /// The values `budget` may take.
    public static let budgetRange: ClosedRange<Double> = 0...1e15
}

extension JourneySettings {
    /// The values `affordableShare` may take, in percent.
    public static let affordableShareRange: ClosedRange<Double> = 0...100
    /// The values `horizonMonths` may take.
    public static let horizonMonthsRange: ClosedRange<Int> = 1...120
    /// The values a decision threshold in `thresholds` may take.
    public static let thresholdRange: ClosedRange<Double> = 0...1e15
}
