import Foundation
import TestSupport
import XCTest
@testable import JourneyKit
@testable import journeyman

/// Runs `journeyman` in this process, its output captured through `CLI.capture`.
enum InProcess {
    /// Runs a command on this thread, its output captured (other threads may run others).
    static func run(_ arguments: [String]) -> RunResult {
        var out = "", err = ""
        CLI.capture = { fd, text in
            if fd == 2 { err += text } else { out += text }
        }
        defer { CLI.capture = nil }
        let status = Journeyman.run(arguments)
        return RunResult(status: status, stdout: out, stderr: err)
    }
}

/// The structural output-safety checks: whatever a journey, a file name or another program
/// holds, no control or bidi character reaches stdout or stderr raw, and no number traps.
///
/// The full run (`SlowTests`) runs every command on the payload in every field; the default
/// run gives each field a turning sixth of the commands (each command still meets about
/// a sixth of the fields, and every field meets commands), each numeric field a turning
/// one of the five extreme numbers, and each number in every field at once a turning half
/// of the commands. The binary passes (every field at once) run whole either way.
final class OutputSafetyTests: XCTestCase {
    /// In the default run, a field meets one command line in this many.
    static let commandStride = SlowTests.count(full: 1, sample: 6)

    /// The in-process passes run on this many threads (each command's output is captured
    /// per thread), each with its own files.
    static let workers = 2

    /// What one worker of a pass counted and found.
    struct Tally: Sendable {
        var fields = 0, runs = 0, accepted = 0
        var failures: [String] = []
    }

    /// ESC, CSI (7- and 8-bit), OSC 0 (title), OSC 8 (link), OSC 52 (clipboard), BEL, DCS,
    /// C1 controls, every bidi control, line separators, a ZWJ emoji and combining marks.
    static let payload = "x\u{1B}[2J\u{1B}[31mred\u{1B}]0;pwned\u{07}\u{1B}]8;;https://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\"
        + "\u{1B}]52;c;cHduZWQ=\u{07}\u{07}\u{1B}P1$qm\u{1B}\\\u{9B}2J\u{9D}0;t\u{9C}\u{90}q\u{9C}\u{85}\u{8D}\u{9F}"
        + "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}\u{061C}\u{2028}\u{2029}\r\u{7F}\u{08}"
        + "👩\u{200D}👩\u{200D}👧e\u{301}\u{20DD}a\u{0336}"

    static var fullJourneyURL: URL { Fixture.root.appendingPathComponent("Tests/Fixtures/Safety/full-journey.json") }

    /// Every raw scalar in the output that must never reach a terminal: all that
    /// `TerminalText.isUnsafe` matches except line feed, tab and a CR ending a CSV record.
    static func rawControls(_ text: String) -> [String] {
        let s = Array(text.unicodeScalars)
        var out: [String] = []
        for (i, c) in s.enumerated() where TerminalText.isUnsafe(c) && c != "\n" && c != "\t" {
            if c == "\r", i + 1 < s.count, s[i + 1] == "\n" { continue }
            out.append(String(format: "U+%04X at %d", c.value, i))
        }
        return out
    }

    /// Every string of a model value, found by reflection: string fields, array elements,
    /// dictionary keys and values, optionals and enum payloads. A field added to the model
    /// later is part of this walk without any change here.
    static func modelStrings(_ value: Any, path: String = "journey", into out: inout [(path: String, value: String, isKey: Bool)]) {
        if let s = value as? String {
            out.append((path, s, false))
            return
        }
        let m = Mirror(reflecting: value)
        if m.displayStyle == .dictionary {
            for child in m.children {
                let pair = Mirror(reflecting: child.value).children.map(\.value)
                if let key = pair.first as? String { out.append((path + "[key]", key, true)) }
                if pair.count == 2 { modelStrings(pair[1], path: path + "[value]", into: &out) }
            }
            return
        }
        for (i, child) in m.children.enumerated() {
            modelStrings(child.value, path: path + "." + (child.label ?? "\(i)"), into: &out)
        }
    }

