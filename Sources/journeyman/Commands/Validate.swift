import ArgumentParser
import JourneyKit

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check journey files: syntax, keys, types, values, ids and references.",
        discussion: "Problems are printed to stderr as FILE:LINE:COL: PATH: message. Exit 65 when a file is invalid, 66 when one cannot be read.")

    @Argument(help: ArgumentHelp("Journey files to check.", valueName: "FILE"))
    var files: [String]

    @Flag(name: .shortAndLong, help: "Print nothing for valid files.")
    var quiet = false

    @OptionGroup var read: ReadOptions

    func run() throws {
        var codes: [Int32] = []
        for file in files {
            do {
                let doc = try JourneyFile.read(file, limits: read.limits)
                let j = doc.journey
                let touchpoints = j.stages.reduce(0) { $0 + $1.touchpoints.count }
                if !quiet {
                    CLI.out("\(TerminalText.escaped(file)): valid (\(j.stages.count) stages, \(touchpoints) touchpoints, \(j.cohorts.count) cohorts)\n")
                }
                codes.append(0)
            } catch {
                codes.append(CLI.report(error).rawValue)
            }
        }
        let code = CLI.combine(codes)
        if code.rawValue != 0 { throw code }
    }
}
