import ArgumentParser
import Foundation
import JourneyKit

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two journeys, by id: items added, removed, renamed, moved, reordered, and every changed field.",
        discussion: """
            Exit 0 when the journeys are equal, 1 when they differ (like diff). Given the seven arguments git passes \
            to an external diff (PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE) it prints a header and \
            always exits 0, as git asks; files that are not journeys get a plain `diff -u`. Given git's one argument \
            for an unmerged path (during a conflict) it says so and exits 0. Set it up with:
              echo '*.journey.json diff=journeyman merge=journeyman' >> .gitattributes
              git config diff.journeyman.command 'journeyman diff'
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @Argument(help: ArgumentHelp("OLD NEW: the journey before and after (or git's seven external-diff arguments).", valueName: "FILE"))
    var files: [String]

    @Option(help: "text, markdown or json (for tools; described in docs/review.md).")
    var format: Format = .text

    @OptionGroup var read: ReadOptions

    func validate() throws {
        if files.count == 1 && DiffCommand.calledByGit { return }
        if files.count != 2 && files.count != 7 { throw ValidationError("give two journey files: OLD NEW") }
    }

    /// Colour for a terminal, or for git's pager when git runs the diff; never with NO_COLOR.
    static var colour: Bool {
        let env = ProcessInfo.processInfo.environment
        if let v = env["NO_COLOR"], !v.isEmpty { return false }
        return CLI.colorEnabled() || (calledByGit && env["GIT_PAGER_IN_USE"] == "true")
    }

    /// True when git runs this as its external diff (it sets these for every call).
    static var calledByGit: Bool {
        let env = ProcessInfo.processInfo.environment
        return env["GIT_DIFF_PATH_COUNTER"] != nil && env["GIT_DIFF_PATH_TOTAL"] != nil
    }

    func run() throws {
        if files.count == 1 {
            // git's form for an unmerged path (during a conflict): only the path.
            CLI.out("* Unmerged path \(TerminalText.escaped(files[0]))\n")
            return
        }
        if files.count == 7 {
            gitDiff(path: files[0], old: files[1], new: files[4])
            return
        }
        let old = try read.read(files[0]), new = try read.read(files[1])
        let diff = JourneyDiff(old: old.journey, new: new.journey, oldFormat: old.sourceFormatVersion, newFormat: new.sourceFormatVersion)
        if format == .json { CLI.json(diff.json()) }
        if diff.isEmpty { return }
        switch format {
        case .text: CLI.out(diff.text(colour: DiffCommand.colour), colour: DiffCommand.colour)
        case .markdown: CLI.out(diff.markdown(title: "Changes to " + new.journey.title))
        case .json: break
        }
        throw ExitCode(1)
    }

    /// git's external diff: a header, then the semantic diff; problems are shown, not fatal.
    func gitDiff(path: String, old: String, new: String) {
        let name = TerminalText.escaped(path)
        CLI.out("journeyman diff a/\(name) b/\(name)\n")
        func load(_ file: String) -> JourneyDocument?? {
            if file == "/dev/null" { return .some(nil) }
            // A file that is not a journey at all gets the plain diff, with nothing said about it.
            guard DiffCommand.looksLikeJourney(file, limits: read.limits) else { return nil }
            do {
                return .some(try JourneyFile.read(file, limits: read.limits))
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
        case (nil, let b?): CLI.out("journey added: " + DiffCommand.brief(b.journey) + "\n")
        case (let a?, nil): CLI.out("journey deleted: " + DiffCommand.brief(a.journey) + "\n")
        case (let a?, let b?):
            let diff = JourneyDiff(old: a.journey, new: b.journey, oldFormat: a.sourceFormatVersion, newFormat: b.sourceFormatVersion)
            switch format {
            case .json: CLI.json(diff.json())
            case .markdown: CLI.out(diff.isEmpty ? "no changes in content (formatting only)\n" : diff.markdown(title: "Changes to " + b.journey.title))
            case .text: CLI.out(diff.isEmpty ? "no changes in content (formatting only)\n" : diff.text(colour: DiffCommand.colour), colour: DiffCommand.colour)
            }
        case (nil, nil): break
        }
    }
}

extension DiffCommand {
    /// A journey in one line: title, framework and counts.
    static func brief(_ j: Journey) -> String {
        let touchpoints = j.stages.reduce(0) { $0 + $1.touchpoints.count }
        func n(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        return TerminalText.escaped(JSONWriter.quoted(j.title)) + " (framework \(TerminalText.escaped(j.framework.id)), "
            + [n(j.stages.count, "stage"), n(touchpoints, "touchpoint"), n(j.cohorts.count, "cohort")].joined(separator: ", ") + ")"
    }

    /// True when the file names a format version, so it is meant to be a journey (a broken one
    /// still is); other JSON files pass through the git drivers silently.
    static func looksLikeJourney(_ file: String, limits: JourneyLimits) -> Bool {
        guard let bytes = try? AtomicFile.read(file, maxBytes: limits.maxFileBytes) else { return true }
        return Data(bytes).range(of: Data("\"formatVersion\"".utf8)) != nil
    }
}

extension String {
    func replacingPrefix(_ prefix: String, with other: String) -> String {
        hasPrefix(prefix) ? other + dropFirst(prefix.count) : self
    }
}
