import ArgumentParser
import Foundation
import JourneyKit

/// The strategy engine's part of a summary: lint highlights and the cost to serve.
struct StrategyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Judge the review age against this day instead of today (UTC), for the lint highlights.", valueName: "YYYY-MM-DD"))
    var today: String?

    func validate() throws {
        if let today, !JourneyDate.isValid(today) { throw ValidationError("--today must be a date written YYYY-MM-DD") }
    }

    func extras(_ doc: JourneyDocument) -> SummaryExtras {
        let day = today ?? JourneyDate.today()
        return SummaryExtras(journey: doc.journey, lint: Linter(today: day).lint(doc), today: day)
    }
}

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Print a presenter's summary of a journey: framework, stages, touchpoints, loops, cohorts.",
        discussion: """
            Text is wrapped to --width, else $COLUMNS, else 80 terminal cells (at least 10); no line is wider \
            (CJK and emoji count as two cells). --ascii prints pure 7-bit ASCII: no box drawing or bullets, \
            accents dropped from journey text and other non-ASCII characters written as \\u{XXXX}. \
            The summary opens with the brief (--brief prints only it, at most 15 lines: the shape, the funnel, \
            cost against value, the top problems and the review age). Cohorts show their routing rules and \
            health scores. It ends with the lint counts and worst findings, the funnel (customers entering each \
            stage, from the forecast, as bars: # with --ascii) and the yearly cost to serve per cohort against its value.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    @Argument(help: ArgumentHelp("The journey file.", valueName: "FILE"))
    var file: String

    @Option(help: "text or markdown.")
    var format: Format = .text

    @Option(parsing: .unconditional, help: ArgumentHelp("Wrap text to this many terminal cells (at least 10).", valueName: "N"))
    var width: PositiveNumber?

    @Flag(help: "Pure ASCII output: no box-drawing or other non-ASCII characters.")
    var ascii = false

    @Flag(help: "Only the brief: shape, funnel, money, top problems and review age, at most 15 lines.")
    var brief = false

    @OptionGroup var strategy: StrategyOptions

    @OptionGroup var read: ReadOptions

    func validate() throws {
        if brief && format != .text { throw ValidationError("--brief needs --format text") }
        _ = try width?.checked("--width", minimum: SummaryOptions.minimumWidth)
    }

    /// --width, else $COLUMNS when it is a number, else 80; never below the minimum.
    var effectiveWidth: Int { CLI.width(width?.number, minimum: SummaryOptions.minimumWidth) }

    func run() throws {
        let doc = try read.read(file)
        let extras = strategy.extras(doc)
        switch format {
        case .text where brief:
            CLI.out(Summary.brief(doc.journey, options: SummaryOptions(width: effectiveWidth, ascii: ascii), extras: extras))
        case .text:
            CLI.out(Summary.text(doc.journey, options: SummaryOptions(width: effectiveWidth, ascii: ascii), extras: extras))
        case .markdown:
            let md = Summary.markdown(doc.journey, extras: extras)
            CLI.out(ascii ? ReviewText.ascii(md) : md)
        }
    }
}
