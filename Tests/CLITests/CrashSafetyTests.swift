import Foundation
import JourneyKit
import TestSupport
import XCTest

/// Saves survive SIGKILL at any point, a read-only folder or file, and a full disk:
/// the file is always the old or the new version, byte for byte.
///
/// The kill loop makes 60 kills in the full run (`SlowTests`), 16 by default (four of each
/// kind), and then as many more as it takes for one to land inside a write.
final class CrashSafetyTests: XCTestCase {

    /// A large journey: its canonical bytes and a minified (non-canonical) version of it.
    static let big: (canonical: [UInt8], minified: [UInt8]) = {
        let stages = (0..<60).map { s in
            Stage(id: "stage-\(s)", name: "Stage \(s)", goal: "Goal of stage \(s)", level: .active, dropOff: Double(s % 100),
                  touchpoints: (0..<40).map { t in
                      Touchpoint(id: "tp-\(s)-\(t)", name: "Touchpoint \(t) of stage \(s)", channel: "email",
                                 trigger: Trigger(kind: .event, detail: "event \(t)"), model: "tech-touch",
                                 content: String(repeating: "content ", count: 20), status: .live, notes: "notes \(s)/\(t)")
                  })
        }
        let journey = Journey(title: "Big journey", framework: FrameworkRef(id: "aarrr"), stages: stages)
        let canonical = JourneyCodec.encode(journey)
        let minified = String(decoding: canonical, as: UTF8.self).replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "  ", with: "")
        return (canonical, Array(minified.utf8))
    }()

    func testSigkillDuringSaveLeavesOldOrNewFile() throws {
        let dir = Fixture.tempDir(self)
        let path = dir.appendingPathComponent("big.json").path
        let (new, old) = Self.big
        XCTAssertNotEqual(new, old)
        // How long an uninterrupted `fmt` takes, to spread the kills over it.
        try Data(old).write(to: URL(fileURLWithPath: path))
        let t0 = Date()
        XCTAssertEqual(try journeyman("fmt", path).status, 0)
        let full = Date().timeIntervalSince(t0)
        XCTAssertEqual(try AtomicFile.read(path), new)

        // Seeded, so a failure replays the same schedule; the kills that must land in a given
        // phase wait for that phase instead of sleeping for a guessed time.
        var random = SplitMix(seed: 0xC2A5_4_5AFE)
        var outcomes = (old: 0, new: 0, strayTemporary: 0)
        var iterations = 0
        func killOnce(_ kind: Int) throws {
            iterations += 1
            try Data(old).write(to: URL(fileURLWithPath: path))
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Fixture.binary)
            p.arguments = ["fmt", path]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            switch kind {
            case 0: break  // at once: before the save has begun
            case 1: p.waitUntilExit()  // after the save: no kill
            case 2: usleep(useconds_t(Double(random.next() % 1_000) / 1_000 * full * 1.5 * 1_000_000))  // any time
            default:
                // Inside the write: once the temporary file exists, stop the process, and
                // kill it while it is stopped there (when it got past the write first, this
                // kill lands after the save).
                while p.isRunning && AtomicFile.strayTemporaries(of: path).isEmpty { usleep(100) }
                if p.isRunning { kill(p.processIdentifier, SIGSTOP) }
            }
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            p.waitUntilExit()
            let i = iterations
            let now = try AtomicFile.read(path)
            XCTAssertTrue(now == old || now == new, "kill \(i): the file is neither the old nor the new version (\(now.count) bytes)")
            if now == old { outcomes.old += 1 } else if now == new { outcomes.new += 1 }
            let strays = AtomicFile.strayTemporaries(of: path)
            // A killed save can leave its own temporary file; the next save removes it.
            XCTAssertLessThanOrEqual(strays.count, 1, "kill \(i): \(strays)")
            if !strays.isEmpty { outcomes.strayTemporary += 1 }
        }
        for i in 0..<SlowTests.count(full: 60, sample: 16) { try killOnce(i % 4) }
        // Under load a stopped process may already be past its write; more tries of that
        // kind until one lands inside it (each try is a condition, not a duration).
        while outcomes.strayTemporary == 0 && iterations < 400 { try killOnce(3) }
        print("CrashSafetyTests (\(SlowTests.mode)): \(iterations) kills over a \(String(format: "%.2f", full)) s save of \(new.count) bytes: old \(outcomes.old), new \(outcomes.new), killed mid-write (temporary left) \(outcomes.strayTemporary)")
        XCTAssertGreaterThan(outcomes.old, 0)
        XCTAssertGreaterThan(outcomes.new, 0)
        XCTAssertGreaterThan(outcomes.strayTemporary, 0, "no kill landed inside a write")
        // The next save cleans up whatever the killed ones left.
        try Data(old).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try journeyman("fmt", path).status, 0)
        XCTAssertEqual(try AtomicFile.read(path), new)
        XCTAssertEqual(AtomicFile.strayTemporaries(of: path), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["big.json"])
    }

    /// Runs `journeyman` as the unprivileged user `nobody` (root ignores permission bits).
    func asNobody(_ args: [String]) throws -> RunResult {
        try runProcess("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Fixture.binary] + args)
    }

    func unprivilegedDir() throws -> URL {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            throw XCTSkip("needs root and setpriv to run as an unprivileged user")
        }
        let dir = Fixture.tempDir(self)
        chmod(dir.path, 0o755)
        addTeardownBlock { chmod(dir.path, 0o755) }
        return dir
    }

    func testSaveIntoReadOnlyFolderKeepsTheFile() throws {
        let dir = try unprivilegedDir()
        // The folder belongs to root and is not writable by nobody; the file is.
        try assertFmtAsNobodyRefused(in: dir, mode: 0o666) { "\($0): cannot create a file in \(dir.path): permission denied; the file was not changed" }
        let n = try asNobody(["new", dir.appendingPathComponent("other.json").path, "--framework", "race"])
        XCTAssertEqual(n.stderr, "\(dir.path)/other.json: cannot create a file in \(dir.path): permission denied\n")
        XCTAssertEqual(n.status, 73)
    }

    func testSaveOfReadOnlyFileIsRefused() throws {
        let dir = try unprivilegedDir()
        let sub = dir.appendingPathComponent("open")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        chmod(sub.path, 0o777)
        // The folder is writable, so a rename would work: the save must still refuse.
        try assertFmtAsNobodyRefused(in: sub, mode: 0o444) { "\($0): the file is read-only (permission denied); the file was not changed" }
    }

    /// Runs `fmt` as nobody on a non-canonical journey with `mode` in `dir`: it must fail
    /// with exit 73 and `message(path)`, and leave the folder as it was.
    func assertFmtAsNobodyRefused(in dir: URL, mode: mode_t, message: (String) -> String, line: UInt = #line) throws {
        let path = dir.appendingPathComponent("j.json").path
        try Data(Self.big.minified).write(to: URL(fileURLWithPath: path))
        chmod(path, mode)
        let r = try asNobody(["fmt", path])
        XCTAssertEqual(r.stderr, message(path) + "\n", line: line)
        XCTAssertEqual(r.status, 73, line: line)
        XCTAssertEqual(try AtomicFile.read(path), Self.big.minified, line: line)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["j.json"], line: line)
    }

    func testSaveOntoFullFileSystemKeepsTheFile() throws {
        let dir = Fixture.tempDir(self)
        let mnt = dir.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: mnt, withIntermediateDirectories: true)
        let mounted = try shell("mount -t tmpfs -o size=64k tmpfs '\(mnt.path)'")
        guard mounted.status == 0 else { throw XCTSkip("cannot mount a tmpfs here: \(mounted.stderr)") }
        addTeardownBlock { _ = try? shell("umount '\(mnt.path)'") }
        // A small non-canonical journey, then filler until the disk is nearly full.
        let journey = Journey.template(Framework.named("mckinsey-cdj")!, title: String(repeating: "t", count: 3000))
        let canonical = JourneyCodec.encode(journey)
        let minified = Array(String(decoding: canonical, as: UTF8.self).replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "  ", with: "").utf8)
        let path = mnt.appendingPathComponent("j.json").path
        try Data(minified).write(to: URL(fileURLWithPath: path))
        _ = try shell("dd if=/dev/zero of='\(mnt.path)/filler' bs=1k count=64 2>/dev/null; true")
        let r = try journeyman("fmt", path)
        XCTAssertEqual(r.stderr, "\(path): write failed: the disk is full (No space left on device); the file was not changed\n")
        XCTAssertEqual(r.status, 74)
        XCTAssertEqual(try AtomicFile.read(path), minified)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: mnt.path).sorted(), ["filler", "j.json"])
        // With room again, the same save works.
        try FileManager.default.removeItem(atPath: mnt.path + "/filler")
        XCTAssertEqual(try journeyman("fmt", path).status, 0)
        XCTAssertEqual(try AtomicFile.read(path), canonical)
    }

    func testSaveOverFileSizeLimitKeepsTheFile() throws {
        // The same failure without mounting: RLIMIT_FSIZE makes the write fail with EFBIG.
        let dir = Fixture.tempDir(self)
        let path = dir.appendingPathComponent("j.json").path
        try Data(Self.big.minified).write(to: URL(fileURLWithPath: path))
        let limitKiB = Self.big.minified.count / 1024 + 1
        let r = try shell("ulimit -f \(limitKiB); exec '\(Fixture.binary)' fmt '\(path)'")
        XCTAssertEqual(r.stderr, "\(path): write failed: the file is too large for this system or the file-size limit (File too large); the file was not changed\n")
        XCTAssertEqual(r.status, 74)
        XCTAssertEqual(try AtomicFile.read(path), Self.big.minified)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["j.json"])
    }
}
