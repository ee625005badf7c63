import JourneyKit

/// Reuse and bulk edits on the board: duplicate, yank and paste, marks (Space, V), the
/// bulk form (B) and bulk delete. Each change is one undo step.
extension Editor {
    /// Copies of touchpoints with ids (their own and their KPIs') not in `taken`, which grows.
    static func copies(_ ts: [Touchpoint], suffix: String, taken: inout Set<String>) -> [Touchpoint] {
        ts.map { t in
            var c = t
            c.name = t.name + suffix
            c.id = Slug.unique(from: c.name, fallback: "touchpoint", taken: taken)
            taken.insert(c.id)
            for k in c.kpis.indices {
                c.kpis[k].id = Slug.unique(from: c.kpis[k].name, fallback: "kpi", taken: taken)
                taken.insert(c.kpis[k].id)
            }
            return c
        }
    }

    /// D: a copy of the selected card after it, or of the stage (with its cards) after it.
    static func duplicate(_ s: inout EditorState) {
        guard let stage = s.selectedStage else { return }
        let si = s.selection.stage
        var taken = s.journey.allIDs
        if let t = s.selectedTouchpoint {
            let copy = copies([t], suffix: " (copy)", taken: &taken)[0]
            let at = s.selection.card + 1
            edit(&s, "duplicate '\(t.name)'") { $0.stages[si].touchpoints.insert(copy, at: at) }
            s.selection.card = at
            s.message = Message("Duplicated '\(t.name)' (r renames it, u undoes)")
        } else {
            var copy = stage
            copy.name = stage.name + " (copy)"
            copy.earnsValue = false   // the forecast earns value at one stage
            copy.id = Slug.unique(from: copy.name, fallback: "stage", taken: taken)
            taken.insert(copy.id)
            for k in copy.kpis.indices {
                copy.kpis[k].id = Slug.unique(from: copy.kpis[k].name, fallback: "kpi", taken: taken)
                taken.insert(copy.kpis[k].id)
            }
            copy.touchpoints = copies(stage.touchpoints, suffix: "", taken: &taken)
            edit(&s, "duplicate stage '\(stage.name)'") { $0.stages.insert(copy, at: si + 1) }
            s.selection = Selection(stage: si + 1, card: -1)
            s.message = Message("Duplicated stage '\(stage.name)' with its \(DetailPane.plural(stage.touchpoints.count, "touchpoint")) (u undoes)"
                                + frameworkNote(s))
        }
        clampSelection(&s)
        ensureVisible(&s)
    }

    /// The marked touchpoints in board order, or the selected one when none is marked.
    static func chosenCards(_ s: EditorState) -> [Touchpoint] {
        if s.marked.isEmpty { return s.selectedTouchpoint.map { [$0] } ?? [] }
        return s.journey.stages.flatMap { $0.touchpoints.filter { s.marked.contains($0.id) } }
    }

    /// y: copies the marked cards (or the selected one) for P.
    static func yank(_ s: inout EditorState) {
        let cards = chosenCards(s)
        guard !cards.isEmpty else { return }
        s.clipboard = cards
        s.message = Message("Yanked \(cards.count == 1 ? "'\(cards[0].name)'" : "\(cards.count) cards"): P pastes after the selected card")
    }

    /// P: pastes copies of the yanked cards after the selected card (on a header: at the end of the stage).
    static func paste(_ s: inout EditorState) {
        guard let stage = s.selectedStage, !s.clipboard.isEmpty else { return }
        let si = s.selection.stage
        var taken = s.journey.allIDs
        let pasted = copies(s.clipboard, suffix: "", taken: &taken)
        let at = s.selection.isHeader ? stage.touchpoints.count : s.selection.card + 1
        edit(&s, "paste \(pasted.count == 1 ? "'\(pasted[0].name)'" : "\(pasted.count) cards") into \(stage.name)") {
            $0.stages[si].touchpoints.insert(contentsOf: pasted, at: at)
        }
        s.selection = Selection(stage: si, card: at)
        s.message = Message("Pasted \(pasted.count == 1 ? "'\(pasted[0].name)'" : "\(pasted.count) cards") into \(stage.name) (u undoes)")
        clampSelection(&s)
        ensureVisible(&s)
    }

