import Foundation
import TestSupport
import XCTest
@testable import JourneyKit

/// A deterministic mutation fuzzer over the journey reader: fixed seeds, tens of
/// thousands of mutated samples. The reader must never crash, every error message must
/// be safe for a terminal, and every accepted file must round-trip: decoding the
/// canonical encoding gives the same journey, and encoding is a fixed point.
///
/// The full run (`SlowTests`) makes 30,000 samples and puts every extreme value in every
/// numeric field; the default run makes the first 6,000 samples of the same sequences and
/// puts a turning third of the values in each field (every value still reaches fields).
final class FuzzTests: XCTestCase {
    static let iterations = SlowTests.count(full: 30_000, sample: 6_000)

    /// SplitMix64: small, fast and the same on every platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let interestingBytes: [UInt8] = Array("{}[]:,\"\\0123456789-+.eEtfnu \n\t".utf8) + [0x00, 0x1B, 0x7F, 0x80, 0x9B, 0xC0, 0xC2, 0xE2, 0xED, 0xEF, 0xF0, 0xFF]

    static let hostileStrings = ["", " ", "\u{1B}[31mred\u{1B}[0m", "\u{1B}]0;title\u{07}", "\u{9B}2J", "\u{202E}evil", "\u{0}", "a\nb\tc",
                                 "é", "👩‍👩‍👧", "\u{FEFF}", "x\u{2028}y", String(repeating: "long ", count: 200), "\"quoted\\\"", "aarrr", "live",
                                 "email", "tech-touch", "consider", "purchase", "high-value", "2026-02-28", "research-backed", "event"]

    static let interestingNumbers: [Double] = [0, -0.0, 1, -1, 0.5, 2, 3, 4, 100, 100.5, 1e12, 1e15, 1e-7, 123456789.123, 1e300, -1e300, 4200]

