import ArgumentParser
import JourneyKit

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a journey as a Mermaid diagram, CSV, a Graphviz graph or Markdown.",
        discussion: """
            mermaid: a journey diagram (sections = stages, tasks = touchpoints, actors = the cohorts a touchpoint \
            targets, score 1-5 = status (idea 1, planned 2, live 3, retired 1, none 2) + evidence (assumed 0, \
            partly backed 1, research-backed 2), clamped); --flowchart draws stages and loop edges instead. \
            csv: one row per touchpoint (RFC 4180). dot: a Graphviz digraph with loop edges. markdown: the \
            Markdown summary. Journey text is stripped of control characters and escaped for the format.
            """)

    @Argument(help: ArgumentHelp("The journey file.", valueName: "FILE"))
    var file: String

    @Option(help: "mermaid, csv, dot or markdown.")
    var format: ExportFormat

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "OUT"))
    var output: String?

    @Flag(help: "With --format mermaid: a flowchart of stages with loop edges.")
    var flowchart = false

    @OptionGroup var strategy: StrategyOptions

    @OptionGroup var read: ReadOptions

    func validate() throws {
        if flowchart && format != .mermaid { throw ValidationError("--flowchart needs --format mermaid") }
    }

    func run() throws {
        let doc = try read.read(file)
        let extras = format == .markdown ? strategy.extras(doc) : SummaryExtras()
        let text = JourneyExport.render(doc.journey, as: format, flowchart: flowchart, extras: extras)
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
