import Foundation
import XCTest

/// The editor in a real terminal (tmux): introduce a finding, see it in the lint panel,
/// jump to it, fix it, see it go.
final class EditorLintEndToEndTests: XCTestCase {
    static let journey = #"""
    {"formatVersion": 2, "title": "Clean", "framework": {"id": "aarrr"},
     "suppress": [{"rule": "JM009", "reason": "the test runs on any day"}],
     "kpis": [{"id": "retention-rate", "name": "Retention rate", "kind": "outcome", "health": true}],
     "cohorts": [
      {"id": "free", "name": "Free users", "size": 50000, "valuePerUser": 10, "complexity": "low", "service": "self-serve", "model": "tech-touch"},
      {"id": "pro", "name": "Pro teams", "size": 2000, "valuePerUser": 1200, "complexity": "high", "service": "configured", "model": "hybrid"}
     ],
     "stages": [
      {"id": "acquisition", "name": "Acquisition", "level": "aware", "kpis": [{"id": "signup-rate", "name": "Sign-up rate", "kind": "outcome"}], "touchpoints": [
       {"id": "search-ad", "name": "Search ad", "channel": "search", "trigger": {"kind": "event"}, "owner": "Growth"}]},
      {"id": "activation", "name": "Activation", "level": "active", "kpis": [{"id": "activation-rate", "name": "Activation rate", "kind": "outcome"}], "touchpoints": [
       {"id": "welcome", "name": "Welcome flow", "channel": "email", "trigger": {"kind": "event"}, "owner": "Lifecycle"}]}
     ]}
    """#

    var socket = ""

    /// Runs tmux on the test's own server; stdin is /dev/null so the server never holds a pipe of ours.
    @discardableResult
    func tmux(_ args: String) throws -> RunResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", "tmux -L \(socket) \(args) > \(scratch.path) 2>&1"]
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let out = (try? String(contentsOf: scratch, encoding: .utf8)) ?? ""
        return RunResult(status: p.terminationStatus, stdout: out, stderr: "")
    }

    lazy var scratch = FileManager.default.temporaryDirectory.appendingPathComponent("jm-lint-e2e-\(UUID().uuidString)")

    /// The screen once it contains `text` (polled; fails after a few seconds).
    @discardableResult
    func waitFor(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        var screen = ""
        for _ in 0..<100 {
            screen = try tmux("capture-pane -p -t jm").stdout
            if screen.contains(text) { return screen }
            usleep(50_000)
        }
        XCTFail("never saw \(text) on:\n\(screen)", file: file, line: line)
        return screen
    }

    func keys(_ k: String) throws {
        try tmux("send-keys -t jm \(k)")
        usleep(100_000)
    }

    func testIntroduceJumpToAndFixAFinding() throws {
        guard try shell("command -v tmux").status == 0 else { throw XCTSkip("needs tmux") }
        let dir = Fixture.tempDir(self)
        try Self.journey.write(to: dir.appendingPathComponent("j.json"), atomically: true, encoding: .utf8)
        socket = "jm-lint-\(UUID().uuidString.prefix(8))"
        addTeardownBlock { [self] in
            _ = try? tmux("kill-server")
            try? FileManager.default.removeItem(at: scratch)
        }
        // The server is started detached (setsid) and not waited for: it outlives the command.
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        server.arguments = ["-f", "tmux", "-L", socket, "new-session", "-d", "-s", "jm", "-x", "100", "-y", "30", "-c", dir.path,
                            "env LANG=C.UTF-8 TERM=xterm-256color '\(Fixture.binary)' edit j.json"]
        server.standardInput = FileHandle.nullDevice
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()

        // A clean journey: the status bar says so.
        try waitFor("lint ok")
        // Introduce a finding: the configured, complex cohort gets low-touch.
        try keys("Tab")
        try waitFor("[Cohorts]")
        try keys("j m")
        try waitFor("Engagement model")
        try keys("-l Low-t")
        try keys("Enter")
        var screen = try waitFor("W1")
        XCTAssertTrue(screen.contains("→ HYB"), screen)  // the advice column disagrees now
        // The lint panel lists it.
        try keys("Tab")
        screen = try waitFor("[Lint]")
        XCTAssertTrue(screen.contains("Lint: 0 errors, 1 warning, 0 info"), screen)
        XCTAssertTrue(screen.contains("W JM012  cohort Pro"), screen)
        // Enter jumps to the cohort.
        try keys("Enter")
        screen = try waitFor("JM012: Cohort \"Pro teams\" needs the product configured")
        XCTAssertTrue(screen.contains("[Cohorts]"), screen)
        XCTAssertTrue(screen.contains("Name        Pro teams"), screen)
        // Fix it: hybrid again.
        try keys("m")
        try waitFor("Engagement model")
        try keys("-l Hybrid")
        try keys("Enter")
        try waitFor("lint ok")
        try keys("Tab")
        screen = try waitFor("[Lint]")
        XCTAssertTrue(screen.contains("No findings: the journey passes every rule"), screen)
        try keys("q")
        try waitFor("Save them before quitting?")
        try keys("d")
    }
}
