import ArgumentParser
import JourneyKit

struct Models: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the built-in engagement models: what each is, when it fits and its trap.",
        discussion: "Text is wrapped to $COLUMNS (else 80) cells; --json prints the catalog for tools.")

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
            CLI.json(.array(items))
            return
        }
        let width = CLI.width(minimum: 40)
        var out = ""
        for m in EngagementModel.catalog {
            let heading = "\(m.id)  \(m.name)  [\(m.badge)]\(m.isLayer ? "  (a layer over another model)" : "")"
            out += CLI.heading(heading, width: width)
            out += CLI.field("what it is", m.whatItIs, labelWidth: 10, width: width)
            out += CLI.field("fits when", m.fitsWhen, labelWidth: 10, width: width)
            out += CLI.field("trap", m.trap, labelWidth: 10, width: width) + "\n"
        }
        out += TextWrap.wrap("Channels: " + Channel.catalog.map(\.id).joined(separator: ", "), width: width, rest: "  ").joined(separator: "\n") + "\n"
        CLI.out(out)
    }
}
