import ArgumentParser
import JourneyKit

struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast the funnel: customers per stage, revenue, cost to serve, margin and the biggest leak.",
        discussion: """
            Deterministic arithmetic per cohort: its size (or its inflowPerYear over the horizon) enters the first \
            stage; each stage loses its drop-off (the cohort's own drop-off there when given; none given is taken as \
            0%); loops carry their share of a stage's passing customers back. Revenue is value per user for each \
            customer entering the value stage (the first marked earnsValue, else the first at level Active or \
            later); cost to serve is the cohort's yearly unit cost, spread over the stages by the touchpoints \
            reaching it. The horizon is settings.horizonMonths (12 by default). Text is wrapped to --width, else \
            $COLUMNS, else 80 cells (at least 20); no line is wider.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
    }

    @Argument(help: ArgumentHelp("The journey file.", valueName: "FILE"))
    var file: String

    @Option(help: ArgumentHelp("Forecast only the cohort with this id.", valueName: "ID"))
    var cohort: String?

    @Option(help: ArgumentHelp("Forecast the journey as this scenario (id or name) makes it.", valueName: "NAME"))
    var scenario: String?

    @Option(help: ArgumentHelp("Print the journey as-is beside this scenario (id or name), with the changes.", valueName: "NAME"))
    var compare: String?

    @Option(help: "text, json or csv.")
    var format: Format = .text

    @Option(parsing: .unconditional, help: ArgumentHelp("Wrap text to this many terminal cells (at least 20).", valueName: "N"))
    var width: PositiveNumber?

    @Flag(help: "Pure ASCII output: # bars, no other non-ASCII characters.")
    var ascii = false

    @Option(help: ArgumentHelp("The day the horizon starts; the heading then names the horizon's dates.", valueName: "YYYY-MM-DD"))
    var today: String?

    @OptionGroup var read: ReadOptions

    func validate() throws {
        _ = try width?.checked("--width", minimum: ForecastTextOptions.minimumWidth)
        if let today, !JourneyDate.isValid(today) { throw ValidationError("--today must be a date written YYYY-MM-DD") }
        if scenario != nil && compare != nil {
            throw ValidationError("--scenario and --compare cannot be used together: --compare NAME shows the scenario beside the journey as-is")
        }
    }

    /// The scenario with this id or name, or a usage error naming the ones there are.
    func find(_ key: String, in journey: Journey) throws -> Scenario {
        if let s = journey.scenario(named: key) { return s }
        let known = journey.scenarios.map(\.id)
        CLI.error("forecast: no scenario \"\(key)\" in \(file)" + (known.isEmpty ? " (it has none)" : "; its scenarios: " + known.joined(separator: ", ")))
        throw ExitCode(64)
    }

    func run() throws {
        let journey = try read.read(file).journey
        var scope: String?
        if let cohort {
            guard let c = journey.cohorts.first(where: { $0.id == cohort }) else {
                let known = journey.cohorts.map(\.id)
                CLI.error("forecast: no cohort \"\(cohort)\" in \(file)" + (known.isEmpty ? " (it has none)" : "; its cohorts: " + known.joined(separator: ", ")))
                throw ExitCode(64)
            }
            scope = "cohort \"\(c.name)\""
        }
        let options = ForecastTextOptions(width: CLI.width(width?.number, minimum: ForecastTextOptions.minimumWidth), ascii: ascii, start: today)
        if let compare {
            let s = try find(compare, in: journey)
            let asIs = Forecast(journey, cohort: cohort), toBe = Forecast(s.apply(to: journey), cohort: cohort)
            switch format {
            case .json: CLI.out(JSONWriter.canonicalString(ForecastData.compare(asIs, toBe, scenario: (s.id, s.name))))
            case .csv: CLI.out(ForecastData.csv([("as-is", asIs), (s.id, toBe)]))
            case .text: CLI.out(ForecastText(options).compare(asIs, toBe, journey: journey, scenario: s.name, scope: scope))
            }
            return
        }
        let applied = try scenario.map { try find($0, in: journey) }
        let forecast = Forecast(applied.map { $0.apply(to: journey) } ?? journey, cohort: cohort)
        switch format {
        case .json: CLI.out(JSONWriter.canonicalString(ForecastData.json(forecast, scenario: applied.map { ($0.id, $0.name) })))
        case .csv: CLI.out(ForecastData.csv([(applied?.id ?? "as-is", forecast)]))
        case .text: CLI.out(ForecastText(options).render(forecast, journey: journey, scope: scope, scenario: applied?.name))
        }
    }
}
