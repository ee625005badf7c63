import JourneyKit
import XCTest

/// The canonical form is a fixed point of `jq -S --indent 2 .`, and samples round-trip byte for byte.
final class CanonicalFormTests: XCTestCase {
    func testEverySampleRoundTripsByteForByteThenByValue() throws {
        let samples = Fixture.samples
        XCTAssertGreaterThanOrEqual(samples.count, 6, "Journeys/ should hold at least six samples")
        for url in samples {
            let bytes = Array(try Data(contentsOf: url))
            let doc = try JourneyCodec.decode(bytes, file: url.lastPathComponent)
            let written = JourneyCodec.encode(doc.journey)
            XCTAssertEqual(String(decoding: written, as: UTF8.self), String(decoding: bytes, as: UTF8.self), url.lastPathComponent)
            XCTAssertEqual(try JourneyCodec.decode(written).journey, doc.journey, url.lastPathComponent)
        }
    }

    func testSamplesAreFixedPointsOfJq() throws {
        for url in Fixture.samples {
            let r = try shell("jq -S --indent 2 . '\(url.path)' | cmp - '\(url.path)'")
            XCTAssertEqual(r.status, 0, "\(url.lastPathComponent): \(r.description)")
        }
    }

    /// Journeys built in code, with awkward text and numbers, are written exactly as jq writes them.
    func testBuiltJourneysMatchJqByteForByte() throws {
        let dir = Fixture.tempDir(self)
        var generator = SplitMix(seed: 7)
        let texts = ["Café ✓ 欢迎", "quote \" backslash \\ slash /", "tab\tnew\nline", "esc \u{1B}[2J bell \u{7} del \u{7F}",
                     "emoji 👩‍💻🇫🇷", "C1 \u{9B} bidi \u{202E}", "", "zero-width\u{200B}joiner", "Ünïcödé"]
        let numbers: [Double] = [0, 1, 0.5, 12.75, 99.99, 100, 1e-5, 123456.789, 2.5e15, 0.1 + 0.2, 1e20]
        for round in 0..<20 {
            var j = Journey.template(Framework.catalog[round % 5], title: texts[round % texts.count])
            j.description = texts[(round + 3) % texts.count]
            for s in j.stages.indices {
                j.stages[s].goal = texts[Int(generator.next() % UInt64(texts.count))]
                j.stages[s].dropOff = Double(generator.next() % 100)
                for t in 0..<Int(generator.next() % 4) {
                    let name = texts[Int(generator.next() % UInt64(texts.count))] + " \(t)"
                    let id = j.newID(for: name, fallback: "touchpoint")
                    j.stages[s].touchpoints.append(Touchpoint(
                        id: id, name: name, channel: Channel.catalog[t].id, trigger: Trigger(kind: .event, detail: name),
                        kpis: [KPI(id: j.newID(for: "kpi \(id)", fallback: "kpi"), name: "K", kind: .outcome,
                                   target: numbers[Int(generator.next() % UInt64(numbers.count))], unit: "%")],
                        notes: texts[Int(generator.next() % UInt64(texts.count))]))
                }
            }
            let url = dir.appendingPathComponent("built-\(round).json")
            try Data(JourneyCodec.encode(j)).write(to: url)
            let r = try shell("jq -S --indent 2 . '\(url.path)' | cmp - '\(url.path)'")
            XCTAssertEqual(r.status, 0, "round \(round): \(r.description)")
        }
    }
}

/// A small deterministic random number generator for tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
