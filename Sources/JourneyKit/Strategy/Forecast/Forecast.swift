/// A deterministic funnel forecast: customers per stage, revenue, cost to serve, margin and the
/// biggest leak, per cohort and for the whole journey, over one horizon.
///
/// The arithmetic, per cohort (no random simulation):
/// - **Entering.** The customers entering the first stage are the cohort's `inflowPerYear`
///   x horizonMonths / 12 when the journey gives an inflow (the new customers arriving during the
///   horizon, counted as if they all came at its start), else its `size` (the customers there are
///   now, all entering at the start). No size and no inflow: 0 customers, with a note.
/// - **Drop-off.** Of the customers entering a stage, `dropOff` percent are lost there and the rest
///   pass on to the next stage; the cohort's own `dropOff[stage]` overrides the stage's. A stage
///   with no drop-off is taken as 0% (everyone passes), with a note. Values are clamped to 0-100.
///   Customers passing the last stage (and not carried back by a loop) stay to the horizon's end.
/// - **Loops.** A loop edge carries `share` percent of the customers passing its `from` stage to its
///   `to` stage, instead of on; they enter that stage again (a loyal customer re-buying skips
///   evaluation). Shares leaving one stage are capped at 100% in total. A loop with no share carries
///   nobody, with a note. Computed as a fixed iteration of passes: pass 0 takes the entering customers
///   through the stages in order; each later pass takes the customers the loops carried back in the
///   pass before. It stops when a pass carries back at most `convergence` x the entering customers,
///   or after `maxPasses` passes (then the rest is dropped, with a note: a 100% loop with no drop-off
///   on the way never converges).
/// - **Revenue** is earned at the value stage: the first stage the journey marks `earnsValue`, else
///   the first at level Active or later, else the last stage. Each time a customer enters it (loop
///   returns included: a re-purchase earns again) earns `valuePerUser` x horizonMonths / 12. No value
///   per user: no revenue, with a note.
/// - **Cost to serve** comes from `CostModel.unitCost(of:)`, a customer-year of the cohort's model
///   and layers, spread over the stages in proportion to the touchpoints reaching the cohort there
///   (evenly when none does). Each customer entering a stage costs that stage's part x horizonMonths
///   / 12, so one who goes through every stage once costs the whole unit cost. Unknown cost: 0, with
///   a note.
/// - **Margin** = revenue - cost. The **leak** at a stage is the customers lost there x their value
///   per user x horizonMonths / 12; the biggest leak is the stage losing the most value (the most
///   customers when no value is known; the first such stage on a tie).
///
/// Every figure is finite: a product beyond the largest Double is held at it, never infinity or NaN.
public struct Forecast: Sendable, Hashable {
    /// The default horizon, in months.
    public static let defaultHorizonMonths = JourneySettings.defaultHorizonMonths
    /// The loop iteration stops when a pass carries back at most this share of the entering customers.
    public static let convergence = 1e-12
    /// The loop iteration stops after this many passes at most.
    public static let maxPasses = 1000

    /// The figures of one stage, for one cohort or summed over cohorts.
    public struct StageFigures: Sendable, Hashable {
        public var stage: String
        public var name: String
        /// Customers entering the stage during the horizon, loop returns included.
        public var entering: Double
        /// Customers lost at the stage.
        public var lost: Double
        /// The drop-off used, in percent: for one cohort, the one given (or assumed); summed, lost / entering.
        public var dropOff: Double
        public var revenue: Double
        public var cost: Double
        /// Customers lost x their value per user over the horizon.
        public var leakValue: Double
        public var margin: Double { Forecast.finite(revenue - cost) }
    }

    /// Where most value is lost.
    public struct Leak: Sendable, Hashable {
        public var stage: String
        public var name: String
        public var lost: Double
        public var value: Double

        public init(stage: String, name: String, lost: Double, value: Double) {
            self.stage = stage
            self.name = name
            self.lost = lost
            self.value = value
        }
    }

