import Foundation
import TestSupport
import JourneyKit
import XCTest

/// Merge sides that are not text, another program's stderr, and numeric options out of range.
final class OutputLimitsTests: XCTestCase {
    // Sides that are not journeys go to `git merge-file` without a "not a journey" line, and
    // messages name the path git merges, never a side's (temporary) file.
    func sides(_ dir: URL, theirs: [UInt8]) throws {
        try Data("{\n  \"a\": 1\n}\n".utf8).write(to: dir.appendingPathComponent("base.json"))
        try Data("{\n  \"a\": 2\n}\n".utf8).write(to: dir.appendingPathComponent("ours.json"))
        try Data(theirs).write(to: dir.appendingPathComponent("theirs.json"))
    }

    /// A binary side made `git merge-file` fail with exit 74 and its raw stderr.
    func testMergeWithABinarySideExits65AndLeavesOursAlone() throws {
        let dir = Fixture.tempDir(self)
        try sides(dir, theirs: Array("PK\u{3}\u{4}".utf8) + [0, 0] + Array("bin".utf8))
        let r = try journeyman("merge", "base.json", "ours.json", "theirs.json", cwd: dir)
        XCTAssertEqual(r, RunResult(status: 65, stdout: "", stderr: """
            ours.json: THEIRS is neither a journey nor text (a NUL byte at offset 4); it cannot be merged: resolve it by hand

            """))
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("ours.json"), encoding: .utf8), "{\n  \"a\": 2\n}\n")
    }

    /// A NUL byte far into a side (past git's first 8000 bytes) counts too; the name from
    /// --name is escaped.
    func testMergeWithANulByteDeepInASideExits65() throws {
        let dir = Fixture.tempDir(self)
        try sides(dir, theirs: Array(("{\n  \"a\": \"" + String(repeating: "x", count: 9000)).utf8) + [0] + Array("\"\n}\n".utf8))
        let r = try journeyman("merge", "base.json", "ours.json", "theirs.json", "--name", "j\u{9B}.json", cwd: dir)
        XCTAssertEqual(r, RunResult(status: 65, stdout: "", stderr: """
            j\\u{9B}.json: THEIRS is neither a journey nor text (a NUL byte at offset 9010); it cannot be merged: resolve it by hand

            """))
    }

    /// git's stderr used to be passed through as it was: a raw U+009B from a hostile file
    /// name reached the terminal. A stand-in git on PATH prints one.
    func testGitsStderrIsSanitized() throws {
        let dir = Fixture.tempDir(self)
        try sides(dir, theirs: Array("{\n  \"a\": 3\n}\n".utf8))
        let bin = dir.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let git = bin.appendingPathComponent("git")
        try Data("#!/bin/sh\nprintf 'error: cannot read \\302\\233 31mevil\\033]0;t\\007\\n' >&2\nexit 2\n".utf8).write(to: git)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: git.path)
        let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let r = try journeyman("merge", "base.json", "ours.json", "theirs.json", cwd: dir, env: ["PATH": path])
        XCTAssertEqual(r, RunResult(status: 1, stdout: "", stderr: """
            error: cannot read \\u{9B} 31mevil\\u{1B}]0;t\\u{7}

            """))
    }

    static func usage(_ command: String) throws -> String {
        let help = try journeyman(command, "--help").stdout
        let line = help.split(separator: "\n").first { $0.hasPrefix("USAGE: ") }.map { String($0.dropFirst(7)) } ?? "?"
        return "Usage: \(line)\n  See 'journeyman \(command) --help' for more information.\n"
    }

    /// `--width -1` said "Missing value": ArgumentParser took -1 for an option.
    func testNumericOptionsSayTheValueMustBeAPositiveNumber() throws {
        let cases: [([String], String)] = [
            (["summary", "--width", "-1"], "--width must be a positive number, not '-1'"),
            (["summary", "--width=-1"], "--width must be a positive number, not '-1'"),
            (["summary", "--width", "0"], "--width must be a positive number, not '0'"),
            (["summary", "--width", "abc"], "--width must be a positive number, not 'abc'"),
            (["summary", "--width", "99999999999999999999"], "--width must be a positive number, not '99999999999999999999'"),
            (["summary", "--width", "9"], "--width must be at least 10"),
            (["coverage", "--width", "-1"], "--width must be a positive number, not '-1'"),
            (["coverage", "--width", "19"], "--width must be at least 20"),
        ]
        let file = Fixture.samples[0].path
        let commands = ["validate", "fmt", "lint", "recommend", "coverage", "summary", "export", "diff", "merge", "assess"]
        // Each command's usage once, the runs on a few threads (they wait on the binary).
        let usages = Dictionary(uniqueKeysWithValues: zip(commands, try Parallel.map(commands) { try Self.usage($0) }))
        let widthRuns = try Parallel.map(cases) { args, _ in try journeyman(arguments: args + [file]) }
        for ((args, message), r) in zip(cases, widthRuns) {
            XCTAssertEqual(r, RunResult(status: 64, stdout: "", stderr: "Error: \(message)\n" + usages[args[0]]!), args.joined(separator: " "))
        }
        let limits = commands.flatMap { command in ["-1", "0", "-5000"].map { (command, $0) } }
        let limitRuns = try Parallel.map(limits) { command, value in
            let files = command == "diff" ? [file, file] : command == "merge" ? [file, file, file] : command == "export" ? ["--format", "csv", file] : [file]
            return try journeyman(arguments: [command, "--max-bytes", value] + files)
        }
        for ((command, value), r) in zip(limits, limitRuns) {
            XCTAssertEqual(r, RunResult(status: 64, stdout: "", stderr: "Error: --max-bytes must be a positive number, not '\(value)'\n" + usages[command]!),
                           "\(command) --max-bytes \(value)")
        }
        // A good value still works, and still limits.
        XCTAssertEqual(try journeyman("validate", "--quiet", "--max-bytes", "100000000", file).status, 0)
        XCTAssertEqual(try journeyman("validate", "--max-bytes", "10", file).status, 65)
        XCTAssertEqual(try journeyman("summary", "--width", "40", file).status, 0)
    }
}
