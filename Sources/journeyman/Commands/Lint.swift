import ArgumentParser
import JourneyKit

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check journeys against the common mistakes of engagement models.",
        discussion: """
            Formats: text (for people, grouped by stage), json (for tools), github (annotations for a pull request), \
            sarif (SARIF 2.1.0 for code scanning). A file that cannot be read is reported in every format, as \
            findings of rule "invalid" (or "unreadable") at the place of each error; unresolved merge conflicts in the \
            journey's "conflicts" list fail it the same way, as rule "conflict". \
            A journey switches a rule off with "suppress": [{"rule": "JM009", "reason": "..."}] on the journey, \
            a stage (and its touchpoints), a touchpoint or a cohort. \
            Exit 1 when a file has errors (or warnings with --strict); 65 for an invalid file, 66 for a missing one.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github, markdown, sarif
    }

    @Argument(help: ArgumentHelp("Journey files to lint.", valueName: "FILE"))
    var files: [String] = []

    @Option(help: "Output format: text, json, github or sarif; markdown for --rules only.")
    var format: Format = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Option(help: ArgumentHelp("Judge the review age against this day instead of today (UTC).", valueName: "YYYY-MM-DD"))
    var today: String?

    @Flag(help: "List every rule and exit.")
    var rules = false

    @OptionGroup var read: ReadOptions

    func validate() throws {
        if !rules && files.isEmpty { throw ValidationError("give at least one journey file") }
        if !rules && format == .markdown { throw ValidationError("--format markdown is only for --rules; findings come as text, json, github or sarif") }
        if rules && (format == .json || format == .github || format == .sarif) { throw ValidationError("--rules prints text or markdown") }
        if let today, !JourneyDate.isValid(today) { throw ValidationError("--today must be a date written YYYY-MM-DD") }
    }

    func run() throws {
        if rules {
            CLI.out(format == .markdown ? LintOutput.rulesMarkdown() : LintOutput.rules())
            return
        }
        let linter = Linter(today: today ?? JourneyDate.today())
        let style = Style.stdout
        var codes: [Int32] = []
        var texts: [String] = []
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
                let report = linter.lint(doc)
                switch format {
                case .text: texts.append(LintOutput.text(file: file, journey: doc.journey, report: report, style: style))
                case .json: objects.append(LintOutput.json(file: file, doc: doc, report: report))
                case .github: CLI.out(GitHubAnnotations.lines(file: file, problems: report.findings.map { Problem($0, in: doc) }))
                case .sarif: sarif.append(SARIF.FileProblems(file: file, problems: report.findings.map { Problem($0, in: doc) },
                                                             suppressed: report.suppressed.map { Problem($0, in: doc) }))
                case .markdown: break
                }
                codes.append(report.fails(strict: strict) ? 1 : 0)
            } catch {
                codes.append(CLI.report(error).rawValue)
                let problems = Problem.from(error, rule: conflicted ? Problem.conflict : nil)
                switch format {
                case .text, .markdown: break
                case .json: objects.append(LintOutput.json(file: file, problems: problems))
                case .github: CLI.out(GitHubAnnotations.lines(file: file, problems: problems))
                case .sarif: sarif.append(SARIF.FileProblems(file: file, problems: problems))
                }
            }
        }
        switch format {
        case .text: CLI.out(texts.joined(separator: "\n"))
        case .json: CLI.json(.object([JSONMember("files", .array(objects))]))
        case .github, .markdown: break
        case .sarif: CLI.json(SARIF.log(sarif))
        }
        let code = CLI.combine(codes)
        if code != .success { throw code }
    }
}
