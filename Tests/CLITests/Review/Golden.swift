import Foundation
import XCTest

/// Golden files: expected outputs kept under Tests/Golden/. Run the tests with
/// `JOURNEYMAN_UPDATE_GOLDEN=1` to write each changed output beside its golden as
/// `NAME.new`; the tests fail until `Scripts/accept-expectations.sh` accepts them.
enum Golden {
    static let directory = Fixture.root.appendingPathComponent("Tests/Golden")

    static var updating: Bool { ProcessInfo.processInfo.environment["JOURNEYMAN_UPDATE_GOLDEN"] == "1" }

    /// Compares `actual` with the golden file `name` (a path under Tests/Golden).
    static func check(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = directory.appendingPathComponent(name)
        if updating {
            Expectation.propose(actual, for: url, recordedBy: "JOURNEYMAN_UPDATE_GOLDEN=1", file: file, line: line)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            XCTFail("no golden file \(name); JOURNEYMAN_UPDATE_GOLDEN=1 proposes one", file: file, line: line)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
            let at = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
            XCTFail("output differs from golden \(name) at line \(at + 1):\n  golden: \(at < e.count ? e[at] : "<end>")\n  actual: \(at < a.count ? a[at] : "<end>")\n(JOURNEYMAN_UPDATE_GOLDEN=1 proposes the new output as \(name).new)", file: file, line: line)
        }
    }
}

/// The review fixtures (hand-made journeys) under Tests/Fixtures/Review.
enum ReviewFixture {
    static func path(_ name: String) -> String {
        Fixture.root.appendingPathComponent("Tests/Fixtures/Review/\(name).json").path
    }
}
