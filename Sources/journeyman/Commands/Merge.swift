import ArgumentParser
import JourneyKit

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Three-way merge of journeys by id; a git merge driver (%O %A %B). The result is written to OURS.",
        discussion: """
            Edits to different items or different fields of one item merge cleanly; touchpoints both sides added to \
            one stage are all kept (ours first). A conflict still leaves a valid journey in OURS: ours wins a field \
            both sides changed, and an item deleted on one side but changed or still used on the other is kept. \
            Each conflict is listed on stderr as FILE:LINE:COL: PATH: message and the exit code is 1. An empty BASE \
            (both sides added the file) is allowed. Set it up with:
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

    @OptionGroup var read: ReadOptions

    func run() throws {
        do {
            try merge()
        } catch let code as ExitCode where code.rawValue == 65 {
            // Not journeys (or unreadable): fall back to git's line merge with conflict markers,
            // unless a side is not text either.
            for (label, file) in [("BASE", base), ("OURS", ours), ("THEIRS", theirs)] {
                guard let bytes = try? AtomicFile.read(file, maxBytes: read.limits.maxFileBytes),
                      let problem = Self.notText(bytes) else { continue }
                CLI.error("\(TerminalText.escaped(name ?? ours)): \(label) \(TerminalText.escaped(file)) is neither a journey nor text (\(problem)); "
                          + "it cannot be merged: resolve it by hand")
                throw ExitCode(65)
            }
            guard let r = External.run("git", ["merge-file", "-L", "ours", "-L", "base", "-L", "theirs", ours, base, theirs]),
                  r.status != 126 && r.status != 127 else { throw code }
            External.relay(r.errors)
            CLI.error("\(TerminalText.escaped(name ?? ours)): merged as plain text by `git merge-file`")
            if r.status != 0 { throw ExitCode(r.status < 0 || r.status > 127 ? 74 : 1) }
        }
    }

    /// Why these bytes are not text (a NUL byte, or bytes that are not UTF-8), or nil.
    static func notText(_ bytes: [UInt8]) -> String? {
        if let i = bytes.firstIndex(of: 0) { return "a NUL byte at offset \(i)" }
        var decoder = UTF8()
        var it = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: return nil
            case .error: return "bytes that are not UTF-8 near offset \(offset)"
            }
        }
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
                baseJourney = try JourneyCodec.decode(baseBytes, file: base, limits: read.limits).journey
            } catch {
                throw CLI.report(error)
            }
        }
        let o = try read.read(ours), t = try read.read(theirs)
        let result = JourneyMerge.merge(base: baseJourney, ours: o.journey, theirs: t.journey)
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
        CLI.error("\(TerminalText.escaped(name ?? ours)): \(result.conflicts.count) conflict\(result.conflicts.count == 1 ? "" : "s"); the merged journey is valid; review the paths above")
        throw ExitCode(1)
    }
}
