import ArgumentParser
import JourneyKit

struct Frameworks: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the built-in lifecycle frameworks with their stages and when to use each.",
        discussion: "Text is wrapped to $COLUMNS (else 80) cells; --json prints the catalog for tools.")

    @Flag(help: "Print the catalog as JSON.")
    var json = false

    func run() throws {
        if json {
            let items: [JSONNode] = Framework.catalog.map { f in
                .object([
                    JSONMember("id", .string(f.id)), JSONMember("name", .string(f.name)),
                    JSONMember("stages", .array(f.stages.map { .string($0) })),
                    JSONMember("alsoCalled", .object(f.aliases.keys.sorted().map { i in JSONMember(f.stages[i], .array(f.aliases[i]!.map { .string($0) })) })),
                    JSONMember("useWhen", .string(f.useWhen)), JSONMember("fitsBest", .string(f.fitsBest)),
                    JSONMember("loops", .array(f.loops.map { l in
                        .object([JSONMember("from", .string(f.stages[l.from])), JSONMember("to", .string(f.stages[l.to])), JSONMember("label", .string(l.label))])
                    })),
                ])
            }
            CLI.json(.array(items))
            return
        }
        let width = CLI.width(minimum: 40)
        var out = ""
        for f in Framework.catalog {
            out += CLI.heading("\(f.id)  \(f.name)", width: width)
            out += CLI.field("stages", f.stages.joined(separator: " > "), labelWidth: 9, width: width)
            for i in f.aliases.keys.sorted() {
                out += CLI.field("also", "\(f.stages[i]) is also called \(f.aliases[i]!.joined(separator: " or "))", labelWidth: 9, width: width)
            }
            for l in f.loops {
                out += CLI.field("loop", "\(f.stages[l.from]) -> \(f.stages[l.to]) (\(l.label))", labelWidth: 9, width: width)
            }
            out += CLI.field("use when", f.useWhen, labelWidth: 9, width: width)
            out += CLI.field("fits best", f.fitsBest, labelWidth: 9, width: width) + "\n"
        }
        out += TextWrap.wrap("Your own framework: journeyman new FILE --framework custom --name NAME --stages \"A,B,C\"", width: width).joined(separator: "\n") + "\n"
        CLI.out(out)
    }
}
