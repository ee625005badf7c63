import ArgumentParser
import JourneyKit

struct Frameworks: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the built-in lifecycle frameworks with their stages and when to use each.")

    @Flag(help: "Print the catalog as JSON.")
    var json = false

    func run() throws {
        if json {
            let items: [JSONNode] = Framework.catalog.map { f in
                .object([
                    JSONMember("id", .string(f.id)), JSONMember("name", .string(f.name)),
                    JSONMember("stages", .array(f.stages.map { .string($0) })),
                    JSONMember("useWhen", .string(f.useWhen)), JSONMember("fitsBest", .string(f.fitsBest)),
                    JSONMember("loops", .array(f.loops.map { l in
                        .object([JSONMember("from", .string(f.stages[l.from])), JSONMember("to", .string(f.stages[l.to])), JSONMember("label", .string(l.label))])
                    })),
                ])
            }
            CLI.out(JSONWriter.canonicalString(.array(items)))
            return
        }
        var out = ""
        for f in Framework.catalog {
            out += "\(f.id)  \(f.name)\n"
            out += "  stages     \(f.stages.joined(separator: " > "))\n"
            for l in f.loops {
                out += "  loop       \(f.stages[l.from]) -> \(f.stages[l.to]) (\(l.label))\n"
            }
            out += "  use when   \(f.useWhen)\n"
            out += "  fits best  \(f.fitsBest)\n\n"
        }
        out += "Your own framework: journeyman new FILE --framework custom --name NAME --stages \"A,B,C\"\n"
        CLI.out(out)
    }
}
