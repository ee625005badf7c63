import Foundation

/// One way to serve a cohort: a built-in model, the layers over it, and whether the automation
/// must carry behaviour-triggered guidance (the automated equivalent of a person's help).
public struct ServiceOption: Sendable, Hashable {
    /// A built-in model id.
    public var model: String
    /// Layers over the model (`ai-augmented`), possibly none.
    public var layers: [String]
    /// True when the customers need help and automation gives it: behaviour-triggered guidance
    /// at the steps where they get stuck, instead of a person.
    public var guidance: Bool

    public init(model: String, layers: [String] = [], guidance: Bool = false) {
        self.model = model
        self.layers = layers
        self.guidance = guidance
    }
}

/// The decision for one cohort: what its need asks for, what its value pays for, what the team
/// can staff and fund, and the option chosen.
public struct CohortDecision: Sendable, Hashable {
    public var cohort: String
    /// Need on the touch ladder (tech-touch 0 ... high-touch 3), after the customer's level.
    public var need: Int
    /// Need from complexity and service alone, before the level.
    public var needBeforeLevel: Int
    /// The highest ladder rung whose unit cost fits the affordable share of the value; -1 when none
    /// does, nil when the value per user is unknown.
    public var economics: Int?
    /// True when the cohort is a top cohort (see `Decision.isTopCohort`).
    public var top: Bool
    /// What need and economics ask for, before the team.
    public var preferred: ServiceOption
    /// What the team can staff and fund: the recommendation.
    public var chosen: ServiceOption
    /// Why, in the order the decision was made.
    public var reasons: [String]
    /// Hours of people's time a year the chosen option takes.
    public var hours: Double
    /// Yearly cost to serve under the chosen option; nil when the size or a cost is unknown.
    public var cost: Double?
    /// Yearly value of the cohort; nil when unknown.
    public var value: Double?
}

/// The recommended models set against the team: hours against capacity, cost against budget.
public struct TeamPlan: Sendable, Hashable {
    public var team: TeamNumbers
    /// Hours a year the chosen options take, all cohorts together.
    public var hours: Double
    /// Yearly cost to serve of the chosen options, all cohorts together.
    public var cost: Double
    /// Hours beyond capacity (0 when within it); nil when capacity is not stated.
    public var overHours: Double? { team.capacityHours.map { max(0, hours - $0) } }
    /// Cost beyond budget (0 when within it); nil when the budget is not stated.
    public var overBudget: Double? { team.budget.map { max(0, cost - $0) } }
}

/// The one decision model behind `recommend` and the model-fit lint rules: segment by need,
/// bounded by economics and by the team in numbers.
///
/// Per cohort, on the touch ladder tech-touch 0 < low-touch 1 < hybrid 2 < high-touch 3:
/// 1. Need = complexity (low 0, medium 1, high 2; unknown 1) + 1 when configured, at most 3.
///    The level is the diagnosis: an Unaware or Aware cohort has not bought yet, so its need is
///    capped at low-touch (high-touch on a tire-kicker wastes resources).
/// 2. Economics = the highest rung whose unit cost is at most the affordable share (setting,
///    default 20%) of the value per user; unknown value: not bounded.
/// 3. Need 0 or 1: low-touch when affordable, else tech-touch; tech-touch too for a need-0 cohort
///    of `techTouchFromSize` customers or more.
/// 4. Need 2 or 3: min(need, economics) when that is hybrid or more. Otherwise hybrid when it costs
///    at most `needShare` (50%) of the value (they need more help than their spend suggests);
///    otherwise the automated equivalent: low-touch (or tech-touch when low-touch is not
///    affordable) with behaviour-triggered guidance.
/// 5. HVC for a top cohort (`isTopCohort`) not at Unaware or Aware, when HVC is affordable and the
///    cohort does not need, and afford, high-touch. Never for any other cohort.
/// 6. Community-led stays where the cohort is on it and the answer is low- or tech-touch.
/// 7. The AI layer for `aiLayerFromSize` customers or more when model plus layer stay affordable.
/// 8. The team: while the chosen options need more hours than the team has, or cost more than
///    the budget, the cohort with the lowest value per user steps down its chain (high-touch or
///    HVC, hybrid, the automated equivalent, tech-touch); the AI layer is dropped last, and for
///    the budget only (it takes no one's time). What still does not fit is reported as over.
public struct Decision: Sendable {
    /// The touch ladder, least to most human.
    public static let ladder = ["tech-touch", "low-touch", "hybrid", "high-touch"]
    /// The model-fit lint rules: each fires only where the decision prescribes something else.
    public static let modelFitRules: Set<String> = ["JM001", "JM002", "JM012", "JM022", "JM023", "JM026"]