    static var seeds: [[UInt8]] {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus/base.journey")
        var out = [Array((try? Data(contentsOf: corpus)) ?? Data())]
        for f in Framework.catalog {
            out.append(JourneyCodec.encode(Journey.template(f, title: f.name)))
        }
        out.append(JourneyCodec.encode(Journey.customTemplate(name: "Generic", stages: ["Awareness", "Purchase", "Advocacy"], title: nil)))
        out.append(Array(#"{"formatVersion": 1, "title": "Old", "framework": "race", "stages": [{"id": "reach", "name": "Reach"}]}"#.utf8))
        return out.filter { !$0.isEmpty }
    }

    /// The samples are made and checked by this many workers, each from its own seed, so
    /// the set of samples is the same on every machine and the work uses both cores.
    static let workers = 2

    func testMutatedJourneysNeverCrashAndAcceptedOnesRoundTrip() throws {
        let seeds = Self.seeds
        XCTAssertGreaterThanOrEqual(seeds.count, 7)
        for seed in seeds { XCTAssertNoThrow(try JourneyCodec.decode(seed), "a seed must be valid") }
        let start = Date()
        let tallies = Tallies(count: Self.workers)
        DispatchQueue.concurrentPerform(iterations: Self.workers) { worker in
            tallies.set(worker, Self.fuzz(seeds: seeds, worker: worker))
        }
        let all = tallies.all
        let accepted = all.map(\.accepted).reduce(0, +), rejected = all.map(\.rejected).reduce(0, +)
        for failure in all.flatMap(\.failures) { XCTFail(failure) }
        let seconds = Date().timeIntervalSince(start)
        print("FuzzTests (\(SlowTests.mode)): \(Self.iterations) samples, \(accepted) accepted, \(rejected) rejected, \(String(format: "%.1f", seconds)) s")
        XCTAssertEqual(accepted + rejected, Self.iterations)
        // Both outcomes must be exercised, or the mutations are too weak or too strong.
        XCTAssertGreaterThan(accepted, Self.iterations / 50)
        XCTAssertGreaterThan(rejected, Self.iterations / 2)
    }

    struct Tally: Sendable {
        var accepted = 0, rejected = 0
        var failures: [String] = []
    }

    /// Tallies filled in by concurrent workers.
    final class Tallies: @unchecked Sendable {
        private var items: [Tally]
        private let lock = NSLock()
        init(count: Int) { items = Array(repeating: Tally(), count: count) }
        func set(_ i: Int, _ value: Tally) { lock.withLock { items[i] = value } }
        var all: [Tally] { lock.withLock { items } }
    }

    /// One worker's share of the samples: every `workers`-th sample number, from its own seed.
    static func fuzz(seeds: [[UInt8]], worker: Int) -> Tally {
        var random = Random(state: 0x5EED_0F_10_0A_2026 &+ UInt64(worker))
        var tally = Tally()
        for i in stride(from: worker, to: Self.iterations, by: Self.workers) {
            var sample = random.pick(seeds)
            if random.below(3) == 0 {
                // Gentle: tree changes only, which keep more samples valid for the round trip.
                sample = structural(sample, random: &random)
            } else {
                for _ in 0..<(1 + random.below(4)) { sample = mutate(sample, seeds: seeds, random: &random) }
            }
            do {
                let doc = try JourneyCodec.decode(sample, file: "fuzz.json")
                tally.accepted += 1
                let encoded = JourneyCodec.encode(doc.journey)
                let again: JourneyDocument
                do {
                    again = try JourneyCodec.decode(encoded, file: "fuzz.json")
                } catch {
                    tally.failures.append("sample \(i): the canonical encoding of an accepted file is refused: \(error.description)\n\(String(decoding: sample, as: UTF8.self))")
                    continue
                }
                if again.journey != doc.journey { tally.failures.append("sample \(i): the journey changed in a round trip") }
                if JourneyCodec.encode(again.journey) != encoded { tally.failures.append("sample \(i): encoding is not a fixed point") }
            } catch {
                tally.rejected += 1
                let text = error.description
                if text.unicodeScalars.contains(where: { $0 != "\n" && TerminalText.isUnsafe($0) }) {
                    tally.failures.append("sample \(i): the message holds raw control characters: \(text.debugDescription)")
                }
                if error.exitCode != 65 { tally.failures.append("sample \(i): exit \(error.exitCode)") }
            }
        }
        return tally
    }

    /// Values at the edges of what a Double holds: tiny, subnormal, huge, negative, -0,
    /// integers past 2^53 and past Int's range, and fractions where whole numbers belong.
    static let extremeNumbers: [Double] = [1e-48, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 1e308, -1e308,
                                           .greatestFiniteMagnitude, -1, -0.0, 0.5, 9_007_199_254_740_994,
                                           18_446_744_073_709_551_616, -9.3e18, 99.999_999_999_99, 1e12 + 1]

    /// A journey with every field of the model filled in (Tests/Fixtures/Safety).
    static var fullJourney: [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/Safety/full-journey.json")
        return Array((try? Data(contentsOf: url)) ?? Data())
    }

    /// The numeric pass: every extreme value in every numeric field of a full journey, one
    /// field at a time, all fields at once, and seeded random mixes. The reader either
    /// refuses the file with a located message or accepts it, and then every renderer,
    /// report and review tool runs on the result without trapping.
    func testExtremeNumbersInEveryNumericFieldCrashNoRenderer() throws {
        let bytes = Self.fullJourney
        let original = try JourneyCodec.decode(bytes).journey
        let base = try JSONReader.read(bytes).withoutOffsets
        let numeric = base.leafPaths.filter { if case .number? = base[path: $0]?.value { true } else { false } }
        XCTAssertGreaterThanOrEqual(numeric.count, 14, "the full journey has a number in every numeric field")
        var accepted = 0, rejected = 0, runs = 0
        func check(_ tree: JSONNode, _ what: @autoclosure () -> String) {
            do {
                let doc = try JourneyCodec.decode(JSONWriter.canonical(tree), file: "numbers.json")
                accepted += 1
                runs += renderEverything(doc, beside: original)
            } catch {
                rejected += 1
                XCTAssertEqual(error.exitCode, 65, what())
                XCTAssertFalse(error.description.unicodeScalars.contains { $0 != "\n" && TerminalText.isUnsafe($0) }, what())
            }
        }
        for (i, path) in numeric.enumerated() {
            for (k, v) in Self.extremeNumbers.enumerated() where SlowTests.enabled || (i + k) % 3 == 0 {
                check(base.replacing(path, with: .number(v)), "\(path) = \(v)")
            }
        }
        for v in Self.extremeNumbers {
            check(numeric.reduce(base) { $0.replacing($1, with: .number(v)) }, "every number = \(v)")
        }
        var random = Random(state: 0x1E_48_5E_324)
        for i in 0..<SlowTests.count(full: 60, sample: 15) {
            let tree = numeric.reduce(base) { t, path in
                random.below(3) == 0 ? t : t.replacing(path, with: .number(random.pick(Self.extremeNumbers)))
            }
            check(tree, "random mix \(i)")
        }
        print("FuzzTests numeric pass (\(SlowTests.mode)): \(numeric.count) numeric fields x \(Self.extremeNumbers.count) values, "
              + "\(accepted) journeys accepted and rendered (\(runs) renderer runs), \(rejected) refused")
        XCTAssertGreaterThan(accepted, numeric.count, "some extreme values must be accepted, or the renderers are never reached")
        XCTAssertGreaterThan(rejected, numeric.count)
    }

    /// Runs every JourneyKit renderer and review tool on an accepted journey; the number of runs.
    func renderEverything(_ doc: JourneyDocument, beside other: Journey) -> Int {
        let j = doc.journey
        let lint = Linter(today: "2026-06-01").lint(doc)
        let extras = SummaryExtras(journey: j, lint: lint)
        var outputs: [String] = []
        outputs.append(Summary.text(j, options: SummaryOptions(width: 10, ascii: true), extras: extras))
        outputs.append(Summary.text(j, options: SummaryOptions(width: 80), extras: extras))
        outputs.append(Summary.markdown(j, extras: extras))
        for format in ExportFormat.allCases { outputs.append(JourneyExport.render(j, as: format, extras: extras)) }
        outputs.append(JourneyExport.render(j, as: .mermaid, flowchart: true, extras: extras))
        outputs.append(Recommender.recommend(j).map { "\($0)" }.joined())
        outputs.append("\(CostReport(j))")
        for axis in Coverage.Axis.allCases { outputs.append(Coverage(j, by: axis).lines(width: axis == .model ? 20 : 200).joined()) }
        outputs.append(JourneyDiff(old: other, new: j).text())
        outputs.append(JourneyDiff(old: j, new: other).markdown())
        outputs.append("\(JourneyMerge.merge(base: other, ours: j, theirs: other).journey.title)")
        outputs.append("\(JourneyMerge.merge(base: j, ours: other, theirs: j).conflicts.count)")
        let encoded = JourneyCodec.encode(j)
        XCTAssertEqual(try? JourneyCodec.decode(encoded).journey, j, "an accepted journey round-trips")
        return outputs.count + 1
    }

    static func mutate(_ input: [UInt8], seeds: [[UInt8]], random: inout Random) -> [UInt8] {
        var b = input
        switch random.below(11) {
        case 0 where !b.isEmpty: // flip a bit
            let i = random.below(b.count)
            b[i] ^= 1 << UInt8(random.below(8))
        case 1 where !b.isEmpty: // set an interesting byte
            b[random.below(b.count)] = random.pick(Self.interestingBytes)
        case 2: // insert bytes
            let n = 1 + random.below(4)
            let at = random.below(b.count + 1)
            b.insert(contentsOf: (0..<n).map { _ in random.pick(Self.interestingBytes) }, at: at)
        case 3 where !b.isEmpty: // delete a range
            let at = random.below(b.count)
            b.removeSubrange(at..<min(b.count, at + 1 + random.below(16)))
        case 4 where !b.isEmpty: // duplicate a range somewhere else
            let from = random.below(b.count)
            let chunk = Array(b[from..<min(b.count, from + 1 + random.below(64))])
            b.insert(contentsOf: chunk, at: random.below(b.count + 1))
        case 5: // splice: the start of this sample and the end of another
            let other = random.pick(seeds)
            b = Array(b.prefix(random.below(b.count + 1))) + Array(other.suffix(random.below(other.count + 1)))
        case 6: // truncate
            b = Array(b.prefix(random.below(b.count + 1)))
        default:
            b = structural(b, random: &random)
        }
        return b
    }

    /// A structure-aware mutation: change the parsed tree and write it again.
    static func structural(_ input: [UInt8], random: inout Random) -> [UInt8] {
        guard let tree = try? JSONReader.read(input) else { return input }
        var node = tree.withoutOffsets
        mutateTree(&node, random: &random, depth: 0)
        var b = JSONWriter.canonical(node)
        if random.below(4) == 0 { b = reformatted(b, random: &random) }
        return b
    }

    /// Changes one random place in the tree.
    static func mutateTree(_ node: inout JSONNode, random: inout Random, depth: Int) {
        switch node.value {
        case .object(var members) where !members.isEmpty && random.below(3) != 0:
            let i = random.below(members.count)
            switch random.below(8) {
            case 0: members.remove(at: i)
            case 1: members.append(JSONMember(random.pick(["id", "name", "notes", "extra", "model", "stages"]), replacement(random: &random)))
                    members = dedupe(members)
            default: mutateTree(&members[i].value, random: &random, depth: depth + 1)
            }
            node = .object(members)
        case .array(var items) where !items.isEmpty && random.below(3) != 0:
            let i = random.below(items.count)
            switch random.below(6) {
            case 0: items.remove(at: i)
            case 1: items.append(items[i])
            case 2: items.swapAt(i, random.below(items.count))
            default: mutateTree(&items[i], random: &random, depth: depth + 1)
            }
            node = .array(items)
        case .string:
            node = random.below(3) == 0 ? replacement(random: &random) : .string(random.pick(Self.hostileStrings))
        case .number:
            node = random.below(3) == 0 ? replacement(random: &random) : .number(random.pick(Self.interestingNumbers))
        default:
            node = replacement(random: &random)
        }
    }

    static func dedupe(_ members: [JSONMember]) -> [JSONMember] {
        var seen = Set<String>()
        return members.filter { seen.insert($0.key).inserted }
    }

    static func replacement(random: inout Random) -> JSONNode {
        switch random.below(7) {
        case 0: return .null
        case 1: return .bool(random.below(2) == 0)
        case 2: return .number(random.pick(Self.interestingNumbers))
        case 3: return .string(random.pick(Self.hostileStrings))
        case 4: return .array([])
        case 5: return .object([])
        default: return .array([.string(random.pick(Self.hostileStrings))])
        }
    }

    /// The same JSON with other white space or escapes: still valid, no longer canonical.
    static func reformatted(_ bytes: [UInt8], random: inout Random) -> [UInt8] {
        var text = String(decoding: bytes, as: UTF8.self)
        switch random.below(3) {
        case 0: text = text.replacingOccurrences(of: "\n  ", with: "\r\n\t")
        case 1: text = text.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "  ", with: "")
        default: text = text.replacingOccurrences(of: "a", with: "\\u0061")
        }
        return Array(text.utf8)
    }
}
