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
/// 1. Need = complexity (low 0, medium 1, high 2; unknown 1) + service (configured 1, self-serve 0).
/// 2. Economics = the highest rung whose unit cost is at most `CostModel.affordableShare` of the
///    value per user (value band high 3, medium 2, low 1, very low 0; unknown: not bounded).
/// 3. Touch = min(need, economics), but never below hybrid when need is 2 or more: customers who
///    need help get a person at the moments that matter even when their spend is small.
/// 4. A team with low capacity or low budget cannot run high-touch or HVC: capped at hybrid.
/// 5. A high-value cohort whose need is below high-touch gets HVC management (a relationship
///    layer for a top cohort) rather than full high-touch.
/// 6. A base of 10,000 or more customers, with a budget that is not low, gets ai-augmented as a layer,
///    when model plus layer stay affordable.
public enum Recommender {
    static let ladder = ["tech-touch", "low-touch", "hybrid", "high-touch"]
    /// The cohort size from which an AI layer is suggested.
    public static let aiLayerFromSize = 10_000

    /// A recommendation for every cohort of the journey, in cohort order.
    public static func recommend(_ journey: Journey) -> [Recommendation] {
        journey.cohorts.map { recommend($0, in: journey) }
    }

    /// The recommendation for one cohort.
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
        let capacity = team?.capacity, budget = team?.budget
        let constrained = capacity == .low || budget == .low
        answers.append(.init(question: "Team capacity and budget", answer: "capacity \(capacity?.title.lowercased() ?? "not stated"), budget \(budget?.title.lowercased() ?? "not stated")"))

        var touch = min(need, economics)
        reasons.append("Their need calls for \(ladder[need]); their value pays for \(cohort.valuePerUser == nil ? "anything (unknown)" : ladder[economics]).")
        if need >= 2 && touch < 2 {
            touch = 2
            reasons.append("Segment by need, bounded by economics: they need more help than their spend suggests, so a person steps in at the moments that matter (onboarding, escalation) and automation does the rest.")
        } else if need > economics {
            reasons.append("Bounded by economics: \(ladder[need]) would cost more than a fifth of what they are worth.")
        }
        var model = ladder[touch]
        if band == .high && need < 3 {
            model = "hvc"
            reasons.append("High value but no need for one-to-one service: a relationship layer for a top cohort (HVC), watching the signals rather than pushing meetings.")
        }
        if constrained && (model == "high-touch" || model == "hvc") {
            reasons.append("The team's \(capacity == .low ? "capacity" : "budget") is low: \(EngagementModel.named(model)!.name) cannot be staffed or funded, so hybrid keeps people for the moments that matter.")
            model = "hybrid"
            touch = 2
        }
        var layers: [String] = []
        let withLayer = (costs.unitCost(model) ?? 0) + (costs.unitCost("ai-augmented") ?? 0)
        let layerAffordable = cohort.valuePerUser.map { withLayer <= $0 * CostModel.affordableShare } ?? true
        if let size = cohort.size, size >= aiLayerFromSize, budget != .low, layerAffordable {
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
