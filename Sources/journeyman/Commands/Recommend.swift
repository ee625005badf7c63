import ArgumentParser
import Foundation
import JourneyKit

struct Recommend: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recommend an engagement model per cohort, with the cost to serve.",
        discussion: """
            Each cohort's value per user, complexity, service mode and level, and the journey's team (people, hours, \
            budget), answer the four questions; the model follows the rule "segment by need, bounded by economics" \
            and by the team: it never goes past the team's hours or budget without saying by how much. \
            Costs are yearly, per customer, by model: defaults high-touch 1500, hvc 900, hybrid 150, community 12, \
            low-touch 8, tech-touch 2, ai-augmented 3 (USD), overridden by the journey's costs.perCustomerYear. \
            People's minutes per customer a year: high-touch 720, hvc 120, hybrid 30, community 1, low-touch 2, \
            tech-touch 0, overridden by costs.minutesPerCustomerYear.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("The journey file.", valueName: "FILE"))
    var file: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(name: .customLong("save-scenario"), help: ArgumentHelp(
        "Also write the recommended models into FILE as the scenario with this name (replacing one of that name), for `forecast --compare`.",
        valueName: "NAME"))
    var saveScenario: String?

    @OptionGroup var read: ReadOptions

    func validate() throws {
        if let saveScenario, saveScenario.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--save-scenario needs a name")
        }
    }

    func run() throws {
        let journey = try read.read(file).journey
        let decision = Decision(journey)
        let recommendations = Recommender.recommend(decision)
        let report = CostReport(journey)
        switch format {
        case .json: CLI.json(RecommendOutput.json(journey, decision, recommendations, report))
        case .text: CLI.out(RecommendOutput.text(journey, decision, recommendations, report, style: .stdout))
        }
        guard let name = saveScenario else { return }
        let scenario = Scenario.recommended(recommendations, in: journey, name: name)
        do {
            try JourneyFile.write(journey.saving(scenario), to: file)
        } catch {
            throw CLI.report(error)
        }
        let n = scenario.cohorts.count
        let note = "Saved scenario \"\(TerminalText.escaped(name))\" (\(scenario.id)) in \(TerminalText.escaped(file)): "
            + (n == 0 ? "no cohort changes model or layers." : "\(n) cohort\(n == 1 ? "" : "s") change\(n == 1 ? "s" : "") model or layers.")
        if format == .json { CLI.error(note) } else { CLI.out("\n" + note + "\n") }
    }
}
