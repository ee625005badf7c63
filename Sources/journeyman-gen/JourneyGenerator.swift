import JourneyKit

/// A deterministic pseudo-random source (SplitMix64), so the same seed always
/// gives the same journey on every machine.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Builds large, realistic journeys for benchmarks: a custom framework with many
/// stages, cohorts on every engagement model, KPIs, long notes and text in several
/// scripts. Everything is decided by the seed.
struct JourneyGenerator {
    var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    /// A journey with exactly `touchpoints` touchpoints.
    mutating func journey(touchpoints: Int) -> Journey {
        let stageCount = min(120, max(6, touchpoints / 1500))
        let cohortCount = min(200, max(4, touchpoints / 1000))
        let models = [
            CustomModel(id: "concierge-plus", name: "Concierge plus", description: "High-touch for the top 1% with a named advisor.", basedOn: "high-touch"),
            CustomModel(id: "guided-self-serve", name: "Guided self-serve", description: "Low-touch with a human fallback après 48 h.", basedOn: "low-touch"),
        ]
        let modelIDs = EngagementModel.catalog.filter { !$0.isLayer }.map(\.id) + models.map(\.id)
        var journey = Journey(
            schema: "https://journeyman.dev/schema/journey-2.json",
            title: "Benchmark journey: \(touchpoints) touchpoints — Übersicht 全体",
            description: paragraph(sentences: 4),
            owner: "Lifecycle team (Zoë Müller, 田中 太郎)",
            framework: FrameworkRef(id: "benchmark-lifecycle", name: "Benchmark lifecycle", custom: true),
            models: models,
            lastReviewed: "2026-03-31",
            team: Team(people: 8, budget: 5_000_000),
            costs: CostAssumptions(currency: "EUR", perCustomerYear: ["high-touch": 1200, "low-touch": 35.5, "concierge-plus": 4000]),
            maturity: MaturityResult(assessed: "2026-02-14", rung: 2, level: 3, checks: ["a2-segments", "a2-triggers", "b1-planned"]))

        for c in 0..<cohortCount {
            let name = "\(random.pick(Self.cohortAdjectives)) \(random.pick(Self.cohortNouns)) \(c + 1)"
            journey.cohorts.append(Cohort(
                id: "cohort-\(c + 1)", name: name,
                description: random.chance(60) ? paragraph(sentences: 2) : "",
                size: random.chance(80) ? 100 + random.below(2_000_000) : nil,
                valuePerUser: random.chance(70) ? Double(random.below(500_000)) / 100 : nil,
                complexity: random.chance(70) ? random.pick(Rating.allCases) : nil,
                service: random.chance(70) ? random.pick(ServiceMode.allCases) : nil,
                level: random.chance(70) ? random.pick(CustomerLevel.allCases) : nil,
                model: random.pick(modelIDs),
                layers: random.chance(30) ? ["ai-augmented"] : []))
        }
        for k in 0..<8 {
            journey.kpis.append(kpi(id: "journey-kpi-\(k + 1)", health: k < 4))
        }

        var made = 0
        for s in 0..<stageCount {
            let name = "\(Self.stageNames[s % Self.stageNames.count])\(s < Self.stageNames.count ? "" : " \(s / Self.stageNames.count + 1)")"
            var stage = Stage(
                id: "stage-\(s + 1)", name: name,
                goal: sentence(),
                level: CustomerLevel.allCases[s * CustomerLevel.allCases.count / stageCount],
                dropOff: random.chance(80) ? Double(random.below(1000)) / 10 : nil,
                kpis: (0..<random.below(3)).map { k in kpi(id: "stage-\(s + 1)-kpi-\(k + 1)", health: false) })
            let count = (touchpoints - made) / (stageCount - s)
            for _ in 0..<count {
                made += 1
                stage.touchpoints.append(touchpoint(made, cohorts: cohortCount, models: modelIDs))
            }
            journey.stages.append(stage)
        }
        for l in 0..<max(1, stageCount / 10) {
            let from = journey.stages[stageCount - 1 - l].id, to = journey.stages[l].id
            journey.loops.append(LoopEdge(id: "loop-\(l + 1)", from: from, to: to, label: l == 0 ? "Loyalty loop" : "Win-back loop \(l + 1)"))
        }
        return journey
    }

