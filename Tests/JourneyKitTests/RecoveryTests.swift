import Foundation
import XCTest
@testable import JourneyKit

final class RecoveryTests: XCTestCase {
    var dir = ""
    var env: [String: String] = [:]

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("recovery-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/work", withIntermediateDirectories: true)
        env = ["XDG_STATE_HOME": dir + "/state", "HOME": "/nonexistent"]
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    func journey(_ title: String) -> Journey {
        Journey.template(Framework.named("aarrr")!, title: title)
    }

    func testDirectoryFollowsXDGThenHomeThenTMPDIR() {
        XCTAssertEqual(Recovery.directory(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]), "/s/journeyman/recovery")
        XCTAssertEqual(Recovery.directory(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]), "/h/.local/state/journeyman/recovery")
        XCTAssertEqual(Recovery.directory(environment: [:]), "/tmp/journeyman-\(getuid())/recovery")
        XCTAssertEqual(Recovery.folders(environment: ["HOME": "/h", "TMPDIR": "/t/"]), ["/h/.local/state/journeyman/recovery", "/t/journeyman-\(getuid())/recovery"])
    }

    func session(_ n: Int32) -> LockOwner {
        LockOwner(pid: n, host: LockFile.hostName, user: "someone", since: 0, session: "session\(n)")
    }

    /// Sessions 1 and 2 are "dead" unless listed.
    func offers(_ r: Recovery, _ onDisk: Journey?, live: Set<String> = []) -> [Recovery.Copy] {
        r.offers(comparedWith: onDisk, isLive: { live.contains($0.session) }).copies
    }

    func testWriteThenOfferRestoresEveryEdit() throws {
        let path = dir + "/work/j.json"
        let saved = journey("Saved")
        try JourneyFile.write(saved, to: path)
        var edited = saved
        edited.title = "Edited \u{1B}[31m title"
        edited.stages[0].goal = "A new goal"
        edited.stages.append(Stage(id: "extra", name: "Extra"))
        let recovery = Recovery(for: path, writer: session(1), environment: env)
        XCTAssertTrue(offers(recovery, saved).isEmpty)
        let (written, passedOver) = try recovery.write(edited)
        XCTAssertTrue(written.hasPrefix(dir + "/state/journeyman/recovery/j.json-"), written)
        XCTAssertTrue(written.hasSuffix(".session1.recovery"), written)
        XCTAssertEqual(passedOver, [])
        XCTAssertEqual(recovery.ownCopy, written)
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: written)[.posixPermissions] as? Int)
        XCTAssertEqual(mode, 0o600)
        let folderMode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: dir + "/state/journeyman/recovery")[.posixPermissions] as? Int)
        XCTAssertEqual(folderMode, 0o700)
        // Its own copy is not offered to the session that wrote it; another session gets it.
        XCTAssertTrue(offers(recovery, saved).isEmpty)
        let next = Recovery(for: path, writer: session(2), environment: env)
        let copy = try XCTUnwrap(offers(next, try JourneyFile.read(path).journey).first)
        XCTAssertEqual(copy.journey, edited)
        XCTAssertTrue(copy.writer.isSameSession(as: session(1)))
        XCTAssertEqual(copy.path, written)
        // ... unless the writer still runs.
        XCTAssertTrue(offers(next, saved, live: ["session1"]).isEmpty)
        // The same journey reached through a symbolic link shares the copies.
        XCTAssertEqual(symlink(path, dir + "/work/link.json"), 0)
        XCTAssertEqual(offers(Recovery(for: dir + "/work/link.json", writer: session(2), environment: env), saved).map(\.path), [written])
        recovery.discardOwn()
        XCTAssertNil(recovery.ownCopy)
        XCTAssertTrue(offers(next, saved).isEmpty)
    }

    func testTemporaryOfAKilledCopyWriteIsRemovedByTheNextWrite() throws {
        let path = dir + "/work/j.json"
        let recovery = Recovery(for: path, writer: session(1), environment: env)
        let (written, _) = try recovery.write(journey("One"))
        let stale = written + ".tmp-99999999-0123456789abcdef"
        let live = written + ".tmp-\(getppid())-0123456789abcdef"
        try PrivateFile.writeNew(Array("half".utf8), to: stale)
        try PrivateFile.writeNew(Array("half".utf8), to: live)
        try recovery.write(journey("Two"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale))
        XCTAssertTrue(FileManager.default.fileExists(atPath: live))
    }

    func testEachSessionKeepsItsOwnCopyAndRemovesOnlyThat() throws {
        let path = dir + "/work/j.json"
        try JourneyFile.write(journey("Saved"), to: path)
        let a = Recovery(for: path, writer: session(1), environment: env)
        let b = Recovery(for: path, writer: session(2), environment: env)
        try a.write(journey("A's edits"))
        try b.write(journey("B's edits"))
        b.discardOwn()
        let third = Recovery(for: path, writer: session(3), environment: env)
        XCTAssertEqual(offers(third, journey("Saved")).map(\.journey.title), ["A's edits"])
    }

    func testCopyIdenticalToFileIsRemovedAndOlderCopyStillOffered() throws {
        let path = dir + "/work/j.json"
        let saved = journey("Saved")
        try JourneyFile.write(saved, to: path)
        let recovery = Recovery(for: path, writer: session(1), environment: env)
        let next = Recovery(for: path, writer: session(2), environment: env)
        let (same, _) = try recovery.write(saved)
        XCTAssertTrue(offers(next, saved).isEmpty)
        XCTAssertFalse(FileManager.default.fileExists(atPath: same))
        try recovery.write(journey("Edited"))
        // The file changed after the copy was written: the copy is still offered, never hidden.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: path)
        XCTAssertEqual(offers(next, saved).map(\.journey.title), ["Edited"])
    }

    func testMissingFileStillOffersCopy() throws {
        let path = dir + "/work/deleted.json"
        try Recovery(for: path, writer: session(1), environment: env).write(journey("Only in recovery"))
        XCTAssertEqual(offers(Recovery(for: path, writer: session(2), environment: env), nil).first?.journey.title, "Only in recovery")
    }

    func testKeepBothWritesSiblingFilesNeverOverwritingNorFollowingLinks() throws {
        let path = dir + "/work/j.json"
        try JourneyFile.write(journey("Saved"), to: path)
        let recovery = Recovery(for: path, writer: session(1), environment: env)
        let next = Recovery(for: path, writer: session(2), environment: env)
        try recovery.write(journey("Edited"))
        let first = try next.keepBoth(try XCTUnwrap(offers(next, nil).first))
        XCTAssertEqual(first, dir + "/work/j.recovered.json")
        XCTAssertEqual(try JourneyFile.read(first).journey.title, "Edited")
        XCTAssertTrue(offers(next, nil).isEmpty)
        // A dangling link at the next name is a taken name: never followed.
        XCTAssertEqual(symlink(dir + "/elsewhere.json", dir + "/work/j.recovered-2.json"), 0)
        try recovery.write(journey("Edited again"))
        let second = try next.keepBoth(try XCTUnwrap(offers(next, nil).first))
        XCTAssertEqual(second, dir + "/work/j.recovered-3.json")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/elsewhere.json"))
        XCTAssertEqual(try JourneyFile.read(path).journey.title, "Saved")
    }

    func testUnreadableDamagedOrNewerCopiesAreKeptAsideAndNamed() throws {
        let path = dir + "/work/j.json"
        let recovery = Recovery(for: path, writer: session(1), environment: env)
        let (written, _) = try recovery.write(journey("Edited"))
        var bytes = try AtomicFile.read(written)
        bytes.removeLast(10)
        try AtomicFile.write(bytes, to: written)
        let b = Recovery(for: path, writer: session(2), environment: env)
        let (newer, _) = try b.write(journey("Newer"))
        let text = try String(contentsOfFile: newer, encoding: .utf8).replacingOccurrences(of: "\"journeymanRecovery\": 1", with: "\"journeymanRecovery\": 2")
        try AtomicFile.write(Array(text.utf8), to: newer)
        let third = Recovery(for: path, writer: session(3), environment: env)
        let (copies, setAside) = third.offers(comparedWith: nil, isLive: { _ in false })
        XCTAssertTrue(copies.isEmpty)
        XCTAssertEqual(setAside.sorted(), [
            "A recovery copy of this journey was not read: it is damaged (not JSON); it is kept as \(written).unreadable",
            "A recovery copy of this journey was not read: it was written by a newer journeyman (recovery format 2); it is kept as \(newer).unreadable",
        ].sorted())
        XCTAssertEqual(try AtomicFile.read(written + ".unreadable"), bytes)
        XCTAssertEqual(try String(contentsOfFile: newer + ".unreadable", encoding: .utf8), text)
        // Set aside once: not reported again, not deleted by anybody's discard.
        third.discardOwn()
        recovery.discardOwn()
        b.discardOwn()
        XCTAssertEqual(third.offers(comparedWith: nil, isLive: { _ in false }).setAside, [])
        XCTAssertTrue(FileManager.default.fileExists(atPath: written + ".unreadable"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: newer + ".unreadable"))
    }

    func testFolderOfAnotherUserOrOpenToOthersIsNotUsed() throws {
        let path = dir + "/work/j.json"
        let tmp = dir + "/tmp"
        try FileManager.default.createDirectory(atPath: tmp + "/journeyman-\(getuid())/recovery", withIntermediateDirectories: true)
        chmod(tmp, 0o1777)
        // Owned by another user (simulated with chown, as root) and open to everybody.
        guard geteuid() == 0 else { throw XCTSkip("needs root to give the folder to another user") }
        XCTAssertEqual(chown(tmp + "/journeyman-\(getuid())", 65534, 65534), 0)
        XCTAssertEqual(chown(tmp + "/journeyman-\(getuid())/recovery", 65534, 65534), 0)
        chmod(tmp + "/journeyman-\(getuid())/recovery", 0o777)
        let recovery = Recovery(for: path, writer: session(1), environment: ["TMPDIR": tmp])
        let (written, passedOver) = try recovery.write(journey("Private"))
        XCTAssertEqual(passedOver, ["\(tmp)/journeyman-\(getuid())/recovery belongs to user 65534, not to you (\(getuid()))"])
        XCTAssertTrue(written.hasPrefix(tmp + "/journeyman-\(getuid())-"), written)
        let folder = (written as NSString).deletingLastPathComponent
        var st = stat()
        XCTAssertEqual(lstat(folder, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o700)
        XCTAssertEqual(st.st_uid, geteuid())
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp + "/journeyman-\(getuid())/recovery"), [])
        // A later session finds the copy in the private fallback folder.
        let next = Recovery(for: path, writer: session(2), environment: ["TMPDIR": tmp])
        XCTAssertEqual(offers(next, nil).map(\.path), [written])
        // A folder of mine that others may write is not used either; one they may only
        // read is made private before use.
        let mine = dir + "/mine/journeyman/recovery"
        try FileManager.default.createDirectory(atPath: mine, withIntermediateDirectories: true)
        chmod(dir + "/mine/journeyman", 0o700)
        chmod(mine, 0o777)
        let (elsewhere, refused) = try Recovery(for: path, writer: session(1), environment: ["XDG_STATE_HOME": dir + "/mine", "TMPDIR": tmp]).write(journey("Mine"))
        XCTAssertEqual(refused.first, "\(mine) is open to others (mode 777)")
        XCTAssertFalse(elsewhere.hasPrefix(mine), elsewhere)
        chmod(mine, 0o755)
        let (inMine, none) = try Recovery(for: path, writer: session(1), environment: ["XDG_STATE_HOME": dir + "/mine", "TMPDIR": tmp]).write(journey("Mine"))
        XCTAssertEqual(none, [])
        XCTAssertTrue(inMine.hasPrefix(mine), inMine)
        XCTAssertEqual(lstat(mine, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o700)
    }

    func testLinkInPlaceOfTheFolderIsRefused() throws {
        let path = dir + "/work/j.json"
        try FileManager.default.createDirectory(atPath: dir + "/state/journeyman", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/victim", withIntermediateDirectories: true)
        XCTAssertEqual(symlink(dir + "/victim", dir + "/state/journeyman/recovery"), 0)
        try "a file".write(toFile: dir + "/tmpfile", atomically: false, encoding: .utf8)
        let recovery = Recovery(for: path, writer: session(1), environment: ["XDG_STATE_HOME": dir + "/state", "TMPDIR": dir + "/tmpfile"])
        XCTAssertThrowsError(try recovery.write(journey("x"))) { error in
            XCTAssertEqual((error as? JourneyError)?.diagnostics.first?.message,
                           "no folder can take a recovery copy: \(dir)/state/journeyman/recovery is a symbolic link, not a folder; cannot create the folder \(dir)/tmpfile/journeyman-\(getuid()): Not a directory")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir + "/victim"), [])
    }

    func testScheduleWritesAfterAPauseAndAtLeastEveryMaxDelay() {
        var s = RecoverySchedule(delay: 2, maxDelay: 10)
        XCTAssertNil(s.dueAt)
        XCTAssertFalse(s.isDue(at: 100))
        s.edited(at: 0)
        XCTAssertEqual(s.dueAt, 2)
        XCTAssertFalse(s.isDue(at: 1.9))
        XCTAssertTrue(s.isDue(at: 2))
        // Typing on: each edit pushes the write back, but never past first + 10 s.
        for t in stride(from: 1.0, through: 9.0, by: 1.0) { s.edited(at: t) }
        XCTAssertEqual(s.dueAt, 10)
        s.edited(at: 9.5)
        XCTAssertEqual(s.dueAt, 10)
        s.written()
        XCTAssertNil(s.dueAt)
        s.edited(at: 20)
        XCTAssertEqual(s.dueAt, 22)
    }
}
