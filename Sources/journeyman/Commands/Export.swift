import ArgumentParser
import JourneyKit

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a journey as a visual map (SVG, HTML), a Mermaid diagram, CSV, a Graphviz graph or Markdown.",
        discussion: """
            svg, html: the journey map: stages as columns, swim lanes (--lanes model, channel or cohort) of \
            touchpoint cards, loop edges as arrows back, a legend; self-contained, one A3 landscape page when \
            the HTML is printed. \
            mermaid: a journey diagram (sections = stages, tasks = touchpoints, actors = the cohorts a touchpoint \
            targets, score 1-5 = the touchpoint's sentiment, 3 (a neutral face) when it has none); --flowchart draws \
            stages side by side with their touchpoints and loop edges instead. \
            csv: one row per touchpoint (RFC 4180), \
            with stage order and position and names beside ids; --table cohorts or costs for those tables, --bom for \
            spreadsheet programs; a cell starting with = + - @, tab or CR gets a leading ' so it is never run as a formula. \
            dot: a Graphviz digraph, left to right, a node per stage listing its touchpoints, model colours and a \
            legend. markdown: the Markdown summary with a Mermaid flowchart. Journey text is stripped of control characters and escaped for the format.
            """)

    @Argument(help: ArgumentHelp("The journey file.", valueName: "FILE"))
    var file: String

    @Option(help: "svg, html, mermaid, csv, dot or markdown.")
    var format: ExportFormat

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "OUT"))
    var output: String?

    @Flag(help: "With --format mermaid: a flowchart of stages with loop edges.")
    var flowchart = false

    @Option(help: ArgumentHelp("With --format svg or html: swim lanes by model, channel or cohort.", valueName: "BY"))
    var lanes: MapLanes?

    @Option(help: ArgumentHelp("With --format svg or html: draw the journey as this scenario (id or name) makes it.", valueName: "NAME"))
    var scenario: String?

    @Option(help: ArgumentHelp("With --format csv: touchpoints, cohorts or costs.", valueName: "TABLE"))
    var table: CSVTable?

    @Flag(help: "With --format csv: start with a UTF-8 byte-order mark, for spreadsheet programs.")
    var bom = false

    @OptionGroup var strategy: StrategyOptions

    @OptionGroup var read: ReadOptions

    func validate() throws {
        if flowchart && format != .mermaid { throw ValidationError("--flowchart needs --format mermaid") }
        if lanes != nil && format != .svg && format != .html { throw ValidationError("--lanes needs --format svg or html") }
        if scenario != nil && format != .svg && format != .html { throw ValidationError("--scenario needs --format svg or html") }
        if table != nil && format != .csv { throw ValidationError("--table needs --format csv") }
        if bom && format != .csv { throw ValidationError("--bom needs --format csv") }
    }

    func run() throws {
        let doc = try read.read(file)
        let extras = format == .markdown ? strategy.extras(doc) : SummaryExtras()
        var journey = doc.journey
        var map = JourneyMapOptions(lanes: lanes ?? .model, date: strategy.today ?? JourneyDate.today())
        if let scenario {
            guard let s = journey.scenario(named: scenario) else {
                let known = journey.scenarios.map(\.id)
                CLI.error("\(file): no scenario '\(scenario)'; " + (known.isEmpty ? "the journey has none" : "the journey has: " + known.joined(separator: ", ")))
                throw ExitCode(64)
            }
            journey = s.apply(to: journey)
            map.scenario = s.name
        }
        if format == .svg || format == .html {
            // The funnel band: customers entering each stage, when the forecast has any.
            let forecast = Forecast(journey)
            if forecast.entering > 0, forecast.stages.count == journey.stages.count { map.customersPerStage = forecast.stages.map(\.entering) }
        }
        let text = (bom ? CSVExport.bom : "") + JourneyExport.render(journey, as: format, flowchart: flowchart, extras: extras, map: map, csv: table ?? .touchpoints)
        guard let output else {
            CLI.out(text)
            return
        }
        do {
            try AtomicFile.write(Array(CLI.safeText(text).utf8), to: output)
        } catch {
            throw CLI.report(error)
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
extension MapLanes: ExpressibleByArgument {}
extension CSVTable: ExpressibleByArgument {}