    /// Every Optional in the model that is nil and every collection or string that is empty:
    /// the fixture must fill every field, so that the payload reaches every field.
    static func emptyFields(_ value: Any, path: String = "journey", into out: inout [String]) {
        if let s = value as? String {
            if s.isEmpty { out.append(path) }
            return
        }
        let m = Mirror(reflecting: value)
        switch m.displayStyle {
        case .optional?, .collection?, .dictionary?, .set?: if m.children.isEmpty { out.append(path) }
        default: break
        }
        for (i, child) in m.children.enumerated() {
            emptyFields(child.value, path: path + "." + (child.label ?? "\(i)"), into: &out)
        }
    }

    /// The targets of the payload, taken from the encoded journey: every string value, and
    /// every object key that is data (a dictionary key of the model, such as a model id in
    /// `costs.perCustomerYear`), not a field name.
    static func targets(_ tree: JSONNode, journey: Journey) -> (values: [JSONPath], keys: [JSONPath]) {
        var strings: [(path: String, value: String, isKey: Bool)] = []
        modelStrings(journey, into: &strings)
        let dictionaryKeys = Set(strings.filter(\.isKey).map(\.value))
        let values = tree.leafPaths.filter { if case .string? = tree[path: $0]?.value { true } else { false } }
        let keys = tree.memberPaths.filter { p in
            if case .key(let k)? = p.components.last { return dictionaryKeys.contains(k) }
            return false
        }
        return (values, keys)
    }

    /// The command lines run on a journey: every command that reads one, in every format.
    /// `file` is the journey; `scratch` a copy the writing commands may change.
    static func commandLines(file: String, original: String, scratch: () -> String) -> [[String]] {
        var lines: [[String]] = [
            ["validate", file],
            ["lint", file], ["lint", "--format", "json", file], ["lint", "--format", "github", file],
            ["recommend", file], ["recommend", "--format", "json", file],
            ["summary", file], ["summary", "--format", "markdown", file], ["summary", "--ascii", "--width", "30", file],
            ["forecast", file], ["forecast", "--format", "json", file], ["forecast", "--format", "csv", file],
            ["forecast", "--ascii", "--width", "30", file],
            ["diff", original, file], ["diff", "--format", "markdown", file, original],
            ["coverage", file], ["coverage", "--by", "cohort", file],
            ["fmt", "--check", file],
            ["assess", "--answers", "none", "--today", "2026-06-01", scratch()],
            ["merge", original, scratch(), original],
            ["merge", file, scratch(), original],
        ]
        for format in ExportFormat.allCases { lines.append(["export", "--format", format.rawValue, file]) }
        lines.append(["export", "--format", "mermaid", "--flowchart", file])
        return lines
    }

    /// Subcommands that read no journey (catalog listings) or need a terminal (the editor).
    static let commandsWithoutJourney: Set<String> = ["edit", "new", "frameworks", "models", "keys"]

    func testTheMatrixCoversEveryCommand() {
        let covered = Set(Self.commandLines(file: "f", original: "o", scratch: { "s" }).map { $0[0] })
        let all = Set(Journeyman.configuration.subcommands.map { $0.configuration.commandName ?? "\($0)".lowercased() })
        XCTAssertEqual(all.subtracting(covered).subtracting(Self.commandsWithoutJourney), [],
                       "a command that reads a journey must be in the injection matrix")
    }

    func testTheFixtureFillsEveryFieldOfTheModel() throws {
        let doc = try JourneyCodec.decode(Array(Data(contentsOf: Self.fullJourneyURL)))
        var empty: [String] = []
        Self.emptyFields(doc.journey, into: &empty)
        XCTAssertEqual(empty, [], "Tests/Fixtures/Safety/full-journey.json must fill these fields")
    }

    /// A temporary folder with the full journey copied in: the folder, the journey, its
    /// tree and the copy's path.
    func fullJourney() throws -> (dir: URL, journey: Journey, tree: JSONNode, original: String) {
        let dir = Fixture.tempDir(self)
        let bytes = Array(try Data(contentsOf: Self.fullJourneyURL))
        let original = dir.appendingPathComponent("original.json").path
        try Data(bytes).write(to: URL(fileURLWithPath: original))
        return (dir, try JourneyCodec.decode(bytes).journey, try JSONReader.read(bytes).withoutOffsets, original)
    }

