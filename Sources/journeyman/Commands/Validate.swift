import ArgumentParser
import JourneyKit

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check journey files: syntax, keys, types, values, ids and references.",
        discussion: """
            Problems are printed to stderr as FILE:LINE:COL: PATH: message. With --format json, github or sarif \
            they are also written to stdout in that format (rule "invalid", "unreadable" for a file that cannot \
            be read, "conflict" for each unresolved merge conflict kept in the journey's "conflicts" list: a journey \
            with any is not valid until they are resolved). Exit 65 when a file is invalid, 66 when one cannot be read.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github, sarif
    }

    @Argument(help: ArgumentHelp("Journey files to check.", valueName: "FILE"))
    var files: [String]

    @Flag(name: .shortAndLong, help: "Print nothing for valid files.")
    var quiet = false

    @Option(help: "Output format: text, json, github or sarif.")
    var format: Format = .text

    @OptionGroup var read: ReadOptions

    func run() throws {
        var codes: [Int32] = []
        var objects: [JSONNode] = []
        var sarif: [SARIF.FileProblems] = []
        for file in files {
            // Unresolved merge conflicts make a readable file fail like an invalid one.
            var conflicted = false
            do throws(JourneyError) {
                let doc = try JourneyFile.read(file, limits: read.limits)
                if let e = doc.conflictError(file: file) {
                    conflicted = true
                    throw e
                }
                let j = doc.journey
                let touchpoints = j.stages.reduce(0) { $0 + $1.touchpoints.count }
                switch format {
                case .text:
                    if !quiet {
                        CLI.out("\(TerminalText.escaped(file)): valid (\(j.stages.count) stages, \(touchpoints) touchpoints, \(j.cohorts.count) cohorts)\n")
                    }
                case .json:
                    objects.append(.object([
                        JSONMember("file", .string(file)), JSONMember("valid", .bool(true)), JSONMember("errors", .array([])),
                        JSONMember("stages", .number(j.stages.count)), JSONMember("touchpoints", .number(touchpoints)),
                        JSONMember("cohorts", .number(j.cohorts.count)),
                    ]))
                case .github: break
                case .sarif: sarif.append(SARIF.FileProblems(file: file, problems: []))
                }
                codes.append(0)
            } catch {
                codes.append(CLI.report(error).rawValue)
                let problems = Problem.from(error, rule: conflicted ? Problem.conflict : nil)
                switch format {
                case .text: break
                case .json:
                    objects.append(.object([JSONMember("file", .string(file)), JSONMember("valid", .bool(false)),
                                            JSONMember("errors", .array(problems.map(\.json)))]))
                case .github: CLI.out(GitHubAnnotations.lines(file: file, problems: problems))
                case .sarif: sarif.append(SARIF.FileProblems(file: file, problems: problems))
                }
            }
        }
        switch format {
        case .text, .github: break
        case .json: CLI.json(.object([JSONMember("files", .array(objects))]))
        case .sarif: CLI.json(SARIF.log(sarif))
        }
        let code = CLI.combine(codes)
        if code.rawValue != 0 { throw code }
    }
}
