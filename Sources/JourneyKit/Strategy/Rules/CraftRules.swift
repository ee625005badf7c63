/// Rules about the craft inside a model: routing, hosts, signals, the health score, data capture
/// and consistency across channels.
extension LintRule {
    static let craftRules: [LintRule] = [
        LintRule(
            "JM028", .warning, "Hybrid cohort with no routing rule",
            reason: Mistake.routing,
            fix: "Add a routing rule to the cohort: a signal, a condition and an action or owner (\"balance above 50,000 and no login for 14 days: the relationship manager calls\")."
        ) { cx in
            cx.journey.cohorts.enumerated().compactMap { i, c in
                cx.base(c.model) == "hybrid" && c.routing.isEmpty
                    ? Hit(cx.cohortPath(i), "Cohort \(cx.quoted(c.name)) is hybrid but has no routing rule: nothing says who gets a person, and when.") : nil
            }
        },
        LintRule(
            "JM029", .warning, "Community-led cohort with no host or moderation owner",
            reason: Mistake.communityHost,
            fix: "Set the cohort's \"owner\" to the person or team who hosts and moderates the community."
        ) { cx in
            cx.journey.cohorts.enumerated().compactMap { i, c in
                cx.base(c.model) == "community" && c.owner.isEmpty
                    ? Hit(cx.cohortPath(i), "Cohort \(cx.quoted(c.name)) is community-led but has no owner: nobody hosts or moderates it.") : nil
            }
        },
        LintRule(
            "JM030", .warning, "HVC cohort with no signal to watch",
            reason: Mistake.hvcSignals,
            fix: "Give the cohort a routing rule with the signal that calls for a person (a drop in balance, no login for 14 days), or a health score."
        ) { cx in
            cx.journey.cohorts.enumerated().compactMap { i, c in
                guard cx.base(c.model) == "hvc", !c.routing.contains(where: { !$0.signal.isEmpty }),
                      c.healthScore == nil, cx.journey.healthScore == nil else { return nil }
                return Hit(cx.cohortPath(i), "Cohort \(cx.quoted(c.name)) is managed as HVC with no signal to watch: no routing rule and no health score.")
            }
        },
        LintRule(
            "JM031", .warning, "Health score with one component, or one component outweighing the rest",
            reason: Mistake.healthNotMeasured,
            fix: "Combine several components (usage frequency, recency, depth, support friction) and weigh them so none carries more than the threshold `maxComponentWeight` (60%)."
        ) { cx in
            cx.healthScores.flatMap { path, score -> [Hit] in
                let total = score.components.reduce(0) { $0 + $1.weight }
                if score.components.count == 1 {
                    return [Hit(path.key("components"), "The health score has one component, \(cx.quoted(score.components[0].name)): that is one metric, not a health score.")]
                }
                let cap = cx.journey.threshold("maxComponentWeight")
                return score.components.enumerated().compactMap { k, comp in
                    guard total > 0, comp.weight / total * 100 > cap + 1e-9 else { return nil }
                    return Hit(path.key("components").index(k).key("weight"),
                               "Health-score component \(cx.quoted(comp.name)) carries \(Decision.percent(comp.weight / total)) of the weight, more than \(Decision.percent(cap / 100)): the score is that one metric.")
                }
            }
        },
        LintRule(
            "JM032", .warning, "At-risk or critical health band that leads nowhere",
            reason: Mistake.healthNotMeasured,
            fix: "List in the band's \"leadsTo\" the touchpoints or routing rules that act on customers in it (a save flow, a call)."
        ) { cx in
            cx.healthScores.flatMap { path, score in
                score.bands.enumerated().compactMap { k, band in
                    band.state != .healthy && band.leadsTo.isEmpty
                        ? Hit(path.key("bands").index(k), "The \(band.state.title.lowercased()) band of the health score leads nowhere: no touchpoint or routing rule acts on customers in it.") : nil
                }
            }
        },
        LintRule(
            "JM033", .info, "No touchpoint captures data in the acquisition or onboarding stages",
            reason: Mistake.dataCapture,
            fix: "Declare on the touchpoints that collect it what first- or zero-party data they capture and where it goes (\"dataCapture\": CRM, CDP)."
        ) { cx in
            let stages = Array(Set(cx.acquisitionStages + cx.activeStages)).sorted()
            let touchpoints = stages.flatMap { cx.journey.stages[$0].touchpoints }
            guard let first = stages.first(where: { !cx.journey.stages[$0].touchpoints.isEmpty }),
                  !touchpoints.contains(where: { !$0.dataCapture.isEmpty }) else { return [] }
            return [Hit(cx.stagePath(first), "No touchpoint in the acquisition or onboarding stages (\(stages.map { cx.stageName($0) }.joined(separator: ", "))) captures first- or zero-party data: nothing says who sits where.")]
        },
        LintRule(
            "JM034", .warning, "Many channels before purchase, no human or support channel after it",
            reason: Mistake.inconsistency,
            fix: "Give the cohort a support chat, phone or sales/CSM call touchpoint (or an escalation to a person) in a stage after the purchase."
        ) { cx in
            // A cohort that has bought (its level is not Unaware or Aware), reached in at least
            // `channelsBeforePurchase` distinct channels in the stages up to the first purchase or sign-up, with
            // stages after it, none of whose touchpoints reaching it is a support chat, phone or sales/CSM call
            // or escalates to a person.
            let before = cx.acquisitionStages
            guard let last = before.max(), last + 1 < cx.journey.stages.count else { return [] }
            let after = (last + 1)..<cx.journey.stages.count
            let need = cx.journey.threshold("channelsBeforePurchase")
            return cx.journey.cohorts.enumerated().compactMap { i, c in
                guard c.level != .unaware && c.level != .aware else { return nil }
                let channels = Set(before.flatMap { cx.journey.stages[$0].touchpoints.filter { $0.reaches(c.id) }.compactMap(\.channel) })
                guard Double(channels.count) >= need else { return nil }
                let served = after.contains { s in
                    cx.journey.stages[s].touchpoints.contains { t in
                        t.reaches(c.id) && (LintContext.humanChannels.contains(t.channel ?? "") || !t.escalation.isEmpty)
                    }
                }
                return served ? nil : Hit(cx.cohortPath(i), "Cohort \(cx.quoted(c.name)) is reached in \(channels.count) channels before the purchase (\(channels.sorted().joined(separator: ", "))), but after it no touchpoint offers a support chat, phone, sales/CSM call or a person.")
            }
        },
    ]
}

extension LintContext {
    /// The channels where a person answers: support chat, phone, sales/CSM call.
    static let humanChannels: Set<String> = ["support-chat", "phone", "sales-call"]

    /// Every health score with its path: the journey's, then each cohort's.
    var healthScores: [(JSONPath, HealthScore)] {
        (journey.healthScore.map { [(JSONPath.root.key("healthScore"), $0)] } ?? [])
            + journey.cohorts.enumerated().compactMap { i, c in c.healthScore.map { (cohortPath(i).key("healthScore"), $0) } }
    }
}
