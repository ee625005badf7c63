/// Rules about which engagement model serves which cohort.
extension LintRule {
    static let modelRules: [LintRule] = [
        LintRule(
            "JM001", .error, "High-touch assigned to every cohort",
            reason: Mistake.highTouchEveryone,
            fix: "Keep high-touch for the cohorts whose value or complexity justifies a person; move the others to hybrid, low-touch or tech-touch (see `journeyman recommend`)."
        ) { cx in
            // Every cohort high-touch is a finding only where the decision triages some of them elsewhere.
            let cohorts = cx.journey.cohorts
            guard cohorts.count >= 2, cohorts.allSatisfy({ cx.base($0.model) == "high-touch" }) else { return [] }
            let elsewhere = zip(cohorts, cx.decision.cohorts).filter { $1.chosen.model != "high-touch" }
            guard !elsewhere.isEmpty else { return [] }
            let names = elsewhere.map { "\(cx.quoted($0.0.name)) \(cx.journey.modelName($0.1.chosen.model).lowercased())" }.joined(separator: ", ")
            return [Hit(LintContext.cohorts, "All \(cohorts.count) cohorts are high-touch: nobody was triaged (the decision gives \(names)).")]
        },
        LintRule(
            "JM002", .warning, "High-touch on a low-value, simple cohort",
            reason: Mistake.highTouchEveryone,
            fix: "Serve this cohort low-touch or tech-touch, with a person only on escalation; or record why its customers are worth more than their spend."
        ) { cx in
            cx.journey.cohorts.enumerated().compactMap { i, c in
                guard cx.base(c.model) == "high-touch", c.complexity == .low, cx.decision.cohorts[i].chosen.model != "high-touch",
                      let band = cx.costs.valueBand(c.valuePerUser), band == .low || band == .veryLow,
                      let v = c.valuePerUser, let unit = cx.costs.unitCost(c.model!) else { return nil }
                return Hit(cx.cohortPath(i).key("model"),
                           "Cohort \(cx.quoted(c.name)) is high-touch, but its customers are worth \(cx.costs.money(v)) a year against \(cx.costs.money(unit)) to serve each, and the product is simple for them.")
            }
        },
        LintRule(
            "JM022", .error, "Cost to serve above the cohort's value (error) or above the affordable share (warning)",
            reason: Mistake.costToServe,
            fix: "Move the cohort to the model `journeyman recommend` gives (cheaper, or the automated equivalent with behaviour-triggered guidance), or correct its value per user or the unit costs."
        ) { cx in
            cx.journey.cohorts.enumerated().compactMap { i, c in
                guard let model = c.model, let v = c.valuePerUser, let size = c.size, size > 0,
                      let unit = cx.costs.unitCost(of: c) else { return nil }
                let d = cx.decision.cohorts[i]
                // Only where the decision prescribes something cheaper for the cohort's need and value
                // (what the team then affords is JM024 and JM025): the decision itself is never a finding.
                guard let better = cx.costs.unitCost(d.preferred.model, layers: d.preferred.layers), better < unit else { return nil }
                let share = cx.journey.affordableShare
                guard unit > share * v else { return nil }
                let cost = Double(size) * unit, value = Double(size) * v
                let over = unit > v
                func named(_ o: ServiceOption) -> String { cx.journey.modelName(o.model) + (o.layers.isEmpty ? "" : " + AI layer") }
                let team = d.chosen == d.preferred ? "" : " (\(named(d.chosen)) within the team's hours and budget)"
                let text = "Cohort \(cx.quoted(c.name)) costs \(cx.costs.money(cost)) a year to serve on \(cx.journey.modelName(model))\(c.layers.isEmpty ? "" : " + AI layer")"
                    + " against \(cx.costs.money(value)) of value (\(Decision.percent(unit / max(v, 1e-9))))"
                    + (over ? ": more than it is worth" : ", above the affordable \(Decision.percent(share))")
                    + "; the decision gives \(named(d.preferred)) at \(cx.costs.money(Double(size) * better))\(team)."
                return Hit(cx.cohortPath(i).key("model"), text, severity: over ? .error : .warning)
            }
        },
        LintRule(
            "JM023", .warning, "HVC on a cohort that is not a top cohort",
            reason: Mistake.hvcTopCohort,
            fix: "Keep HVC for the cohort where a small share of customers holds a large share of value; serve the others by the model `journeyman recommend` gives."
        ) { cx in
            // Judged only where the data can tell: the cohort's size and value, against at least one other cohort's.
            let known = cx.journey.cohorts.filter { $0.size != nil && $0.valuePerUser != nil }.count
            return cx.journey.cohorts.enumerated().compactMap { i, c in
                let d = cx.decision.cohorts[i]
                guard cx.base(c.model) == "hvc", !d.top || d.preferred.model != "hvc",
                      c.size != nil, c.valuePerUser != nil, known >= 2 else { return nil }
                let detail: String
                if d.top {
                    detail = "though a top cohort, its level and value call for \(cx.journey.modelName(d.preferred.model)) (HVC must be affordable and for customers who have bought)"
                } else {
                    detail = "it is not a small share of the customers holding a large share of the value (at most \(CostModel.grouped(cx.journey.threshold("hvcMaxCustomerShare")))% of the customers, at least \(CostModel.grouped(cx.journey.threshold("hvcMinValueShare")))% of the value and \(CostModel.grouped(cx.journey.threshold("hvcMinValueMultiple"))) times its share of customers)"
                }
                return Hit(cx.cohortPath(i).key("model"), "Cohort \(cx.quoted(c.name)) is managed as HVC, but \(detail).")
            }
        },
        LintRule(
            "JM026", .warning, "Human-led model on a cohort that has not bought yet (Unaware or Aware)",
            reason: Mistake.level,
            fix: "Qualify Unaware and Aware cohorts by automation (behaviour-triggered flows); keep people for Active customers who stall and Invested customers who go quiet."
        ) { cx in
            cx.journey.cohorts.enumerated().compactMap { i, c in
                guard let level = c.level, level == .unaware || level == .aware, cx.isHumanLed(c.model),
                      !["high-touch", "hvc"].contains(cx.decision.cohorts[i].chosen.model) else { return nil }
                return Hit(cx.cohortPath(i).key("model"), "Cohort \(cx.quoted(c.name)) is \(level.title) but \(cx.journey.modelName(c.model!)): a person spent on customers who have not bought yet; the decision gives \(cx.journey.modelName(cx.decision.cohorts[i].chosen.model)).")
            }
        },
        LintRule(
            "JM010", .error, "AI-augmented used as a standalone model",
            reason: Mistake.aiLayer,
            fix: "Choose the model the AI supports (e.g. tech-touch or hybrid) and list ai-augmented under \"layers\"."
        ) { cx in
            var hits: [Hit] = []
            for (i, c) in cx.journey.cohorts.enumerated() where cx.base(c.model) == "ai-augmented" {
                hits.append(Hit(cx.cohortPath(i).key("model"), "Cohort \(cx.quoted(c.name)) has ai-augmented as its model; AI is a layer over another model."))
            }
            for (s, j, t) in cx.touchpoints where cx.base(t.model) == "ai-augmented" {
                hits.append(Hit(cx.touchpointPath(s, j).key("model"), "Touchpoint \(cx.quoted(t.name)) has ai-augmented as its model; AI is a layer over another model."))
            }
            return hits
        },
        LintRule(
            "JM011", .warning, "HVC or high-touch cohort with no human escalation",
            reason: Mistake.humanEscalation,
            fix: "Give at least one touchpoint that reaches the cohort an escalation (when a person steps in), or a phone or sales/CSM call touchpoint."
        ) { cx in
            // One pass over the touchpoints: which cohorts a person reaches (nil: every cohort).
            var reached: Set<String>? = []
            for (_, _, t) in cx.touchpoints where !t.escalation.isEmpty || ["phone", "sales-call"].contains(t.channel ?? "") {
                if t.cohorts.isEmpty { reached = nil; break }
                reached?.formUnion(t.cohorts)
            }
            return cx.journey.cohorts.enumerated().compactMap { i, c in
                guard cx.isHumanLed(c.model), let reached, !reached.contains(c.id) else { return nil }
                return Hit(cx.cohortPath(i), "Cohort \(cx.quoted(c.name)) is \(cx.journey.modelName(c.model!)), yet no touchpoint reaching it ever escalates to a person.")
            }
        },
        LintRule(
            "JM012", .warning, "Tech-touch or low-touch on a configured, high-complexity cohort",
            reason: Mistake.needBeforeSpend,
            fix: "Move the cohort to hybrid (a person at onboarding and at the moments that matter) or high-touch if its value allows."
        ) { cx in
            cx.journey.cohorts.enumerated().compactMap { i, c in
                guard cx.isAutomated(c.model), c.complexity == .high, c.service == .configured,
                      ["hybrid", "high-touch", "hvc"].contains(cx.decision.cohorts[i].chosen.model) else { return nil }
                return Hit(cx.cohortPath(i).key("model"),
                           "Cohort \(cx.quoted(c.name)) needs the product configured and finds it complex, but gets \(cx.journey.modelName(c.model!)) only; the decision gives \(cx.journey.modelName(cx.decision.cohorts[i].chosen.model)).")
            }
        },
        LintRule(
            "JM018", .warning, "One cohort given two postures in one stage with no routing rule",
            reason: Mistake.inconsistency,
            fix: "Write the routing rule that decides who gets the person (a signal, a condition, an action) on the cohort, or pick one model for it in this stage."
        ) { cx in
            // A blend is not a conflict: automation around a human-led cohort (a confirmation email for
            // private clients) is support. A conflict is a cohort whose own model is not human-led getting a
            // human-led and an automated touchpoint in one stage, naming it, with no routing rule on the
            // cohort and no escalation on the human touchpoint. Hybrid cohorts are routed by JM028.
            var hits: [Hit] = []
            let open = Set(cx.journey.cohorts.filter { c in
                c.routing.isEmpty && !cx.isHumanLed(c.model) && cx.base(c.model) != "hybrid"
            }.map(\.id))
            for (i, stage) in cx.journey.stages.enumerated() {
                var human: [String: Int] = [:], automated: [String: Int] = [:]
                for (j, t) in stage.touchpoints.enumerated() where t.model != nil {
                    let isHuman = cx.isHumanLed(t.model) && t.escalation.isEmpty, isAuto = !cx.isHumanLed(t.model) && cx.isAutomated(t.model)
                    guard isHuman || isAuto else { continue }
                    for c in t.cohorts where open.contains(c) {
                        if isHuman { if human[c] == nil { human[c] = j } } else if automated[c] == nil { automated[c] = j }
                    }
                }
                for c in cx.journey.cohorts {
                    guard let h = human[c.id], let a = automated[c.id] else { continue }
                    let ht = stage.touchpoints[h], at = stage.touchpoints[a]
                    hits.append(Hit(cx.touchpointPath(i, max(h, a)).key("model"),
                                    "In stage \(cx.stageName(i)), cohort \(cx.quoted(c.name)) gets \(cx.journey.modelName(ht.model!)) (\(cx.quoted(ht.name))) and \(cx.journey.modelName(at.model!)) (\(cx.quoted(at.name))), and no routing rule says who gets which."))
                }
            }
            return hits
        },
        LintRule(
            "JM019", .info, "Scheduled tech-touch message (batch-and-blast)",
            reason: Mistake.batchAndBlast,
            fix: "Fire the message on a behaviour (an event trigger) instead of a schedule, or say which behaviour the schedule stands for."
        ) { cx in
            cx.touchpoints.compactMap { s, j, t in
                guard t.trigger?.kind == .schedule, t.channel.map({ LintContext.messagingChannels.contains($0) }) ?? true else { return nil }
                let model = t.model ?? (t.cohorts.count == 1 ? cx.journey.cohorts.first { $0.id == t.cohorts[0] }?.model : nil)
                guard cx.base(model) == "tech-touch" else { return nil }
                return Hit(cx.touchpointPath(s, j).key("trigger"), "Touchpoint \(cx.quoted(t.name)) is automated and sent on a schedule, not on what the customer does.")
            }
        },
        LintRule(
            "JM020", .info, "Cohort without an engagement model",
            reason: Mistake.modelUnassigned,
            fix: "Assign a model to the cohort (see `journeyman recommend`)."
        ) { cx in
            cx.journey.cohorts.enumerated().compactMap { i, c in
                c.model == nil ? Hit(cx.cohortPath(i), "Cohort \(cx.quoted(c.name)) has no engagement model.") : nil
            }
        },
    ]
}
