/// The craft of hybrid: when a signal meets a condition, an action or a person takes over.
/// "Balance above 50,000 and no login for 14 days: the relationship manager calls."
public struct RoutingRule: Hashable, Sendable, Identifiable {
    public var id: String
    /// What is watched, e.g. "balance" or "days since last login".
    public var signal: String
    /// When the rule fires, e.g. "above 50,000 and no login for 14 days".
    public var condition: String
    /// What happens then, e.g. "the relationship manager calls".
    public var action: String
    /// Who acts.
    public var owner: String
    /// The touchpoint the rule routes to, by id.
    public var touchpoint: String?
    /// The engagement model the customer is routed to, by id.
    public var model: String?

    public init(id: String, signal: String, condition: String, action: String, owner: String = "", touchpoint: String? = nil, model: String? = nil) {
        self.id = id
        self.signal = signal
        self.condition = condition
        self.action = action
        self.owner = owner
        self.touchpoint = touchpoint
        self.model = model
    }
}
