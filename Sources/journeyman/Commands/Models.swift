import ArgumentParser
import JourneyKit

struct Models: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the built-in engagement models: what each is, when it fits and its trap.")

    @Flag(help: "Print the catalog as JSON.")
    var json = false

    func run() throws {
        if json {
            let items: [JSONNode] = EngagementModel.catalog.map { m in
                .object([
                    JSONMember("id", .string(m.id)), JSONMember("name", .string(m.name)), JSONMember("badge", .string(m.badge)),
                    JSONMember("whatItIs", .string(m.whatItIs)), JSONMember("fitsWhen", .string(m.fitsWhen)),
                    JSONMember("trap", .string(m.trap)), JSONMember("humanTouch", .bool(m.humanTouch)),
                    JSONMember("layer", .bool(m.isLayer)),
                ])
            }
            CLI.out(JSONWriter.canonicalString(.array(items)))
            return
        }
        var out = ""
        for m in EngagementModel.catalog {
            out += "\(m.id)  \(m.name)  [\(m.badge)]\(m.isLayer ? "  (a layer over another model)" : "")\n"
            out += "  what it is  \(m.whatItIs)\n"
            out += "  fits when   \(m.fitsWhen)\n"
            out += "  trap        \(m.trap)\n\n"
        }
        out += "Channels: \(Channel.catalog.map(\.id).joined(separator: ", "))\n"
        CLI.out(out)
    }
}
