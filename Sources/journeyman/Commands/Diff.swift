import ArgumentParser
import JourneyKit

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two journeys, by id: items added, removed, renamed, moved, reordered, and every changed field.",
        discussion: """
            Exit 0 when the journeys are equal, 1 when they differ (like diff). Given the seven arguments git passes \
            to an external diff (PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE) it prints a header and \
            always exits 0, as git asks. Set it up with:
              echo '*.json diff=journeyman merge=journeyman' >> .gitattributes
              git config diff.journeyman.command 'journeyman diff'
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    @Argument(help: ArgumentHelp("OLD NEW: the journey before and after (or git's seven external-diff arguments).", valueName: "FILE"))
    var files: [String]

    @Option(help: "text or markdown.")
    var format: Format = .text

    @OptionGroup var read: ReadOptions

    func validate() throws {
        if files.count != 2 && files.count != 7 { throw ValidationError("give two journey files: OLD NEW") }
    }

    func run() throws {
        if files.count == 7 {
            gitDiff(path: files[0], old: files[1], new: files[4])
            return
        }
        let old = try read.read(files[0]), new = try read.read(files[1])
        let diff = JourneyDiff(old: old.journey, new: new.journey)
        if diff.isEmpty { return }
        switch format {
        case .text: CLI.out(diff.text())
        case .markdown: CLI.out(diff.markdown(title: "Changes to " + new.journey.title))
        }
        throw ExitCode(1)
    }

    /// git's external diff: a header, then the semantic diff; problems are shown, not fatal.
    func gitDiff(path: String, old: String, new: String) {
        let name = TerminalText.escaped(path)
        CLI.out("journeyman diff a/\(name) b/\(name)\n")
        func load(_ file: String) -> Journey?? {
            if file == "/dev/null" { return .some(nil) }
            do {
                return .some(try JourneyFile.read(file, limits: read.limits).journey)
            } catch {
                let lines = error.lines.map { $0.replacingPrefix(TerminalText.escaped(file), with: name) }
                CLI.out(lines.map { "! " + $0 + "\n" }.joined())
                return nil
            }
        }
        guard let a = load(old), let b = load(new) else {
            // Not (both) journeys: show the plain text diff instead.
            if let r = External.run("diff", ["-u", "--label", "a/" + path, "--label", "b/" + path, old, new]) {
                External.relay(r.errors)
                CLI.out(r.output.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.escaped(String($0)) }.joined(separator: "\n"))
            }
            return
        }
        switch (a, b) {
        case (nil, let b?): CLI.out("journey added: \(TerminalText.escaped(JSONWriter.quoted(b.title)))\n")
        case (let a?, nil): CLI.out("journey deleted: \(TerminalText.escaped(JSONWriter.quoted(a.title)))\n")
        case (let a?, let b?):
            let diff = JourneyDiff(old: a, new: b)
            CLI.out(diff.isEmpty ? "no changes in content (formatting only)\n" : format == .markdown ? diff.markdown(title: "Changes to " + b.title) : diff.text())
        case (nil, nil): break
        }
    }
}

extension String {
    func replacingPrefix(_ prefix: String, with other: String) -> String {
        hasPrefix(prefix) ? other + dropFirst(prefix.count) : self
    }
}
