/// First- or zero-party data a touchpoint captures, and where it goes.
public struct DataCapture: Hashable, Sendable {
    /// What is captured, e.g. "email address" or "style preferences".
    public var data: String
    public var party: DataParty
    /// Where it is stored, e.g. "CRM" or "CDP".
    public var destination: String

    public init(data: String, party: DataParty, destination: String = "") {
        self.data = data
        self.party = party
        self.destination = destination
    }
}

/// Whose data it is: observed first-party data, or zero-party data the customer gives on purpose.
public enum DataParty: String, JourneyEnum {
    case first, zero

    public var title: String {
        switch self {
        case .first: "First-party"
        case .zero: "Zero-party"
        }
    }
}
