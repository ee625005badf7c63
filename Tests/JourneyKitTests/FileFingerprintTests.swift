import Foundation
import XCTest
@testable import JourneyKit

final class FileFingerprintTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("fp-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    func testDetectsChangesButNotTouches() throws {
        let path = dir + "/j.json"
        try AtomicFile.write(Array("one".utf8), to: path)
        var fp = try XCTUnwrap(FileFingerprint(path: path, bytes: try AtomicFile.read(path)))
        XCTAssertFalse(fp.changedOnDisk(path))
        // A touch (same inode, new time): not a change.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: path)
        XCTAssertFalse(fp.changedOnDisk(path))
        // Same bytes in a new inode: another file now, so a change.
        try AtomicFile.write(Array("one".utf8), to: path)
        XCTAssertTrue(fp.identityChanged(path))
        XCTAssertTrue(fp.changedOnDisk(path))
        fp = try XCTUnwrap(FileFingerprint.current(path))
        // Same size, other bytes: a change.
        try AtomicFile.write(Array("two".utf8), to: path)
        XCTAssertTrue(fp.changedOnDisk(path))
        XCTAssertNotEqual(FileFingerprint.current(path)?.contentHash, fp.contentHash)
        unlink(path)
        XCTAssertTrue(fp.changedOnDisk(path))
        XCTAssertNil(FileFingerprint.current(path))
    }

    /// Case 1: a link swapped in for the file, or a link that now leads elsewhere, is a
    /// change even when the bytes are the same; a save refuses to write through it.
    func testLinkSwappedInOrRepointedIsAChangeAndIsNotWrittenThrough() throws {
        let path = dir + "/j.json"
        try AtomicFile.write(Array("one".utf8), to: path)
        try AtomicFile.write(Array("one".utf8), to: dir + "/victim")
        let fp = try XCTUnwrap(FileFingerprint.current(path))
        XCTAssertNil(fp.linkTarget)
        XCTAssertEqual(rename(path, dir + "/moved"), 0)
        XCTAssertEqual(symlink(dir + "/victim", path), 0)
        XCTAssertTrue(fp.changedOnDisk(path))
        XCTAssertThrowsError(try AtomicFile.write(Array("mine".utf8), to: path, links: .asOpened(fp.linkTarget))) { e in
            XCTAssertEqual((e as? JourneyError)?.lines, ["\(self.dir)/j.json: is now a symbolic link to \(self.dir)/victim (it was not one when opened); not written through it; the file was not changed"])
        }
        XCTAssertEqual(try AtomicFile.read(dir + "/victim"), Array("one".utf8))
        // Opened through a link: the link may be followed while it leads to the same file.
        let viaLink = try XCTUnwrap(FileFingerprint.current(path))
        XCTAssertEqual(viaLink.linkTarget, dir + "/victim")
        XCTAssertFalse(viaLink.changedOnDisk(path))
        try AtomicFile.write(Array("two".utf8), to: path, links: .asOpened(viaLink.linkTarget))
        XCTAssertEqual(try AtomicFile.read(dir + "/victim"), Array("two".utf8))
        let again = try XCTUnwrap(FileFingerprint.current(path))
        unlink(path)
        XCTAssertEqual(symlink(dir + "/moved", path), 0)
        XCTAssertTrue(again.changedOnDisk(path))
        XCTAssertThrowsError(try AtomicFile.write(Array("three".utf8), to: path, links: .asOpened(again.linkTarget)))
        XCTAssertEqual(try AtomicFile.read(dir + "/moved"), Array("one".utf8))
    }

    func testHashIsFNV1a() {
        XCTAssertEqual(FileFingerprint.hash([]), 0xCBF2_9CE4_8422_2325)
        XCTAssertEqual(FileFingerprint.hash(Array("a".utf8)), 0xAF63_DC4C_8601_EC8C)
    }
}
