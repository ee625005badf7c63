/// Rules about which engagement model serves which cohort.
extension LintRule {
    static let modelRules: [LintRule] = [
        LintRule(
            "JM001", .error, "High-touch assigned to every cohort",
            reason: Mistake.highTouchEveryone,
            fix: "Keep high-touch for the cohorts whose value or complexity justifies a person; move the others to hybrid, low-touch or tech-touch (see `journeyman recommend`)."
        ) { cx in
            let cohorts = cx.journey.cohorts
            guard cohorts.count >= 2, cohorts.allSatisfy({ cx.base($0.model) == "high-touch" }) else { return [] }
            return [Hit(LintContext.cohorts, "All \(cohorts.count) cohorts are high-touch: nobody was triaged.")]
        },
        LintRule(
            "JM002", .warning, "High-touch on a low-value, simple cohort",
            reason: Mistake.highTouchEveryone,
            fix: "Serve this cohort low-touch or tech-touch, with a person only on escalation; or record why its customers are worth more than their spend."
        ) { cx in
            cx.journey.cohorts.enumerated().compactMap { i, c in
                guard cx.base(c.model) == "high-touch", c.complexity == .low,
                      let band = cx.costs.valueBand(c.valuePerUser), band == .low || band == .veryLow,
                      let v = c.valuePerUser, let unit = cx.costs.unitCost(c.model!) else { return nil }
                return Hit(cx.cohortPath(i).key("model"),
                           "Cohort \(cx.quoted(c.name)) is high-touch, but its customers are worth \(cx.costs.money(v)) a year against \(cx.costs.money(unit)) to serve each, and the product is simple for them.")
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
                guard cx.isAutomated(c.model), c.complexity == .high, c.service == .configured else { return nil }
                return Hit(cx.cohortPath(i).key("model"),
                           "Cohort \(cx.quoted(c.name)) needs the product configured and finds it complex, but gets \(cx.journey.modelName(c.model!)) only.")
            }
        },
        LintRule(
            "JM018", .warning, "One cohort handled by conflicting models in one stage",
            reason: Mistake.inconsistency,
            fix: "Pick one model for the cohort in this stage, or make the cohort hybrid and write down the routing rule."
        ) { cx in
            var hits: [Hit] = []
            let routed = Set(cx.journey.cohorts.filter { cx.base($0.model) == "hybrid" }.map(\.id))
            for (i, stage) in cx.journey.stages.enumerated() {
                // The first human-led and the first automated touchpoint naming each cohort in this stage.
                var human: [String: Int] = [:], automated: [String: Int] = [:]
                for (j, t) in stage.touchpoints.enumerated() where t.model != nil {
                    let isHuman = cx.isHumanLed(t.model), isAuto = !isHuman && cx.isAutomated(t.model)
                    guard isHuman || isAuto else { continue }
                    for c in t.cohorts where !routed.contains(c) {
                        if isHuman { if human[c] == nil { human[c] = j } } else if automated[c] == nil { automated[c] = j }
                    }
                }
                for c in cx.journey.cohorts {
                    guard let h = human[c.id], let a = automated[c.id] else { continue }
                    let ht = stage.touchpoints[h], at = stage.touchpoints[a]
                    hits.append(Hit(cx.touchpointPath(i, max(h, a)).key("model"),
                                    "In stage \(cx.stageName(i)), cohort \(cx.quoted(c.name)) gets \(cx.journey.modelName(ht.model!)) (\(cx.quoted(ht.name))) and \(cx.journey.modelName(at.model!)) (\(cx.quoted(at.name))) with no routing between them."))
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