    public let journey: Journey
    public let costs: CostModel
    /// One decision per cohort, in cohort order.
    public let cohorts: [CohortDecision]
    public let plan: TeamPlan

    public init(_ journey: Journey) {
        self.journey = journey
        let costs = CostModel(journey)
        self.costs = costs
        let team = journey.teamNumbers
        var decisions: [CohortDecision] = []
        var chains: [[ServiceOption]] = []
        let totals = Totals(journey)
        for c in journey.cohorts {
            let (d, chain) = Decision.decide(c, in: journey, costs: costs, totals: totals)
            decisions.append(d)
            chains.append(chain)
        }
        // 8. Bound by the team: the hours and the budget go to the highest-value cohorts first;
        // each of the others is held at the cheapest model of its chain until its turn. When even
        // the cheapest models together cost more than the budget, nothing is held back for them:
        // the budget is over whatever happens, and the highest-value cohorts are served first.
        var at = chains.map { $0.count - 1 }
        var decided = Set<Int>()
        var why: [[String]] = Array(repeating: [], count: chains.count)
        func hours(_ i: Int, _ o: ServiceOption) -> Double {
            costs.hours(size: journey.cohorts[i].size ?? 0, model: o.model, layers: o.layers)
        }
        func cost(_ i: Int, _ o: ServiceOption) -> Double {
            Double(journey.cohorts[i].size ?? 0) * (costs.unitCost(o.model, layers: o.layers) ?? 0)
        }
        func total(_ f: (Int, ServiceOption) -> Double, except: Int? = nil, only: Set<Int>? = nil) -> Double {
            chains.indices.reduce(0) { $1 == except || !(only?.contains($1) ?? true) ? $0 : $0 + f($1, chains[$1][at[$1]]) }
        }
        let holdBack = team.budget.map { total(cost) <= $0 + 1e-9 } ?? true
        let order = chains.indices.sorted { a, b in
            let va = journey.cohorts[a].valuePerUser ?? -1, vb = journey.cohorts[b].valuePerUser ?? -1
            return va != vb ? va > vb : a < b
        }
        let name = { (o: ServiceOption) in (EngagementModel.named(o.model)?.name.lowercased() ?? o.model) + (o.layers.isEmpty ? "" : " + ai-augmented") }
        for i in order {
            let h = total(hours, except: i), k = total(cost, except: i, only: holdBack ? nil : decided)
            decided.insert(i)
            let fitsHours = { (o: ServiceOption) in team.capacityHours.map { h + hours(i, o) <= $0 + 1e-9 } ?? true }
            let fitsBudget = { (o: ServiceOption) in team.budget.map { k + cost(i, o) <= $0 + 1e-9 } ?? true }
            let pick = chains[i].firstIndex { fitsHours($0) && fitsBudget($0) } ?? chains[i].count - 1
            at[i] = pick
            guard pick > 0 else { continue }
            let want = chains[i][0], got = chains[i][pick]
            if !fitsHours(want), let cap = team.capacityHours {
                why[i].append("Bounded by the team: \(name(want)) for these customers takes \(CostModel.grouped(hours(i, want))) hours a year (\(Decision.fte(team.fte(hours(i, want)))) FTE); the higher-value cohorts leave \(CostModel.grouped(max(0, cap - h))) of the team's \(CostModel.grouped(cap)) hours, so \(name(got)).")
            } else if let budget = team.budget {
                why[i].append("Bounded by the budget: \(name(want)) for these customers costs \(costs.money(cost(i, want))) a year; \(holdBack ? "the other cohorts" : "the higher-value cohorts") leave \(costs.money(max(0, budget - k))) of the budget of \(costs.money(budget)), so \(name(got)).")
            }
        }
        // The AI layer is dropped last, lowest value first, and only when that brings the cost
        // within the budget: it takes no one's time, and a large base is reached only by automation.
        if let budget = team.budget, total(cost) > budget + 1e-9 {
            let bare = chains.indices.reduce(0.0) { sum, i in
                var o = chains[i][at[i]]
                o.layers = []
                return sum + cost(i, o)
            }
            if bare <= budget + 1e-9 {
                for i in order.reversed() where total(cost) > budget + 1e-9 && !chains[i][at[i]].layers.isEmpty {
                    var o = chains[i][at[i]]
                    o.layers = []
                    chains[i][at[i]] = o
                    why[i].append("Bounded by the budget: the AI layer is dropped, the last thing to go, to bring the cost within \(costs.money(budget)).")
                }
            }
        }
        for i in decisions.indices {
            let o = chains[i][at[i]]
            decisions[i].chosen = o
            decisions[i].reasons += why[i]
            if o.guidance && !decisions[i].preferred.guidance {
                decisions[i].reasons.append("They still need help: the automation carries behaviour-triggered guidance at the steps where they get stuck, the well-designed automated equivalent of a person.")
            }
            decisions[i].hours = hours(i, o)
            decisions[i].cost = journey.cohorts[i].size.flatMap { s in costs.unitCost(o.model, layers: o.layers).map { Double(s) * $0 } }
        }
        cohorts = decisions
        plan = TeamPlan(team: team, hours: total(hours), cost: total(cost))
    }

