/// The model recommended for one cohort, with the answers to the four questions behind it.
public struct Recommendation: Sendable, Hashable {
    /// One of the four questions and how the cohort's fields answer it.
    public struct Answer: Sendable, Hashable {
        public var question: String
        public var answer: String
    }

    public var cohort: String
    /// The recommended built-in model id.
    public var model: String
    /// Layers to add over it (`ai-augmented` for a large base), possibly none.
    public var layers: [String]
    /// The second-best model id, and when to prefer it.
    public var runnerUp: String
    public var runnerUpReason: String
    /// The four questions, answered from the cohort and the journey's team.
    public var answers: [Answer]
    /// Why this model, in the order the decision was made.
    public var reasons: [String]
    /// The model the cohort has now, if any.
    public var current: String?
    /// True when the current model (or the built-in model it is based on) is the recommended one.
    public var agrees: Bool
}

/// Recommends an engagement model per cohort: segment by need, bounded by economics.
///
/// The rules, on the touch ladder tech-touch (0) < low-touch (1) < hybrid (2) < high-touch (3):
/// 1. Need = complexity (low 0, medium 1, high 2; unknown 1) + service (configured 1, self-serve 0), at most 3.
/// 2. Economics = the highest rung whose unit cost is at most `CostModel.affordableShare` of the
///    value per user (value band high 3, medium 2, low 1, very low 0; unknown: not bounded).
/// 3. Need 0 or 1 (they can help themselves): low-touch (automation plus help on demand) when it is
///    affordable, tech-touch when it is not or when a simple, self-serve base reaches
///    `techTouchFromSize` customers (human contact is uneconomic at that scale).
/// 4. Need 2 or more: min(need, economics), but never below hybrid: customers who need help get a
///    person at the moments that matter even when their spend is small.
/// 5. HVC management for a top cohort whose need is below high-touch, or that cannot afford it: a
///    high value band, or the cohort with the highest value per user when it holds at most 20% of
///    the customers, at least 10% of the value and at least three times its share of customers,
///    and HVC is affordable for it.
/// 6. A team with low capacity or low budget cannot run high-touch or HVC: capped at hybrid.
/// 7. Community-led stays when the cohort is on it and the answer is low- or tech-touch: it has the
///    economics of low-touch, and whether the category is part of customers' identity is not in the fields.
/// 8. A base of `aiLayerFromSize` customers or more, with a budget that is not low, gets ai-augmented
///    as a layer, when model plus layer stay affordable.
public enum Recommender {
    static let ladder = ["tech-touch", "low-touch", "hybrid", "high-touch"]
    /// The cohort size from which an AI layer is suggested.
    public static let aiLayerFromSize = 10_000
    /// The size from which a simple, self-serve cohort is served tech-touch.
    public static let techTouchFromSize = 100_000

    /// A recommendation for every cohort of the journey, in cohort order.
    public static func recommend(_ journey: Journey) -> [Recommendation] {
        journey.cohorts.map { recommend($0, in: journey) }
    }

    /// True when the cohort is the journey's top cohort: the highest value per user, a small share
    /// of the customers and a large, disproportionate share of the value.
    public static func isTopCohort(_ cohort: Cohort, in journey: Journey) -> Bool {
        guard let v = cohort.valuePerUser, let size = cohort.size, size > 0 else { return false }
        let known = journey.cohorts.filter { $0.valuePerUser != nil && $0.size != nil }
        guard known.count >= 2, known.allSatisfy({ $0.id == cohort.id || $0.valuePerUser! < v }) else { return false }
        let customers = known.reduce(0.0) { $0 + Double($1.size!) }
        let value = known.reduce(0.0) { $0 + Double($1.size!) * $1.valuePerUser! }
        guard customers > 0, value > 0 else { return false }
        let customerShare = Double(size) / customers, valueShare = Double(size) * v / value
        return customerShare <= 0.2 && valueShare >= 0.1 && valueShare >= 3 * customerShare
    }

