import ArgumentParser
import Foundation
import JourneyKit

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Show which stages have touchpoints for each engagement model or cohort.",
        discussion: "Each cell counts the touchpoints of a stage for a model (its own, else its cohorts' models, plus layers) or for a cohort (those it reaches; a touchpoint naming no cohort reaches all). A dot marks an empty cell.")

    @Argument(help: ArgumentHelp("The journey file.", valueName: "FILE"))
    var file: String

    @Option(help: "Columns: model or cohort.")
    var by: Coverage.Axis = .model

    @Option(parsing: .unconditional, help: ArgumentHelp("Fit the grid into this many columns (default: $COLUMNS, else 80).", valueName: "N"))
    var width: PositiveNumber?

    @Flag(help: "Use ASCII only.")
    var ascii = false

    @OptionGroup var read: ReadOptions

    func validate() throws {
        _ = try width?.checked("--width", minimum: 20)
    }

    func run() throws {
        let journey = try read.read(file).journey
        let columns = width?.number ?? ProcessInfo.processInfo.environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 >= 20 ? $0 : nil } ?? 80
        let grid = Coverage(journey, by: by)
        let what = by == .model ? "engagement model" : "cohort"
        let heading = "Touchpoints per stage and \(what) in "
        // The heading wraps; the title in it is cut to two lines at most.
        let title = Coverage.cut(TerminalText.singleLine(journey.title), to: max(10, 2 * columns - heading.count - 2), ascii: ascii)
        var out = TextWrap.wrap(heading + "\"" + title + "\"", width: columns).joined(separator: "\n") + "\n\n"
        if grid.columns.isEmpty || grid.rows.isEmpty {
            out += by == .cohort ? "No cohorts to show.\n" : "No stages to show.\n"
        } else {
            out += grid.lines(width: columns, ascii: ascii).joined(separator: "\n") + "\n"
        }
        CLI.out(out)
    }
}

extension Coverage.Axis: ExpressibleByArgument {}
