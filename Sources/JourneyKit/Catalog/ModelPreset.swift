/// A named engagement model from the guides beyond the seven built-in ones, offered when a team
/// creates a custom model: its philosophy, best fit and key metrics (suggested KPIs).
public struct ModelPreset: Sendable, Hashable, Identifiable {
    public let id: String
    public let name: String
    /// The idea behind it, in a few words.
    public let philosophy: String
    /// The businesses it fits best.
    public let bestFor: String
    /// The metrics that tell whether it works, by name.
    public let keyMetrics: [String]
    /// Those of the key metrics that count activity rather than outcomes (downloads, attendance).
    public let activityMetrics: Set<String>
    /// The built-in model closest to it, for recommendations and costs (`CustomModel.basedOn`).
    public let basedOn: String

    init(id: String, name: String, philosophy: String, bestFor: String, keyMetrics: [String], activity: Set<String> = [], basedOn: String) {
        self.id = id
        self.name = name
        self.philosophy = philosophy
        self.bestFor = bestFor
        self.keyMetrics = keyMetrics
        activityMetrics = activity
        self.basedOn = basedOn
    }

    /// The seven presets of the domain brief, in its order.
    public static let catalog: [ModelPreset] = [
        ModelPreset(id: "transactional", name: "Transactional", philosophy: "Make it fast and easy.",
                    bestFor: "Commodity, low-involvement purchases (fast fashion, ticketing)",
                    keyMetrics: ["Conversion rate", "Transaction speed", "Cart abandonment"], basedOn: "tech-touch"),
        ModelPreset(id: "value-added", name: "Value-added", philosophy: "Be the helpful expert.",
                    bestFor: "Complex industries and B2B services (SaaS, financial services)",
                    keyMetrics: ["Content downloads", "Lead quality", "Webinar attendance"], activity: ["Content downloads", "Webinar attendance"],
                    basedOn: "hybrid"),
        ModelPreset(id: "proactive", name: "Proactive", philosophy: "Anticipate needs.",
                    bestFor: "Subscriptions and repeat-buyer e-commerce (streaming)",
                    keyMetrics: ["Customer lifetime value (CLV)", "Churn rate", "Repeat purchase rate"], basedOn: "low-touch"),
        ModelPreset(id: "automated-retention", name: "Automated retention",
                    philosophy: "Predict who stays and who leaves; automate the save, keep a human path.",
                    bestFor: "Retention after onboarding",
                    keyMetrics: ["Retention rate", "Churn rate"], basedOn: "hybrid"),
        ModelPreset(id: "csm-driven", name: "CSM-driven", philosophy: "A customer success manager owns the account.",
                    bestFor: "B2B accounts that need help to adopt the product",
                    keyMetrics: ["Renewal rate", "Expansion revenue", "Health score"], basedOn: "high-touch"),
        ModelPreset(id: "collaborative-roadmap", name: "Collaborative roadmap", philosophy: "Customers shape the product roadmap.",
                    bestFor: "Products with engaged power users",
                    keyMetrics: ["Feature adoption", "Retention of participants"], basedOn: "community"),
        ModelPreset(id: "usp", name: "USP-led", philosophy: "Lead with the unique selling proposition against competitors.",
                    bestFor: "Differentiated products in crowded markets",
                    keyMetrics: ["Conversion rate", "Sales volume"], basedOn: "low-touch"),
    ]

    /// The preset with this id.
    public static func named(_ id: String) -> ModelPreset? { catalog.first { $0.id == id } }

    /// Every preset id, in catalog order.
    public static var ids: [String] { catalog.map(\.id) }

    /// The key metrics as KPIs to suggest, ids from the KPI catalog where it knows the metric,
    /// else slugs of the names; the health score is marked as such.
    public var suggestedKPIs: [KPI] {
        keyMetrics.map { name in
            KPI(id: KPIEntry.matching(name)?.id ?? Slug.make(from: name, fallback: "kpi"), name: name,
                kind: activityMetrics.contains(name) ? .activity : .outcome, health: name == "Health score")
        }
    }
}
