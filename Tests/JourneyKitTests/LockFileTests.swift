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

    /// Case 9: a lock that is not a regular file this program wrote (a link, dangling or
    /// not, a folder, garbage) is stale and replaced safely, never followed.
    func testLinkFolderOrGarbageInPlaceOfTheLockIsReplaced() throws {
        let journey = dir + "/j.json"
        let lock = dir + "/.j.json.lock"
        for plant in ["dangling", "link", "folder", "garbage", "empty"] {
            switch plant {
            case "dangling": XCTAssertEqual(symlink(dir + "/nowhere/x", lock), 0)
            case "link":
                try "keep me\n".write(toFile: dir + "/victim", atomically: false, encoding: .utf8)
                XCTAssertEqual(symlink(dir + "/victim", lock), 0)
            case "folder": XCTAssertEqual(mkdir(lock, 0o755), 0)
            case "garbage": try "not a lock".write(toFile: lock, atomically: false, encoding: .utf8)
            default: XCTAssertTrue(FileManager.default.createFile(atPath: lock, contents: nil))
            }
            guard case .acquired(let l, let replaced) = LockFile.acquire(for: journey) else { return XCTFail("\(plant): not acquired") }
            XCTAssertNil(replaced, plant)
            var st = stat()
            XCTAssertEqual(lstat(lock, &st), 0)
            XCTAssertEqual(st.st_mode & S_IFMT, S_IFREG, plant)
            XCTAssertEqual(LockFile.owner(of: journey)?.isSameSession(as: .process), true, plant)
            l.release()
            XCTAssertFalse(FileManager.default.fileExists(atPath: lock), plant)
        }
        XCTAssertEqual(try String(contentsOfFile: dir + "/victim", encoding: .utf8), "keep me\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/nowhere"))
    }

    func testTakeOverIsNoticedAndReleaseLeavesTheNewOwnersLock() throws {
        let journey = dir + "/j.json"
        let a = LockOwner.newSession(), b = LockOwner.newSession()
        guard case .acquired(let first, _) = LockFile.acquire(for: journey, as: a) else { return XCTFail() }
        XCTAssertNil(first.takenOver())
        guard case .held(let holder) = LockFile.acquire(for: journey, as: b) else { return XCTFail("a live session holds it") }
        XCTAssertTrue(holder.isSameSession(as: a))
        guard case .acquired(let second, let replaced) = LockFile.acquire(for: journey, force: true, as: b) else { return XCTFail() }
        XCTAssertEqual(replaced.map { $0.isSameSession(as: a) }, true)
        XCTAssertEqual(first.takenOver().map { $0.isSameSession(as: b) }, true)
        first.release()
        XCTAssertTrue(second.isHeld)
        second.release()
        XCTAssertNil(LockFile.owner(of: journey))
    }
}
