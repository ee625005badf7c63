import Foundation
import XCTest

/// The result of running the built `journeyman` binary.
struct RunResult: Equatable, CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// Paths and helpers shared by the CLI tests.
enum Fixture {
    /// The package root (where Package.swift is).
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// The folder the test bundle and the built binary are in.
    static let products: URL = {
        for candidate in [Bundle.main.bundleURL, Bundle(for: Marker.self).bundleURL.deletingLastPathComponent(),
                          URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()] {
            if FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent("journeyman").path) { return candidate }
        }
        return root.appendingPathComponent(".build/debug")
    }()

    static var binary: String { products.appendingPathComponent("journeyman").path }

    /// Every sample journey in Journeys/, sorted by name.
    static var samples: [URL] {
        let dir = root.appendingPathComponent("Journeys")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && $0 != "journey.schema.json" }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// A new empty temporary directory, removed when the test ends.
    static func tempDir(_ test: XCTestCase) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("journeyman-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    final class Marker {}
}

/// Runs a program and collects its output; `stdin` is fed to it when given.
@discardableResult
func runProcess(_ executable: String, _ arguments: [String], cwd: URL? = nil, env: [String: String] = [:],
                stdin: String? = nil) throws -> RunResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    if let cwd { p.currentDirectoryURL = cwd }
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = nil
    environment["COLUMNS"] = nil
    environment["SWIFT_BACKTRACE"] = "enable=no"
    for (k, v) in env { environment[k] = v }
    p.environment = environment
    // Output goes to files, so a large output can never block the child.
    let dir = FileManager.default.temporaryDirectory
    let outURL = dir.appendingPathComponent("jm-out-\(UUID().uuidString)")
    let errURL = dir.appendingPathComponent("jm-err-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
    }
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    let input = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = input
    try p.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    p.waitUntilExit()
    try out.close()
    try err.close()
    let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
    return RunResult(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

/// Runs the built `journeyman` with these arguments.
@discardableResult
func journeyman(_ arguments: String..., cwd: URL? = nil, env: [String: String] = [:], stdin: String? = nil) throws -> RunResult {
    try runProcess(Fixture.binary, arguments, cwd: cwd, env: env, stdin: stdin)
}

/// Runs the built `journeyman` with an argument array.
@discardableResult
func journeyman(arguments: [String], cwd: URL? = nil, env: [String: String] = [:], stdin: String? = nil) throws -> RunResult {
    try runProcess(Fixture.binary, arguments, cwd: cwd, env: env, stdin: stdin)
}

/// Runs a shell command line with bash.
@discardableResult
func shell(_ command: String, cwd: URL? = nil, env: [String: String] = [:]) throws -> RunResult {
    try runProcess("/bin/bash", ["-c", command], cwd: cwd, env: env)
}
