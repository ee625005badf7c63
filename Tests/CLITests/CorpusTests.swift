import Foundation
import JourneyKit
import TestSupport
import XCTest

/// Runs the commands that read a journey on the files of Tests/Corpus and checks the
/// outcome recorded in Tests/Corpus/expected.tsv: the exit code, the exact first line of
/// stderr, a located message for bad data, no crash and no raw control character.
///
/// Every file is decoded in-process first. A file the reader accepts goes through every
/// command (their output is where hostile text could leak); a file it refuses goes through
/// merge (which falls back to a line merge) and one other command chosen by a hash of its
/// name, as every other command reads through the same `JourneyFile.read`, and the test
/// checks that their outcome is the in-process one.
///
/// The full run (`SlowTests`, and every recording) launches all of those runs; the default
/// run launches a turning third of an accepted file's commands, and of the refused files
/// (whose recorded messages `testTheReaderOnEveryCorpusFile` checks in-process) every other one,
/// the merge and the other command by turns.
///
/// After adding a command or a corpus file, record the outcomes with
/// `CORPUS_RECORD=1 swift test --filter CorpusTests`: it writes expected.tsv.new and fails
/// until `Scripts/accept-expectations.sh` accepts it (review the diff first).
final class CorpusTests: XCTestCase {
    /// A command that reads journeys, with the argument shapes to try: each corpus file gets
    /// one of them (chosen by a hash of its name, so adding a file changes nothing else).
    /// `{}` stands for the corpus file, `{valid}` for a valid journey, `{copy}` for a copy of
    /// it the command may rewrite.
    struct Command {
        var variants: [[String]]
        /// True when the command may rewrite its files: it runs on copies.
        var writes = false
        /// True when it runs on refused files too: it does not stop at the reader's error.
        var onEveryFile = false

        init(_ variants: [String]..., writes: Bool = false, onEveryFile: Bool = false) {
            self.variants = variants
            self.writes = writes
            self.onEveryFile = onEveryFile
        }

        /// The arguments used for `file`, and the name recorded in expected.tsv.
        func arguments(for file: String) -> (name: String, arguments: [String]) {
            let v = variants[Int(FileFingerprint.hash(Array(file.utf8)) % UInt64(variants.count))]
            return (v.joined(separator: " "), v)
        }
    }

    static let commands: [Command] = [
        Command(["validate", "{}"]),
        Command(["fmt", "--check", "{}"]),
        Command(["fmt", "{}"], writes: true),
        Command(["lint", "--today", "2026-04-01", "{}"], ["lint", "--format", "json", "--today", "2026-04-01", "{}"],
                ["lint", "--format", "github", "--today", "2026-04-01", "{}"]),
        Command(["summary", "--width", "100", "{}"], ["summary", "--format", "markdown", "{}"], ["summary", "--ascii", "{}"]),
        Command(["diff", "{}", "{valid}"], ["diff", "{valid}", "{}"], ["diff", "--format", "markdown", "{valid}", "{}"]),
        Command(["export", "--format", "mermaid", "{}"], ["export", "--format", "csv", "{}"], ["export", "--format", "dot", "{}"],
                ["export", "--format", "markdown", "{}"]),
        Command(["recommend", "{}"], ["recommend", "--format", "json", "{}"]),
        Command(["coverage", "--width", "100", "{}"], ["coverage", "--by", "cohort", "--width", "100", "{}"]),
        Command(["assess", "--answers", "none", "--today", "2026-04-01", "{}"], writes: true),
        Command(["merge", "{valid}", "{}", "{valid}"], ["merge", "{}", "{copy}", "{valid}"], ["merge", "{valid}", "{copy}", "{}"], writes: true,
                onEveryFile: true),
        Command(["{}"]),
    ]

    static let corpus = Fixture.root.appendingPathComponent("Tests/Corpus")
    static let expectedURL = corpus.appendingPathComponent("expected.tsv")

    /// What the reader makes of a corpus file in-process: nil when it accepts it, else the
    /// exit code and the first line of the message, as the commands print them.
    static func decoded(_ file: String) throws -> Outcome? {
        let bytes = Array(try Data(contentsOf: corpus.appendingPathComponent(file)))
        do {
            _ = try JourneyCodec.decode(bytes, file: file, limits: .default)
            return nil
        } catch {
            return Outcome(status: error.exitCode, firstLine: error.lines.first ?? "")
        }
    }