    /// Space: marks or unmarks the selected card; it is the anchor of the next range (V).
    static func toggleMark(_ s: inout EditorState) {
        guard let t = s.selectedTouchpoint else { return }
        if s.marked.contains(t.id) { s.marked.remove(t.id) } else { s.marked.insert(t.id) }
        s.markAnchor = t.id
        markedMessage(&s)
    }

    /// V: marks every card from the anchor (the last card Space marked) to the selected one, in board order.
    static func markRange(_ s: inout EditorState) {
        guard let t = s.selectedTouchpoint else { return }
        let order = s.journey.stages.flatMap { $0.touchpoints.map(\.id) }
        guard let to = order.firstIndex(of: t.id) else { return }
        let from = s.markAnchor.flatMap { order.firstIndex(of: $0) } ?? to
        for id in order[min(from, to)...max(from, to)] { s.marked.insert(id) }
        s.markAnchor = t.id
        markedMessage(&s)
    }

    static func markedMessage(_ s: inout EditorState) {
        s.message = Message(s.marked.isEmpty ? "No cards marked"
            : "\(s.marked.count) marked: B sets owner, model, status, cohorts; d deletes; y yanks; Esc unmarks")
    }

    /// B: the bulk form for the marked cards: what is changed is set on all of them.
    static func bulkForm(_ s: inout EditorState) {
        let cards = chosenCards(s)
        guard !cards.isEmpty else { return }
        func common<T: Equatable>(_ value: (Touchpoint) -> T, _ none: T) -> T {
            let first = value(cards[0])
            return cards.allSatisfy { value($0) == first } ? first : none
        }
        let cohorts = cards.dropFirst().reduce(cards[0].cohorts) { acc, t in acc.filter(t.cohorts.contains) }
        s.overlays.append(.form(Form("Set on \(DetailPane.plural(cards.count, "card")) (what you change)", [
            Forms.text(.owner, "Owner", common(\.owner, "")),
            Forms.choice(.model, "Model", .model, common(\.model, nil)),
            Forms.choice(.status, "Status", .status, common({ $0.status?.rawValue }, nil)),
            FormField(.cohorts, "Cohorts (add/remove)", .multiChoice(.cohorts), .multi(cohorts)),
        ], target: .bulk(ids: cards.map(\.id)))))
    }

    /// Applies the bulk form: each changed field on every card, as one edit.
    static func applyBulk(_ s: inout EditorState, _ form: Form, ids: [String]) {
        close(&s)
        let changed = form.fields.filter { form.initial[$0.key] != $0.value.content }
        guard !changed.isEmpty else { return }
        let values = FormValues(form: form)
        let before: [String] = { if case .multi(let c)? = form.initial[.cohorts] { c } else { [] } }()
        let after = values.multi(.cohorts) ?? before
        let ids = Set(ids)
        edit(&s, "set \(changed.map { $0.label.lowercased() }.joined(separator: ", ")) on \(DetailPane.plural(ids.count, "card"))") { j in
            for si in j.stages.indices {
                for ti in j.stages[si].touchpoints.indices where ids.contains(j.stages[si].touchpoints[ti].id) {
                    var t = j.stages[si].touchpoints[ti]
                    for field in changed {
                        switch field.key {
                        case .owner: t.owner = (values.text(.owner) ?? "").trimmingCharacters(in: .whitespaces)
                        case .model: t.model = values.choice(.model) ?? nil
                        case .status: t.status = (values.choice(.status) ?? nil).flatMap(TouchpointStatus.init(rawValue:))
                        case .cohorts:
                            t.cohorts = t.cohorts.filter { !before.contains($0) || after.contains($0) }
                                + after.filter { !t.cohorts.contains($0) }
                        default: break
                        }
                    }
                    j.stages[si].touchpoints[ti] = t
                }
            }
        }
        s.message = Message("Set \(changed.map { $0.label.lowercased() }.joined(separator: ", ")) on \(DetailPane.plural(ids.count, "card")) (u undoes)")
    }

    /// d with cards marked: asks, then deletes them all as one edit.
    static func deleteMarked(_ s: inout EditorState) {
        let ids = s.marked
        edit(&s, "delete \(DetailPane.plural(ids.count, "card"))") { j in
            for si in j.stages.indices { j.stages[si].touchpoints.removeAll { ids.contains($0.id) } }
        }
        s.marked = []
        s.markAnchor = nil
        s.message = Message("Deleted \(DetailPane.plural(ids.count, "card")) (u undoes)")
    }
}
