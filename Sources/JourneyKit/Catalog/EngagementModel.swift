/// A built-in engagement model: the posture toward a cohort.
public struct EngagementModel: Hashable, Sendable, Identifiable {
    public let id: String
    public let name: String
    /// A short badge for cards, at most four cells.
    public let badge: String
    public let whatItIs: String
    public let fitsWhen: String
    public let trap: String
    /// True when the model involves a person, not only automation.
    public let humanTouch: Bool
    /// True for a model meant as a layer over another, not on its own.
    public let isLayer: Bool

    /// The seven built-in models, in the order they are listed.
    public static let catalog: [EngagementModel] = [
        EngagementModel(
            id: "high-touch", name: "High-touch", badge: "HIGH",
            whatItIs: "Personal, human-led, one-to-one engagement: custom onboarding and regular check-ins, as in private banking, concierge or a personal stylist.",
            fitsWhen: "Value per user, product complexity or the emotional stakes are high.",
            trap: "Applying it to everyone; it must be a triage decision.",
            humanTouch: true, isLayer: false),
        EngagementModel(
            id: "low-touch", name: "Low-touch", badge: "LOW",
            whatItIs: "Automation and self-serve for a large base of lower-value customers.",
            fitsWhen: "The base is big, revenue per user modest and the product simple.",
            trap: "Reading \"low-touch\" as \"low-effort\": customers churn silently.",
            humanTouch: false, isLayer: false),
        EngagementModel(
            id: "hybrid", name: "Hybrid", badge: "HYB",
            whatItIs: "Routes each customer between human and automated touch by value or cohort; the craft is the routing rule.",
            fitsWhen: "The base is mixed; escalate the moments that matter, e.g. a high-balance user goes quiet and a person calls.",
            trap: "No clear routing rule.",
            humanTouch: true, isLayer: false),
        EngagementModel(
            id: "tech-touch", name: "Tech-touch / no-touch", badge: "TECH",
            whatItIs: "Fully automated lifecycle messaging (push, email, in-app, WhatsApp) with no human in the loop.",
            fitsWhen: "The base is so large that human contact is uneconomic.",
            trap: "Batch-and-blast: behavioural triggers beat it (push opens 14.4% vs 4.19%, about 3.4x).",
            humanTouch: false, isLayer: false),
        EngagementModel(
            id: "community", name: "Community-led", badge: "COMM",
            whatItIs: "Engagement between customers with the brand as host: forums, Discord, status tiers, rituals.",
            fitsWhen: "The category is part of the customer's identity: gaming, beauty, fitness, fandom.",
            trap: "No host and no moderation.",
            humanTouch: true, isLayer: false),
        EngagementModel(
            id: "hvc", name: "High-value-customer (HVC) management", badge: "HVC",
            whatItIs: "A relationship layer applied systematically to an identified top cohort.",
            fitsWhen: "A small share of customers drives a large share of revenue.",
            trap: "Pushing meetings on VIPs who don't want them: watch the signals.",
            humanTouch: true, isLayer: false),
        EngagementModel(
            id: "ai-augmented", name: "AI-augmented", badge: "AI",
            whatItIs: "AI for prediction, personalization and conversation: churn scores, next best action.",
            fitsWhen: "There is rich behavioural data and a large base.",
            trap: "Treating it as a standalone model: it is a layer over one of the other six.",
            humanTouch: false, isLayer: true),
    ]

    /// The built-in model with this id.
    public static func named(_ id: String) -> EngagementModel? { catalog.first { $0.id == id } }

    /// Every built-in id.
    public static var ids: [String] { catalog.map(\.id) }
}
