/// A channel through which a touchpoint reaches the customer.
public struct Channel: Hashable, Sendable, Identifiable {
    public let id: String
    public let name: String

    /// The built-in channels, in the order pickers list them.
    public static let catalog: [Channel] = [
        Channel(id: "email", name: "Email"),
        Channel(id: "push", name: "Push"),
        Channel(id: "sms", name: "SMS"),
        Channel(id: "in-app", name: "In-app"),
        Channel(id: "whatsapp", name: "WhatsApp"),
        Channel(id: "web", name: "Web"),
        Channel(id: "social", name: "Social"),
        Channel(id: "paid-ads", name: "Paid ads"),
        Channel(id: "search", name: "Search"),
        Channel(id: "support-chat", name: "Support chat"),
        Channel(id: "phone", name: "Phone"),
        Channel(id: "events", name: "Events"),
        Channel(id: "direct-mail", name: "Direct mail"),
        Channel(id: "packaging", name: "Packaging"),
        Channel(id: "community", name: "Community"),
        Channel(id: "sales-call", name: "Sales/CSM call"),
    ]

    /// The channel with this id.
    public static func named(_ id: String) -> Channel? { catalog.first { $0.id == id } }

    /// Every channel id.
    public static var ids: [String] { catalog.map(\.id) }
}
