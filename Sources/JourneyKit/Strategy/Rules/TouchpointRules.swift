/// Rules about single touchpoints: each needs a channel, a trigger and an owner.
/// Retired touchpoints are left alone.
extension LintRule {
    static let touchpointRules: [LintRule] = [
        LintRule(
            "JM013", .warning, "Touchpoint without a channel",
            reason: Mistake.inconsistency,
            fix: "Set \"channel\" to where the customer meets it (email, push, in-app, phone, ...; see `journeyman models`)."
        ) { cx in
            cx.touchpoints.compactMap { s, j, t in
                t.status != .retired && t.channel == nil ? Hit(cx.touchpointPath(s, j), "Touchpoint \(cx.quoted(t.name)) has no channel.") : nil
            }
        },
        LintRule(
            "JM014", .warning, "Touchpoint without a trigger",
            reason: Mistake.lowTouchEffort,
            fix: "Set \"trigger\": the behaviour or event that fires it (best), a schedule, or manual."
        ) { cx in
            cx.touchpoints.compactMap { s, j, t in
                t.status != .retired && t.trigger == nil ? Hit(cx.touchpointPath(s, j), "Touchpoint \(cx.quoted(t.name)) has no trigger: nothing says when it happens.") : nil
            }
        },
        LintRule(
            "JM015", .warning, "Touchpoint without an owner",
            reason: Mistake.lowTouchEffort,
            fix: "Set \"owner\" to the team or person who keeps the touchpoint working."
        ) { cx in
            cx.touchpoints.compactMap { s, j, t in
                t.status != .retired && t.owner.isEmpty ? Hit(cx.touchpointPath(s, j), "Touchpoint \(cx.quoted(t.name)) has no owner.") : nil
            }
        },
    ]
}
