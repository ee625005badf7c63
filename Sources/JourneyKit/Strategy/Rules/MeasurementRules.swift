/// Rules about whether the journey's health is measured, and by outcomes.
extension LintRule {
    static let measurementRules: [LintRule] = [
        LintRule(
            "JM003", .warning, "Stage with touchpoints but no KPI",
            reason: Mistake.healthNotMeasured,
            fix: "Add a KPI to the stage (or to its touchpoints) that tells whether customers get through it, e.g. activation rate or conversion rate."
        ) { cx in
            guard !cx.journey.allKPIs.isEmpty else { return [] }
            return cx.journey.stages.enumerated().compactMap { i, s in
                guard !s.touchpoints.isEmpty, s.kpis.isEmpty, s.touchpoints.allSatisfy({ $0.kpis.isEmpty }) else { return nil }
                return Hit(cx.stagePath(i), "Stage \(cx.stageName(i)) has \(s.touchpoints.count) touchpoint\(s.touchpoints.count == 1 ? "" : "s") and no KPI: nobody knows whether it works.")
            }
        },
        LintRule(
            "JM004", .error, "Journey with no KPI at all",
            reason: Mistake.healthNotMeasured,
            fix: "Add journey KPIs: at least one outcome (churn rate, retention rate, CLV) and the health-score components (usage frequency, recency, depth, support friction)."
        ) { cx in
            cx.journey.allKPIs.isEmpty ? [Hit(.root, "The journey has no KPI anywhere: its health is never measured.")] : []
        },
        LintRule(
            "JM005", .warning, "No health-score KPI",
            reason: Mistake.healthNotMeasured,
            fix: "Define a \"healthScore\" (components usage frequency, recency, depth, support friction, with weights and bands), or mark the KPIs that make it up with \"health\": true."
        ) { cx in
            let all = cx.journey.allKPIs
            guard !all.isEmpty, !all.contains(where: \.health), !cx.journey.hasHealthScore else { return [] }
            let what = all.count == 1 ? "The journey's only KPI, \(cx.quoted(all[0].name)), is not" : "None of the journey's \(all.count) KPIs is"
            return [Hit(cx.journey.kpis.isEmpty ? .root : JSONPath.root.key("kpis"), "\(what) part of a customer health score.")]
        },
        LintRule(
            "JM006", .warning, "Only activity KPIs, no outcome (in the journey or a stage)",
            reason: Mistake.activityNotOutcome,
            fix: "Add an outcome KPI (retention rate, churn rate, repeat purchase rate, conversion rate, CLV, NPS) beside the activity ones."
        ) { cx in
            let all = cx.journey.allKPIs
            guard !all.isEmpty, all.allSatisfy({ $0.effectiveKind == .activity }) else {
                // The journey has outcomes; a stage may still celebrate only motion.
                return cx.journey.stages.enumerated().compactMap { i, s in
                    let kpis = s.kpis + s.touchpoints.flatMap(\.kpis)
                    guard !kpis.isEmpty, kpis.allSatisfy({ $0.effectiveKind == .activity }) else { return nil }
                    return Hit(s.kpis.isEmpty ? cx.stagePath(i) : cx.stagePath(i).key("kpis"),
                               "Stage \(cx.stageName(i)) measures only activity (\(kpis.prefix(3).map { cx.quoted($0.name) }.joined(separator: ", "))\(kpis.count > 3 ? ", ..." : "")); nothing says whether customers get through it.")
                }
            }
            let what = all.count == 1
                ? "The only KPI, \(cx.quoted(all[0].name)), measures activity"
                : "All \(all.count) KPIs measure activity (\(all.prefix(3).map { cx.quoted($0.name) }.joined(separator: ", "))\(all.count > 3 ? ", ..." : ""))"
            return [Hit(cx.journey.kpis.isEmpty ? .root : JSONPath.root.key("kpis"), "\(what); none measures an outcome.")]
        },
        LintRule(
            "JM027", .warning, "KPI marked outcome that is an activity metric",
            reason: Mistake.activityNotOutcome,
            fix: "Mark it \"kind\": \"activity\" and add the outcome it is meant to move (retention rate, conversion rate, churn rate, CLV)."
        ) { cx in
            var hits: [Hit] = []
            func check(_ kpis: [KPI], _ path: JSONPath) {
                for (k, kpi) in kpis.enumerated() where kpi.kind == .outcome {
                    guard let entry = KPIEntry.matching(kpi.name), entry.kind == .activity else { continue }
                    hits.append(Hit(path.key("kpis").index(k).key("kind"), "KPI \(cx.quoted(kpi.name)) is marked an outcome, but it counts activity (\(entry.name.lowercased())): it measures motion, not whether customers get through."))
                }
            }
            check(cx.journey.kpis, .root)
            for (i, s) in cx.journey.stages.enumerated() {
                check(s.kpis, cx.stagePath(i))
                for (j, t) in s.touchpoints.enumerated() { check(t.kpis, cx.touchpointPath(i, j)) }
            }
            return hits
        },
        LintRule(
            "JM035", .warning, "KPI in a currency other than the journey's",
            reason: "One journey, one currency: a target in another currency beside amounts in the journey's cannot be compared, and a presenter's slide mixes them.",
            fix: "Set \"costs\": {\"currency\": ...} to the currency the team reports in, and write every money KPI's unit in it (the default currency is \(CostModel.defaultCurrency))."
        ) { cx in
            let currency = cx.costs.currency
            var hits: [Hit] = []
            func check(_ kpis: [KPI], _ path: JSONPath) {
                for (k, kpi) in kpis.enumerated() where NumberText.isCurrencyCode(kpi.unit) && kpi.unit != currency {
                    hits.append(Hit(path.key("kpis").index(k).key("unit"), "KPI \(cx.quoted(kpi.name)) is in \(kpi.unit), but the journey's amounts are in \(currency)."))
                }
            }
            check(cx.journey.kpis, .root)
            for (i, s) in cx.journey.stages.enumerated() {
                check(s.kpis, cx.stagePath(i))
                for (j, t) in s.touchpoints.enumerated() { check(t.kpis, cx.touchpointPath(i, j)) }
            }
            return hits
        },
    ]
}

extension Journey {
    /// True when the journey or one of its cohorts defines a health score.
    public var hasHealthScore: Bool { healthScore != nil || cohorts.contains { $0.healthScore != nil } }

    /// Every KPI of the journey: its own, its stages' and its touchpoints'.
    public var allKPIs: [KPI] {
        kpis + stages.flatMap { s in s.kpis + s.touchpoints.flatMap(\.kpis) }
    }
}
