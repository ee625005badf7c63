import Foundation
import XCTest
@testable import JourneyKit

final class FileFingerprintTests: XCTestCase {
    func testDetectsChangesButNotTouches() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fp-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/j.json"
        try AtomicFile.write(Array("one".utf8), to: path)
        let fp = try XCTUnwrap(FileFingerprint(path: path, bytes: try AtomicFile.read(path)))
        XCTAssertFalse(fp.changedOnDisk(path))
        // Same bytes, new inode and time (a checkout of the same content): not a change.
        try AtomicFile.write(Array("one".utf8), to: path)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: path)
        XCTAssertFalse(fp.changedOnDisk(path))
        // Same size, other bytes: a change.
        try AtomicFile.write(Array("two".utf8), to: path)
        XCTAssertTrue(fp.changedOnDisk(path))
        XCTAssertNotEqual(FileFingerprint.current(path)?.contentHash, fp.contentHash)
        unlink(path)
        XCTAssertTrue(fp.changedOnDisk(path))
        XCTAssertNil(FileFingerprint.current(path))
    }

    func testHashIsFNV1a() {
        XCTAssertEqual(FileFingerprint.hash([]), 0xCBF2_9CE4_8422_2325)
        XCTAssertEqual(FileFingerprint.hash(Array("a".utf8)), 0xAF63_DC4C_8601_EC8C)
    }
}