    mutating func touchpoint(_ n: Int, cohorts: Int, models: [String]) -> Touchpoint {
        let verb = random.pick(Self.verbs), thing = random.pick(Self.things)
        var t = Touchpoint(id: "tp-\(n)", name: "\(verb) \(thing) #\(n)")
        t.channel = random.pick(Channel.ids)
        if random.chance(85) {
            t.trigger = Trigger(kind: random.pick(TriggerKind.allCases), detail: random.chance(70) ? sentence() : "")
        }
        if random.chance(75) { t.model = random.pick(models) }
        if random.chance(20) { t.layers = ["ai-augmented"] }
        if random.chance(70) {
            var ids: [String] = []
            for _ in 0..<(1 + random.below(3)) {
                let id = "cohort-\(1 + random.below(cohorts))"
                if !ids.contains(id) { ids.append(id) }
            }
            t.cohorts = ids
        }
        if random.chance(60) { t.owner = random.pick(Self.owners) }
        if random.chance(50) { t.content = sentence() }
        if random.chance(15) { t.kpis = [kpi(id: "tp-\(n)-kpi", health: random.chance(30))] }
        if random.chance(25) { t.escalation = sentence() }
        if random.chance(90) { t.status = random.pick(TouchpointStatus.allCases) }
        if random.chance(60) { t.evidence = random.pick(Evidence.allCases) }
        if random.chance(12) { t.notes = paragraph(sentences: 3 + random.below(6)) }
        return t
    }

    mutating func kpi(id: String, health: Bool) -> KPI {
        let kind = random.pick(KPIKind.allCases)
        return KPI(id: id, name: random.pick(Self.kpiNames), kind: kind, health: health,
                   target: random.chance(70) ? Double(random.below(10_000)) / 100 : nil,
                   unit: random.chance(60) ? random.pick(["%", "€", "days", "NPS", "users"]) : "")
    }

    mutating func sentence() -> String {
        random.pick(Self.sentences)
    }

    /// Several sentences, sometimes split into lines (so strings carry escapes).
    mutating func paragraph(sentences: Int) -> String {
        var out = ""
        for i in 0..<sentences {
            if i > 0 { out += random.chance(20) ? "\n" : " " }
            out += sentence()
        }
        return out
    }

    static let stageNames = ["Awareness", "Consideration", "Sign-up", "Onboarding", "Activation", "First value",
                             "Habit", "Retention", "Expansion", "Renewal", "Advocacy", "Win-back"]
    static let cohortAdjectives = ["New", "Dormant", "Power", "Trial", "Enterprise", "Student", "Café", "Überregional", "Premium", "Seasonal"]
    static let cohortNouns = ["users", "buyers", "teams", "families", "creators", "clients", "membres", "Kunden"]
    static let verbs = ["Welcome", "Nudge", "Remind", "Celebrate", "Invite", "Check in on", "Re-engage", "Upsell", "Survey", "Thank"]
    static let things = ["new sign-ups", "inactive users", "top spenders", "trial users", "lapsed buyers",
                         "Stammkunden", "nouveaux clients", "VIP 会員", "クーポン利用者", "abandoned carts"]
    static let owners = ["Lifecycle", "CRM", "Customer success", "Growth", "Support", "Équipe fidélité", "Community"]
    static let kpiNames = ["Activation rate", "D30 retention", "Net revenue retention", "NPS", "Time to first value",
                           "Churn rate", "Referral rate", "Tickets per user", "Taux de conversion", "Wiederkaufrate"]
    static let sentences = [
        "Send within 10 minutes of the event, never after 21:00 local time.",
        "The customer sees a \"first win\" checklist with three steps.",
        "Escalate to a person when the balance is above €10 000 and the user has been quiet for 14 days.",
        "Behavioural triggers beat batch-and-blast: push opens 14.4% vs 4.19%.",
        "Nach dem ersten Kauf folgt eine persönliche Dankesnachricht.",
        "Le client reçoit un rappel si le panier reste abandonné plus de 24 h.",
        "初回購入後にフォローアップのメッセージを送る。",
        "Measure against a 10% hold-out group; report weekly.",
        "Copy reviewed by legal (see ticket CRM-1234) — do not change the disclaimer.",
        "Use the customer's preferred channel; fall back to email.",
        "Ask for a review only after two successful orders 👍.",
        "Route to the CSM queue when the health score drops below 60.",
        "Pause all marketing messages while a support ticket is open.",
        "Personalize with the last three categories browsed; no more than one offer.",
        "Тест: сообщение на русском для проверки кодировки.",
        "Follow the tone guide: short, warm, no exclamation marks.",
    ]
}
