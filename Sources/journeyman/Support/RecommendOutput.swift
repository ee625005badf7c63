import Foundation
import JourneyKit

/// What `journeyman recommend` prints.
enum RecommendOutput {
    static func text(_ journey: Journey, _ decision: Decision, _ recommendations: [Recommendation], _ report: CostReport, style: Style) -> String {
        let costs = CostModel(journey)
        let name = { (id: String) in TerminalText.singleLine(journey.modelName(id)) }
        var out = style.bold("Engagement models for \"\(TerminalText.singleLine(journey.title))\"") + "\n"
        if journey.cohorts.isEmpty { return out + "No cohorts: add cohorts to get a recommendation per cohort.\n" }
        for (cohort, r) in zip(journey.cohorts, recommendations) {
            let size = cohort.size.map { ": \(CostModel.grouped(Double($0))) customers" } ?? ""
            out += "\n" + style.bold("\(TerminalText.singleLine(cohort.name)) (\(cohort.id))") + size + "\n"
            let width = r.answers.map { $0.question.count }.max() ?? 0
            for a in r.answers {
                out += "  \(a.question.padding(toLength: width, withPad: " ", startingAt: 0))  \(a.answer)\n"
            }
            let layers = r.layers.map { " + \(name($0)) layer" }.joined()
            out += "  recommended  " + style.bold(name(r.model) + (r.guidance ? " with behaviour-triggered guidance" : "") + layers) + "\n"
            out += "  runner-up    \(name(r.runnerUp)): \(r.runnerUpReason)\n"
            if let current = r.current {
                let currentLayers = cohort.layers.map { " + \(name($0))" }.joined()
                out += "  current      \(name(current))\(currentLayers)" + (r.agrees ? " (agrees)" : style.yellow(" (differs)")) + "\n"
            } else {
                out += "  current      none assigned\n"
            }
            for reason in r.reasons { out += "  - \(reason)\n" }
            var money: [String] = []
            if let c = report.cohorts.first(where: { $0.cohort == cohort.id }) {
                if let cost = c.cost, let unit = c.unitCost { money.append("now \(costs.money(cost)) (\(costs.money(unit)) each)") }
                if let rc = costs.cost(of: cohort, model: r.model, layers: r.layers) { money.append("recommended \(costs.money(rc))") }
                if let v = c.value { money.append("value \(costs.money(v))") }
            }
            if !money.isEmpty { out += "  cost to serve a year: " + money.joined(separator: "; ") + "\n" }
            out += "  people's time a year: \(hours(r.hours))\n"
        }
        out += "\n" + teamTable(journey, decision, recommendations, costs, style: style)
        out += "\n" + costTable(journey, report, costs, style: style)
        return out
    }

    /// `9,000 hours (5.6 FTE)`, or `none (automation only)`.
    static func hours(_ h: Double, _ team: TeamNumbers? = nil) -> String {
        h <= 0 ? "none (automation only)" : "\(CostModel.grouped(h)) hours (\(fte(h, team)) FTE)"
    }

    static func fte(_ h: Double, _ team: TeamNumbers?) -> String {
        Decision.fte(h / (team?.hoursPerPerson ?? 1_600))
    }

    /// The recommendation against the team: hours and FTE per cohort and in total against the
    /// capacity, cost against the budget, and by how much it is over.
    static func teamTable(_ journey: Journey, _ decision: Decision, _ recommendations: [Recommendation], _ costs: CostModel, style: Style) -> String {
        let team = decision.plan.team
        var out = style.bold("The recommendation against the team (a year, \(CostModel.grouped(team.hoursPerPerson)) hours per person)") + "\n"
        var rows: [[String]] = [["cohort", "recommended", "hours", "FTE", "cost"]]
        for (c, r) in zip(journey.cohorts, recommendations) {
            rows.append([TerminalText.singleLine(c.name), ([r.model] + r.layers).joined(separator: " + "), CostModel.grouped(r.hours),
                         fte(r.hours, team), r.cost.map { CostModel.grouped($0) } ?? "-"])
        }
        let plan = decision.plan
        rows.append(["total", "", CostModel.grouped(plan.hours), fte(plan.hours, team), CostModel.grouped(plan.cost)])
        out += table(rows, rightAligned: [2, 3, 4])
        if let capacity = team.capacityHours, let people = team.people, let over = plan.overHours {
            let head = "  capacity  \(CostModel.grouped(people)) \(people == 1 ? "person" : "people") x \(CostModel.grouped(team.hoursPerPerson)) hours = \(CostModel.grouped(capacity)) hours: "
            out += head + (over > 0
                ? style.yellow("over by \(CostModel.grouped(over)) hours (\(fte(over, team)) FTE)")
                : "\(CostModel.grouped(capacity - plan.hours)) hours to spare (\(fte(capacity - plan.hours, team)) FTE)") + "\n"
        } else {
            out += "  capacity  not stated (set team.people to bound the models by the team's hours)\n"
        }
        if let budget = team.budget, let over = plan.overBudget {
            out += "  budget    \(costs.money(budget)): " + (over > 0
                ? style.yellow("over by \(costs.money(over))")
                : "\(costs.money(budget - plan.cost)) to spare") + "\n"
        } else {
            out += "  budget    not stated (set team.budget to bound the models by the money)\n"
        }
        return out
    }

