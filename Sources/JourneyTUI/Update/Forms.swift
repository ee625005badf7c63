import JourneyKit

/// The forms for every kind of item, filled with the item's current values.
public enum Forms {
    static func text(_ key: FieldKey, _ label: String, _ value: String, long: Bool = false) -> FormField {
        FormField(key, label, long ? .longText : .text, .text(TextInput(value)))
    }

    static func number(_ key: FieldKey, _ label: String, _ value: Double?) -> FormField {
        FormField(key, label, .number, .text(TextInput(value.map(formatNumber) ?? "")))
    }

    static func choice(_ key: FieldKey, _ label: String, _ source: ChoiceSource, _ value: String?) -> FormField {
        FormField(key, label, .choice(source, optional: true), .choice(value))
    }

    /// A number as a person writes it: `12`, `12.5`.
    public static func formatNumber(_ d: Double) -> String {
        if d == d.rounded(), abs(d) <= 1e15 { return String(Int(d)) }
        return String(d)
    }

    public static func touchpoint(_ t: Touchpoint?, in journey: Journey, target: FormTarget) -> Form {
        let t = t ?? Touchpoint(id: "", name: "")
        return Form(t.id.isEmpty ? "New touchpoint" : "Touchpoint", [
            text(.name, "Name", t.name),
            choice(.channel, "Channel", .channel, t.channel),
            choice(.triggerKind, "Trigger", .triggerKind, t.trigger?.kind.rawValue),
            text(.triggerDetail, "Trigger detail", t.trigger?.detail ?? ""),
            choice(.model, "Model", .model, t.model),
            FormField(.layers, "Layers", .multiChoice(.layers), .multi(t.layers)),
            FormField(.cohorts, "Cohorts", .multiChoice(.cohorts), .multi(t.cohorts)),
            text(.owner, "Owner", t.owner),
            text(.content, "Content", t.content, long: true),
            text(.escalation, "Escalation", t.escalation),
            choice(.status, "Status", .status, t.status?.rawValue),
            choice(.evidence, "Evidence", .evidence, t.evidence?.rawValue),
            FormField(.sentiment, "Sentiment (1-5)", .integer, .text(TextInput(t.sentiment.map(String.init) ?? ""))),
            list(.painPoints, "Pain points", .painPoints, t.painPoints.map(ListItem.text)),
            list(.dataCapture, "Data capture", .dataCapture, t.dataCapture.map(ListItem.dataCapture)),
            FormField(.loyaltyProgramme, "Loyalty programme", .toggle, .toggle(t.loyaltyProgramme)),
            FormField(.kpis, "KPIs", .kpis, .kpis(t.kpis)),
            text(.notes, "Notes", t.notes, long: true),
        ], target: target)
    }

    public static func stage(_ st: Stage?, target: FormTarget) -> Form {
        let st = st ?? Stage(id: "", name: "")
        return Form(st.id.isEmpty ? "New stage" : "Stage", [
            text(.name, "Name", st.name),
            text(.goal, "Goal", st.goal, long: true),
            choice(.level, "Customer level", .level, st.level?.rawValue),
            number(.dropOff, "Drop-off %", st.dropOff),
            FormField(.kpis, "KPIs", .kpis, .kpis(st.kpis)),
            FormField(.earnsValue, "Value is earned here (forecast)", .toggle, .toggle(st.earnsValue)),
        ], target: target)
    }

