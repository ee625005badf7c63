import Foundation

/// Runs another program found on PATH (diff, git) for the fallbacks of the git drivers.
enum External {
    /// Runs `program arguments...`; returns its exit status, standard output and standard
    /// error (for the caller to print through `CLI.error`, sanitized, or to drop), or nil
    /// when it cannot be started.
    static func run(_ program: String, _ arguments: [String]) -> (status: Int32, output: String, errors: String)? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [program] + arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        do { try p.run() } catch { return nil }
        // Both pipes are drained at once, so neither can fill up and block the program.
        final class Box: @unchecked Sendable { var data = Data() }
        let errors = Box()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            errors.data = err.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self), String(decoding: errors.data, as: UTF8.self))
    }

    /// Prints another program's standard error on ours, line by line, sanitized.
    static func relay(_ errors: String) {
        var lines = errors.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        for line in lines { CLI.error(line) }
    }
}