    /// How the customers entering a cohort's first stage were counted.
    public enum Entry: String, Sendable, Hashable {
        /// The cohort's size.
        case size
        /// The cohort's yearly inflow over the horizon.
        case inflow
        /// Neither is given: 0.
        case none
    }

    /// Which rule chose the value stage.
    public enum ValueRule: String, Sendable, Hashable {
        /// The first stage marked `earnsValue`.
        case marked
        /// The first stage at level Active or later.
        case level
        /// The last stage (no stage is marked or at level Active or later).
        case last
    }

    /// One cohort's forecast.
    public struct CohortForecast: Sendable, Hashable {
        public var cohort: String
        public var name: String
        public var model: String?
        public var entry: Entry
        /// Customers entering the first stage at the start (pass 0).
        public var entering: Double
        public var valuePerUser: Double?
        /// Cost to serve one customer for a year (model plus layers), when known.
        public var unitCost: Double?
        public var stages: [StageFigures]
        /// Passes of the loop iteration used.
        public var passes: Int
        /// False when the iteration stopped at `maxPasses` with customers still carried back.
        public var converged: Bool
        /// Customers entering the last stage.
        public var reachingLast: Double { stages.last?.entering ?? 0 }
        public var revenue: Double { Forecast.sum(stages.map(\.revenue)) }
        public var cost: Double { Forecast.sum(stages.map(\.cost)) }
        public var margin: Double { Forecast.finite(revenue - cost) }
        public var leak: Leak? { Forecast.biggestLeak(stages) }
    }

    public var currency: String
    public var horizonMonths: Int
    /// The index of the stage revenue is earned at; nil when the journey has no stages.
    public var valueStage: Int?
    public var valueRule: ValueRule
    public var cohorts: [CohortForecast]
    /// Each stage summed over the cohorts.
    public var stages: [StageFigures]
    /// What was assumed where the journey says nothing, in a fixed order.
    public var notes: [String]

    public var entering: Double { Forecast.sum(cohorts.map(\.entering)) }
    public var reachingLast: Double { stages.last?.entering ?? 0 }
    public var revenue: Double { Forecast.sum(stages.map(\.revenue)) }
    public var cost: Double { Forecast.sum(stages.map(\.cost)) }
    public var margin: Double { Forecast.finite(revenue - cost) }
    public var leak: Leak? { Forecast.biggestLeak(stages) }

