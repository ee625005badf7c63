import ArgumentParser
import Foundation
import JourneyKit

/// What every command shares: printing results and errors, and exit codes.
enum CLI {
    /// Writes a line to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes text to standard output as it is (add the newline yourself).
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Reports a JourneyKit error on stderr and returns the exit code to end with.
    static func report(_ e: JourneyError) -> ExitCode {
        error(e.description)
        return ExitCode(e.exitCode)
    }

    /// True when colour may be used on this file descriptor: a terminal and no NO_COLOR.
    static func colorEnabled(fd: Int32 = 1) -> Bool {
        if let v = ProcessInfo.processInfo.environment["NO_COLOR"], !v.isEmpty { return false }
        return isatty(fd) == 1
    }

    /// The width to fit text output to: `explicit`, else `$COLUMNS` when it is a
    /// number, else 80; never below `minimum`.
    static func width(_ explicit: Int? = nil, minimum: Int = 10) -> Int {
        if let explicit { return max(explicit, minimum) }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), c > 0 {
            return max(c, minimum)
        }
        return 80
    }

    /// A labelled field for catalog listings: `  label  text`, the text wrapped
    /// under itself to `width` cells.
    static func field(_ label: String, _ text: String, labelWidth: Int, width: Int) -> String {
        let first = "  " + label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  "
        let rest = String(repeating: " ", count: first.count)
        return TextWrap.wrap(text, width: width, first: first, rest: rest).joined(separator: "\n") + "\n"
    }

    /// A heading line kept as it is when it fits, else wrapped with a hanging indent.
    static func heading(_ text: String, width: Int) -> String {
        TerminalText.width(text) <= width ? text + "\n" : TextWrap.wrap(text, width: width, rest: "  ").joined(separator: "\n") + "\n"
    }

    /// The exit code of a command over several files: a file that could not be read
    /// (the first code above 1) outranks findings (1), which outrank success.
    static func combine(_ codes: [Int32]) -> ExitCode {
        ExitCode(codes.first { $0 > 1 } ?? codes.first { $0 != 0 } ?? 0)
    }
}

/// Options for commands that read journeys.
struct ReadOptions: ParsableArguments {
    @Option(name: .customLong("max-bytes"), help: ArgumentHelp("Refuse files larger than this many bytes.", valueName: "N"))
    var maxBytes: Int = JourneyLimits.default.maxFileBytes

    var limits: JourneyLimits {
        var l = JourneyLimits.default
        l.maxFileBytes = maxBytes
        return l
    }

    func validate() throws {
        if maxBytes < 1 { throw ValidationError("--max-bytes must be at least 1") }
    }

    /// Reads a journey, or reports the located error and throws the exit code.
    func read(_ path: String) throws -> JourneyDocument {
        do {
            return try JourneyFile.read(path, limits: limits)
        } catch {
            throw CLI.report(error)
        }
    }
}
