import ArgumentParser
import JourneyKit

struct Fmt: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rewrite journey files in the canonical form (the same bytes as `jq -S --indent 2 .`).",
        discussion: "With --check nothing is written: files that are not canonical are listed and the exit code is 1.")

    @Argument(help: ArgumentHelp("Journey files to format.", valueName: "FILE"))
    var files: [String]

    @Flag(help: "Only report files that are not canonical; exit 1 if any.")
    var check = false

    @OptionGroup var read: ReadOptions

    func run() throws {
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
                if check {
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

    private func decode(_ bytes: [UInt8], _ file: String) throws(JourneyError) -> (Journey, Int) {
        let doc = try JourneyCodec.decode(bytes, file: file, limits: read.limits)
        return (doc.journey, doc.sourceFormatVersion)
    }
}
