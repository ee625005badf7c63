/// Rules about the lint configuration itself.
extension LintRule {
    static let hygieneRules: [LintRule] = [
        LintRule(
            "JM021", .warning, "Suppression of an unknown rule",
            reason: Mistake.suppression,
            fix: "Use a rule id from `journeyman lint --rules`, or remove the suppression."
        ) { cx in
            let known = Set(LintRule.all.map(\.id))
            var places: [(JSONPath, [Suppression])] = [(.root, cx.journey.suppress)]
            for (i, s) in cx.journey.stages.enumerated() {
                places.append((cx.stagePath(i), s.suppress))
                for (j, t) in s.touchpoints.enumerated() { places.append((cx.touchpointPath(i, j), t.suppress)) }
            }
            for (i, c) in cx.journey.cohorts.enumerated() { places.append((cx.cohortPath(i), c.suppress)) }
            return places.flatMap { path, list in
                list.enumerated().compactMap { k, s in
                    known.contains(s.rule) ? nil : Hit(path.key("suppress").index(k).key("rule"), "The suppression names \(cx.quoted(s.rule)), which is not a lint rule.")
                }
            }
        },
    ]
}
