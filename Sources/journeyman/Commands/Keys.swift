import ArgumentParser
import JourneyTUI

/// `journeyman keys`: the editor's key reference, straight from the key table.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every key of the editor, grouped by where it works (the ? help, as text or Markdown).",
        discussion: "Text is wrapped to $COLUMNS (else 80) cells; --format markdown writes one table per context (docs/editor.md is made from it).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    @Option(help: "Output format: text or markdown.")
    var format: Format = .text

    func run() throws {
        switch format {
        case .text:
            CLI.out(KeyReference.textLines(width: CLI.width(minimum: 40)).map(\.text).joined(separator: "\n") + "\n")
        case .markdown:
            CLI.out(Self.markdown(KeyReference.sections))
        }
    }

    /// One `###` heading and a two-column table per context.
    static func markdown(_ sections: [KeyReference.Section]) -> String {
        sections.map { section in
            let rows = section.rows.map { r in
                [r.keys.isEmpty ? ReferenceMarkdown.cell(r.note) : r.keys.map(ReferenceMarkdown.code).joined(separator: " "),
                 ReferenceMarkdown.cell(r.help)]
            }
            return "### \(section.title)\n\n" + ReferenceMarkdown.table(["keys", "what they do"], rows)
        }.joined(separator: "\n")
    }
}