    /// The decision for the cohort with this id.
    public func decision(for cohort: String) -> CohortDecision? { cohorts.first { $0.cohort == cohort } }

    /// True when the cohort is a top cohort, the only place for HVC: it holds at most
    /// `hvcMaxCustomerShare` (20%) of the journey's customers, at least `hvcMinValueShare` (10%)
    /// of its value, and a value share at least `hvcMinValueMultiple` (3) times its customer share.
    /// Needs sizes and values of at least two cohorts.
    public static func isTopCohort(_ cohort: Cohort, in journey: Journey) -> Bool {
        isTopCohort(cohort, in: journey, totals: Totals(journey))
    }

    /// The customers and value of the cohorts whose size and value are known, counted once per decision.
    struct Totals {
        let known: Set<String>
        let customers: Double
        let value: Double

        init(_ journey: Journey) {
            let cohorts = journey.cohorts.filter { $0.valuePerUser != nil && $0.size != nil }
            known = Set(cohorts.map(\.id))
            customers = cohorts.reduce(0.0) { $0 + Double($1.size!) }
            value = cohorts.reduce(0.0) { $0 + Double($1.size!) * $1.valuePerUser! }
        }
    }

    static func isTopCohort(_ cohort: Cohort, in journey: Journey, totals: Totals) -> Bool {
        guard let v = cohort.valuePerUser, let size = cohort.size, size > 0 else { return false }
        guard totals.known.count >= 2, totals.known.contains(cohort.id), totals.customers > 0, totals.value > 0 else { return false }
        let customerShare = Double(size) / totals.customers, valueShare = Double(size) * v / totals.value
        return customerShare * 100 <= journey.threshold("hvcMaxCustomerShare")
            && valueShare * 100 >= journey.threshold("hvcMinValueShare")
            && valueShare >= journey.threshold("hvcMinValueMultiple") * customerShare
    }

