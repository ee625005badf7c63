import ArgumentParser
import Foundation
import JourneyKit

struct Fmt: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rewrite journey files in the canonical form (the same bytes as `jq -S --indent 2 .`).",
        discussion: """
            With --check nothing is written: files that are not canonical are listed and the exit code is 1. \
            --diff (implies --check) prints a unified diff of what would change instead, with each file's name \
            and line numbers (`git apply` takes it). `-` as the file reads a journey from stdin and writes the \
            canonical text to stdout, for format-on-save and git's clean filter; with --check it writes nothing.
            """)

    @Argument(help: ArgumentHelp("Journey files to format, or - for stdin to stdout.", valueName: "FILE"))
    var files: [String]

    @Flag(help: "Only report files that are not canonical; exit 1 if any.")
    var check = false

    @Flag(help: "Print a unified diff of what would change; write nothing (implies --check).")
    var diff = false

    @OptionGroup var read: ReadOptions

    func validate() throws {
        if files.contains("-") && files.count > 1 { throw ValidationError("- (stdin) must be the only file") }
    }

    func run() throws {
        if files == ["-"] { return try filter() }
        var codes: [Int32] = []
        for file in files {
            do {
                let bytes = try AtomicFile.read(file, maxBytes: read.limits.maxFileBytes)
                // Only the journey and its format version are kept, so the reader's index of the
                // source is freed before the canonical text is written.
                let (journey, sourceFormatVersion) = try decode(bytes, file)
                let canonical = JourneyCodec.encode(journey, capacity: 2 * bytes.count)
                if canonical == bytes {
                    codes.append(0)
                    continue
                }
                let name = TerminalText.escaped(file)
                let migrated = sourceFormatVersion < Journey.formatVersion ? " (format \(sourceFormatVersion) -> \(Journey.formatVersion))" : ""
                if diff {
                    CLI.out(UnifiedDiff.make(old: String(decoding: bytes, as: UTF8.self), new: String(decoding: canonical, as: UTF8.self), name: name))
                    codes.append(1)
                } else if check {
                    CLI.out("\(name): not canonical\(migrated); run `journeyman fmt \(name)`\n")
                    codes.append(1)
                } else {
                    try AtomicFile.write(canonical, to: file)
                    CLI.out("\(name): formatted\(migrated)\n")
                    codes.append(0)
                }
            } catch {
                codes.append(CLI.report(error).rawValue)
            }
        }
        // A read error outranks "not canonical".
        let code = CLI.combine(codes)
        if code != .success { throw code }
    }

    /// `fmt -`: stdin to stdout. An invalid journey writes nothing to stdout (exit 65), so an
    /// editor's format-on-save keeps the buffer as it was.
    func filter() throws {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        let bytes = [UInt8](data)
        let canonical: [UInt8]
        do {
            canonical = JourneyCodec.encode(try decode(bytes, "<stdin>").0, capacity: 2 * bytes.count)
        } catch {
            throw CLI.report(error)
        }
        if diff {
            CLI.out(UnifiedDiff.make(old: String(decoding: bytes, as: UTF8.self), new: String(decoding: canonical, as: UTF8.self), name: "<stdin>"))
        } else if !check {
            CLI.fileContent(canonical)
        }
        if (check || diff) && canonical != bytes { throw ExitCode(1) }
    }

    private func decode(_ bytes: [UInt8], _ file: String) throws(JourneyError) -> (Journey, Int) {
        let doc = try JourneyCodec.decode(bytes, file: file, limits: read.limits)
        return (doc.journey, doc.sourceFormatVersion)
    }
}
