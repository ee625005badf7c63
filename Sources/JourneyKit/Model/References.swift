extension Journey {
    /// Drops the references of the format-3 fields to items that are gone (a routing rule's
    /// touchpoint or model, a drop-off override's stage, a health component's KPI, a band's
    /// touchpoints and routing rules), so a journey edited by deleting items still reads back.
    /// Only the referenced ids are looked up: one pass over the touchpoints (and their KPIs
    /// when a component reads one). Returns true when it dropped any.
    @discardableResult
    public mutating func dropDanglingReferences() -> Bool {
        var wanted = Set<String>(), kpis = Set<String>()
        func collect(_ h: HealthScore?) {
            guard let h else { return }
            for c in h.components { if let k = c.kpi { kpis.insert(k) } }
            for b in h.bands { wanted.formUnion(b.leadsTo) }
        }
        collect(healthScore)
        for c in cohorts {
            for r in c.routing { if let t = r.touchpoint { wanted.insert(t) } }
            collect(c.healthScore)
        }
        let hasDropOff = cohorts.contains { !$0.dropOff.isEmpty }
        let hasModels = cohorts.contains { $0.routing.contains { $0.model != nil } }
        guard !wanted.isEmpty || !kpis.isEmpty || hasDropOff || hasModels else { return false }
        // What exists among the referenced ids.
        var found = Set<String>()
        for c in cohorts { for r in c.routing where wanted.contains(r.id) { found.insert(r.id) } }
        for k in self.kpis where kpis.contains(k.id) { found.insert(k.id) }
        for st in stages {
            for k in st.kpis where kpis.contains(k.id) { found.insert(k.id) }
            for t in st.touchpoints {
                if wanted.contains(t.id) { found.insert(t.id) }
                if !kpis.isEmpty { for k in t.kpis where kpis.contains(k.id) { found.insert(k.id) } }
            }
        }
        let stageIDs = hasDropOff ? Set(stages.map(\.id)) : []
        let modelIDs = hasModels ? Set(EngagementModel.ids + models.map(\.id)) : []
        func pruned(_ h: HealthScore?) -> HealthScore? {
            guard var h else { return nil }
            for k in h.components.indices where h.components[k].kpi.map({ !found.contains($0) }) ?? false { h.components[k].kpi = nil }
            for k in h.bands.indices { h.bands[k].leadsTo.removeAll { !found.contains($0) } }
            return h
        }
        var changed = false
        for i in cohorts.indices {
            var c = cohorts[i]
            for r in c.routing.indices {
                if let t = c.routing[r].touchpoint, !found.contains(t) { c.routing[r].touchpoint = nil }
                if let m = c.routing[r].model, !modelIDs.contains(m) { c.routing[r].model = nil }
            }
            if hasDropOff { c.dropOff = c.dropOff.filter { stageIDs.contains($0.key) } }
            c.healthScore = pruned(c.healthScore)
            if c != cohorts[i] {
                cohorts[i] = c
                changed = true
            }
        }
        let h = pruned(healthScore)
        if h != healthScore {
            healthScore = h
            changed = true
        }
        return changed
    }
}
