/// A named engagement model from the guides beyond the seven built-in ones, offered as
/// a starting point for a custom model.
public struct ModelPreset: Hashable, Sendable, Identifiable {
    public let id: String
    public let name: String
    public let philosophy: String
    public let bestFor: String
    /// The metrics that tell whether the model works, offered as KPIs.
    public let keyMetrics: [String]
    /// The built-in model it is closest to, for recommendations and costs.
    public let basedOn: String

    /// The seven presets, in the guides' order.
    public static let catalog: [ModelPreset] = [
        ModelPreset(id: "transactional", name: "Transactional", philosophy: "Make it fast and easy.",
                    bestFor: "Commodity, low-involvement purchases such as fast fashion or ticketing.",
                    keyMetrics: ["Conversion rate", "Transaction speed", "Cart abandonment"], basedOn: "tech-touch"),
        ModelPreset(id: "value-added", name: "Value-added", philosophy: "Be the helpful expert.",
                    bestFor: "Complex industries and B2B services such as SaaS or financial services.",
                    keyMetrics: ["Content downloads", "Lead quality", "Webinar attendance"], basedOn: "hybrid"),
        ModelPreset(id: "proactive", name: "Proactive", philosophy: "Anticipate needs before the customer asks.",
                    bestFor: "Subscriptions and repeat-buyer e-commerce such as streaming.",
                    keyMetrics: ["Customer lifetime value", "Churn rate", "Repeat purchase rate"], basedOn: "low-touch"),
        ModelPreset(id: "automated-retention", name: "Automated retention", philosophy: "Predict who stays and who leaves; automate the save and keep a human path.",
                    bestFor: "Retention after onboarding.",
                    keyMetrics: ["Retention rate", "Churn rate"], basedOn: "tech-touch"),
        ModelPreset(id: "csm-driven", name: "CSM-driven", philosophy: "A customer success manager owns the account.",
                    bestFor: "B2B accounts that need help to adopt the product.",
                    keyMetrics: ["Renewal rate", "Expansion revenue", "Health score"], basedOn: "high-touch"),
        ModelPreset(id: "collaborative-roadmap", name: "Collaborative roadmap", philosophy: "Customers shape the product roadmap.",
                    bestFor: "Products with engaged power users.",
                    keyMetrics: ["Feature adoption", "Retention of participants"], basedOn: "community"),
        ModelPreset(id: "usp", name: "USP-led", philosophy: "Lead with the unique selling proposition against competitors.",
                    bestFor: "Differentiated products in crowded markets.",
                    keyMetrics: ["Conversion rate", "Sales volume"], basedOn: "low-touch"),
    ]

    public static var ids: [String] { catalog.map(\.id) }

    public static func named(_ id: String) -> ModelPreset? { catalog.first { $0.id == id } }
}
