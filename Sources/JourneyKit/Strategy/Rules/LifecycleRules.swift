import Foundation

/// Rules about the shape of the lifecycle: stages, the Active window, retention, loops, review.
extension LintRule {
    static let lifecycleRules: [LintRule] = [
        LintRule(
            "JM007", .warning, "Onboarding-to-retention window thinner than acquisition",
            reason: Mistake.activeLevel,
            fix: "Add onboarding and first-habit touchpoints to the stages serving the Active level (welcome flow, first-value nudge, an early check-in)."
        ) { cx in
            let acquisition = cx.acquisitionStages, window = cx.activeStages.filter { !cx.acquisitionStages.contains($0) }
            guard let first = window.first, !acquisition.isEmpty else { return [] }
            // Compared per stage, so a window of one stage is not judged against several acquisition stages' sum.
            let a = acquisition.reduce(0) { $0 + cx.journey.stages[$1].touchpoints.count }
            let w = window.reduce(0) { $0 + cx.journey.stages[$1].touchpoints.count }
            guard w * acquisition.count < a * window.count else { return [] }
            func perStage(_ n: Int, _ stages: Int) -> String {
                stages == 1 ? "\(n) touchpoint\(n == 1 ? "" : "s")" : "\(Double((Double(n) / Double(stages) * 10).rounded()) / 10) touchpoints a stage"
            }
            let names = window.map { cx.stageName($0) }.joined(separator: ", ")
            let acquisitionNames = acquisition.map { cx.stageName($0) }.joined(separator: ", ")
            return [Hit(cx.stagePath(first), "The onboarding-to-retention window (\(names)) has \(perStage(w, window.count)), fewer than the \(perStage(a, acquisition.count)) spent on acquisition (\(acquisitionNames)).")]
        },
        LintRule(
            "JM008", .warning, "A loyalty programme is the only retention play",
            reason: Mistake.loyaltyProgramme,
            fix: "Add retention plays that build the relationship: usage-based nudges, check-ins, win-back on early churn signals, community."
        ) { cx in
            let plays = cx.retentionStages.flatMap { i in cx.journey.stages[i].touchpoints.indices.map { (i, $0) } }
            // By structure, not by words: a touchpoint marked "loyaltyProgramme" is a loyalty or points programme.
            guard !plays.isEmpty, plays.allSatisfy({ cx.journey.stages[$0.0].touchpoints[$0.1].loyaltyProgramme }) else { return [] }
            let (i, j) = plays[0]
            return [Hit(cx.touchpointPath(i, j), "The only retention play\(plays.count == 1 ? " is" : "s are") a loyalty programme (\(cx.quoted(cx.journey.stages[i].touchpoints[j].name))).")]
        },
        LintRule(
            "JM009", .warning, "Model not reviewed for over 12 months, or never",
            reason: Mistake.staticModel,
            fix: "Review the cohorts and their models, then set \"lastReviewed\" to the date (YYYY-MM-DD); plan the next review within a year."
        ) { cx in
            guard let d = cx.journey.lastReviewed else {
                return [Hit(.root, "The engagement model has never been reviewed (no \"lastReviewed\" date).")]
            }
            guard let due = JourneyDate.addingYear(d), due < cx.today else { return [] }
            return [Hit(JSONPath.root.key("lastReviewed"), "The engagement model was last reviewed on \(d), more than 12 months before \(cx.today).")]
        },
        LintRule(
            "JM016", .warning, "Empty stage",
            reason: Mistake.dropOff,
            fix: "Place the touchpoints that move customers through this stage, or remove the stage if the journey does not have it."
        ) { cx in
            cx.journey.stages.enumerated().compactMap { i, s in
                s.touchpoints.isEmpty ? Hit(cx.stagePath(i), "Stage \(cx.stageName(i)) has no touchpoints.") : nil
            }
        },
        LintRule(
            "JM017", .error, "McKinsey journey without its loyalty loop",
            reason: Mistake.loop,
            fix: "Add a loop edge from the post-purchase stage back to the purchase or consideration stage (`journeyman new --framework mckinsey-cdj` includes it)."
        ) { cx in
            guard cx.journey.framework.id == "mckinsey-cdj", !cx.journey.framework.custom else { return [] }
            let order = Dictionary(cx.journey.stages.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            let hasLoop = cx.journey.loops.contains { l in
                guard let f = order[l.from], let t = order[l.to] else { return false }
                return t < f
            }
            return hasLoop ? [] : [Hit(cx.journey.loops.isEmpty ? .root : JSONPath.root.key("loops"), "This McKinsey Consumer Decision Journey has no edge back from a later stage to an earlier one: the loyalty loop is missing.")]
        },
    ]
}

extension JourneyDate {
    /// The same day one year later (`2025-02-28` for `2024-02-29`); nil when not a valid date.
    static func addingYear(_ date: String) -> String? {
        guard isValid(date), let y = Int(date.prefix(4)) else { return nil }
        var next = String(format: "%04d", y + 1) + date.dropFirst(4)
        if !isValid(next) { next = String(format: "%04d", y + 1) + "-02-28" }
        return next
    }
}
