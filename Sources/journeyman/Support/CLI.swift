import ArgumentParser
import Foundation
import JourneyKit

/// What every command shares: printing results and errors, and exit codes.
///
/// Every byte the program prints goes through `out`, `json` or `error`, and each of them
/// through one sanitizer (`TerminalText.safeOutput` or `safeJSON`): no text from a
/// journey, a file name or another program can reach the terminal as a control sequence.
enum CLI {
    /// Where output goes: standard output (1) or standard error (2). Tests set a capture
    /// to run commands in-process; the text passed is already sanitized. It belongs to the
    /// calling thread, so tests can run commands on several threads at once.
    static var capture: ((Int32, String) -> Void)? {
        get { Thread.current.threadDictionary[captureKey] as? (Int32, String) -> Void }
        set { Thread.current.threadDictionary[captureKey] = newValue }
    }

    private static let captureKey = "journeyman.CLI.capture"

    static func write(_ text: String, fd: Int32) {
        if let capture {
            capture(fd, text)
        } else {
            (fd == 2 ? FileHandle.standardError : FileHandle.standardOutput).write(Data(text.utf8))
        }
    }

    /// Writes a line to standard error, sanitized.
    static func error(_ text: String) {
        write(TerminalText.safeOutput(text + "\n"), fd: 2)
    }

    /// Writes the bytes of a journey file to standard output as they are (`fmt -`, a git
    /// clean filter): file content, byte for byte, not text for a terminal. When standard
    /// output is a terminal, the raw C1 and bidi characters a file may hold are written as
    /// `\uXXXX` escapes instead (`safeJSON`: the same JSON, nothing for the terminal to obey).
    static func fileContent(_ bytes: [UInt8]) {
        if let capture {
            capture(1, String(decoding: bytes, as: UTF8.self))
        } else if OS.isTerminal(1) {
            FileHandle.standardOutput.write(Data(TerminalText.safeJSON(String(decoding: bytes, as: UTF8.self)).utf8))
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }

    /// Writes text to standard output (add the newline yourself), sanitized; the CLI's
    /// own colour codes stay when colour is on.
    static func out(_ text: String) {
        write(safeText(text), fd: 1)
    }

    /// Writes text to standard output, sanitized, keeping the CLI's colour codes when
    /// `colour` says so (for output to git's pager, which is not a terminal itself).
    static func out(_ text: String, colour: Bool) {
        write(TerminalText.safeOutput(text, keeping: colour ? Style.sequences : []), fd: 1)
    }

    /// Writes a JSON value in canonical form to standard output, with every control and
    /// bidi character in it written as a `\uXXXX` escape.
    static func json(_ node: JSONNode) {
        write(TerminalText.safeJSON(JSONWriter.canonicalString(node)), fd: 1)
    }

    /// Text as `out` prints it: for output written to a file instead (`export -o`).
    static func safeText(_ text: String) -> String {
        TerminalText.safeOutput(text, keeping: capture == nil && colorEnabled() ? Style.sequences : [])
    }

    /// Reports a JourneyKit error on stderr and returns the exit code to end with.
    static func report(_ e: JourneyError) -> ExitCode {
        error(e.description)
        return ExitCode(e.exitCode)
    }

    /// True when colour may be used on this file descriptor: a terminal and no NO_COLOR.
    static func colorEnabled(fd: Int32 = 1) -> Bool {
        if let v = ProcessInfo.processInfo.environment["NO_COLOR"], !v.isEmpty { return false }
        return OS.isTerminal(fd)
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

/// The value of a numeric option (`--width`, `--max-bytes`): kept as typed, so that
/// `-1`, `abc` or a number too large for Int gets one clear message from `checked`.
/// Declare it with `parsing: .unconditional`, so a value starting with `-` is taken as
/// the value, not as another option.
struct PositiveNumber: ExpressibleByArgument {
    /// The argument as typed.
    let text: String
    /// The number, when the text is a whole number from 1 to Int.max.
    let number: Int?

    init(_ n: Int) {
        text = String(n)
        number = n > 0 ? n : nil
    }

    init?(argument: String) {
        text = argument
        number = Int(argument).flatMap { $0 > 0 ? $0 : nil }
    }

    var defaultValueDescription: String { text }

    /// The number, or a usage error naming the option: not a positive number, or under `minimum`.
    func checked(_ option: String, minimum: Int = 1) throws -> Int {
        guard let number else { throw ValidationError("\(option) must be a positive number, not '\(text)'") }
        if number < minimum { throw ValidationError("\(option) must be at least \(minimum)") }
        return number
    }
}

/// Options for commands that read journeys.
struct ReadOptions: ParsableArguments {
    @Option(name: .customLong("max-bytes"), parsing: .unconditional,
            help: ArgumentHelp("Refuse files larger than this many bytes.", valueName: "N"))
    var maxBytes = PositiveNumber(JourneyLimits.default.maxFileBytes)

    var limits: JourneyLimits {
        var l = JourneyLimits.default
        l.maxFileBytes = maxBytes.number ?? l.maxFileBytes
        return l
    }

    func validate() throws {
        _ = try maxBytes.checked("--max-bytes")
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
