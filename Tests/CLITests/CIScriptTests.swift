import Foundation
import TestSupport
import XCTest

/// The closing count of .ci/run (Scripts/test-summary.sh) and the switch between the
/// default and the full test run (`SlowTests`).
final class CIScriptTests: XCTestCase {
    func summary(_ log: String) throws -> RunResult {
        try runProcess("/bin/bash", [Fixture.root.appendingPathComponent("Scripts/test-summary.sh").path], stdin: log)
    }

    static let passed = "Test Case 'ATests.testOne' passed (0.010 seconds)\n"
    static let failed = "/x/ATests.swift:3: error: ATests.testTwo : XCTAssertEqual failed\n"
        + "/x/ATests.swift:4: error: ATests.testTwo : XCTAssertEqual failed\nTest Case 'ATests.testTwo' failed (0.020 seconds)\n"
    static let skipped = "/x/BTests.swift:9: BTests.testThree : Test skipped - in the full run only\nTest Case 'BTests.testThree' skipped (0.001 seconds)\n"

    /// Failed tests are counted, not failed assertions (XCTest's own line says "2 failures"
    /// for one test with two); skipped tests are neither passed nor failed.
    func testTheSummaryCountsTestsNotAssertions() throws {
        let log = Self.passed + Self.failed + Self.skipped
            + "\t Executed 3 tests, with 1 test skipped and 2 failures (0 unexpected) in 0.031 (0.031) seconds\n"
            + "Test run with 0 tests passed after 0.001 seconds.\n"
        XCTAssertEqual(try summary(log), RunResult(status: 0, stdout: "tests: 1 passed, 1 failed, 1 skipped\n", stderr: ""))
        let clean = Self.passed + "\t Executed 1 test, with 0 failures (0 unexpected) in 0.010 (0.010) seconds\n"
        XCTAssertEqual(try summary(clean), RunResult(status: 0, stdout: "tests: 1 passed, 0 failed\n", stderr: ""))
    }

    /// The last "Executed" line is the whole run's (the ones before it are its suites').
    func testTheLastExecutedLineIsTheTotal() throws {
        let log = Self.passed + "\t Executed 1 test, with 0 failures (0 unexpected) in 0.010 (0.010) seconds\n"
            + Self.failed + "\t Executed 1 test, with 2 failures (0 unexpected) in 0.020 (0.020) seconds\n"
            + "\t Executed 2 tests, with 2 failures (0 unexpected) in 0.030 (0.030) seconds\n"
        XCTAssertEqual(try summary(log), RunResult(status: 0, stdout: "tests: 1 passed, 1 failed\n", stderr: ""))
    }

    func testARunThatDidNotFinishOrDoesNotAddUpFails() throws {
        XCTAssertEqual(try summary(Self.passed + "Fatal error: crashed\n"),
                       RunResult(status: 1, stdout: "tests: no XCTest summary line (the run did not finish)\n", stderr: ""))
        XCTAssertEqual(try summary(Self.passed + "\t Executed 2 tests, with 0 failures (0 unexpected) in 1 (1) seconds\n"),
                       RunResult(status: 1, stdout: "tests: 1 passed, 0 failed\ntests: XCTest executed 2 tests, but 1 have a result line\n", stderr: ""))
    }

    /// CI runs the full set, the README's command the default one, and the script closes the log.
    func testCIRunsTheFullSetAndClosesWithTheSummary() throws {
        let ci = try String(contentsOf: Fixture.root.appendingPathComponent(".ci/run"), encoding: .utf8)
        XCTAssertTrue(ci.contains("\nexport JOURNEYMAN_SLOW_TESTS=1\n"))
        XCTAssertTrue(ci.contains("\nswift test --parallel --num-workers 4 --xunit-output \"$report/tests.xml\" 2>&1 || status=$?\n"))
        XCTAssertTrue(ci.contains("\nScripts/test-summary.sh \"$report/tests.xml\" || status=1\nexit \"$status\"\n"))
        let readme = try String(contentsOf: Fixture.root.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains("\nswift test --parallel --num-workers 4 "), "the README's test command is the one CI runs")
    }

    /// SwiftPM's XUnit report of a parallel run, as .ci/run reads it: a test with a failure is
    /// failed, the others passed; a report without its end or whose count disagrees fails.
    func testTheXUnitReportOfAParallelRun() throws {
        func report(_ cases: String, tests: Int, end: Bool = true) -> String {
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\n<testsuites>\n<testsuite name=\"TestResults\" errors=\"0\" tests=\"\(tests)\" failures=\"1\" time=\"0.5\">\n"
                + cases + (end ? "</testsuite>\n</testsuites>\n" : "")
        }
        let pass = "<testcase classname=\"CLITests.ATests\" name=\"testOne\" time=\"0.1\">\n</testcase>\n"
        let fail = "<testcase classname=\"CLITests.ATests\" name=\"testTwo\" time=\"0.2\">\n<failure message=\"failed\"></failure>\n</testcase>\n"
        XCTAssertEqual(try summary(report(pass + fail + pass, tests: 3)), RunResult(status: 0, stdout: "tests: 2 passed, 1 failed\n", stderr: ""))
        XCTAssertEqual(try summary(report(pass, tests: 1)), RunResult(status: 0, stdout: "tests: 1 passed, 0 failed\n", stderr: ""))
        XCTAssertEqual(try summary(report(pass, tests: 1, end: false)),
                       RunResult(status: 1, stdout: "tests: the XUnit report is incomplete (the run did not finish)\n", stderr: ""))
        XCTAssertEqual(try summary(report(pass, tests: 2)),
                       RunResult(status: 1, stdout: "tests: 1 passed, 0 failed\ntests: the XUnit report counts 2 tests, but lists 1\n", stderr: ""))
        let missing = try runProcess("/bin/bash", [Fixture.root.appendingPathComponent("Scripts/test-summary.sh").path, "/nonexistent/tests.xml"])
        XCTAssertEqual(missing, RunResult(status: 1, stdout: "tests: no report at /nonexistent/tests.xml (the run did not finish)\n", stderr: ""))
    }

    func testTheSwitch() {
        XCTAssertFalse(SlowTests.isFull([:]))
        XCTAssertFalse(SlowTests.isFull(["JOURNEYMAN_SLOW_TESTS": "0", "CI": "false"]))
        XCTAssertTrue(SlowTests.isFull(["JOURNEYMAN_SLOW_TESTS": "1"]))
        XCTAssertTrue(SlowTests.isFull(["CI": "true"]))
        XCTAssertEqual(SlowTests.count(full: 60, sample: 16), SlowTests.enabled ? 60 : 16)
    }
}
