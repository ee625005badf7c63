import JourneyKit

extension Editor {
    /// n / N: selects the next (or previous) touchpoint matching the last search,
    /// starting after the selection and wrapping around.
    static func searchAgain(_ s: inout EditorState, forward: Bool) {
        let q = s.searchQuery.lowercased()
        guard !q.isEmpty else { return }
        s.panel = .board
        let stages = s.journey.stages
        guard !stages.isEmpty else { return }
        let n = stages.count
        var si = s.selection.stage, ti = s.selection.card
        let total = stages.reduce(0) { $0 + $1.touchpoints.count }
        for _ in 0..<total {
            var hops = 0
            if forward {
                ti += 1
                while ti >= stages[si].touchpoints.count && hops <= n {
                    si = (si + 1) % n
                    ti = 0
                    hops += 1
                }
            } else {
                ti -= 1
                while ti < 0 && hops <= n {
                    si = (si - 1 + n) % n
                    ti = stages[si].touchpoints.count - 1
                    hops += 1
                }
            }
            if matches(stages[si].touchpoints[ti], q, s.journey), s.shownCards(si).contains(ti) {
                s.selection = Selection(stage: si, card: ti)
                ensureVisible(&s)
                let (k, count) = rank(of: (si, ti), q, s.journey)
                s.message = Message("/\(s.searchQuery): \(stages[si].name) › \(stages[si].touchpoints[ti].name) (match \(k) of \(count))")
                return
            }
        }
        s.message = Message("No touchpoint matches '\(s.searchQuery)'", isError: true)
    }

    /// The position (from 1, in board order) of the match at `at` among all matches, and how many there are.
    static func rank(of at: (Int, Int), _ q: String, _ journey: Journey) -> (Int, Int) {
        var k = 0, count = 0
        for (si, stage) in journey.stages.enumerated() {
            for (ti, t) in stage.touchpoints.enumerated() where matches(t, q, journey) {
                count += 1
                if (si, ti) == at { k = count }
            }
        }
        return (k, count)
    }

    /// True when any text field of the touchpoint contains the query (lower case).
    static func matches(_ t: Touchpoint, _ q: String, _ journey: Journey) -> Bool { matchingField(t, q, journey) != nil }

    /// The first field of the touchpoint whose text contains the query (lower case), by name:
    /// name, channel, model, owner, content, notes, trigger detail, escalation, a KPI, a cohort.
    static func matchingField(_ t: Touchpoint, _ q: String, _ journey: Journey) -> String? {
        func has(_ text: String) -> Bool { text.lowercased().contains(q) }
        if has(t.name) { return "name" }
        if let c = t.channel, has(c) || has(Choices.label(c, .channel, in: journey)) { return "channel" }
        if let m = t.model, has(m) || has(Choices.label(m, .model, in: journey)) { return "model" }
        if has(t.owner) { return "owner" }
        if has(t.content) { return "content" }
        if has(t.notes) { return "notes" }
        if let d = t.trigger?.detail, has(d) { return "trigger detail" }
        if has(t.escalation) { return "escalation" }
        if let k = t.kpis.first(where: { has($0.name) }) { return "KPI " + k.name }
        if let c = t.cohorts.first(where: { has($0) || has(Choices.label($0, .cohorts, in: journey)) }) { return "cohort " + Choices.label(c, .cohorts, in: journey) }
        if let p = t.painPoints.first(where: has) { return "pain point " + p }
        return nil
    }
}
