import Foundation
import XCTest

/// Recorded expectations never change silently: a recording run writes `NAME.new` beside
/// the expectation and fails until `Scripts/accept-expectations.sh` moves it into place.
enum Expectation {
    /// Proposes `actual` as the new content of `url`: nothing to do when it is the same
    /// (a stale proposal is removed), else `url.new` is written and the test fails.
    static func propose(_ actual: String, for url: URL, recordedBy: String, file: StaticString = #filePath, line: UInt = #line) {
        if let failure = proposal(actual, for: url, recordedBy: recordedBy) { XCTFail(failure, file: file, line: line) }
    }

    /// What `propose` does, returning the failure instead of reporting it (nil: unchanged).
    static func proposal(_ actual: String, for url: URL, recordedBy: String) -> String? {
        let proposed = URL(fileURLWithPath: url.path + ".new")
        if FileManager.default.contents(atPath: url.path) == Data(actual.utf8) {
            try? FileManager.default.removeItem(at: proposed)
            return nil
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: proposed)
        } catch {
            return "cannot write \(relative(proposed)): \(error)"
        }
        let was = FileManager.default.fileExists(atPath: url.path) ? relative(url) : "/dev/null"
        return "\(recordedBy) proposed \(relative(proposed)); review it with `diff -u \(was) \(relative(proposed))`, "
            + "then accept it with Scripts/accept-expectations.sh"
    }

    /// The path from the package root.
    static func relative(_ url: URL) -> String {
        url.path.hasPrefix(Fixture.root.path + "/") ? String(url.path.dropFirst(Fixture.root.path.count + 1)) : url.path
    }
}
