import Foundation
import TestSupport
import XCTest

/// Where the package and the built binary are.
enum Paths {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// The built `journeyman`, found beside the test bundle like the CLI tests do.
    static let binary: String = {
        for candidate in [Bundle.main.bundleURL, Bundle(for: Marker.self).bundleURL.deletingLastPathComponent(),
                          URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("journeyman").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return root.appendingPathComponent(".build/debug/journeyman").path
    }()

    final class Marker {}
}

/// The output of a finished program.
struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs a program to the end, output collected through files. posix_spawn and
/// waitpid, not Foundation's Process: a Process running the tmux client was seen
/// never to notice its exit, leaving the test hanging.
@discardableResult
func runProgram(_ executable: String, _ arguments: [String]) throws -> Output {
    let dir = FileManager.default.temporaryDirectory
    let outPath = dir.appendingPathComponent("e2e-out-\(UUID().uuidString)").path
    let errPath = dir.appendingPathComponent("e2e-err-\(UUID().uuidString)").path
    defer {
        unlink(outPath)
        unlink(errPath)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t(), all = sigset_t()
    sigemptyset(&none)
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard rc == 0 else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: executable]) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return Output(status: code, stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                  stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
}

/// Runs a bash command line.
@discardableResult
func sh(_ command: String, cwd: URL? = nil) throws -> Output {
    try runProgram("/bin/bash", ["-c", cwd.map { "cd '\($0.path)' && " + command } ?? command])
}

/// A private tmux server with one pane running a clean bash; the editor is started
/// from that shell, so it gets keys like a person's terminal would.
final class Tmux {
    let socket = "jm-e2e-\(UUID().uuidString.prefix(8))"
    let directory: URL

    /// The sessions the default run leaves to the full run (`SlowTests`), each with the
    /// in-memory tests that drive the same logic in every run: one tmux session per area
    /// stays in the default run, every one in the full run.
    static let fullRunOnly: [String: String] = [
        "testCommandPaletteFiltersAndRuns": "PaletteAndMouseTests",
        "testClickAPanelNameInTheTitleBar": "PaletteAndMouseTests",
        "testALensHidesTheOtherCardsAndTheTitleBarNamesIt": "LensAndSearchTests",
        "testDuplicatePasteAndBulkEditThenSave": "ReuseAndBulkTests",
        "testSwimlanesByCohortAndCompactCards": "ViewsTests",
        "testCoverageViewAndAssessmentScreen": "ViewsTests",
        "testTakeOverKeepsTheFirstEditorsEdits": "EditorScheduleModelTests",
        "testUndoAfterReloadAsksAndMergeKeepsBothSides": "EditorScheduleModelTests",
        "testTimedCopySurvivesSigkillAndCanBeKeptBeside": "EditorScheduleModelTests",
        "testSaveOfFileChangedOnDiskAsksFirst": "EditorScheduleModelTests, SessionTests",
        "testSetTheAffordableShareThenSave": "SettingsFieldsTests",
    ]

    /// The test method's name in `XCTestCase.name` ("Class.testX" or "-[Class testX]").
    static func method(_ name: String) -> String {
        String(name.split(whereSeparator: { $0 == "." || $0 == " " }).last ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "]"))
    }

    init(_ test: XCTestCase, width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        if !SlowTests.enabled, let others = Tmux.fullRunOnly[Tmux.method(test.name)] {
            throw XCTSkip("in the full run only (JOURNEYMAN_SLOW_TESTS=1); \(others) drive the same logic in memory")
        }
        guard (try? runProgram("/usr/bin/env", ["tmux", "-V"]))?.status == 0 else {
            throw XCTSkip("tmux is not installed (.ci/run installs it)")
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("jm-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var env = ["HOME": directory.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                   "TERM": "tmux-256color", "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no", "PS1": "$ "]
        for (k, v) in environment { env[k] = v }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Tmux.quote($0.value))" }.joined(separator: " ")
        try tmux(["new-session", "-d", "-s", "t", "-x", String(width), "-y", String(height),
                  "env -i \(assignments) bash --norc --noprofile"])
        let dir = directory
        test.addTeardownBlock { [socket] in
            _ = try? runProgram("/usr/bin/env", ["tmux", "-L", socket, "kill-server"])
            try? FileManager.default.removeItem(at: dir)
        }
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    func tmux(_ args: [String]) throws -> Output {
        try runProgram("/usr/bin/env", ["tmux", "-L", socket] + args)
    }

    /// Types a command line into the shell and presses Enter; `EXIT=<status>` shows when it ends.
    func shell(_ command: String) throws {
        try tmux(["send-keys", "-t", "t", "-l", "cd \(Tmux.quote(directory.path)) && \(command); echo EXIT=$?"])
        try tmux(["send-keys", "-t", "t", "Enter"])
    }

    /// Starts the editor with these arguments.
    func editor(_ arguments: String) throws {
        try shell("clear; \(Tmux.quote(Paths.binary)) \(arguments)")
    }

    /// Sends tmux key names: Up, Enter, Escape, C-s, S-Right, a...
    func keys(_ names: String...) throws {
        try tmux(["send-keys", "-t", "t"] + names)
    }

    /// Sends text literally (UTF-8).
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "t", "-l", text])
    }

    /// The screen as text; `escapes` keeps the colour and attribute sequences.
    func screen(escapes: Bool = false) throws -> String {
        // -J joins lines the terminal wrapped (and keeps trailing spaces, dropped here).
        let text = try tmux(["capture-pane", "-t", "t", "-p", "-J"] + (escapes ? ["-e"] : [])).stdout
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var l = Substring(line)
            while l.last == " " { l = l.dropLast() }
            return String(l)
        }.joined(separator: "\n")
    }

    /// Polls the screen until `text` shows (every 20 ms, up to `timeout` seconds).
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 30, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try waitUntil(timeout: timeout, "'\(text)' on screen", file: file, line: line) { $0.contains(text) }
    }

    @discardableResult
    func waitUntil(timeout: Double = 30, _ what: String, file: StaticString = #filePath, line: UInt = #line,
                   _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(20_000)
        }
        XCTFail("timed out waiting for \(what); the screen:\n\(last)", file: file, line: line)
        throw CancellationError()
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "t", "-x", String(width), "-y", String(height)])
    }

    /// The path of a file in the test's directory.
    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}
