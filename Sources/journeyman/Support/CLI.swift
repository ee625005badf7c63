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

    /// The worst of several exit codes: the first non-zero one.
    static func combine(_ codes: [Int32]) -> ExitCode {
        ExitCode(codes.first { $0 != 0 } ?? 0)
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