    /// The commands a file goes through: all of them when the reader accepts it; else the
    /// ones that run on every file and one more, chosen by a hash of the file's name.
    static func commands(for file: String, accepted: Bool) -> [Command] {
        if accepted { return commands }
        let others = commands.filter { !$0.onEveryFile }
        let pick = others[Int((FileFingerprint.hash(Array(("command:" + file).utf8)) >> 7) % UInt64(others.count))]
        return commands.filter { $0.onEveryFile || $0.variants == pick.variants }
    }

    /// Every run through the binary, in order: (file, command, arguments).
    static func runs() throws -> [(file: String, command: Command, chosen: (name: String, arguments: [String]))] {
        try corpusFiles().flatMap { file in
            let accepted = try decoded(file) == nil
            return commands(for: file, accepted: accepted).map { (file, $0, $0.arguments(for: file)) }
        }
    }

    /// The indices of `runs` to launch: all of them in the full run, else per file (the runs
    /// of a file are together) a turning third of its runs; of a file with fewer than three
    /// (a refused one), every other file gets one, turning.
    static func launched(_ runs: [(file: String, command: Command, chosen: (name: String, arguments: [String]))], all: Bool) -> [Int] {
        if all { return Array(runs.indices) }
        var out: [Int] = [], start = 0, fileIndex = 0
        while start < runs.count {
            var end = start
            while end < runs.count && runs[end].file == runs[start].file { end += 1 }
            let n = end - start
            for j in 0..<n where n >= 3 ? (j + fileIndex) % 3 == 0 : fileIndex % 2 == 0 && j == fileIndex / 2 % n { out.append(start + j) }
            start = end
            fileIndex += 1
        }
        return out
    }

    struct Outcome: Equatable {
        var status: Int32
        var firstLine: String
    }

