import Foundation
import JourneyKit

/// What a lens looks at on each card.
public enum LensFacet: String, CaseIterable, Hashable, Sendable {
    case cohort, model, owner, status, channel, lint

    public var title: String {
        switch self {
        case .cohort: "Cohort"
        case .model: "Model"
        case .owner: "Owner"
        case .status: "Status"
        case .channel: "Channel"
        case .lint: "Lint"
        }
    }
}

/// A lens on the board: the cards that match it show, the others are hidden (or dimmed).
public struct Lens: Hashable, Sendable {
    public var facet: LensFacet
    /// The cohort, model, status or channel id, the owner, or the lint severity ("" for no status).
    public var value: String
    /// Dim the other cards instead of hiding them.
    public var dim: Bool

    public init(_ facet: LensFacet, _ value: String, dim: Bool = false) {
        self.facet = facet
        self.value = value
        self.dim = dim
    }

    /// True when the card matches; `mark` is its worst lint finding.
    public func matches(_ t: Touchpoint, mark: Severity?) -> Bool {
        switch facet {
        case .cohort: t.cohorts.contains(value)
        case .model: t.model == value || t.layers.contains(value)
        case .owner: t.owner == value
        case .status: (t.status?.rawValue ?? "") == value
        case .channel: (t.channel ?? "") == value
        case .lint: mark.map { m in Severity(rawValue: value).map { m <= $0 } ?? false } ?? false
        }
    }

    /// How the title bar and the picker name the lens: `Cohort: VIP`.
    public func title(in journey: Journey) -> String {
        let name: String
        switch facet {
        case .cohort: name = Choices.label(value, .cohorts, in: journey)
        case .model: name = Choices.label(value, .model, in: journey)
        case .owner: name = value
        case .status: name = value.isEmpty ? "no status" : Choices.label(value, .status, in: journey)
        case .channel: name = value.isEmpty ? "no channel" : Choices.label(value, .channel, in: journey)
        case .lint: name = value == "error" ? "errors" : value == "warning" ? "warnings or errors" : "any finding"
        }
        return "\(facet.title): \(name)"
    }

    /// The lens a picker choice's id (`facet:value`) names.
    public init?(id: String) {
        guard let colon = id.firstIndex(of: ":"), let facet = LensFacet(rawValue: String(id[..<colon])) else { return nil }
        self.init(facet, String(id[id.index(after: colon)...]))
    }

    public var id: String { "\(facet.rawValue):\(value)" }

    /// Every lens the journey offers, in facet order: the values its cards use.
    public static func all(in journey: Journey) -> [Lens] {
        var out: [Lens] = journey.cohorts.map { Lens(.cohort, $0.id) }
        var models: [String] = [], owners: [String] = [], statuses: [String] = [], channels: [String] = []
        func add(_ v: String, to list: inout [String]) { if !list.contains(v) { list.append(v) } }
        for stage in journey.stages {
            for t in stage.touchpoints {
                for m in (t.model.map { [$0] } ?? []) + t.layers { add(m, to: &models) }
                if !t.owner.isEmpty { add(t.owner, to: &owners) }
                add(t.status?.rawValue ?? "", to: &statuses)
                add(t.channel ?? "", to: &channels)
            }
        }
        out += models.map { Lens(.model, $0) }
        out += owners.sorted().map { Lens(.owner, $0) }
        let statusOrder = TouchpointStatus.allCases.map(\.rawValue) + [""]
        out += statusOrder.filter(statuses.contains).map { Lens(.status, $0) }
        let channelOrder = Channel.catalog.map(\.id) + [""]
        out += channels.sorted { (channelOrder.firstIndex(of: $0) ?? Int.max, $0) < (channelOrder.firstIndex(of: $1) ?? Int.max, $1) }.map { Lens(.channel, $0) }
        out += ["error", "warning", "info"].map { Lens(.lint, $0) }
        return out
    }
}

extension EditorState {
    /// The indices of the cards of stage `si` the board shows: all of them, unless a lens
    /// (not dimming) hides those that do not match.
    public func shownCards(_ si: Int) -> [Int] {
        guard journey.stages.indices.contains(si) else { return [] }
        guard let lens, !lens.dim else { return Array(journey.stages[si].touchpoints.indices) }
        return indexed(si)?.matching ?? matchingCards(si, lens)
    }

    /// How many cards of stage `si` match the lens (all of them without one).
    public func matchingCount(_ si: Int) -> Int {
        guard journey.stages.indices.contains(si) else { return 0 }
        guard let lens else { return journey.stages[si].touchpoints.count }
        return (indexed(si)?.matching ?? matchingCards(si, lens)).count
    }

    /// True when the card is drawn dimmed (a dimming lens it does not match).
    public func isDimmed(_ si: Int, _ ti: Int) -> Bool {
        guard let lens, lens.dim else { return false }
        if let matching = indexed(si)?.matching {
            // The indices are in order: a binary search.
            var lo = 0, hi = matching.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if matching[mid] < ti { lo = mid + 1 } else { hi = mid }
            }
            return !(lo < matching.count && matching[lo] == ti)
        }
        return !lens.matches(journey.stages[si].touchpoints[ti], mark: lintMarks[si]?[ti])
    }
}
