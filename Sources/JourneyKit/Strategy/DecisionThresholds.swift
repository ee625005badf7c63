/// The named thresholds of the decision model, in one place, each with its default and why.
///
/// A journey overrides any of them in `settings.thresholds` by name; `names` lists the keys
/// (the decoder accepts these, through `JourneySettings.thresholdNames`).
///
/// | name | default | what it decides | why this value |
/// |---|---|---|---|
/// | `needShare` | 50 | percent of a cohort's value that a person may cost when the cohort needs help (the need floor) | customers who need help get a person even when their spend is small, but not at a loss: above half of what they bring, the well-designed automated equivalent serves them |
/// | `techTouchFromSize` | 1,000,000 | customers from which a simple, self-serve cohort is served tech-touch whatever its value | the guides' bank served about 2 million customers by behaviour-triggered nudges; at a million, even two minutes of support each is 33,000 hours a year. Bases of 100,000 to 500,000 (the neobank sample's 160,000) can still run low-touch when the team has the hours |
/// | `aiLayerFromSize` | 10,000 | customers from which the AI layer is suggested | churn scores and next best action need a base with enough behaviour to learn from |
/// | `hvcMaxCustomerShare` | 20 | percent of the journey's customers a top cohort may hold at most | HVC is for "a small share of customers"; the 80/20 rule puts the cut at a fifth |
/// | `hvcMinValueShare` | 10 | percent of the journey's value a top cohort must hold at least | below a tenth of the value, a relationship layer does not move the business |
/// | `hvcMinValueMultiple` | 3 | how many times its share of customers a top cohort's share of value must be | "a large share of value" relative to its size: each customer is worth at least three average customers |
/// | `defaultHoursPerPerson` | 1,600 | working hours a year per person when `team.hoursPerPerson` is not set | about 46 weeks of 35 hours, less meetings and admin |
/// | `maxComponentWeight` | 60 | percent of a health score's weight one component may carry at most | a score dominated by one component is that one metric under another name |
/// | `channelsBeforePurchase` | 3 | distinct channels before purchase from which a cohort must have a human or support channel after it | a brand present in three or more channels before the sale has invested in reach; the gap is then the support desk |
///
/// The affordable share (percent of value the cost to serve may take, default 20) is a journey
/// setting of its own, `settings.affordableShare`.
public enum DecisionThresholds {
    /// The default of each threshold, by name.
    public static let defaults: [String: Double] = [
        "needShare": 50,
        "techTouchFromSize": 1_000_000,
        "aiLayerFromSize": 10_000,
        "hvcMaxCustomerShare": 20,
        "hvcMinValueShare": 10,
        "hvcMinValueMultiple": 3,
        "defaultHoursPerPerson": 1_600,
        "maxComponentWeight": 60,
        "channelsBeforePurchase": 3,
    ]

    /// Every threshold name a journey may set in `settings.thresholds`, sorted.
    public static let names: [String] = defaults.keys.sorted()

    /// The default affordable share, in percent of a cohort's yearly value.
    public static let defaultAffordableShare = JourneySettings.defaultAffordableShare
}

extension Journey {
    /// A decision threshold: the journey's `settings.thresholds` value, else the default.
    public func threshold(_ name: String) -> Double {
        precondition(DecisionThresholds.defaults[name] != nil, "unknown threshold \(name)")
        return settings.thresholds[name] ?? DecisionThresholds.defaults[name]!
    }

    /// The share of a cohort's yearly value its cost to serve may take, as a fraction (0.2 for 20%).
    public var affordableShare: Double {
        (settings.affordableShare ?? JourneySettings.defaultAffordableShare) / 100
    }

    /// The team in numbers: people, hours and budget; nil members are not stated.
    public var teamNumbers: TeamNumbers {
        TeamNumbers(people: team?.people, hoursPerPerson: team?.hoursPerPerson ?? threshold("defaultHoursPerPerson"), budget: team?.budget)
    }
}

/// The fourth question in numbers: who can serve customers, for how many hours, with what budget.
public struct TeamNumbers: Sendable, Hashable {
    /// People who can serve customers; nil when not stated.
    public var people: Double?
    /// Working hours a year per person.
    public var hoursPerPerson: Double
    /// The yearly budget for serving customers; nil when not stated.
    public var budget: Double?

    /// Hours a year the team has for customers; nil when the team size is not stated.
    public var capacityHours: Double? { people.map { $0 * hoursPerPerson } }

    /// Full-time equivalents for a number of hours a year.
    public func fte(_ hours: Double) -> Double { hoursPerPerson > 0 ? hours / hoursPerPerson : 0 }
}

extension Journey {
    /// The journey's override of a model's minutes per customer-year, if any.
    func overriddenMinutes(_ model: String) -> Double? { costs?.minutesPerCustomerYear[model] }
}