    /// The payload in each string field of the model in turn, and every command and format
    /// run in-process on the result: no raw control or bidi character on stdout or stderr.
    func testPayloadInEachStringFieldReachesNoOutputRaw() throws {
        let (dir, journey, tree, original) = try fullJourney()
        let (values, keys) = Self.targets(tree, journey: journey)
        var modelCount: [(path: String, value: String, isKey: Bool)] = []
        Self.modelStrings(journey, into: &modelCount)
        XCTAssertGreaterThanOrEqual(values.count + keys.count, modelCount.count - 1,
                                    "every string of the model (but the format version's absence) is a target")
        let mutations = values.map { (path: $0, tree: tree.replacing($0, with: .string(Self.payload))) }
            + keys.map { (path: $0, tree: tree.renamingKey(at: $0, to: Self.payload)) }
        // Two workers, each with its own files, share the fields.
        let tallies = Slots(count: Self.workers, initial: Tally())
        DispatchQueue.concurrentPerform(iterations: Self.workers) { worker in
            var tally = Tally(), n = 0
            for index in stride(from: worker, to: mutations.count, by: Self.workers) {
                let (path, mutated) = mutations[index]
                tally.fields += 1
                let text = JSONWriter.canonical(mutated)
                let valid = (try? JourneyCodec.decode(text)) != nil
                let file = dir.appendingPathComponent("field-\(worker).json").path
                try? Data(text).write(to: URL(fileURLWithPath: file))
                if valid { tally.accepted += 1 }
                var lines = Self.commandLines(file: file, original: original) {
                    n += 1
                    let copy = dir.appendingPathComponent("scratch-\(worker)-\(n).json").path
                    try? Data(text).write(to: URL(fileURLWithPath: copy))
                    return copy
                }
                // A journey the reader refuses gets the same located message from every command
                // that reads it; the commands with their own error paths are run on it.
                if !valid { lines = lines.filter { ["validate", "lint", "diff", "merge"].contains($0[0]) } }
                // Variants of a format (ASCII, the flowchart, merge with this file as base) run in
                // the batch through the binary; here each command and format runs once.
                lines = lines.filter { !$0.contains("--ascii") && !$0.contains("--flowchart") && !(valid && $0[0] == "merge" && $0[1] == file) }
                lines = lines.enumerated().filter { ($0.offset + index) % Self.commandStride == 0 }.map(\.element)
                for line in lines {
                    let r = InProcess.run(line)
                    tally.runs += 1
                    let raw = Self.rawControls(r.stdout + r.stderr)
                    if !raw.isEmpty { tally.failures.append("\(path) with \(line.joined(separator: " ")): \(raw)\n\(r)") }
                    if ![0, 1, 65].contains(r.status) { tally.failures.append("\(path) with \(line.joined(separator: " ")): exit \(r.status)\n\(r)") }
                }
            }
            tallies.set(worker, tally)
        }
        let all = tallies.all
        for failure in all.flatMap(\.failures) { XCTFail(failure) }
        let fields = all.map(\.fields).reduce(0, +), runs = all.map(\.runs).reduce(0, +), accepted = all.map(\.accepted).reduce(0, +)
        print("OutputSafetyTests (\(SlowTests.mode)): payload in \(fields) string fields (\(values.count) values, \(keys.count) keys; \(accepted) still valid) "
              + "= \(runs) in-process command runs")
        XCTAssertGreaterThanOrEqual(fields, 60)
        XCTAssertGreaterThan(accepted, 30, "free-text fields keep the journey valid, so the renderers see the payload")
    }

