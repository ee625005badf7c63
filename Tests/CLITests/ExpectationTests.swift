import Foundation
import XCTest

/// Recording runs propose `.new` files and fail; only Scripts/accept-expectations.sh changes an expectation.
final class ExpectationTests: XCTestCase {
    func testAnUnchangedExpectationPassesAndRemovesAStaleProposal() throws {
        let dir = Fixture.tempDir(self)
        let golden = dir.appendingPathComponent("g.txt")
        try "same\n".write(to: golden, atomically: true, encoding: .utf8)
        try "old proposal\n".write(to: dir.appendingPathComponent("g.txt.new"), atomically: true, encoding: .utf8)
        XCTAssertNil(Expectation.proposal("same\n", for: golden, recordedBy: "X=1"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: golden.path + ".new"))
        XCTAssertEqual(try String(contentsOf: golden, encoding: .utf8), "same\n")
    }

    func testAChangedExpectationIsProposedBesideItAndFails() throws {
        let dir = Fixture.tempDir(self)
        let golden = dir.appendingPathComponent("g.txt")
        try "old\n".write(to: golden, atomically: true, encoding: .utf8)
        XCTAssertEqual(Expectation.proposal("new\n", for: golden, recordedBy: "X=1"),
                       "X=1 proposed \(golden.path).new; review it with `diff -u \(golden.path) \(golden.path).new`, then accept it with Scripts/accept-expectations.sh")
        XCTAssertEqual(try String(contentsOf: golden, encoding: .utf8), "old\n", "the expectation itself never changes")
        XCTAssertEqual(try String(contentsOfFile: golden.path + ".new", encoding: .utf8), "new\n")
        let missing = dir.appendingPathComponent("sub/m.txt")
        XCTAssertEqual(Expectation.proposal("m\n", for: missing, recordedBy: "X=1"),
                       "X=1 proposed \(missing.path).new; review it with `diff -u /dev/null \(missing.path).new`, then accept it with Scripts/accept-expectations.sh")
    }

    func testTheAcceptScriptMovesProposalsIntoPlace() throws {
        let dir = Fixture.tempDir(self)
        let golden = dir.appendingPathComponent("g.txt")
        try "old\n".write(to: golden, atomically: true, encoding: .utf8)
        try "new\n".write(to: dir.appendingPathComponent("g.txt.new"), atomically: true, encoding: .utf8)
        let script = Fixture.root.appendingPathComponent("Scripts/accept-expectations.sh").path
        let list = try runProcess("/bin/bash", [script, "--list", golden.path + ".new"])
        XCTAssertEqual(list.status, 0)
        XCTAssertTrue(list.stdout.hasSuffix("@@ -1 +1 @@\n-old\n+new\n"), list.stdout)
        XCTAssertEqual(try String(contentsOf: golden, encoding: .utf8), "old\n", "--list changes nothing")
        XCTAssertEqual(try runProcess("/bin/bash", [script, golden.path + ".new"]),
                       RunResult(status: 0, stdout: "accepted \(golden.path)\n", stderr: ""))
        XCTAssertEqual(try String(contentsOf: golden, encoding: .utf8), "new\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: golden.path + ".new"))
        XCTAssertEqual(try runProcess("/bin/bash", [script, golden.path]),
                       RunResult(status: 64, stdout: "", stderr: "not a proposal (no .new): \(golden.path)\n"))
    }
}
