import ArgumentParser
import JourneyKit

struct Recommend: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recommend an engagement model per cohort, with the cost to serve.",
        discussion: """
            Each cohort's value per user, complexity and service mode, and the journey's team capacity and budget, \
            answer the four questions; the model follows the rule "segment by need, bounded by economics". \
            Costs are yearly, per customer, by model: defaults high-touch 1500, hvc 900, hybrid 150, community 12, \
            low-touch 8, tech-touch 2, ai-augmented 3 (USD), overridden by the journey's costs.perCustomerYear.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("The journey file.", valueName: "FILE"))
    var file: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var read: ReadOptions

    func run() throws {
        let journey = try read.read(file).journey
        let recommendations = Recommender.recommend(journey)
        let report = CostReport(journey)
        switch format {
        case .json: CLI.json(RecommendOutput.json(journey, recommendations, report))
        case .text: CLI.out(RecommendOutput.text(journey, recommendations, report, style: .stdout))
        }
    }
}
