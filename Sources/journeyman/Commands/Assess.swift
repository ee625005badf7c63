import ArgumentParser
import Foundation
import JourneyKit

struct Assess: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Assess the maturity of the brand's engagement capability on both ladders.",
        discussion: """
            On a terminal the questions are asked one by one. For scripts, --answers takes the ticked check ids, \
            comma-separated (e.g. a2-segments,a2-triggers,b1-planned), or one y/n letter per question in order, \
            or none. A step counts when its checks and all checks below it are ticked. \
            With FILE the result is stored in the journey's "maturity" and the file is rewritten atomically.
            """)

    @Argument(help: ArgumentHelp("A journey file to store the result in.", valueName: "FILE"))
    var file: String?

    @Option(help: ArgumentHelp("The ticked checks: ids separated by commas, a y/n string, or none.", valueName: "LIST"))
    var answers: String?

    @Flag(help: "List the checks of both ladders and exit.")
    var list = false

    @Option(help: ArgumentHelp("The assessment date (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var today: String?

    @OptionGroup var read: ReadOptions

    func validate() throws {
        if let today, !JourneyDate.isValid(today) { throw ValidationError("--today must be a date written YYYY-MM-DD") }
        if let answers, case .failure(let e) = Maturity.parseAnswers(answers) { throw ValidationError("--answers: \(e.message)") }
    }

    func run() throws {
        if list {
            CLI.out(Self.checklist())
            return
        }
        let doc = try file.map { try read.read($0) }
        let ticked: Set<String>
        if let answers, case .success(let ids) = Maturity.parseAnswers(answers) {
            ticked = ids
        } else if OS.isTerminal(0) {
            ticked = Self.ask(previous: Set(doc?.journey.maturity?.checks ?? []))
        } else {
            CLI.error("journeyman assess: standard input is not a terminal; give --answers (see `journeyman assess --help`)")
            throw ExitCode(64)
        }
        let result = Maturity.assess(ticked, on: today ?? JourneyDate.today())
        var out = Self.describe(result, title: doc?.journey.title)
        if let doc, let file {
            var journey = doc.journey
            journey.maturity = result
            do {
                try JourneyFile.write(journey, to: file)
            } catch {
                throw CLI.report(error)
            }
            out += "Saved in \(TerminalText.escaped(file)).\n"
        }
        CLI.out(out)
    }

    /// Asks every question on the terminal; the previous answers are the defaults.
    static func ask(previous: Set<String>) -> Set<String> {
        var ticked: Set<String> = []
        for (ladder, steps) in [("A", Maturity.ladderA), ("B", Maturity.ladderB)] {
            for step in steps where !step.checks.isEmpty {
                CLI.out("\nLadder \(ladder), \(ladder == "A" ? "rung" : "level") \(step.number): \(step.name). \(step.description)\n")
                for check in step.checks {
                    let yes = previous.contains(check.id)
                    CLI.out("  \(check.question) [\(yes ? "Y/n" : "y/N")] ")
                    guard let line = readLine() else {
                        CLI.out("\n")
                        if yes { ticked.insert(check.id) }
                        continue
                    }
                    let a = line.trimmingCharacters(in: .whitespaces).lowercased()
                    if a == "y" || a == "yes" || (a.isEmpty && yes) { ticked.insert(check.id) }
                }
            }
        }
        CLI.out("\n")
        return ticked
    }

    /// The result: both ladders with their next focus, and the checks ticked.
    static func describe(_ r: MaturityResult, title: String?) -> String {
        let rung = Maturity.rung(r.rung)!, level = Maturity.level(r.level)!
        var out = "Maturity" + (title.map { " of \"\(TerminalText.singleLine($0))\"" } ?? "") + " on \(r.assessed)\n"
        out += "Ladder A: rung \(r.rung) of 4, \(rung.name). \(rung.description)\n"
        out += "  next focus: \(rung.nextFocus)\n"
        out += "Ladder B: level \(r.level) of 4, \(level.name). \(level.description)\n"
        out += "  next focus: \(level.nextFocus)\n"
        out += "Ticked \(r.checks.count) of \(Maturity.checks.count): " + (r.checks.isEmpty ? "none" : r.checks.joined(separator: ", ")) + "\n"
        let counted = Set((Maturity.ladderA.filter { $0.number <= r.rung } + Maturity.ladderB.filter { $0.number <= r.level }).flatMap(\.checks).map(\.id))
        let waiting = r.checks.filter { !counted.contains($0) }
        if !waiting.isEmpty {
            out += "Not counted yet (a step below is incomplete): " + waiting.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// The checks of both ladders, for --list.
    static func checklist() -> String {
        var out = ""
        for (ladder, steps) in [("A", Maturity.ladderA), ("B", Maturity.ladderB)] {
            out += "Ladder \(ladder)\n"
            for step in steps {
                out += "  \(step.number) \(step.name): \(step.description)\n"
                for c in step.checks { out += "      \(c.id.padding(toLength: 20, withPad: " ", startingAt: 0))\(c.question)\n" }
            }
        }
        return out
    }
}
