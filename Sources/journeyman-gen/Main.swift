import ArgumentParser
import Foundation
import JourneyKit

/// `journeyman-gen`: writes a large, realistic journey for benchmarks.
@main
struct JourneymanGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journeyman-gen",
        abstract: "Write a large, realistic journey (canonical and valid) for benchmarks.",
        discussion: "The same --touchpoints and --seed always give the same bytes.")

    @Option(help: ArgumentHelp("How many touchpoints the journey holds.", valueName: "N"))
    var touchpoints: Int

    @Option(help: ArgumentHelp("The seed of the pseudo-random choices.", valueName: "S"))
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write.", valueName: "FILE"))
    var output: String

    func validate() throws {
        if touchpoints < 0 { throw ValidationError("--touchpoints must be 0 or more") }
    }

    func run() throws {
        var generator = JourneyGenerator(seed: seed)
        let journey = generator.journey(touchpoints: touchpoints)
        do {
            try JourneyFile.write(journey, to: output)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(error.exitCode)
        }
    }
}
