/// Rules about single touchpoints: each needs a channel, a trigger and an owner.
/// Retired touchpoints are left alone.
extension LintRule {
    static let touchpointRules: [LintRule] = [
        missing("JM013", "Touchpoint without a channel", "has no channel.", reason: Mistake.inconsistency,
                fix: "Set \"channel\" to where the customer meets it (email, push, in-app, phone, ...; see `journeyman models`).") { $0.channel == nil },
        missing("JM014", "Touchpoint without a trigger", "has no trigger: nothing says when it happens.", reason: Mistake.lowTouchEffort,
                fix: "Set \"trigger\": the behaviour or event that fires it (best), a schedule, or manual.") { $0.trigger == nil },
        missing("JM015", "Touchpoint without an owner", "has no owner.", reason: Mistake.lowTouchEffort,
                fix: "Set \"owner\" to the team or person who keeps the touchpoint working.") { $0.owner.isEmpty },
    ]

    /// A warning for every touchpoint in use that lacks something.
    static func missing(_ id: String, _ title: String, _ what: String, reason: String, fix: String,
                        _ lacks: @escaping @Sendable (Touchpoint) -> Bool) -> LintRule {
        LintRule(id, .warning, title, reason: reason, fix: fix) { cx in
            cx.touchpoints.compactMap { s, j, t in
                t.status != .retired && lacks(t) ? Hit(cx.touchpointPath(s, j), "Touchpoint \(cx.quoted(t.name)) \(what)") : nil
            }
        }
    }
}