    /// The same through the built binary, in two launches per command: one journey with
    /// the payload in every free-text field at once (still valid), one with it in every
    /// string field (ids and references too: every message quotes it), both under a file
    /// name that holds the payload as well.
    func testPayloadInEveryFieldAtOnceThroughTheBinary() throws {
        let (dir, journey, tree, original) = try fullJourney()
        let (values, keys) = Self.targets(tree, journey: journey)
        let freeText = values.filter { p in (try? JourneyCodec.decode(JSONWriter.canonical(tree.replacing(p, with: .string(Self.payload))))) != nil }
        let valid = freeText.reduce(tree) { $0.replacing($1, with: .string(Self.payload)) }
        let everything = keys.reduce(values.reduce(tree) { $0.replacing($1, with: .string(Self.payload)) }) { $0.renamingKey(at: $1, to: Self.payload) }
        XCTAssertNoThrow(try JourneyCodec.decode(JSONWriter.canonical(valid)), "the payload in every free-text field keeps the journey valid")
        let name = "evil-\u{1B}]0;title\u{07}-\u{9B}31m-\u{202E}.json"
        var runs = 0, n = 0
        for (label, node) in [("free text", valid), ("every field", everything)] {
            let file = dir.appendingPathComponent(name).path
            try Data(JSONWriter.canonical(node)).write(to: URL(fileURLWithPath: file))
            let lines = Self.commandLines(file: file, original: original) {
                n += 1
                let copy = dir.appendingPathComponent("\(n)-" + name).path
                try? Data(JSONWriter.canonical(node)).write(to: URL(fileURLWithPath: copy))
                return copy
            }
            // Each writing command has its own copy, so the launches are independent.
            for (line, r) in zip(lines, try Parallel.map(lines) { try journeyman(arguments: $0) }) {
                runs += 1
                XCTAssertEqual(Self.rawControls(r.stdout + r.stderr), [], "\(label), \(line.joined(separator: " ")):\n\(r)")
                XCTAssertTrue([0, 1, 65].contains(r.status), "\(label), \(line.joined(separator: " ")): exit \(r.status)\n\(r)")
            }
        }
        print("OutputSafetyTests: \(freeText.count) free-text fields at once, \(values.count + keys.count) fields at once, \(runs) binary launches")
    }

    /// `costs.currency` printed raw let a journey set the title, write the clipboard and
    /// clear the screen. Whole output of `recommend`'s currency line, escaped.
    func testCurrencyIsEscapedInRecommend() throws {
        let dir = Fixture.tempDir(self)
        var j = try JourneyCodec.decode(Array(Data(contentsOf: Self.fullJourneyURL))).journey
        j.costs?.currency = "\u{1B}]52;c;cHduZWQ=\u{07}\u{1B}[2J\u{9B}0m"
        let file = dir.appendingPathComponent("j.json")
        try Data(JourneyCodec.encode(j)).write(to: file)
        let r = try journeyman("recommend", file.path)
        XCTAssertEqual(r.status, 0, r.description)
        let line = r.stdout.split(separator: "\n").first { $0.contains("Yearly cost to serve") || $0.contains("cost to serve") }
        XCTAssertEqual(Self.rawControls(r.stdout), [])
        XCTAssertTrue(r.stdout.contains("\\u{1B}]52;c;cHduZWQ=\\u{7}\\u{1B}[2J\\u{9B}0m"), "the currency is shown escaped: \(line ?? "")\n\(r)")
    }

