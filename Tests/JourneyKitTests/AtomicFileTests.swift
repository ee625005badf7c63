import Foundation
import XCTest
@testable import JourneyKit

final class AtomicFileTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        chmod(dir, 0o755)
        try? FileManager.default.removeItem(atPath: dir)
    }

    func contents(_ path: String) throws -> [UInt8] { try AtomicFile.read(path) }

    func listing() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir).sorted() }

    func testWritesNewFileWithUmaskPermissions() throws {
        let path = dir + "/j.json"
        try AtomicFile.write(Array("new".utf8), to: path)
        XCTAssertEqual(try contents(path), Array("new".utf8))
        let mask = umask(0)
        umask(mask)
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode, 0o666 & ~Int(mask))
        XCTAssertEqual(try listing(), ["j.json"])
    }

    func testKeepsPermissionsOfReplacedFile() throws {
        let path = dir + "/j.json"
        try AtomicFile.write(Array("old".utf8), to: path)
        chmod(path, 0o600)
        try AtomicFile.write(Array("new".utf8), to: path)
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode, 0o600)
        XCTAssertEqual(try contents(path), Array("new".utf8))
    }

    func testSaveThroughSymlinkWritesTargetAndKeepsLink() throws {
        try FileManager.default.createDirectory(atPath: dir + "/real", withIntermediateDirectories: true)
        try AtomicFile.write(Array("old".utf8), to: dir + "/real/j.json")
        XCTAssertEqual(symlink("real/j.json", dir + "/link.json"), 0)
        try AtomicFile.write(Array("new".utf8), to: dir + "/link.json")
        let attrs = try FileManager.default.attributesOfItem(atPath: dir + "/link.json")
        XCTAssertEqual(attrs[.type] as? FileAttributeType, .typeSymbolicLink)
        XCTAssertEqual(try contents(dir + "/real/j.json"), Array("new".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir + "/real"), ["j.json"])
    }

    func testSaveThroughDanglingSymlinkCreatesTarget() throws {
        XCTAssertEqual(symlink("made.json", dir + "/link.json"), 0)
        try AtomicFile.write(Array("new".utf8), to: dir + "/link.json")
        XCTAssertEqual(try contents(dir + "/made.json"), Array("new".utf8))
    }

    func testSymlinkLoopIsAnError() throws {
        XCTAssertEqual(symlink("b", dir + "/a"), 0)
        XCTAssertEqual(symlink("a", dir + "/b"), 0)
        XCTAssertThrowsError(try AtomicFile.write([1], to: dir + "/a")) { e in
            XCTAssertEqual((e as? JourneyError)?.lines, ["\(self.dir)/a: too many levels of symbolic links; the file was not changed"])
        }
    }

    func testDirectoryTargetIsRefused() throws {
        try FileManager.default.createDirectory(atPath: dir + "/d", withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write([1], to: dir + "/d")) { e in
            XCTAssertEqual((e as? JourneyError)?.exitCode, 73)
            XCTAssertEqual((e as? JourneyError)?.lines, ["\(self.dir)/d: is a directory; choose a file name"])
        }
        XCTAssertEqual(try listing(), ["d"])
    }

    func testMissingFolderIsReported() throws {
        XCTAssertThrowsError(try AtomicFile.write([1], to: dir + "/none/j.json")) { e in
            XCTAssertEqual((e as? JourneyError)?.lines,
                           ["\(self.dir)/none/j.json: the folder \(self.dir)/none does not exist"])
        }
    }

    func testWriteFailureLeavesOriginalAndNoTemporary() throws {
        // RLIMIT_FSIZE makes write fail with EFBIG (SIGXFSZ is ignored by the save).
        let path = dir + "/j.json"
        try AtomicFile.write(Array("old".utf8), to: path)
        var old = rlimit()
        getrlimit(Int32(RLIMIT_FSIZE.rawValue), &old)
        var small = old
        small.rlim_cur = 1024
        XCTAssertEqual(setrlimit(Int32(RLIMIT_FSIZE.rawValue), &small), 0)
        defer { var restore = old; setrlimit(Int32(RLIMIT_FSIZE.rawValue), &restore) }
        XCTAssertThrowsError(try AtomicFile.write([UInt8](repeating: 0x41, count: 4096), to: path)) { e in
            XCTAssertEqual((e as? JourneyError)?.exitCode, 74)
            XCTAssertEqual((e as? JourneyError)?.lines,
                           ["\(path): write failed: the file is too large for this system or the file-size limit (File too large); the file was not changed"])
        }
        XCTAssertEqual(try contents(path), Array("old".utf8))
        XCTAssertEqual(try listing(), ["j.json"])
    }

    func testStaleTemporaryOfDeadProcessIsRemovedByNextSave() throws {
        let path = dir + "/j.json"
        // A pid above pid_max never exists; pid 1 always does.
        let dead = dir + "/.j.json.tmp-99999999-abcdef"
        let alive = dir + "/.j.json.tmp-1-abcdef"
        let other = dir + "/.k.json.tmp-99999999-abcdef"
        for p in [dead, alive, other] { _ = FileManager.default.createFile(atPath: p, contents: Data("x".utf8)) }
        XCTAssertEqual(AtomicFile.strayTemporaries(of: path), [alive, dead])
        try AtomicFile.write(Array("new".utf8), to: path)
        XCTAssertEqual(try listing(), [".j.json.tmp-1-abcdef", ".k.json.tmp-99999999-abcdef", "j.json"])
    }

    func testLongNameStillSaves() throws {
        let path = dir + "/" + String(repeating: "n", count: 250) + ".json"
        try AtomicFile.write(Array("x".utf8), to: path)
        XCTAssertEqual(try contents(path), Array("x".utf8))
        XCTAssertEqual(try listing().count, 1)
    }

    func testReadRefusesFifoWithoutBlocking() throws {
        let path = dir + "/fifo"
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        XCTAssertThrowsError(try AtomicFile.read(path)) { e in
            XCTAssertEqual((e as? JourneyError)?.lines, ["\(path): is not a regular file"])
            XCTAssertEqual((e as? JourneyError)?.exitCode, 66)
        }
        XCTAssertThrowsError(try AtomicFile.write([1], to: path)) { e in
            XCTAssertEqual((e as? JourneyError)?.lines, ["\(path): is not a regular file; choose a file name"])
        }
    }

    func testReadLimit() throws {
        let path = dir + "/j.json"
        try AtomicFile.write([UInt8](repeating: 0x20, count: 100), to: path)
        XCTAssertThrowsError(try AtomicFile.read(path, maxBytes: 99)) { e in
            XCTAssertEqual((e as? JourneyError)?.lines,
                           ["\(path): the file is 100 bytes, more than the limit of 99 bytes; raise it with --max-bytes if the file is genuine"])
        }
        XCTAssertEqual(try AtomicFile.read(path, maxBytes: 100).count, 100)
    }

    func testWriteWithoutReplacingNeverOverwrites() throws {
        let path = dir + "/j.json"
        try AtomicFile.write(Array("first".utf8), to: path, replacing: false)
        XCTAssertEqual(try contents(path), Array("first".utf8))
        XCTAssertThrowsError(try AtomicFile.write(Array("second".utf8), to: path, replacing: false)) { e in
            XCTAssertEqual((e as? JourneyError)?.lines, ["\(path): already exists; it was not changed"])
            XCTAssertEqual((e as? JourneyError)?.exitCode, 73)
        }
        // A file that appears while the save is under way is not overwritten either.
        let temp = dir + "/.k.json.tmp-1-abcdef"
        _ = FileManager.default.createFile(atPath: temp, contents: Data("new".utf8))
        _ = FileManager.default.createFile(atPath: dir + "/k.json", contents: Data("theirs".utf8))
        XCTAssertThrowsError(try AtomicFile.publishNew(temp, as: dir + "/k.json", file: "k.json"))
        XCTAssertEqual(try contents(dir + "/k.json"), Array("theirs".utf8))
        XCTAssertEqual(try listing(), ["j.json", "k.json"])
    }
}
