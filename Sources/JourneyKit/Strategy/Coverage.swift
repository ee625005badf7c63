/// Which stages have touchpoints for which engagement model, or for which cohort.
///
/// A touchpoint counts for its own model, or, when it has none, for the models of the cohorts it
/// reaches; its layers count too. For cohorts, a touchpoint counts for each cohort it reaches (all
/// of them when it names none).
public struct Coverage: Sendable, Hashable {
    /// What the columns are.
    public enum Axis: String, Sendable, CaseIterable {
        case model, cohort
    }

    /// A column: a model or cohort id and its display name.
    public struct Column: Sendable, Hashable {
        public var id: String
        public var name: String
        /// A short label for narrow grids (a model's badge, else the id).
        public var short: String
    }

    public var axis: Axis
    public var columns: [Column]
    /// The stage ids and names, in order: the rows.
    public var rows: [(id: String, name: String)]
    /// Touchpoint counts: `counts[row][column]`.
    public var counts: [[Int]]

    public static func == (a: Coverage, b: Coverage) -> Bool {
        a.axis == b.axis && a.columns == b.columns && a.counts == b.counts && a.rows.map(\.id) == b.rows.map(\.id)
    }
    public func hash(into h: inout Hasher) { h.combine(axis); h.combine(columns); h.combine(counts) }

    /// The cells with no touchpoints, as (row, column) indices.
    public var emptyCells: [(row: Int, column: Int)] {
        counts.indices.flatMap { r in counts[r].indices.filter { counts[r][$0] == 0 }.map { (r, $0) } }
    }

    /// The coverage grid of a journey.
    ///
    /// Model columns are the seven built-in models followed by the journey's custom models.
    public init(_ journey: Journey, by axis: Axis) {
        self.axis = axis
        rows = journey.stages.map { ($0.id, $0.name) }
        switch axis {
        case .model:
            columns = EngagementModel.catalog.map { Column(id: $0.id, name: $0.name, short: $0.badge) }
                + journey.models.map { Column(id: $0.id, name: $0.name, short: $0.id) }
        case .cohort:
            columns = journey.cohorts.map { Column(id: $0.id, name: $0.name, short: $0.id) }
        }
        let width = columns.count
        let index = Dictionary(columns.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        counts = journey.stages.map { stage in
            var row = Array(repeating: 0, count: width)
            for t in stage.touchpoints {
                for id in Coverage.columnIDs(t, journey, axis) {
                    if let i = index[id] { row[i] += 1 }
                }
            }
            return row
        }
    }

    static func columnIDs(_ t: Touchpoint, _ journey: Journey, _ axis: Axis) -> [String] {
        switch axis {
        case .cohort:
            return journey.cohorts.map(\.id).filter { t.reaches($0) }
        case .model:
            var ids: [String] = []
            if let m = t.model {
                ids = [m]
            } else {
                for c in journey.cohorts where t.reaches(c.id) {
                    if let m = c.model, !ids.contains(m) { ids.append(m) }
                }
            }
            for l in t.layers where !ids.contains(l) { ids.append(l) }
            return ids
        }
    }
}
