/// Yearly unit costs to serve one customer under each engagement model, and the
/// value bands derived from them.
///
/// Defaults (per customer per year, in `defaultCurrency`), overridable per model id in
/// `journey.costs.perCustomerYear`:
///
/// | model | cost | what it pays for |
/// |---|---|---|
/// | high-touch | 1500 | a named person: onboarding, check-ins, about an hour a month |
/// | hvc | 900 | a relationship manager's share, reviews and perks for a top cohort |
/// | hybrid | 150 | automation plus a person at the moments that matter |
/// | community | 12 | hosting and moderating a customer community |
/// | low-touch | 8 | self-serve help and automated flows, with support on demand |
/// | tech-touch | 2 | automated messaging only (push, email, in-app) |
/// | ai-augmented | 3 | the layer: scoring and personalization, added on top |
///
/// A custom model costs what the journey says, or else what the built-in model it is
/// based on costs.
public struct CostModel: Sendable {
    public static let defaultCurrency = "USD"

    /// The documented default yearly cost to serve one customer, by built-in model id.
    public static let defaultUnitCosts: [String: Double] = [
        "high-touch": 1500, "hvc": 900, "hybrid": 150, "community": 12,
        "low-touch": 8, "tech-touch": 2, "ai-augmented": 3,
    ]

    /// The documented default minutes of people's time per customer a year, by built-in model id,
    /// overridable per model id in `journey.costs.minutesPerCustomerYear`:
    ///
    /// | model | minutes | what a person does |
    /// |---|---|---|
    /// | high-touch | 720 | a named person: onboarding, check-ins, about an hour a month |
    /// | hvc | 120 | a relationship manager: two reviews a year and the odd call on a signal |
    /// | hybrid | 30 | an onboarding call and an escalation now and then |
    /// | community | 1 | hosting and moderating: one moderator-hour a year per 60 members |
    /// | low-touch | 2 | support on demand: one customer in ten asks, for about 20 minutes |
    /// | tech-touch, ai-augmented | 0 | nobody: automation only |
    public static let defaultMinutes: [String: Double] = [
        "high-touch": 720, "hvc": 120, "hybrid": 30, "community": 1,
        "low-touch": 2, "tech-touch": 0, "ai-augmented": 0,
    ]

    /// The largest share of a customer's yearly value a model may cost and still be affordable:
    /// the journey's setting, default 20%.
    public var affordableShare: Double { journey.affordableShare }

    public let journey: Journey

    public init(_ journey: Journey) { self.journey = journey }

    /// The currency reports use.
    public var currency: String {
        let c = journey.costs?.currency ?? ""
        return c.isEmpty ? CostModel.defaultCurrency : c
    }

    /// The yearly cost to serve one customer under this model: the journey's override, the
    /// custom model's basis, or the default. Nil for a custom model with neither.
    public func unitCost(_ model: String) -> Double? {
        if let v = journey.costs?.perCustomerYear[model] { return v }
        if let v = CostModel.defaultUnitCosts[model] { return v }
        if let base = journey.builtInModel(model), base != model { return unitCost(base) }
        return nil
    }

    /// The yearly cost to serve one customer of this cohort: its model plus its layers.
    public func unitCost(of cohort: Cohort) -> Double? {
        guard let model = cohort.model, let base = unitCost(model) else { return nil }
        return cohort.layers.reduce(base) { $0 + (unitCost($1) ?? 0) }
    }

    /// The yearly cost to serve a cohort under a model and layers: size x unit costs; nil when unknown.
    public func cost(of cohort: Cohort, model: String, layers: [String]) -> Double? {
        guard let size = cohort.size, let base = unitCost(model) else { return nil }
        return Double(size) * layers.reduce(base) { $0 + (unitCost($1) ?? 0) }
    }

    /// The lowest value per user at which this model is affordable.
    public func affordableFrom(_ model: String) -> Double? {
        unitCost(model).map { $0 / affordableShare }
    }