    /// The forecast of a journey; `cohort` limits it to the cohort with that id.
    public init(_ journey: Journey, cohort: String? = nil) {
        let costs = CostModel(journey)
        currency = costs.currency
        let months = journey.settings.horizonMonths ?? Forecast.defaultHorizonMonths
        horizonMonths = max(1, months)
        let years = Double(horizonMonths) / 12
        var notes: [String] = []
        if months < 1 { notes.append("The horizon of \(months) months is taken as 1 month.") }

        let stageList = journey.stages
        let index = Dictionary(stageList.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let valueAt: Int?
        if let marked = stageList.firstIndex(where: \.earnsValue) {
            (valueAt, valueRule) = (marked, .marked)
        } else if let active = stageList.firstIndex(where: { [.active, .invested, .advocate].contains($0.level) }) {
            (valueAt, valueRule) = (active, .level)
        } else {
            (valueAt, valueRule) = (stageList.isEmpty ? nil : stageList.count - 1, .last)
        }
        valueStage = valueAt

        // Loops as (from, to, share 0-1), shares leaving one stage capped at 1 in total.
        var loops: [(from: Int, to: Int, share: Double)] = []
        var outShare = Array(repeating: 0.0, count: stageList.count)
        for loop in journey.loops {
            guard let from = index[loop.from], let to = index[loop.to] else {
                notes.append("Loop \"\(loop.id)\" names a stage the journey does not have: it carries nobody.")
                continue
            }
            guard let share = loop.share, share.isFinite else {
                notes.append("Loop \"\(loop.id)\" has no share: it carries nobody back.")
                continue
            }
            let s = min(max(share, 0), 100) / 100
            let room = max(0, 1 - outShare[from])
            if s > room { notes.append("Loops leaving stage \"\(stageList[from].id)\" carry more than 100% in total: \"\(loop.id)\" is cut to \(Forecast.percent(room * 100))%.") }
            outShare[from] += min(s, room)
            loops.append((from, to, min(s, room)))
        }
        for s in stageList where Forecast.clampedPercent(s.dropOff) == nil {
            notes.append("Stage \"\(s.id)\" has no drop-off: taken as 0% (everyone entering it passes).")
        }

        let selected = journey.cohorts.filter { cohort == nil || $0.id == cohort }
        if journey.cohorts.isEmpty { notes.append("The journey has no cohorts: nobody enters.") }
        if stageList.isEmpty { notes.append("The journey has no stages: there is no funnel.") }

        let reach = Reach(stageList)
        var result: [CohortForecast] = []
        for c in selected {
            let entry: Entry
            let entering: Double
            if let inflow = c.inflowPerYear {
                entry = .inflow
                entering = Forecast.finite(Double(max(inflow, 0)) * years)
            } else if let size = c.size {
                entry = .size
                entering = Double(max(size, 0))
            } else {
                entry = .none
                entering = 0
                notes.append("Cohort \"\(c.id)\" has no size: taken as 0 customers.")
            }
            let value = c.valuePerUser.flatMap { $0.isFinite ? max($0, 0) : nil }
            if value == nil { notes.append("Cohort \"\(c.id)\" has no value per user: it earns nothing and loses nothing.") }
            let unit = costs.unitCost(of: c).flatMap { $0.isFinite ? max($0, 0) : nil }
            if unit == nil { notes.append("Cohort \"\(c.id)\" has no model with a known cost: its cost to serve is taken as 0.") }

            let drop = stageList.map { s in (Forecast.clampedPercent(c.dropOff[s.id]) ?? Forecast.clampedPercent(s.dropOff) ?? 0) }
            let share = reach.costShares(c.id)
            // The loop iteration: customers entering each stage, and lost there, over all passes.
            var enter = Array(repeating: 0.0, count: stageList.count)
            var lost = enter
            var arriving = enter
            if !stageList.isEmpty { arriving[0] = entering }
            var passes = 0
            var converged = true
            while true {
                passes += 1
                var back = Array(repeating: 0.0, count: stageList.count)
                for i in stageList.indices {
                    let a = arriving[i]
                    guard a > 0 else { continue }
                    enter[i] = Forecast.finite(enter[i] + a)
                    lost[i] = Forecast.finite(lost[i] + a * drop[i] / 100)
                    let passing = a * (100 - drop[i]) / 100
                    for l in loops where l.from == i {
                        // A forward edge carries within the pass; a back edge into the next one.
                        if l.to > i { arriving[l.to] += passing * l.share } else { back[l.to] += passing * l.share }
                    }
                    if i + 1 < stageList.count { arriving[i + 1] += passing * (1 - outShare[i]) }
                }
                let carried = Forecast.sum(back)
                if carried <= entering * Forecast.convergence { break }
                if passes >= Forecast.maxPasses {
                    converged = false
                    notes.append("Cohort \"\(c.id)\": the loops still carried \(CostModel.grouped(carried)) customers back after \(Forecast.maxPasses) passes; the forecast counts the first \(Forecast.maxPasses).")
                    break
                }
                arriving = back
            }
            let figures = stageList.indices.map { i in
                StageFigures(stage: stageList[i].id, name: stageList[i].name, entering: enter[i], lost: lost[i], dropOff: drop[i],
                             revenue: i == valueAt ? Forecast.finite(enter[i] * (value ?? 0) * years) : 0,
                             cost: Forecast.finite(enter[i] * (unit ?? 0) * share[i] * years),
                             leakValue: Forecast.finite(lost[i] * (value ?? 0) * years))
            }
            result.append(CohortForecast(cohort: c.id, name: c.name, model: c.model, entry: entry, entering: entering,
                                         valuePerUser: value, unitCost: unit, stages: figures, passes: passes, converged: converged))
        }
        cohorts = result
        stages = stageList.indices.map { i in
            let all = result.map { $0.stages[i] }
            let entering = Forecast.sum(all.map(\.entering)), lost = Forecast.sum(all.map(\.lost))
            let given = Forecast.clampedPercent(stageList[i].dropOff) ?? 0
            return StageFigures(stage: stageList[i].id, name: stageList[i].name, entering: entering, lost: lost,
                                dropOff: entering > 0 ? min(100, Forecast.finite(lost / entering * 100)) : given,
                                revenue: Forecast.sum(all.map(\.revenue)), cost: Forecast.sum(all.map(\.cost)),
                                leakValue: Forecast.sum(all.map(\.leakValue)))
        }
        self.notes = notes
    }

    /// Touchpoints per stage, counted once: those naming no cohort (they reach all), and per cohort id
    /// those naming it.
    struct Reach {
        var toAll: [Int]
        var named: [[String: Int]]

        init(_ stages: [Stage]) {
            toAll = stages.map { s in s.touchpoints.reduce(0) { $0 + ($1.cohorts.isEmpty ? 1 : 0) } }
            named = stages.map { s in
                var counts: [String: Int] = [:]
                for t in s.touchpoints where !t.cohorts.isEmpty {
                    for id in Set(t.cohorts) { counts[id, default: 0] += 1 }
                }
                return counts
            }
        }

        /// The share of a cohort's yearly unit cost each stage carries: the touchpoints reaching the
        /// cohort there over those reaching it anywhere; evenly when none reaches it.
        func costShares(_ cohort: String) -> [Double] {
            let counts = toAll.indices.map { Double(toAll[$0] + named[$0][cohort, default: 0]) }
            let total = counts.reduce(0, +)
            if total == 0 { return counts.map { _ in 1 / Double(counts.count) } }
            return counts.map { $0 / total }
        }
    }

    /// A percentage clamped to 0-100; nil when absent or not a number.
    static func clampedPercent(_ p: Double?) -> Double? {
        guard let p, !p.isNaN else { return nil }
        return min(max(p, 0), 100)
    }

    /// The number held within the finite Doubles: infinity becomes the largest finite value, NaN 0.
    public static func finite(_ x: Double) -> Double {
        if x.isNaN { return 0 }
        if x.isInfinite { return x < 0 ? -Double.greatestFiniteMagnitude : .greatestFiniteMagnitude }
        return x
    }

    /// A sum kept finite.
    static func sum(_ xs: [Double]) -> Double { finite(xs.reduce(0) { finite($0 + $1) }) }

    /// The stage losing the most value, else the most customers; nil when nothing is lost.
    static func biggestLeak(_ stages: [StageFigures]) -> Leak? {
        let byValue = stages.contains { $0.leakValue > 0 }
        var best: StageFigures?
        for s in stages {
            let key = byValue ? s.leakValue : s.lost
            guard key > 0 else { continue }
            if let b = best, (byValue ? b.leakValue : b.lost) >= key { continue }
            best = s
        }
        return best.map { Leak(stage: $0.stage, name: $0.name, lost: $0.lost, value: $0.leakValue) }
    }

    /// A percentage for text: whole when whole, else up to one decimal (`12.5`).
    public static func percent(_ p: Double) -> String {
        let r = (Forecast.finite(p) * 10).rounded() / 10
        return r == r.rounded() ? CostModel.grouped(r) : String(format: "%.1f", r)
    }
}
