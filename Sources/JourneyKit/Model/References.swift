extension Journey {
    /// Drops the references of the format-3 fields to items that are gone (a routing rule's
    /// touchpoint or model, a drop-off override's stage, a health component's KPI, a band's
    /// touchpoints and routing rules), so a journey edited by deleting items still reads back.
    /// Returns true when it dropped any.
    @discardableResult
    public mutating func dropDanglingReferences() -> Bool {
        let holds = healthScore != nil || cohorts.contains { !$0.routing.isEmpty || !$0.dropOff.isEmpty || $0.healthScore != nil }
        guard holds else { return false }
        let stageIDs = Set(stages.map(\.id))
        let touchpointIDs = Set(stages.flatMap { $0.touchpoints.map(\.id) })
        let modelIDs = Set(EngagementModel.ids + models.map(\.id))
        let kpiIDs = Set(allKPIs.map(\.id))
        let targets = touchpointIDs.union(cohorts.flatMap { $0.routing.map(\.id) })
        func pruned(_ h: HealthScore?) -> HealthScore? {
            guard var h else { return nil }
            for k in h.components.indices where h.components[k].kpi.map({ !kpiIDs.contains($0) }) ?? false { h.components[k].kpi = nil }
            for k in h.bands.indices { h.bands[k].leadsTo.removeAll { !targets.contains($0) } }
            return h
        }
        let before = self
        for i in cohorts.indices {
            for r in cohorts[i].routing.indices {
                if let t = cohorts[i].routing[r].touchpoint, !touchpointIDs.contains(t) { cohorts[i].routing[r].touchpoint = nil }
                if let m = cohorts[i].routing[r].model, !modelIDs.contains(m) { cohorts[i].routing[r].model = nil }
            }
            cohorts[i].dropOff = cohorts[i].dropOff.filter { stageIDs.contains($0.key) }
            cohorts[i].healthScore = pruned(cohorts[i].healthScore)
        }
        healthScore = pruned(healthScore)
        return self != before
    }
}