    /// JSON output writes C1 and bidi controls as \uXXXX escapes: the same string for a
    /// JSON reader, nothing raw for a terminal.
    func testJSONOutputEscapesC1AndBidi() throws {
        let dir = Fixture.tempDir(self)
        var j = try JourneyCodec.decode(Array(Data(contentsOf: Self.fullJourneyURL))).journey
        j.cohorts[0].name = "a\u{85}b\u{202E}c\u{2066}d\u{200F}e\u{61C}f"
        j.conflicts[0].oursLabel = j.cohorts[0].name  // lint quotes the labels of an unresolved conflict
        let file = dir.appendingPathComponent("j.json")
        try Data(JourneyCodec.encode(j)).write(to: file)
        for args in [["recommend", "--format", "json", file.path], ["lint", "--format", "json", file.path]] {
            let r = try journeyman(arguments: args)
            XCTAssertEqual(Self.rawControls(r.stdout), [], args.joined(separator: " "))
            XCTAssertTrue(r.stdout.contains(#"a\u0085b\u202ec\u2066d\u200fe\u061cf"#), "\(args):\n\(r.stdout)")
            // A JSON reader gets the name back exactly.
            let tree = try JSONReader.read(Array(r.stdout.utf8))
            var found = false
            func walk(_ n: JSONNode) {
                switch n.value {
                case .string(let s): if s.contains(j.cohorts[0].name) { found = true }
                case .array(let items): items.forEach(walk)
                case .object(let members): members.forEach { walk($0.value) }
                default: break
                }
            }
            walk(tree)
            XCTAssertTrue(found, "\(args): the escaped name decodes to the name")
        }
    }

    /// The sanitizers themselves, exactly.
    func testSanitizersExactly() {
        XCTAssertEqual(TerminalText.safeOutput("a\u{1B}[2Jb\n\tc\r\nd\re\u{9B}f\u{202E}g"), "a\\u{1B}[2Jb\n\tc\r\nd\\u{D}e\\u{9B}f\\u{202E}g")
        XCTAssertEqual(TerminalText.safeOutput("\u{1B}[1mbold\u{1B}[0m \u{1B}[8mhidden", keeping: Style.sequences),
                       "\u{1B}[1mbold\u{1B}[0m \\u{1B}[8mhidden")
        XCTAssertEqual(TerminalText.safeJSON("{\n  \"a\": \"x\u{85}\u{202E}\u{61C}\u{2028}\"\n}"), "{\n  \"a\": \"x\\u0085\\u202e\\u061c\\u2028\"\n}")
        let plain = "Touchpoints … ─── “quoted” – é 漢字 👩‍👩‍👧"
        XCTAssertEqual(TerminalText.safeOutput(plain), plain)
        XCTAssertEqual(TerminalText.safeJSON(plain), plain)
        XCTAssertFalse(TerminalText.mayBeUnsafe(plain))
        for s in ["\u{80}", "\u{9F}", "\u{61C}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{2028}", "\u{7F}", "\u{0}"] {
            XCTAssertTrue(TerminalText.mayBeUnsafe("a" + s + "b"), s.debugDescription)
        }
    }

    /// Only CLI.swift writes to the standard streams: every other file prints through it.
    func testOnlyTheSanitizedSinkWritesToStdoutAndStderr() throws {
        let sources = Fixture.root.appendingPathComponent("Sources/journeyman")
        let files = FileManager.default.enumerator(atPath: sources.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        XCTAssertGreaterThan(files.count, 10)
        var offenders: [String] = []
        for f in files where f != "Support/CLI.swift" {
            let text = try String(contentsOf: sources.appendingPathComponent(f), encoding: .utf8)
            for needle in ["FileHandle.standardOutput", "FileHandle.standardError", "print(", "fputs(", "write(1,", "write(2,", "STDOUT_FILENO", "STDERR_FILENO"] {
                let pattern = "(?<![A-Za-z0-9_])" + NSRegularExpression.escapedPattern(for: needle)
                if text.range(of: pattern, options: .regularExpression) != nil { offenders.append("\(f): \(needle)") }
            }
        }
        XCTAssertEqual(offenders, [])
    }

    /// The numeric pass through the CLI: extreme values in every numeric field, run
    /// in-process through the commands whose output code is the CLI's own (the JourneyKit
    /// renderers get every value in FuzzTests), and each value in every field at once
    /// through every command; nothing traps.
    func testExtremeNumbersInEveryNumericFieldThroughEveryCommand() throws {
        let (dir, _, tree, original) = try fullJourney()
        let numeric = tree.leafPaths.filter { if case .number? = tree[path: $0]?.value { true } else { false } }
        let values: [Double] = [1e-48, .leastNonzeroMagnitude, 1e308, -0.0, 9_007_199_254_740_994]
        let cliOutput: Set<String> = ["validate", "lint", "recommend", "coverage", "summary"]
        // nil: every numeric field at once.
        let everyField: [JSONPath?] = [nil]
        // The default run gives each single field a turning one of the values, and every
        // field at once each value with a turning half of the commands.
        let cases = (everyField + numeric).enumerated().flatMap { i, path in
            values.enumerated().filter { k, _ in SlowTests.enabled || path == nil || (i + k) % values.count == 0 }
                .map { (path: path, value: $0.element, turn: $0.offset) }
        }
        // Two workers, each with its own files, share the cases.
        let tallies = Slots(count: Self.workers, initial: Tally())
        DispatchQueue.concurrentPerform(iterations: Self.workers) { worker in
            var tally = Tally(), n = 0
            for (path, v, turn) in stride(from: worker, to: cases.count, by: Self.workers).map({ cases[$0] }) {
                let name = path?.description ?? "every numeric field"
                let mutated = path.map { tree.replacing($0, with: .number(v)) } ?? numeric.reduce(tree) { $0.replacing($1, with: .number(v)) }
                let text = JSONWriter.canonical(mutated)
                let file = dir.appendingPathComponent("n-\(worker).json").path
                try? Data(text).write(to: URL(fileURLWithPath: file))
                guard (try? JourneyCodec.decode(text)) != nil else {
                    let r = InProcess.run(["validate", file])
                    if r.status != 65 { tally.failures.append("\(name) = \(v): \(r)") }
                    continue
                }
                tally.accepted += 1
                var lines = Self.commandLines(file: file, original: original) {
                    n += 1
                    let copy = dir.appendingPathComponent("s-\(worker)-\(n).json").path
                    try? Data(text).write(to: URL(fileURLWithPath: copy))
                    return copy
                }
                if path != nil { lines = lines.filter { cliOutput.contains($0[0]) } }
                if path == nil && !SlowTests.enabled { lines = lines.enumerated().filter { ($0.offset + turn) % 2 == 0 }.map(\.element) }
                for line in lines {
                    let r = InProcess.run(line)
                    tally.runs += 1
                    if ![0, 1, 65].contains(r.status) { tally.failures.append("\(name) = \(v), \(line.joined(separator: " ")): \(r)") }
                    let words = Set(r.stdout.lowercased().split { !$0.isLetter }.map(String.init))
                    if !words.isDisjoint(with: ["nan", "inf", "infinity"]) {
                        tally.failures.append("\(name) = \(v), \(line.joined(separator: " ")): \(r.stdout)")
                    }
                }
            }
            tallies.set(worker, tally)
        }
        let all = tallies.all
        for failure in all.flatMap(\.failures) { XCTFail(failure) }
        let accepted = all.map(\.accepted).reduce(0, +), runs = all.map(\.runs).reduce(0, +)
        print("OutputSafetyTests numeric pass (\(SlowTests.mode)): \(numeric.count) numeric fields (one at a time and all at once) x \(values.count) values, "
              + "\(accepted) accepted, \(runs) in-process command runs")
        XCTAssertGreaterThan(accepted, cases.count / 3, "many extreme values are accepted, so the commands see them")
    }

    /// The crash of the report: a value per user of 1e-48 validates, then recommend,
    /// summary and export --format markdown trapped converting an infinite percent to Int.
    func testTinyValuePerUserThroughTheBinary() throws {
        let dir = Fixture.tempDir(self)
        for tiny in ["1e-48", "5e-324"] {
            let text = try String(contentsOf: Fixture.root.appendingPathComponent("Journeys/neobank-laer.json"), encoding: .utf8)
                .replacingOccurrences(of: "\"valuePerUser\": 48", with: "\"valuePerUser\": \(tiny)")
            XCTAssertTrue(text.contains(tiny))
            let file = dir.appendingPathComponent("tiny.json")
            try text.write(to: file, atomically: true, encoding: .utf8)
            for args in [["validate"], ["recommend"], ["summary"], ["export", "--format", "markdown"], ["recommend", "--format", "json"]] {
                let r = try journeyman(arguments: args + [file.path])
                XCTAssertEqual(r.status, 0, "\(tiny) \(args): \(r)")
                XCTAssertEqual(r.stderr, "", "\(tiny) \(args)")
            }
        }
    }
}
