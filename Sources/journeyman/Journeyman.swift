import ArgumentParser
import JourneyKit

/// The `journeyman` command: the editor by default, and the tools for reviewers and presenters.
@main
struct Journeyman: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "journeyman",
        abstract: "Design customer lifecycle journeys: a terminal editor and tools for reviewers and presenters.",
        discussion: """
            Exit codes: 0 fine; 1 findings (lint errors, fmt --check or diff differences, merge conflicts); \
            64 usage; 65 bad data; 66 missing input; 73 cannot create; 74 I/O error.
            """,
        version: version,
        subcommands: [
            Edit.self,
            New.self, Validate.self, Fmt.self, Frameworks.self, Models.self,
            Lint.self, Recommend.self, CoverageCommand.self, Assess.self,
            SummaryCommand.self, ForecastCommand.self, DiffCommand.self, MergeCommand.self, ExportCommand.self, Keys.self,
        ],
        defaultSubcommand: Edit.self
    )
}
