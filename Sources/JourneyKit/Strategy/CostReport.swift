/// The yearly cost to serve a journey's cohorts, set against what they are worth.
///
/// - Per cohort: size x (unit cost of its model + unit costs of its layers).
/// - Per model: each cohort's model part goes to its model, each layer part to the layer.
/// - Per stage: a cohort's cost is shared among the stages in proportion to the number of
///   touchpoints that reach it there (a touchpoint with no cohorts reaches every cohort).
///   A cohort no touchpoint reaches is reported as unplaced.
public struct CostReport: Sendable {
    /// One cohort's cost and value.
    public struct CohortLine: Sendable, Hashable {
        public var cohort: String
        public var model: String?
        public var size: Int?
        /// Yearly cost per customer (model plus layers); nil when the model or its cost is unknown.
        public var unitCost: Double?
        /// size x unitCost; nil when either is unknown.
        public var cost: Double?
        /// size x valuePerUser; nil when either is unknown.
        public var value: Double?
        /// cost / value; nil when unknown or the value is 0.
        public var costShare: Double? { cost.flatMap { c in value.flatMap { v in v > 0 ? c / v : nil } } }
    }

    public var currency: String
    public var cohorts: [CohortLine]
    /// Cost per model id, in the order models first appear.
    public var byModel: [(model: String, cost: Double)]
    /// Cost per stage, in stage order.
    public var byStage: [(stage: String, cost: Double)]
    /// Cost of cohorts that no touchpoint reaches.
    public var unplaced: Double
    public var totalCost: Double { cohorts.reduce(0) { $0 + ($1.cost ?? 0) } }
    public var totalValue: Double { cohorts.reduce(0) { $0 + ($1.value ?? 0) } }

    /// The cost report of a journey.
    public init(_ journey: Journey) {
        let costs = CostModel(journey)
        currency = costs.currency
        cohorts = []
        var models: [(model: String, cost: Double)] = []
        func add(_ model: String, _ amount: Double) {
            if let i = models.firstIndex(where: { $0.model == model }) { models[i].cost += amount } else { models.append((model, amount)) }
        }
        var stages = journey.stages.map { (stage: $0.id, cost: 0.0) }
        unplaced = 0
        // Touchpoints reaching each cohort per stage, in one pass: those naming no cohort reach all.
        let index = Dictionary(journey.cohorts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var reaching = Array(repeating: Array(repeating: 0, count: journey.stages.count), count: journey.cohorts.count)
        var toAll = Array(repeating: 0, count: journey.stages.count)
        for (si, stage) in journey.stages.enumerated() {
            for t in stage.touchpoints {
                if t.cohorts.isEmpty { toAll[si] += 1 }
                for id in Set(t.cohorts) { if let ci = index[id] { reaching[ci][si] += 1 } }
            }
        }
        for (ci, c) in journey.cohorts.enumerated() {
            let unit = costs.unitCost(of: c)
            let cost = unit.flatMap { u in c.size.map { Double($0) * u } }
            let value = c.valuePerUser.flatMap { v in c.size.map { Double($0) * v } }
            cohorts.append(CohortLine(cohort: c.id, model: c.model, size: c.size, unitCost: unit, cost: cost, value: value))
            guard let cost, let size = c.size, let model = c.model else { continue }
            add(model, Double(size) * (costs.unitCost(model) ?? 0))
            for layer in c.layers { add(layer, Double(size) * (costs.unitCost(layer) ?? 0)) }
            let counts = zip(reaching[ci], toAll).map { $0 + $1 }
            let total = counts.reduce(0, +)
            if total == 0 {
                unplaced += cost
            } else {
                for i in counts.indices { stages[i].cost += cost * Double(counts[i]) / Double(total) }
            }
        }
        byModel = models
        byStage = stages
    }
}

extension Touchpoint {
    /// True when the touchpoint reaches this cohort: it names it, or names no cohort at all.
    public func reaches(_ cohort: String) -> Bool { cohorts.isEmpty || cohorts.contains(cohort) }
}
