import Foundation
import XCTest

/// Golden files: expected outputs kept under Tests/Golden/. Run the tests with
/// `JOURNEYMAN_UPDATE_GOLDEN=1` to write the current outputs as the new goldens
/// (then review them with `git diff` before committing).
enum Golden {
    static let directory = Fixture.root.appendingPathComponent("Tests/Golden")

    static var updating: Bool { ProcessInfo.processInfo.environment["JOURNEYMAN_UPDATE_GOLDEN"] == "1" }

    /// Compares `actual` with the golden file `name` (a path under Tests/Golden).
    static func check(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = directory.appendingPathComponent(name)
        if updating {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            XCTFail("no golden file \(name); run with JOURNEYMAN_UPDATE_GOLDEN=1 to create it", file: file, line: line)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
            let at = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
            XCTFail("output differs from golden \(name) at line \(at + 1):\n  golden: \(at < e.count ? e[at] : "<end>")\n  actual: \(at < a.count ? a[at] : "<end>")\n(JOURNEYMAN_UPDATE_GOLDEN=1 rewrites goldens)", file: file, line: line)
        }
    }
}

/// The review fixtures (hand-made journeys) under Tests/Fixtures/Review.
enum ReviewFixture {
    static func path(_ name: String) -> String {
        Fixture.root.appendingPathComponent("Tests/Fixtures/Review/\(name).json").path
    }
}
