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

    func testDirectoryFollowsXDGThenHome() {
        XCTAssertEqual(Recovery.directory(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]), "/s/journeyman/recovery")
        XCTAssertEqual(Recovery.directory(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]), "/h/.local/state/journeyman/recovery")
        XCTAssertEqual(Recovery.directory(environment: [:]), "/tmp/journeyman-\(getuid())/recovery")
    }

    func testWriteThenOfferRestoresEveryEdit() throws {
        let path = dir + "/work/j.json"
        let saved = journey("Saved")
        try JourneyFile.write(saved, to: path)
        var edited = saved
        edited.title = "Edited \u{1B}[31m title"
        edited.stages[0].goal = "A new goal"
        edited.stages.append(Stage(id: "extra", name: "Extra"))
        let recovery = Recovery(for: path, environment: env)
        XCTAssertTrue(recovery.copyPath.hasPrefix(dir + "/state/journeyman/recovery/j.json-"), recovery.copyPath)
        XCTAssertNil(recovery.offer(comparedWith: saved))
        try recovery.write(edited)
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: recovery.copyPath)[.posixPermissions] as? Int)
        XCTAssertEqual(mode, 0o600)
        let copy = try XCTUnwrap(recovery.offer(comparedWith: try JourneyFile.read(path).journey))
        XCTAssertEqual(copy.journey, edited)
        XCTAssertEqual(copy.pid, getpid())
        XCTAssertEqual(copy.host, LockFile.hostName)
        // The same journey reached through a symbolic link shares the copy.
        XCTAssertEqual(symlink(path, dir + "/work/link.json"), 0)
        XCTAssertEqual(Recovery(for: dir + "/work/link.json", environment: env).copyPath, recovery.copyPath)
        recovery.discard()
        XCTAssertNil(recovery.pending())
    }

    func testCopyIdenticalToFileIsRemovedAndOlderCopyNotOffered() throws {
        let path = dir + "/work/j.json"
        let saved = journey("Saved")
        try JourneyFile.write(saved, to: path)
        let recovery = Recovery(for: path, environment: env)
        try recovery.write(saved)
        XCTAssertNil(recovery.offer(comparedWith: saved))
        XCTAssertFalse(FileManager.default.fileExists(atPath: recovery.copyPath))
        try recovery.write(journey("Edited"))
        // The file changed after the copy was written (e.g. saved by another editor).
        let later = Date().addingTimeInterval(5)
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: path)
        XCTAssertNil(recovery.offer(comparedWith: saved))
        XCTAssertNotNil(recovery.pending())
    }

    func testMissingFileStillOffersCopy() throws {
        let path = dir + "/work/deleted.json"
        let recovery = Recovery(for: path, environment: env)
        try recovery.write(journey("Only in recovery"))
        XCTAssertEqual(recovery.offer(comparedWith: nil)?.journey.title, "Only in recovery")
    }

    func testKeepBothWritesSiblingFilesNeverOverwriting() throws {
        let path = dir + "/work/j.json"
        try JourneyFile.write(journey("Saved"), to: path)
        let recovery = Recovery(for: path, environment: env)
        try recovery.write(journey("Edited"))
        let first = try recovery.keepBoth(try XCTUnwrap(recovery.pending()))
        XCTAssertEqual(first, dir + "/work/j.recovered.json")
        XCTAssertEqual(try JourneyFile.read(first).journey.title, "Edited")
        XCTAssertNil(recovery.pending())
        try recovery.write(journey("Edited again"))
        let second = try recovery.keepBoth(try XCTUnwrap(recovery.pending()))
        XCTAssertEqual(second, dir + "/work/j.recovered-2.json")
        XCTAssertEqual(try JourneyFile.read(path).journey.title, "Saved")
    }

    func testCopyOfAnotherFileOrDamagedCopyIsIgnored() throws {
        let recovery = Recovery(for: dir + "/work/j.json", environment: env)
        try recovery.write(journey("Edited"))
        var bytes = try AtomicFile.read(recovery.copyPath)
        bytes.removeLast(10)
        try AtomicFile.write(bytes, to: recovery.copyPath)
        XCTAssertNil(recovery.pending())
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