    /// Steps 1-7 for one cohort: its decision before the team, and its chain of options from the
    /// preferred one down to the cheapest.
    static func decide(_ c: Cohort, in journey: Journey, costs: CostModel, totals: Totals) -> (CohortDecision, [ServiceOption]) {
        let ladder = Decision.ladder
        let share = journey.affordableShare
        let size = c.size ?? 0
        var reasons: [String] = []
        func affordable(_ model: String, _ layers: [String] = [], share: Double = share) -> Bool {
            guard let v = c.valuePerUser, let u = costs.unitCost(model, layers: layers) else { return true }
            return u <= share * v
        }
        func name(_ m: String) -> String { EngagementModel.named(m)?.name.lowercased() ?? m }
        // 1. Need, then the level.
        let complexity = c.complexity.map { [Rating.low, .medium, .high].firstIndex(of: $0)! } ?? 1
        let rawNeed = min(3, complexity + (c.service == .configured ? 1 : 0))
        let early = c.level == .unaware || c.level == .aware
        let need = early ? min(rawNeed, 1) : rawNeed
        // 2. Economics.
        let economics: Int? = c.valuePerUser == nil ? nil : (ladder.indices.last { affordable(ladder[$0]) } ?? -1)
        let pays = economics.map { $0 < 0 ? "not even tech-touch" : ladder[$0] } ?? "anything (unknown)"
        reasons.append("Their need calls for \(ladder[need]); their value pays for \(pays).")
        if let level = c.level {
            switch level {
            case .unaware, .aware:
                reasons.append("The level is the diagnosis: \(level.title) customers have not bought yet, so \(rawNeed > 1 ? "high touch would be spent on tire-kickers; automation qualifies them first" : "automation qualifies them first").")
            case .active:
                reasons.append("The level is the diagnosis: Active customers are in the onboarding-to-retention window, where most churn lives; the first weeks decide.")
            case .invested:
                reasons.append("The level is the diagnosis: Invested customers have the habit; watch for them going quiet, which is where a person should step in.")
            case .advocate:
                reasons.append("The level is the diagnosis: Advocates recommend the brand; give them ways to bring others (referrals, community).")
            }
        }
        let automated = ServiceOption(model: affordable("low-touch") ? "low-touch" : "tech-touch", guidance: need >= 2)
        // 3 and 4. The preferred model.
        var option: ServiceOption
        if need <= 1 {
            if need == 0 && Double(size) >= journey.threshold("techTouchFromSize") {
                option = ServiceOption(model: "tech-touch")
                reasons.append("A simple, self-serve base of \(CostModel.grouped(Double(size))) customers: human contact is uneconomic at this scale, so automation does it all.")
            } else {
                option = ServiceOption(model: affordable("low-touch") ? "low-touch" : "tech-touch")
                if option.model == "low-touch" {
                    reasons.append("They can help themselves: automation and self-serve, with help on demand when they get stuck.")
                }
            }
        } else {
            let touch = min(need, economics ?? 3)
            if touch >= 2 {
                option = ServiceOption(model: ladder[touch])
                if need > touch {
                    reasons.append("Bounded by economics: \(ladder[need]) would cost more than \(percent(share)) of what they are worth.")
                }
            } else if affordable("hybrid", share: journey.threshold("needShare") / 100) {
                option = ServiceOption(model: "hybrid")
                reasons.append("Segment by need, bounded by economics: they need more help than their spend suggests, so a person steps in at the moments that matter (onboarding, escalation) and automation does the rest.")
            } else {
                option = automated
                let hybridCost = costs.unitCost("hybrid") ?? 0
                let what = c.valuePerUser.map { v in v > 0 ? "\(costs.money(hybridCost)) a customer, \(percent(hybridCost / v)) of their value" : "\(costs.money(hybridCost)) a customer" } ?? ""
                reasons.append("They need help, but a person (hybrid, \(what)) costs more than the \(percent(journey.threshold("needShare") / 100)) of their value a need may take: they get the well-designed automated equivalent, \(name(option.model)) with behaviour-triggered guidance at the steps where they get stuck.")
            }
        }
        // 5. HVC, only for a top cohort.
        let top = isTopCohort(c, in: journey, totals: totals)
        if top && !early && affordable("hvc") && option.model != "high-touch" {
            option = ServiceOption(model: "hvc")
            reasons.append("A small share of the customers brings a large share of the value: manage them as the top cohort (HVC), watching the signals rather than pushing meetings.")
        }
        // 6. Community stays where automation would do.
        if ["low-touch", "tech-touch"].contains(option.model) && !option.guidance && journey.builtInModel(c.model) == "community" {
            reasons.append("Community-led has the economics of \(option.model) and is kept: customers engaging with each other fits when the category is part of their identity.")
            option.model = "community"
        }
        if let v = c.valuePerUser, let u = costs.unitCost(option.model), u > share * v, option.model == "tech-touch" {
            reasons.append("Even tech-touch costs \(percent(u / max(v, 1e-9))) of their value, more than the affordable \(percent(share)): the cohort costs more to serve than it is worth; revisit its value or its costs.")
        }
        // 7. The AI layer.
        func withLayer(_ o: ServiceOption) -> ServiceOption {
            var o = o
            if Double(size) >= journey.threshold("aiLayerFromSize") && affordable(o.model, ["ai-augmented"]) { o.layers = ["ai-augmented"] }
            return o
        }
        option = withLayer(option)
        if !option.layers.isEmpty {
            reasons.append("A base of \(CostModel.grouped(Double(size))) customers gives enough behaviour to add ai-augmented as a layer (churn scores, next best action).")
        }
        // The chain for step 8: each model down to the cheapest, then the layer dropped.
        var models = [option.model]
        switch option.model {
        case "high-touch", "hvc": models += ["hybrid", automated.model, "tech-touch"]
        case "hybrid": models += [automated.model, "tech-touch"]
        case "low-touch", "community": models += ["tech-touch"]
        default: break
        }
        var chain: [ServiceOption] = [option]
        for m in models.dropFirst() where m != chain.last!.model {
            chain.append(withLayer(ServiceOption(model: m, guidance: need >= 2 && !["hybrid", "high-touch", "hvc"].contains(m))))
        }
        let decision = CohortDecision(
            cohort: c.id, need: need, needBeforeLevel: rawNeed, economics: economics, top: top,
            preferred: option, chosen: option, reasons: reasons, hours: 0, cost: nil,
            value: c.valuePerUser.flatMap { v in c.size.map { Double($0) * v } })
        return (decision, chain)
    }

    /// FTE with one decimal: `5.6`.
    public static func fte(_ x: Double) -> String {
        let t = (x * 10).rounded() / 10
        guard let whole = Int(exactly: t) else { return t.isFinite ? "\(t)" : "n/a" }
        return "\(whole).0"
    }

    /// A share as a percentage for reasons: `20%`, `2.5%`.
    static func percent(_ share: Double) -> String {
        let p = share * 100
        return p < 10 && p != p.rounded() ? "\(Double((p * 10).rounded()) / 10)%" : CostModel.wholePercent(p)
    }
}
