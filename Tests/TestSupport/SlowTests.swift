import Foundation

/// The switch between the default test run and the full one (docs/CONTRIBUTING.md).
///
/// `swift test` runs every test, and the exhaustive suites (the fuzzer, the merge
/// scenarios and properties, the crash loop, the corpus, the output-safety matrix, the
/// editor under tmux) run a reduced, fixed sample of their cases. With
/// `JOURNEYMAN_SLOW_TESTS=1`, or `CI=true` (which `.ci/run` and CI services set), they run
/// every case. The sample is deterministic: the same cases on every machine and every run.
public enum SlowTests {
    /// True for the full run.
    public static let enabled: Bool = isFull(ProcessInfo.processInfo.environment)

    /// The rule, for a given environment.
    public static func isFull(_ environment: [String: String]) -> Bool {
        environment["JOURNEYMAN_SLOW_TESTS"] == "1" || environment["CI"] == "true"
    }

    /// "full" or "sample", for the lines the suites print about what they ran.
    public static var mode: String { enabled ? "full" : "sample" }

    /// `full` in the full run, else `sample`.
    public static func count(full: Int, sample: Int) -> Int {
        enabled ? full : sample
    }
}
