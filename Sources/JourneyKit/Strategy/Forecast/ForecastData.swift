/// A forecast for tools: canonical JSON (sorted keys, the bytes `jq -S --indent 2 .` writes) and
/// CSV (RFC 4180). Customers and money are rounded to 2 decimals; every number is finite.
public enum ForecastData {
    /// The forecast as a JSON value; `scenario` is the id and name of the scenario applied, if any.
    public static func json(_ f: Forecast, scenario: (id: String, name: String)? = nil) -> JSONNode {
        var members = [
            JSONMember("cohorts", .array(f.cohorts.map(cohort))),
            JSONMember("currency", .string(f.currency)),
            JSONMember("horizonMonths", .number(f.horizonMonths)),
            JSONMember("leak", leak(f.leak)),
            JSONMember("notes", .array(f.notes.map { .string($0) })),
            JSONMember("stages", .array(f.stages.map(stage))),
            JSONMember("totals", .object([
                JSONMember("cost", number(f.cost)), JSONMember("entering", number(f.entering)),
                JSONMember("margin", number(f.margin)), JSONMember("reachingLast", number(f.reachingLast)),
                JSONMember("revenue", number(f.revenue)),
            ])),
            JSONMember("valueStage", f.valueStage.map { i in .object([
                JSONMember("id", .string(f.stages[i].stage)), JSONMember("name", .string(f.stages[i].name)),
                JSONMember("rule", .string(f.valueRule.rawValue)),
            ]) } ?? .null),
        ]
        if let scenario { members.append(JSONMember("scenario", named(scenario))) }
        return .object(members.sorted { $0.key < $1.key })
    }

    /// As-is beside to-be, with the changes (to-be minus as-is) in totals, per stage and per cohort.
    public static func compare(_ asIs: Forecast, _ toBe: Forecast, scenario: (id: String, name: String)) -> JSONNode {
        func change(_ a: Double, _ b: Double) -> JSONNode { number(Forecast.finite(b - a)) }
        let before = Dictionary(asIs.cohorts.map { ($0.cohort, $0) }, uniquingKeysWith: { a, _ in a })
        return .object([
            JSONMember("asIs", json(asIs)),
            JSONMember("change", .object([
                JSONMember("cohorts", .array(toBe.cohorts.map { c in
                    let a = before[c.cohort]
                    return .object([
                        JSONMember("cost", change(a?.cost ?? 0, c.cost)), JSONMember("id", .string(c.cohort)),
                        JSONMember("margin", change(a?.margin ?? 0, c.margin)), JSONMember("reachingLast", change(a?.reachingLast ?? 0, c.reachingLast)),
                        JSONMember("revenue", change(a?.revenue ?? 0, c.revenue)),
                    ])
                })),
                JSONMember("cost", change(asIs.cost, toBe.cost)), JSONMember("entering", change(asIs.entering, toBe.entering)),
                JSONMember("margin", change(asIs.margin, toBe.margin)), JSONMember("reachingLast", change(asIs.reachingLast, toBe.reachingLast)),
                JSONMember("revenue", change(asIs.revenue, toBe.revenue)),
                JSONMember("stages", .array(zip(asIs.stages, toBe.stages).map { a, b in .object([
                    JSONMember("cost", change(a.cost, b.cost)), JSONMember("entering", change(a.entering, b.entering)),
                    JSONMember("id", .string(b.stage)), JSONMember("leakValue", change(a.leakValue, b.leakValue)),
                    JSONMember("lost", change(a.lost, b.lost)), JSONMember("margin", change(a.margin, b.margin)),
                    JSONMember("revenue", change(a.revenue, b.revenue)),
                ]) })),
            ])),
            JSONMember("scenario", named(scenario)),
            JSONMember("toBe", json(toBe)),
        ])
    }

    /// The CSV columns, in order. `cohort` is empty on the rows summed over all cohorts.
    public static let columns = ["scenario", "cohort", "stage", "stageName", "entering", "lost", "dropOff", "revenue", "cost",
                                 "margin", "leakValue"]

    /// One row per cohort and stage, then the stages summed over the cohorts, for each forecast
    /// given (`scenario` is `as-is` or the scenario's id).
    public static func csv(_ forecasts: [(scenario: String, forecast: Forecast)]) -> String {
        var out = CSVExport.record(columns)
        for (label, f) in forecasts {
            let rows = f.cohorts.flatMap { c in c.stages.map { (c.cohort, $0) } } + f.stages.map { ("", $0) }
            for (cohort, s) in rows {
                // Text cells go through CSVExport's quoting and formula guard; numbers are written as they are.
                let text = [label, cohort, s.stage, s.name].map(CSVExport.field)
                let numbers = [s.entering, s.lost, s.dropOff, s.revenue, s.cost, s.margin, s.leakValue].map { JSONWriter.formatNumber(rounded($0)) }
                out += (text + numbers).joined(separator: ",") + "\r\n"
            }
        }
        return out
    }

    static func cohort(_ c: Forecast.CohortForecast) -> JSONNode {
        .object([
            JSONMember("converged", .bool(c.converged)), JSONMember("cost", number(c.cost)),
            JSONMember("entering", number(c.entering)), JSONMember("entry", .string(c.entry.rawValue)),
            JSONMember("id", .string(c.cohort)), JSONMember("leak", leak(c.leak)), JSONMember("margin", number(c.margin)),
            JSONMember("model", c.model.map { .string($0) } ?? .null), JSONMember("name", .string(c.name)),
            JSONMember("passes", .number(c.passes)), JSONMember("reachingLast", number(c.reachingLast)),
            JSONMember("revenue", number(c.revenue)), JSONMember("stages", .array(c.stages.map(stage))),
            JSONMember("unitCost", c.unitCost.map(number) ?? .null), JSONMember("valuePerUser", c.valuePerUser.map(number) ?? .null),
        ])
    }

    static func stage(_ s: Forecast.StageFigures) -> JSONNode {
        .object([
            JSONMember("cost", number(s.cost)), JSONMember("dropOff", number(s.dropOff)), JSONMember("entering", number(s.entering)),
            JSONMember("id", .string(s.stage)), JSONMember("leakValue", number(s.leakValue)), JSONMember("lost", number(s.lost)),
            JSONMember("margin", number(s.margin)), JSONMember("name", .string(s.name)), JSONMember("revenue", number(s.revenue)),
        ])
    }

    static func leak(_ l: Forecast.Leak?) -> JSONNode {
        guard let l else { return .null }
        return .object([
            JSONMember("lost", number(l.lost)), JSONMember("name", .string(l.name)),
            JSONMember("stage", .string(l.stage)), JSONMember("value", number(l.value)),
        ])
    }

    static func named(_ s: (id: String, name: String)) -> JSONNode {
        .object([JSONMember("id", .string(s.id)), JSONMember("name", .string(s.name))])
    }

    static func number(_ x: Double) -> JSONNode { .number(rounded(x)) }

    /// Rounded to 2 decimals (numbers of 1e15 and more are whole already); never -0, NaN or infinite.
    static func rounded(_ x: Double) -> Double {
        let f = Forecast.finite(x)
        let r = abs(f) < 1e15 ? (f * 100).rounded() / 100 : f
        return r == 0 ? 0 : r
    }
}