    /// The minutes of people's time one customer takes a year under this model: the journey's
    /// override, the custom model's basis, or the default; 0 for a custom model with neither.
    public func minutes(_ model: String) -> Double {
        if let v = journey.overriddenMinutes(model) { return v }
        if let v = CostModel.defaultMinutes[model] { return v }
        if let base = journey.builtInModel(model), base != model { return minutes(base) }
        return 0
    }

    /// Hours of people's time a year for `size` customers under a model and layers.
    public func hours(size: Int, model: String, layers: [String]) -> Double {
        Double(size) * layers.reduce(minutes(model)) { $0 + minutes($1) } / 60
    }

    /// Hours of people's time a year the cohorts' assigned models take, all cohorts together
    /// (size x minutes of the model and layers; a cohort with no model takes none): what JM024
    /// and JM037 set against the team's capacity.
    public var cohortHours: Double {
        journey.cohorts.reduce(0.0) { h, c in
            c.model.map { h + hours(size: c.size ?? 0, model: $0, layers: c.layers) } ?? h
        }
    }

    /// The yearly cost to serve one customer under a model and layers; nil when the model's cost is unknown.
    public func unitCost(_ model: String, layers: [String]) -> Double? {
        unitCost(model).map { layers.reduce($0) { $0 + (unitCost($1) ?? 0) } }
    }

    /// How much a cohort's customers are worth, measured against what the models cost.
    public func valueBand(_ valuePerUser: Double?) -> ValueBand? {
        guard let v = valuePerUser else { return nil }
        if let t = affordableFrom("high-touch"), v >= t { return .high }
        if let t = affordableFrom("hybrid"), v >= t { return .medium }
        if let t = affordableFrom("low-touch"), v >= t { return .low }
        return .veryLow
    }

    /// A whole amount with thousands separators and the currency: `USD 1,234,567`.
    public func money(_ amount: Double) -> String {
        "\(currency) \(CostModel.grouped(amount))"
    }

    /// A percent rounded to a whole number: `42%`; digits with separators beyond Int's
    /// range (`1e+300%`), `n/a` when not a number. Never traps, whatever the value.
    public static func wholePercent(_ p: Double) -> String {
        guard p.isFinite else { return "n/a" }
        if let n = Int(exactly: p.rounded()) { return "\(n)%" }
        return grouped(p) + "%"
    }

    /// A rounded whole number with thousands separators: `-1,234,567`.
    public static func grouped(_ amount: Double) -> String {
        let rounded = amount.rounded()
        guard let n = Int(exactly: rounded), abs(rounded) < 1e18 else { return rounded.isFinite ? String(rounded) : "n/a" }
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
}

/// A cohort's value per user measured against the models' unit costs.
public enum ValueBand: String, Sendable, CaseIterable {
    /// High-touch is affordable.
    case high
    /// Hybrid is affordable, high-touch is not.
    case medium
    /// Low-touch is affordable, hybrid is not.
    case low
    /// Only tech-touch is affordable.
    case veryLow = "very-low"

    public var title: String {
        switch self {
        case .high: "high"
        case .medium: "medium"
        case .low: "low"
        case .veryLow: "very low"
        }
    }
}

extension Journey {
    /// The built-in model a model id stands for: itself, or a custom model's `basedOn`
    /// (followed through other custom models). Nil when unknown.
    public func builtInModel(_ id: String?) -> String? {
        var current = id
        var seen: Set<String> = []
        while let m = current, !seen.contains(m) {
            if EngagementModel.named(m) != nil { return m }
            seen.insert(m)
            current = models.first { $0.id == m }?.basedOn
        }
        return nil
    }

    /// The display name of a model id: the catalog or custom name, or the id.
    public func modelName(_ id: String) -> String {
        EngagementModel.named(id)?.name ?? models.first { $0.id == id }?.name ?? id
    }
}
