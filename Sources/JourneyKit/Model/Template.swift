extension Journey {
    /// A new journey laid out on a built-in framework: its stages in order, with the
    /// levels they usually serve, and its loop edges (the McKinsey loyalty loop).
    public static func template(_ framework: Framework, title: String? = nil) -> Journey {
        var j = Journey(title: title ?? (framework.name.hasSuffix("Journey") ? framework.name : "\(framework.name) journey"), framework: FrameworkRef(id: framework.id))
        for name in framework.stages {
            j.stages.append(Stage(id: j.newID(for: name, fallback: "stage"), name: name, level: Journey.typicalLevel(framework.id, name)))
        }
        for edge in framework.loops {
            let from = j.stages[edge.from].id, to = j.stages[edge.to].id
            j.loops.append(LoopEdge(id: j.newID(for: edge.label, fallback: "loop"), from: from, to: to, label: edge.label))
        }
        return j
    }

    /// A new journey on the team's own framework with these stage names; blank names are
    /// skipped, as the reader refuses them (`FieldRules.isBlank`).
    public static func customTemplate(name: String, stages: [String], title: String? = nil) -> Journey {
        let id = Slug.make(from: name, fallback: "custom")
        var j = Journey(title: title ?? "\(name) journey", framework: FrameworkRef(id: Framework.named(id) == nil ? id : id + "-custom", name: name, custom: true))
        for stageName in stages where !FieldRules.isBlank(stageName) {
            j.stages.append(Stage(id: j.newID(for: stageName, fallback: "stage"), name: stageName))
        }
        return j
    }

    /// The customer level a built-in stage usually serves.
    public static func typicalLevel(_ framework: String, _ stage: String) -> CustomerLevel? {
        switch (framework, stage) {
        // Before the first purchase or sign-up customers are Aware; the stages right after it serve the Active level.
        case ("aarrr", "Acquisition"), ("race", "Reach"), ("race", "Act"), ("race", "Convert"),
             ("aida", "Attention"), ("aida", "Interest"), ("aida", "Desire"), ("aida", "Action"), ("laer", "Land"),
             ("mckinsey-cdj", "Initial consideration"), ("mckinsey-cdj", "Active evaluation"), ("mckinsey-cdj", "Purchase"): .aware
        case ("aarrr", "Activation"), ("laer", "Adopt"): .active
        case ("aarrr", "Retention"), ("aarrr", "Revenue"), ("race", "Engage"), ("laer", "Expand"), ("laer", "Renew"),
             ("mckinsey-cdj", "Post-purchase experience"): .invested
        case ("aarrr", "Referral"): .advocate
        default: nil
        }
    }
}
