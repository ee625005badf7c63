import JourneyKit

/// Copies a form's fields into the item it edits; fields the form lacks stay as they were.
extension FormValues {
    func apply(to t: inout Touchpoint) throws(FormProblem) {
        if let v = try name() { t.name = v }
        if let v = choice(.channel) { t.channel = v }
        if let kind = enumValue(.triggerKind, TriggerKind.self) {
            let detail = text(.triggerDetail) ?? t.trigger?.detail ?? ""
            if let kind {
                t.trigger = Trigger(kind: kind, detail: detail)
            } else if !detail.isEmpty {
                throw FormProblem(field: index(.triggerKind)!, message: "Choose a trigger kind for the trigger detail (or clear the detail)")
            } else {
                t.trigger = nil
            }
        }
        if let v = choice(.model) { t.model = v }
        if let v = multi(.layers) { t.layers = v }
        if let v = multi(.cohorts) { t.cohorts = v }
        if let v = text(.owner) { t.owner = v }
        if let v = text(.content) { t.content = v }
        if let v = text(.escalation) { t.escalation = v }
        if let v = enumValue(.status, TouchpointStatus.self) { t.status = v }
        if let v = enumValue(.evidence, Evidence.self) { t.evidence = v }
        if let v = kpis() { t.kpis = v }
        if let v = text(.notes) { t.notes = v }
        try applyFormat3(to: &t)
    }

    func apply(to st: inout Stage) throws(FormProblem) {
        if let v = try name() { st.name = v }
        if let v = text(.goal) { st.goal = v }
        if let v = enumValue(.level, CustomerLevel.self) { st.level = v }
        if let v = try number(.dropOff, range: 0...100) { st.dropOff = v }
        if let v = kpis() { st.kpis = v }
        if let v = toggle(.earnsValue) { st.earnsValue = v }
    }

    /// The forecast earns value at one stage: marking a second one is refused (the decoder
    /// reads several, and the forecast takes the first).
    func checkValueStage(_ st: Stage, was: Bool, in journey: Journey) throws(FormProblem) {
        guard st.earnsValue, !was, let i = index(.earnsValue),
              let other = journey.stages.first(where: { $0.earnsValue && $0.id != st.id }) else { return }
        throw FormProblem(field: i, message: "Value is earned at '\(other.name)' already: unmark it there first (the forecast earns value at one stage)")
    }

    func apply(to c: inout Cohort) throws(FormProblem) {
        if let v = try name() { c.name = v }
        if let v = text(.description) { c.description = v }
        if let v = try integer(.size) { c.size = v }
        if let v = try number(.valuePerUser, range: 0...Double.greatestFiniteMagnitude) { c.valuePerUser = v }
        if let v = enumValue(.complexity, Rating.self) { c.complexity = v }
        if let v = enumValue(.service, ServiceMode.self) { c.service = v }
        if let v = enumValue(.level, CustomerLevel.self) { c.level = v }
        if let v = choice(.model) { c.model = v }
        if let v = multi(.layers) { c.layers = v }
        try applyFormat3(to: &c)
    }

    func apply(to m: inout CustomModel) throws(FormProblem) {
        if let v = try name() { m.name = v }
        if let v = text(.description) { m.description = v }
        if let v = choice(.basedOn) { m.basedOn = v }
        if let v = choice(.preset) {
            m.preset = v
            // A preset says which built-in model it is closest to, unless the form says otherwise.
            if m.basedOn == nil, let preset = v.flatMap(ModelPreset.named) { m.basedOn = preset.basedOn }
        }
    }

    func apply(to j: inout Journey) throws(FormProblem) {
        if let v = try name(.title) { j.title = v }
        if let v = text(.description) { j.description = v }
        if let v = text(.owner) { j.owner = v }
        if let v = try date(.lastReviewed) { j.lastReviewed = v }
        if let v = kpis() { j.kpis = v }
        if let v = healthScore() { j.healthScore = v }
        if let people = try number(.capacity, range: Team.peopleRange), let budget = try number(.budget, range: Team.budgetRange) {
            var team = j.team ?? Team()
            team.people = people
            team.budget = budget
            if has(.hoursPerPerson) { team.hoursPerPerson = try Editor.amount(self, .hoursPerPerson, max: Team.hoursPerPersonRange.upperBound) }
            j.team = team == Team() ? nil : team
        }
    }

    func apply(to k: inout KPI) throws(FormProblem) {
        if let v = try name() { k.name = v }
        if let v = enumValue(.kind, KPIKind.self), let v { k.kind = v }
        if let v = toggle(.health) { k.health = v }
        if let v = try number(.target) { k.target = v }
        if let v = text(.unit) { k.unit = v }
    }
}
