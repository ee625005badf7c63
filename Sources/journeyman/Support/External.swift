import Foundation

/// Runs another program found on PATH (diff, git) for the fallbacks of the git drivers.
enum External {
    /// Runs `program arguments...`; returns its exit status and standard output,
    /// or nil when it cannot be started. `quiet` drops its standard error.
    static func run(_ program: String, _ arguments: [String], quiet: Bool = false) -> (status: Int32, output: String)? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [program] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = quiet ? FileHandle.nullDevice : FileHandle.standardError
        do { try p.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