    static func corpusFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".json") }.sorted()
    }

    static func loadExpected() throws -> [String: Outcome] {
        var out: [String: Outcome] = [:]
        let text = (try? String(contentsOf: expectedURL, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            guard f.count == 4, let status = Int32(f[2]) else { continue }
            out[f[0] + "\t" + f[1]] = Outcome(status: status, firstLine: f[3])
        }
        return out
    }

    func testEveryReadingCommandOnEveryCorpusFile() throws {
        let files = try Self.corpusFiles()
        XCTAssertGreaterThanOrEqual(files.count, 60)
        let expected = try Self.loadExpected()
        let record = ProcessInfo.processInfo.environment["CORPUS_RECORD"] == "1"
        let valid = Self.corpus.appendingPathComponent("base.journey").path
        let scratch = Fixture.tempDir(self)
        let runs = try Self.runs()
        let launched = Self.launched(runs, all: SlowTests.enabled || record)
        print("CorpusTests (\(SlowTests.enabled || record ? "full" : "sample")): \(launched.count) of \(runs.count) runs through the binary")
        // Processes run four at a time; the checks run afterwards, in order.
        let results = Slots<(RawRun, URL)?>(count: runs.count, initial: nil)
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for i in stride(from: worker, to: launched.count, by: 4).map({ launched[$0] }) {
                let (file, command, chosen) = runs[i]
                var cwd = Self.corpus
                if command.writes {
                    cwd = scratch.appendingPathComponent("\(i)")
                    try? FileManager.default.createDirectory(at: cwd, withIntermediateDirectories: true)
                    try? FileManager.default.copyItem(at: Self.corpus.appendingPathComponent(file), to: cwd.appendingPathComponent(file))
                }
                if chosen.arguments.contains("{copy}") {
                    try? FileManager.default.copyItem(atPath: valid, toPath: cwd.appendingPathComponent("copy.json").path)
                }
                let args = chosen.arguments.map { $0 == "{}" ? file : $0 == "{valid}" ? valid : $0 == "{copy}" ? "copy.json" : $0 }
                results.set(i, (try? rawJourneyman(args, cwd: cwd)).map { ($0, cwd) })
            }
        }
        var recorded = ["file\tcommand\texit\tfirst line of stderr"]
        for i in launched {
            let (file, command, chosen) = runs[i]
            let context = "\(chosen.name) \(file)"
            guard let (r, cwd) = results.get(i) else {
                XCTFail("\(context): could not run")
                continue
            }
            let stderr = String(decoding: r.stderr, as: UTF8.self)
            let first = stderr.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            recorded.append("\(file)\t\(chosen.name)\t\(r.status)\t\(first)")
            XCTAssertTrue([0, 1, 65, 66, 73, 74].contains(r.status), "\(context): exit \(r.status)\n\(stderr)")
            XCTAssertFalse(stderr.contains("Fatal error"), "\(context) crashed\n\(stderr)")
            XCTAssertEqual(terminalUnsafe(r.stdout) + terminalUnsafe(r.stderr), [], "\(context): raw control characters in the output")
            if r.status == 65 {
                XCTAssertNotNil(first.range(of: "^\(NSRegularExpression.escapedPattern(for: file)):[0-9]+:[0-9]+: ", options: .regularExpression),
                                "\(context): the message has no FILE:LINE:COL: \(first)")
            }
            if command.writes && r.status > 1 {
                XCTAssertEqual(try Data(contentsOf: cwd.appendingPathComponent(file)), try Data(contentsOf: Self.corpus.appendingPathComponent(file)),
                               "\(context): a failed command changed the file")
            }
            if record { continue }
            guard let want = expected[file + "\t" + chosen.name] else {
                XCTFail("\(context): no expected outcome in Tests/Corpus/expected.tsv; record it with CORPUS_RECORD=1 swift test --filter CorpusTests")
                continue
            }
            XCTAssertEqual(Outcome(status: r.status, firstLine: first), want, context)
        }
        if record {
            Expectation.propose(recorded.joined(separator: "\n") + "\n", for: Self.expectedURL,
                                recordedBy: "CORPUS_RECORD=1 swift test --filter CorpusTests")
        }
    }

    /// The reader, in-process, on every corpus file: its message is safe for a terminal and
    /// located, and a refused file's recorded runs say what it says (merge with its own exit code).
    func testTheReaderOnEveryCorpusFile() throws {
        let expected = try Self.loadExpected()
        var refused = 0
        for file in try Self.corpusFiles() {
            let bytes = Array(try Data(contentsOf: Self.corpus.appendingPathComponent(file)))
            do {
                let doc = try JourneyCodec.decode(bytes, file: file, limits: .default)
                let canonical = JourneyCodec.encode(doc.journey)
                XCTAssertEqual(try JourneyCodec.decode(canonical, file: file, limits: .default).journey, doc.journey, "\(file): no round trip")
            } catch {
                refused += 1
                XCTAssertEqual(terminalUnsafe(Array(error.description.utf8)), [], "\(file): raw control characters in the message")
                let first = error.lines.first ?? ""
                if error.exitCode == 65 {
                    XCTAssertNotNil(first.range(of: "^\(NSRegularExpression.escapedPattern(for: file)):[0-9]+:[0-9]+: ", options: .regularExpression),
                                    "\(file): the message has no FILE:LINE:COL: \(first)")
                }
                for command in Self.commands(for: file, accepted: false) {
                    let name = command.arguments(for: file).name
                    guard let want = expected[file + "\t" + name] else { continue }
                    if command.onEveryFile {
                        XCTAssertEqual(want.firstLine, first, "\(name) \(file)")
                    } else {
                        XCTAssertEqual(want, Outcome(status: error.exitCode, firstLine: first), "\(name) \(file)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(refused, 100)
    }

    func testExpectedOutcomesAreExactlyTheRuns() throws {
        let runs = Set(try Self.runs().map { $0.file + "\t" + $0.chosen.name })
        let recorded = Set(try Self.loadExpected().keys)
        let orphans = recorded.subtracting(runs).sorted(), missing = runs.subtracting(recorded).sorted()
        XCTAssertEqual(orphans.count, 0, "expected.tsv names \(orphans.count) runs the test does not make, e.g. \(orphans.prefix(3))")
        XCTAssertEqual(missing.count, 0, "\(missing.count) runs have no expected outcome, e.g. \(missing.prefix(3))")
        XCTAssertGreaterThan(runs.count, 300)
    }

    func testHostileFileNamesAreEscaped() throws {
        let dir = Fixture.tempDir(self)
        let names = ["evil\u{1B}[31m.json", "c1\u{9B}2J.json", "line\nbreak.json", "bidi\u{202E}nosj.json"]
        for name in names {
            let bad = dir.appendingPathComponent("bad-" + name).path
            try FileManager.default.copyItem(atPath: Self.corpus.appendingPathComponent("trunc-half.json").path, toPath: bad)
            let good = dir.appendingPathComponent(name).path
            for args in [["new", good, "--framework", "aarrr"], ["validate", good], ["fmt", "--check", good], ["fmt", good],
                         ["validate", bad], ["fmt", bad], ["new", good, "--framework", "aarrr"], ["validate", good + ".missing"]] {
                let r = try rawJourneyman(args)
                XCTAssertEqual(terminalUnsafe(r.stdout) + terminalUnsafe(r.stderr), [], "\(args)\n\(String(decoding: r.stdout + r.stderr, as: UTF8.self))")
            }
        }
        let r = try journeyman("validate", dir.appendingPathComponent("evil\u{1B}[31m.json").path + ".missing")
        XCTAssertEqual(r.stderr, "\(dir.path)/evil\\u{1B}[31m.json.missing: no such file; check the path\n")
        XCTAssertEqual(r.status, 66)
    }

    func testFileSizeLimitIsAnOption() throws {
        let valid = Self.corpus.appendingPathComponent("base.journey").path
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: valid)[.size] as? Int)
        let r = try journeyman("validate", "--max-bytes", "100", valid)
        XCTAssertEqual(r.stderr, "\(valid): the file is \(size) bytes, more than the limit of 100 bytes; raise it with --max-bytes if the file is genuine\n")
        XCTAssertEqual(r.status, 65)
        XCTAssertEqual(try journeyman("validate", "--max-bytes", "\(size)", valid).status, 0)
        XCTAssertEqual(try journeyman("fmt", "--check", "--max-bytes", "100", valid).status, 65)
        let zero = try journeyman("validate", "--max-bytes", "0", valid)
        XCTAssertEqual(zero.status, 64)
    }
}

/// The exit status and the raw bytes a run of `journeyman` wrote.
struct RawRun: Sendable {
    var status: Int32
    var stdout: [UInt8]
    var stderr: [UInt8]
}

/// Runs the built `journeyman` and returns its exit status and raw output (the text
/// runners decode invalid UTF-8 away, which would hide it).
func rawJourneyman(_ arguments: [String], cwd: URL? = nil) throws -> RawRun {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: Fixture.binary)
    p.arguments = arguments
    if let cwd { p.currentDirectoryURL = cwd }
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    p.environment = environment
    let tmp = FileManager.default.temporaryDirectory
    let urls = [tmp.appendingPathComponent("jm-raw-\(UUID().uuidString)"), tmp.appendingPathComponent("jm-raw-\(UUID().uuidString)")]
    for url in urls { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
    defer { for url in urls { try? FileManager.default.removeItem(at: url) } }
    let out = try FileHandle(forWritingTo: urls[0]), err = try FileHandle(forWritingTo: urls[1])
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    try out.close()
    try err.close()
    return RawRun(status: p.terminationStatus, stdout: Array(try Data(contentsOf: urls[0])), stderr: Array(try Data(contentsOf: urls[1])))
}

/// What in raw output must never reach a terminal: bytes that are not UTF-8, C0
/// controls other than newline, tab and the CR of a CRLF line end (CSV), DEL, C1
/// controls, and bidi overrides and isolates.
func terminalUnsafe(_ bytes: [UInt8]) -> [String] {
    guard let text = String(validating: bytes, as: UTF8.self) else { return ["invalid UTF-8"] }
    var found: [String] = []
    let scalars = Array(text.unicodeScalars)
    for (i, s) in scalars.enumerated() {
        let v = s.value
        if s == "\n" || s == "\t" { continue }
        if s == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { continue }
        if v < 0x20 || (0x7F..<0xA0).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
            found.append(String(format: "U+%04X", v))
        }
    }
    return found
}
