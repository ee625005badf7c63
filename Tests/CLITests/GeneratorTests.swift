import Foundation
import XCTest

/// `journeyman-gen`, the benchmark's journey generator: deterministic, valid, canonical.
final class GeneratorTests: XCTestCase {
    var generator: String { Fixture.products.appendingPathComponent("journeyman-gen").path }

    func generate(_ touchpoints: Int, seed: Int, in dir: URL) throws -> (URL, Data) {
        let file = dir.appendingPathComponent("gen-\(touchpoints)-\(seed).json")
        let r = try runProcess(generator, ["--touchpoints", "\(touchpoints)", "--seed", "\(seed)", "-o", file.path])
        XCTAssertEqual(r, RunResult(status: 0, stdout: "", stderr: ""))
        return (file, try Data(contentsOf: file))
    }

    func testTheSameSeedGivesTheSameBytes() throws {
        let dir = Fixture.tempDir(self)
        let (_, a) = try generate(250, seed: 3, in: dir)
        let (_, b) = try generate(250, seed: 3, in: Fixture.tempDir(self))
        let (_, c) = try generate(250, seed: 4, in: dir)
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, c)
    }

    func testTheJourneyIsValidCanonicalAndHasTheTouchpointsAsked() throws {
        let dir = Fixture.tempDir(self)
        let (file, bytes) = try generate(250, seed: 3, in: dir)
        XCTAssertEqual(try journeyman("validate", file.path),
                       RunResult(status: 0, stdout: "\(file.path): valid (6 stages, 250 touchpoints, 4 cohorts)\n", stderr: ""))
        XCTAssertEqual(try journeyman("fmt", "--check", file.path), RunResult(status: 0, stdout: "", stderr: ""))
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.contains("\\n"), "long notes carry line breaks")
        XCTAssertTrue(text.unicodeScalars.contains { $0.value > 0x3000 }, "text in several scripts")
    }
}
