import Foundation
import XCTest
@testable import JourneyKit

final class LockFileTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        chmod(dir, 0o755)
        try? FileManager.default.removeItem(atPath: dir)
    }

    func writeLock(_ journey: String, pid: Int32, host: String) throws {
        try AtomicFile.write(Array("\(pid)\n\(host)\nsomeone\n1774965900\n".utf8), to: LockFile.path(for: journey))
    }

    func testAcquireRecordsOwnerAndReleaseRemovesIt() throws {
        let journey = dir + "/j.json"
        XCTAssertEqual(LockFile.path(for: journey), dir + "/.j.json.lock")
        guard case .acquired(let lock, let replaced) = LockFile.acquire(for: journey) else { return XCTFail("not acquired") }
        XCTAssertNil(replaced)
        let owner = try XCTUnwrap(LockFile.owner(of: journey))
        XCTAssertEqual(owner.pid, getpid())
        XCTAssertEqual(owner.host, LockFile.hostName)
        XCTAssertFalse(owner.isStale)
        lock.release()
        XCTAssertNil(LockFile.owner(of: journey))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), [])
    }

    func testLiveOwnerHoldsTheLock() throws {
        let journey = dir + "/j.json"
        try writeLock(journey, pid: 1, host: LockFile.hostName)
        guard case .held(let owner) = LockFile.acquire(for: journey) else { return XCTFail("a live owner must hold the lock") }
        XCTAssertEqual(owner.pid, 1)
        XCTAssertEqual(owner.description, "pid 1 on \(LockFile.hostName) (someone), since 2026-03-31 14:05 UTC")
        // Forcing takes it over.
        guard case .acquired(let lock, let replaced) = LockFile.acquire(for: journey, force: true) else { return XCTFail("force") }
        XCTAssertEqual(replaced?.pid, 1)
        XCTAssertEqual(LockFile.owner(of: journey)?.pid, getpid())
        lock.release()
    }

    func testStaleLockOfDeadProcessIsTakenOver() throws {
        let journey = dir + "/j.json"
        try writeLock(journey, pid: 99_999_999, host: LockFile.hostName)
        XCTAssertEqual(LockFile.owner(of: journey)?.isStale, true)
        guard case .acquired(let lock, let replaced) = LockFile.acquire(for: journey) else { return XCTFail("a stale lock must be taken over") }
        XCTAssertEqual(replaced?.pid, 99_999_999)
        lock.release()
    }

    func testLockFromAnotherHostIsNeverStale() throws {
        let journey = dir + "/j.json"
        try writeLock(journey, pid: 99_999_999, host: "other-host\u{1B}[31m")
        guard case .held(let owner) = LockFile.acquire(for: journey) else { return XCTFail("another host's lock must hold") }
        XCTAssertFalse(owner.isStale)
        XCTAssertEqual(owner.description, "pid 99999999 on other-host\\u{1B}[31m (someone), since 2026-03-31 14:05 UTC")
    }

    func testSymlinkSharesTheTargetsLock() throws {
        let journey = dir + "/j.json"
        XCTAssertEqual(symlink("j.json", dir + "/link.json"), 0)
        XCTAssertEqual(LockFile.path(for: dir + "/link.json"), dir + "/.j.json.lock")
        guard case .acquired(let lock, _) = LockFile.acquire(for: journey) else { return XCTFail() }
        // The same process asking again gets its own lock back.
        guard case .acquired = LockFile.acquire(for: dir + "/link.json") else { return XCTFail() }
        lock.release()
    }

    func testReadOnlyFolderMakesLockingUnavailable() throws {
        guard geteuid() != 0 else {
            // Root ignores permission bits; a missing folder fails the same way.
            guard case .unavailable(let reason) = LockFile.acquire(for: dir + "/missing/j.json") else { return XCTFail() }
            XCTAssertEqual(reason, "cannot create the lock file \(dir)/missing/.j.json.lock: No such file or directory")
            return
        }
        chmod(dir, 0o555)
        guard case .unavailable(let reason) = LockFile.acquire(for: dir + "/j.json") else { return XCTFail() }
        XCTAssertEqual(reason, "cannot create the lock file \(dir)/.j.json.lock: permission denied")
    }
}
