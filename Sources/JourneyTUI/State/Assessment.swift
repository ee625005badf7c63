import JourneyKit

/// The maturity self-assessment screen: the checks of both ladders, ticked or not.
public struct Assessment: Hashable, Sendable {
    public var ticked: Set<String>
    /// The highlighted check, an index into `Maturity.checks`.
    public var row = 0

    /// Starts from the journey's last result, if any.
    public init(previous: MaturityResult?) {
        ticked = Set(previous?.checks ?? [])
    }

    /// The result if applied on `date`.
    public func result(on date: String) -> MaturityResult { Maturity.assess(ticked, on: date) }
}