    public static func recommend(_ cohort: Cohort, in journey: Journey) -> Recommendation {
        let costs = CostModel(journey)
        let band = costs.valueBand(cohort.valuePerUser)
        let team = journey.team
        var answers: [Recommendation.Answer] = []
        var reasons: [String] = []

        // 1. Value per user.
        let economics: Int
        if let v = cohort.valuePerUser, let band {
            economics = [ValueBand.veryLow, .low, .medium, .high].firstIndex(of: band)!
            let hybridFrom = costs.affordableFrom("hybrid").map { costs.money($0) } ?? "n/a"
            let highFrom = costs.affordableFrom("high-touch").map { costs.money($0) } ?? "n/a"
            answers.append(.init(question: "Value per user", answer: "\(costs.money(v)) a year: \(band.title) (hybrid is affordable from \(hybridFrom), high-touch from \(highFrom))"))
        } else {
            economics = 3
            answers.append(.init(question: "Value per user", answer: "unknown: the economics are not checked; set valuePerUser"))
        }
        // 2 and 3. Complexity and service.
        let complexityScore = cohort.complexity.map { [Rating.low, .medium, .high].firstIndex(of: $0)! } ?? 1
        let need = min(3, complexityScore + (cohort.service == .configured ? 1 : 0))
        answers.append(.init(question: "Complexity", answer: cohort.complexity.map { $0.title.lowercased() } ?? "unknown (taken as medium)"))
        answers.append(.init(question: "Self-serve or configured", answer: cohort.service.map {
            $0 == .configured ? "configured: they need it set up for them" : "self-serve: they help themselves"
        } ?? "unknown (taken as self-serve)"))
        // 4. Team.
        let people = team?.people, budget = team?.budget
        let lowCapacity = people.map { $0 <= Migration.people(.low) } ?? false
        let lowBudget = budget.map { $0 <= Migration.budget(.low) } ?? false
        let constrained = lowCapacity || lowBudget
        answers.append(.init(question: "Team capacity and budget", answer: "\(people.map { "\(CostModel.grouped($0)) people" } ?? "people not stated"), budget \(budget.map { CostModel.grouped($0) } ?? "not stated")"))

        var touch: Int
        reasons.append("Their need calls for \(ladder[need]); their value pays for \(cohort.valuePerUser == nil ? "anything (unknown)" : ladder[economics]).")
        if need <= 1 {
            let huge = need == 0 && (cohort.size ?? 0) >= techTouchFromSize
            touch = economics == 0 || huge ? 0 : 1
            if huge && economics >= 1 {
                reasons.append("A simple, self-serve base of \(CostModel.grouped(Double(cohort.size!))) customers: human contact is uneconomic at this scale, so automation does it all.")
            }
        } else {
            touch = min(need, economics)
            if touch < 2 {
                touch = 2
                reasons.append("Segment by need, bounded by economics: they need more help than their spend suggests, so a person steps in at the moments that matter (onboarding, escalation) and automation does the rest.")
            } else if need > economics {
                reasons.append("Bounded by economics: \(ladder[need]) would cost more than a fifth of what they are worth.")
            }
        }
        var model = ladder[touch]
        let top = isTopCohort(cohort, in: journey) && (costs.affordableFrom("hvc").map { cohort.valuePerUser! >= $0 } ?? false)
        if (band == .high && need < 3) || (top && band != .high) {
            model = "hvc"
            reasons.append(top
                ? "A small share of the customers brings a large share of the value: manage them as the top cohort (HVC), watching the signals rather than pushing meetings."
                : "High value but no need for one-to-one service: a relationship layer for a top cohort (HVC), watching the signals rather than pushing meetings.")
        }
        if constrained && (model == "high-touch" || model == "hvc") {
            reasons.append("The team's \(lowCapacity ? "capacity" : "budget") is low: \(EngagementModel.named(model)!.name) cannot be staffed or funded, so hybrid keeps people for the moments that matter.")
            model = "hybrid"
            touch = 2
        }
        if touch <= 1 && model == ladder[touch] && journey.builtInModel(cohort.model) == "community" {
            model = "community"
            reasons.append("Community-led has the economics of \(ladder[touch]) and is kept: customers engaging with each other fits when the category is part of their identity.")
        }
        if model == "low-touch" {
            reasons.append("They can help themselves: automation and self-serve, with help on demand when they get stuck.")
        }
        var layers: [String] = []
        let withLayer = (costs.unitCost(model) ?? 0) + (costs.unitCost("ai-augmented") ?? 0)
        let layerAffordable = cohort.valuePerUser.map { withLayer <= $0 * CostModel.affordableShare } ?? true
        if let size = cohort.size, size >= aiLayerFromSize, !lowBudget, layerAffordable {
            layers = ["ai-augmented"]
            reasons.append("A base of \(CostModel.grouped(Double(size))) customers gives enough behaviour to add ai-augmented as a layer (churn scores, next best action).")
        }

        let (runnerUp, why) = runnerUp(model: model, touch: touch, need: need, economics: economics, band: band)
        let current = cohort.model
        return Recommendation(cohort: cohort.id, model: model, layers: layers, runnerUp: runnerUp, runnerUpReason: why,
                              answers: answers, reasons: reasons, current: current,
                              agrees: current != nil && journey.builtInModel(current) == model)
    }

    static func runnerUp(model: String, touch: Int, need: Int, economics: Int, band: ValueBand?) -> (String, String) {
        switch model {
        case "hvc":
            return ("hybrid", "if these customers do not want a named relationship: automate, and route to a person on signals")
        case "high-touch":
            return band == .high
                ? ("hvc", "if they can run the product themselves and want a relationship more than hand-holding")
                : ("hybrid", "if a person cannot be afforded for every customer: keep people for onboarding and escalation")
        case "community":
            return (ladder[touch], "if the community has no host or does not take: the same economics, run by automation")
        default:
            if need > touch && touch < 3 {
                return (ladder[touch + 1], "what their need asks for, once the economics or the team allow it")
            }
            if economics > touch && touch < 3 {
                return (ladder[touch + 1], "their value would carry more touch, if engagement or churn shows they need it")
            }
            if touch > 0 {
                return (ladder[touch - 1], "cheaper, if the automated equivalent is designed well enough that they do not need a person")
            }
            return ("low-touch", "if automation alone lets them churn silently: add self-serve help and support on demand")
        }
    }
}