    /// The cost-to-serve tables: by cohort, by model, by stage.
    static func costTable(_ journey: Journey, _ report: CostReport, _ costs: CostModel, style: Style) -> String {
        var out = style.bold("Cost to serve per year (\(report.currency))") + "\n"
        var rows: [[String]] = [["cohort", "model", "customers", "each", "cost", "value", "cost/value"]]
        for (c, line) in zip(journey.cohorts, report.cohorts) {
            rows.append([
                TerminalText.singleLine(c.name), line.model ?? "-", line.size.map { CostModel.grouped(Double($0)) } ?? "-",
                line.unitCost.map { CostModel.grouped($0) } ?? "-", line.cost.map { CostModel.grouped($0) } ?? "-",
                line.value.map { CostModel.grouped($0) } ?? "-", line.costShare.map { percent($0) } ?? "-",
            ])
        }
        rows.append(["total", "", "", "", CostModel.grouped(report.totalCost), CostModel.grouped(report.totalValue),
                     report.totalValue > 0 ? percent(report.totalCost / report.totalValue) : "-"])
        out += table(rows, rightAligned: [2, 3, 4, 5, 6])
        out += "\nby model\n" + table(report.byModel.map { [$0.model, CostModel.grouped($0.cost)] }, rightAligned: [1])
        var stages = zip(journey.stages, report.byStage).map { [TerminalText.singleLine($0.name), CostModel.grouped($1.cost)] }
        if report.unplaced > 0 { stages.append(["(no touchpoint reaches)", CostModel.grouped(report.unplaced)]) }
        out += "\nby stage (each cohort's cost shared by the touchpoints it gets per stage)\n" + table(stages, rightAligned: [1])
        return out
    }

    static func percent(_ share: Double) -> String {
        let p = share * 100
        return p.isFinite && abs(p) < 10 && p != 0 ? "\(Double((p * 10).rounded()) / 10)%" : CostModel.wholePercent(p)
    }

    /// Rows padded to aligned columns, two spaces apart, indented by two.
    static func table(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        guard let n = rows.map(\.count).max() else { return "" }
        let widths = (0..<n).map { i in rows.map { i < $0.count ? TerminalText.width($0[i]) : 0 }.max() ?? 0 }
        return rows.map { row in
            let cells = row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - TerminalText.width(cell))
                return rightAligned.contains(i) ? pad + cell : cell + pad
            }
            return "  " + cells.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }.joined()
    }

    static func json(_ journey: Journey, _ decision: Decision, _ recommendations: [Recommendation], _ report: CostReport) -> JSONNode {
        let costs = CostModel(journey)
        func num(_ d: Double?) -> JSONNode { d.map { .number($0) } ?? .null }
        let cohorts: [JSONNode] = zip(journey.cohorts, zip(recommendations, report.cohorts)).map { c, pair in
            let (r, line) = pair
            return .object([
                JSONMember("id", .string(c.id)), JSONMember("name", .string(c.name)),
                JSONMember("recommended", .string(r.model)), JSONMember("layers", .array(r.layers.map { .string($0) })),
                JSONMember("guidance", .bool(r.guidance)), JSONMember("hours", .number(r.hours)), JSONMember("fte", .number(r.fte)),
                JSONMember("runnerUp", .string(r.runnerUp)), JSONMember("runnerUpReason", .string(r.runnerUpReason)),
                JSONMember("current", r.current.map { .string($0) } ?? .null), JSONMember("agrees", .bool(r.agrees)),
                JSONMember("answers", .array(r.answers.map { .object([JSONMember("question", .string($0.question)), JSONMember("answer", .string($0.answer))]) })),
                JSONMember("reasons", .array(r.reasons.map { .string($0) })),
                JSONMember("size", line.size.map { .number($0) } ?? .null),
                JSONMember("unitCost", num(line.unitCost)), JSONMember("cost", num(line.cost)), JSONMember("value", num(line.value)),
                JSONMember("recommendedCost", num(costs.cost(of: c, model: r.model, layers: r.layers))),
            ])
        }
        return .object([
            JSONMember("currency", .string(report.currency)),
            JSONMember("cohorts", .array(cohorts)),
            JSONMember("byModel", .object(report.byModel.map { JSONMember($0.model, .number($0.cost)) })),
            JSONMember("byStage", .array(report.byStage.map { .object([JSONMember("stage", .string($0.stage)), JSONMember("cost", .number($0.cost))]) })),
            JSONMember("unplaced", .number(report.unplaced)),
            JSONMember("totalCost", .number(report.totalCost)),
            JSONMember("totalValue", .number(report.totalValue)),
            JSONMember("team", .object([
                JSONMember("people", num(decision.plan.team.people)), JSONMember("hoursPerPerson", .number(decision.plan.team.hoursPerPerson)),
                JSONMember("capacityHours", num(decision.plan.team.capacityHours)), JSONMember("budget", num(decision.plan.team.budget)),
                JSONMember("hours", .number(decision.plan.hours)), JSONMember("fte", .number(decision.plan.team.fte(decision.plan.hours))),
                JSONMember("cost", .number(decision.plan.cost)),
                JSONMember("overHours", num(decision.plan.overHours)), JSONMember("overBudget", num(decision.plan.overBudget)),
            ])),
        ])
    }
}
