import ArgumentParser
import Foundation
import JourneyKit

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a journey file from a built-in or custom framework.",
        discussion: """
            Built-in frameworks: \(Framework.ids.joined(separator: ", ")) (see `journeyman frameworks`).
            For your own framework use --framework custom with --name and --stages.
            An existing file is never overwritten.
            """)

    @Argument(help: ArgumentHelp("The journey file to create.", valueName: "FILE"))
    var file: String

    @Option(help: ArgumentHelp("A built-in framework id, or `custom`.", valueName: "ID"))
    var framework: String

    @Option(help: ArgumentHelp("The journey's title.", valueName: "T"))
    var title: String?

    @Option(help: ArgumentHelp("The custom framework's name.", valueName: "NAME"))
    var name: String?

    @Option(help: ArgumentHelp("The custom framework's stages, comma-separated, in order.", valueName: "A,B,C"))
    var stages: String?

    var stageNames: [String] {
        (stages ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !FieldRules.isBlank($0) }
    }

    func validate() throws {
        // The reader refuses a blank title or name, so a new file never has one.
        if let title, FieldRules.isBlank(title) { throw ValidationError("--title cannot be blank; leave it out for the framework's default title") }
        if framework == "custom" {
            guard let name, !FieldRules.isBlank(name) else {
                throw ValidationError("--framework custom needs --name, e.g. --name \"Generic lifecycle\"")
            }
            if stageNames.isEmpty {
                throw ValidationError("--framework custom needs --stages, e.g. --stages \"Awareness,Consideration,Purchase,Retention,Advocacy\"")
            }
        } else {
            if Framework.named(framework) == nil {
                var message = "unknown framework '\(TerminalText.escaped(framework))'"
                if let s = Suggest.closest(to: framework, in: Framework.ids) {
                    message += "; did you mean '\(s)'? Choose one of: "
                } else {
                    message += "; choose one of: "
                }
                message += Framework.ids.joined(separator: ", ") + ", custom"
                throw ValidationError(message)
            }
            if stages != nil || name != nil {
                throw ValidationError("--stages and --name are only for --framework custom")
            }
        }
    }

    func run() throws {
        if FileManager.default.fileExists(atPath: file) {
            let name = TerminalText.escaped(file)
            CLI.error("\(name): already exists; journeyman new never overwrites a file (choose another name, or open it with `journeyman \(name)`)")
            throw ExitCode(73)
        }
        let journey: Journey
        if framework == "custom" {
            journey = Journey.customTemplate(name: name!, stages: stageNames, title: title)
        } else {
            journey = Journey.template(Framework.named(framework)!, title: title)
        }
        do {
            try JourneyFile.write(journey, to: file, replacing: false)
        } catch {
            throw CLI.report(error)
        }
        CLI.out("\(TerminalText.escaped(file)): created a \(TerminalText.escaped(journey.framework.displayName)) journey with \(journey.stages.count) stages\n")
    }
}
