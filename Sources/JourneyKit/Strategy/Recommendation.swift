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
    /// True when the automation must carry behaviour-triggered guidance: the customers need help
    /// and get the automated equivalent of a person.
    public var guidance: Bool
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
    /// Hours of people's time a year the recommended model takes for this cohort.
    public var hours: Double
    /// Those hours in full-time equivalents of the team's hours per person.
    public var fte: Double
    /// Yearly cost to serve under the recommendation; nil when the size or a cost is unknown.
    public var cost: Double?

    /// The recommended model and layers as a service option.
    public var option: ServiceOption { ServiceOption(model: model, layers: layers, guidance: guidance) }
}

/// Recommends an engagement model per cohort from the one decision model (`Decision`), with the
/// four questions answered and the reasons given.
public enum Recommender {
    static let ladder = Decision.ladder

    /// A recommendation for every cohort of the journey, in cohort order.
    public static func recommend(_ journey: Journey) -> [Recommendation] {
        recommend(Decision(journey))
    }

    /// The recommendations of a decision already made.
    public static func recommend(_ decision: Decision) -> [Recommendation] {
        zip(decision.journey.cohorts, decision.cohorts).map { recommendation($0, $1, decision) }
    }

    /// The recommendation for one cohort of the journey (decided with the whole journey, since the
    /// team is shared).
    public static func recommend(_ cohort: Cohort, in journey: Journey) -> Recommendation {
        var j = journey
        if !j.cohorts.contains(where: { $0.id == cohort.id }) { j.cohorts.append(cohort) }
        let decision = Decision(j)
        let i = j.cohorts.firstIndex { $0.id == cohort.id }!
        return recommendation(j.cohorts[i], decision.cohorts[i], decision)
    }

    static func recommendation(_ cohort: Cohort, _ d: CohortDecision, _ decision: Decision) -> Recommendation {
        let journey = decision.journey, costs = decision.costs, team = decision.plan.team
        var answers: [Recommendation.Answer] = []
        if let v = cohort.valuePerUser, let band = costs.valueBand(v) {
            let hybridFrom = costs.affordableFrom("hybrid").map { costs.money($0) } ?? "n/a"
            let highFrom = costs.affordableFrom("high-touch").map { costs.money($0) } ?? "n/a"
            answers.append(.init(question: "Value per user", answer: "\(costs.money(v)) a year: \(band.title) (hybrid is affordable from \(hybridFrom), high-touch from \(highFrom))"))
        } else {
            answers.append(.init(question: "Value per user", answer: "unknown: the economics are not checked; set valuePerUser"))
        }
        answers.append(.init(question: "Complexity", answer: cohort.complexity.map { $0.title.lowercased() } ?? "unknown (taken as medium)"))
        answers.append(.init(question: "Self-serve or configured", answer: cohort.service.map {
            $0 == .configured ? "configured: they need it set up for them" : "self-serve: they help themselves"
        } ?? "unknown (taken as self-serve)"))
        answers.append(.init(question: "Team capacity and budget", answer: teamAnswer(team, costs)))
        let o = d.chosen
        let (runnerUp, why): (String, String) = o.model != d.preferred.model
            ? (d.preferred.model, "what their need and value ask for, once the team has the hours and budget")
            : runnerUp(model: o.model, touch: max(0, ladder.firstIndex(of: o.model) ?? 1), need: d.need, economics: d.economics ?? 3, guidance: o.guidance)
        let current = cohort.model
        return Recommendation(
            cohort: cohort.id, model: o.model, layers: o.layers, guidance: o.guidance, runnerUp: runnerUp, runnerUpReason: why,
            answers: answers, reasons: d.reasons, current: current,
            agrees: current != nil && journey.builtInModel(current) == o.model,
            hours: d.hours, fte: team.fte(d.hours), cost: d.cost)
    }

    /// The team question answered in numbers: `8 people (12,800 hours a year), budget USD 500,000`.
    public static func teamAnswer(_ team: TeamNumbers, _ costs: CostModel) -> String {
        let people = team.people.map { p in
            "\(CostModel.grouped(p)) \(p == 1 ? "person" : "people") (\(CostModel.grouped(p * team.hoursPerPerson)) hours a year)"
        } ?? "people not stated"
        return people + ", " + (team.budget.map { "budget \(costs.money($0))" } ?? "budget not stated")
    }

    static func runnerUp(model: String, touch: Int, need: Int, economics: Int, guidance: Bool) -> (String, String) {
        if guidance {
            return ("hybrid", "a person at the moments that matter, if their value or the team grows enough to afford it")
        }
        switch model {
        case "hvc":
            return ("hybrid", "if these customers do not want a named relationship: automate, and route to a person on signals")
        case "high-touch":
            return need < 3
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