    public static func cohort(_ c: Cohort?, in journey: Journey, target: FormTarget) -> Form {
        let c = c ?? Cohort(id: "", name: "")
        return Form(c.id.isEmpty ? "New cohort" : "Cohort", [
            text(.name, "Name", c.name),
            text(.description, "Description", c.description, long: true),
            FormField(.size, "Size (customers)", .integer, .text(TextInput(c.size.map(String.init) ?? ""))),
            number(.valuePerUser, "Value per user / year", c.valuePerUser),
            choice(.complexity, "Product complexity", .rating, c.complexity?.rawValue),
            choice(.service, "Service", .serviceMode, c.service?.rawValue),
            choice(.level, "Customer level", .level, c.level?.rawValue),
            choice(.model, "Model", .model, c.model),
            FormField(.layers, "Layers", .multiChoice(.layers), .multi(c.layers)),
            text(.owner, "Owner (host, manager)", c.owner),
            FormField(.inflowPerYear, "New customers / year", .integer, .text(TextInput(c.inflowPerYear.map(String.init) ?? ""))),
            list(.dropOff, "Drop-off overrides", .dropOff, c.dropOffItems(in: journey)),
            list(.routing, "Routing rules", .routing, c.routing.map(ListItem.routing)),
            FormField(.healthScore, "Health score", .healthScore, .healthScore(c.healthScore)),
        ], target: target)
    }

    public static func model(_ m: CustomModel?, target: FormTarget) -> Form {
        let m = m ?? CustomModel(id: "", name: "")
        return Form(m.id.isEmpty ? "New engagement model" : "Engagement model", [
            text(.name, "Name", m.name),
            text(.description, "Description", m.description, long: true),
            choice(.basedOn, "Based on", .builtInModel, m.basedOn),
            choice(.preset, "Preset", .preset, m.preset),
        ] + (m.id.isEmpty ? [FormField(.suggestKPIs, "Add its key metrics as KPIs", .toggle, .toggle(true))] : []), target: target)
    }

    public static func journey(_ j: Journey) -> Form {
        Form("Journey properties", [
            text(.title, "Title", j.title),
            text(.description, "Description", j.description, long: true),
            text(.owner, "Owner", j.owner),
            FormField(.lastReviewed, "Last reviewed", .date, .text(TextInput(j.lastReviewed ?? ""))),
            FormField(.kpis, "Journey KPIs", .kpis, .kpis(j.kpis)),
            number(.capacity, "Team (people)", j.team?.people),
            number(.hoursPerPerson, "Hours a year per person (default \(CostModel.grouped(j.threshold("defaultHoursPerPerson"))))", j.team?.hoursPerPerson),
            number(.budget, "Budget a year", j.team?.budget),
            FormField(.healthScore, "Health score", .healthScore, .healthScore(j.healthScore)),
        ], target: .journey)
    }

    public static func kpi(_ k: KPI?, index: Int?) -> Form {
        let k = k ?? KPI(id: "", name: "", kind: .outcome)
        return Form(index == nil ? "New KPI" : "KPI", [
            text(.name, "Name", k.name),
            FormField(.kind, "Kind", .choice(.kpiKind, optional: false), .choice(k.kind.rawValue)),
            FormField(.health, "Health score", .toggle, .toggle(k.health)),
            number(.target, "Target", k.target),
            text(.unit, "Unit", k.unit),
        ], target: .kpi(index: index, original: index == nil ? nil : k))
    }

    public static func loop(from: String?, in journey: Journey) -> Form {
        let fromIndex = journey.stages.firstIndex { $0.id == from } ?? 0
        let to = fromIndex > 0 ? journey.stages[fromIndex - 1].id : journey.stages.first?.id
        return Form("New loop edge", [
            FormField(.from, "From stage", .choice(.stage, optional: false), .choice(from)),
            FormField(.to, "Back to stage", .choice(.stage, optional: false), .choice(to)),
            text(.label, "Label", "Loop"),
        ], target: .newLoop)
    }

    public static func customFramework() -> Form {
        Form("Custom framework", [
            text(.name, "Framework name", ""),
            text(.stages, "Stages (comma-separated)", ""),
        ], target: .customFramework)
    }

    public static func saveAs(thenQuit: Bool) -> Form {
        Form("Save as", [text(.path, "File", "journey.json")], target: .saveAs(thenQuit: thenQuit))
    }
}
