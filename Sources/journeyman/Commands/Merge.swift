import ArgumentParser
import Foundation
import JourneyKit

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Three-way merge of journeys by id; a git merge driver (%O %A %B). The result is written to OURS.",
        discussion: """
            Edits to different items or different fields of one item merge cleanly; touchpoints both sides added to \
            one stage are all kept (ours first). A conflict still leaves a valid journey in OURS: ours wins a field \
            both sides changed, and an item deleted on one side but changed or still used on the other is kept. \
            Each conflict is listed on stderr as FILE:LINE:COL: PATH: message, recorded in the journey's "conflicts" \
            list (validate and lint fail until it is resolved), and the exit code is 1. An empty BASE (both sides \
            added the file) is allowed. Files that are not journeys are merged by `git merge-file` without a word, \
            their conflict markers named after the sides. The sides are named by --ours-label and --theirs-label \
            (git 2.44 and later pass them as %X and %Y), else from git (the current branch; the branch `git merge` \
            was given; "upstream" and your commit during a rebase), else "ours" and "theirs". Set it up with:
              echo '*.journey.json diff=journeyman merge=journeyman' >> .gitattributes
              git config merge.journeyman.driver 'journeyman merge %O %A %B --name %P'
            """)

    @Argument(help: ArgumentHelp("The common ancestor (git's %O).", valueName: "BASE"))
    var base: String

    @Argument(help: ArgumentHelp("Our version, replaced by the result (git's %A).", valueName: "OURS"))
    var ours: String

    @Argument(help: ArgumentHelp("Their version (git's %B).", valueName: "THEIRS"))
    var theirs: String

    @Option(help: ArgumentHelp("The file name to show in conflict messages (git's %P); OURS by default.", valueName: "PATH"))
    var name: String?

    @Option(name: .customLong("ours-label"), help: ArgumentHelp("The name of our side (git 2.44+: %X).", valueName: "NAME"))
    var oursLabel: String?

    @Option(name: .customLong("theirs-label"), help: ArgumentHelp("The name of their side (git 2.44+: %Y).", valueName: "NAME"))
    var theirsLabel: String?

    @Option(name: .customLong("base-label"), help: ArgumentHelp("The name of the common ancestor (git 2.44+: %S).", valueName: "NAME"))
    var baseLabel: String?

    @OptionGroup var read: ReadOptions

    /// The sides' names: given, else what git tells, else ours and theirs.
    var labels: MergeLabels {
        let git = GitSides.current()
        return MergeLabels(ours: oursLabel ?? git.ours, theirs: theirsLabel ?? git.theirs)
    }

    func run() throws {
        // Files that are not journeys at all: git's line merge, with nothing said about it.
        if ![base, ours, theirs].contains(where: { DiffCommand.looksLikeJourney($0, limits: read.limits) }) {
            return try textMerge(quiet: true, otherwise: ExitCode(65))
        }
        do {
            try merge()
        } catch let code as ExitCode where code.rawValue == 65 {
            try textMerge(quiet: false, otherwise: code)
        }
    }

    /// `git merge-file` with conflict markers named after the sides.
    func textMerge(quiet: Bool, otherwise code: ExitCode) throws {
        // Not journeys (or unreadable): git's line merge with conflict markers, unless a side
        // is not text either.
        for (label, file) in [("BASE", base), ("OURS", ours), ("THEIRS", theirs)] {
            guard let bytes = try? AtomicFile.read(file, maxBytes: read.limits.maxFileBytes),
                  let problem = Self.notText(bytes) else { continue }
            CLI.error("\(TerminalText.escaped(name ?? ours)): \(label) is neither a journey nor text (\(problem)); "
                      + "it cannot be merged: resolve it by hand")
            throw ExitCode(65)
        }
        let l = labels
        guard let r = External.run("git", ["merge-file", "-L", l.ours, "-L", baseLabel ?? "base", "-L", l.theirs, ours, base, theirs]),
              r.status != 126 && r.status != 127 else { throw code }
        External.relay(r.errors)
        if !quiet { CLI.error("\(TerminalText.escaped(name ?? ours)): merged as plain text by `git merge-file`") }
        if r.status != 0 { throw ExitCode(r.status < 0 || r.status > 127 ? 74 : 1) }
    }

    /// Reads one side, reporting errors under the path git merges (not its temporary file).
    func side(_ file: String, _ label: String?) throws -> JourneyDocument {
        do {
            return try JourneyFile.read(file, limits: read.limits)
        } catch {
            var e = error
            if let name { e.file = label.map { "\(name) (\($0))" } ?? name }
            throw CLI.report(e)
        }
    }

    /// Why these bytes are not text, or nil: a NUL byte anywhere (git's own test for a
    /// binary file, over the whole file). Text in another encoding is still text to merge.
    static func notText(_ bytes: [UInt8]) -> String? {
        bytes.firstIndex(of: 0).map { "a NUL byte at offset \($0)" }
    }

    func merge() throws {
        let baseBytes: [UInt8]
        do {
            baseBytes = try AtomicFile.read(base, maxBytes: read.limits.maxFileBytes)
        } catch {
            throw CLI.report(error)
        }
        let baseJourney: Journey?
        if baseBytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            baseJourney = nil
        } else {
            do {
                baseJourney = try JourneyCodec.decode(baseBytes, file: name.map { "\($0) (base)" } ?? base, limits: read.limits).journey
            } catch {
                throw CLI.report(error)
            }
        }
        let o = try side(ours, nil), t = try side(theirs, "theirs")
        let l = labels
        let result = JourneyMerge.merge(base: baseJourney, ours: o.journey, theirs: t.journey, labels: l)
        let bytes = JourneyCodec.encode(result.journey)
        do {
            try AtomicFile.write(bytes, to: ours)
        } catch {
            throw CLI.report(error)
        }
        if result.isClean { return }
        let written = try? JourneyCodec.decode(bytes)
        let diagnostics = result.conflicts.map { c in
            Diagnostic(location: written?.location(of: c.path), path: c.path, message: "conflict: " + c.message)
        }
        for line in JourneyError(.data, file: name ?? ours, diagnostics: diagnostics).lines { CLI.error(line) }
        CLI.error("\(TerminalText.escaped(name ?? ours)): \(result.conflicts.count) conflict\(result.conflicts.count == 1 ? "" : "s") recorded in \"conflicts\"; "
                  + "the merged journey is valid; resolve each and delete its entry (validate and lint fail until then)")
        if let note = GitSides.current().note { CLI.error("\(TerminalText.escaped(name ?? ours)): note: \(note)") }
        throw ExitCode(1)
    }
}
