/// A named what-if kept in the journey: overrides of cohorts, stages, unit costs and the team.
/// The journey itself is the as-is; a scenario is a to-be.
public struct Scenario: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var description: String
    public var cohorts: [CohortOverride]
    public var stages: [StageOverride]
    /// Model id to yearly cost per customer, over the journey's own.
    public var costs: [String: Double]
    /// The team in this scenario, in place of the journey's.
    public var team: Team?

    public init(id: String, name: String, description: String = "", cohorts: [CohortOverride] = [], stages: [StageOverride] = [], costs: [String: Double] = [:], team: Team? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.cohorts = cohorts
        self.stages = stages
        self.costs = costs
        self.team = team
    }

    /// The journey as this scenario makes it. Overrides of items the journey does not
    /// have are skipped (lint reports them).
    public func apply(to journey: Journey) -> Journey {
        var j = journey
        for o in cohorts {
            guard let i = j.cohorts.firstIndex(where: { $0.id == o.cohort }) else { continue }
            if let m = o.model { j.cohorts[i].model = m }
            if let l = o.layers { j.cohorts[i].layers = l }
            if let s = o.size { j.cohorts[i].size = s }
            if let v = o.valuePerUser { j.cohorts[i].valuePerUser = v }
        }
        for o in stages {
            guard let i = j.stages.firstIndex(where: { $0.id == o.stage }) else { continue }
            if let d = o.dropOff { j.stages[i].dropOff = d }
        }
        if !costs.isEmpty {
            var c = j.costs ?? CostAssumptions()
            for (k, v) in costs { c.perCustomerYear[k] = v }
            j.costs = c
        }
        if let t = team { j.team = t }
        return j
    }
}

/// A scenario's changes to one cohort; nil fields keep the journey's value.
public struct CohortOverride: Hashable, Sendable {
    /// The cohort's id.
    public var cohort: String
    public var model: String?
    public var layers: [String]?
    public var size: Int?
    public var valuePerUser: Double?

    public init(cohort: String, model: String? = nil, layers: [String]? = nil, size: Int? = nil, valuePerUser: Double? = nil) {
        self.cohort = cohort
        self.model = model
        self.layers = layers
        self.size = size
        self.valuePerUser = valuePerUser
    }
}

/// A scenario's changes to one stage.
public struct StageOverride: Hashable, Sendable {
    /// The stage's id.
    public var stage: String
    public var dropOff: Double?

    public init(stage: String, dropOff: Double? = nil) {
        self.stage = stage
        self.dropOff = dropOff
    }
}

extension Journey {
    /// The scenario with this id or name (ids first), if any.
    public func scenario(named key: String) -> Scenario? {
        scenarios.first { $0.id == key } ?? scenarios.first { $0.name == key }
    }
}
