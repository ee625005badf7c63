import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import JourneyKit
import XCTest

/// The journey map's geometry, checked against the font's width table, and its SVG text.
final class JourneyMapTests: XCTestCase {
    static var samples: [(String, Journey)] {
        get throws {
            let dir = ReviewFixtures.root.appendingPathComponent("Journeys")
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") && $0 != "journey.schema.json" }.sorted()
            return try names.map { ($0, try JourneyFile.read(dir.appendingPathComponent($0).path).journey) }
                + [("coffee", try ReviewFixtures.coffee), ("hostile", try ReviewFixtures.journey("hostile"))]
        }
    }

    /// A journey whose every text is far too long for its box, in Latin, CJK and emoji.
    var crowded: Journey {
        let long = "An extraordinarily long touchpoint name that cannot possibly fit on three lines of a card however it wraps"
        let cjk = "日本語の非常に長いタッチポイント名、カードに収まらない（括弧）ことを確かめる。そしてさらに続く文章です"
        let emoji = String(repeating: "🥇👍🏽🇯🇵", count: 20)
        let unbroken = String(repeating: "W", count: 120)
        let tps = [long, cjk, emoji, unbroken].enumerated().map { i, name in
            Touchpoint(id: "t\(i)", name: name, channel: "email", model: "hybrid", layers: ["ai-augmented"], owner: long + " " + cjk,
                       status: .planned, evidence: .partlyBacked)
        }
        return Journey(title: long + " " + long, owner: cjk, framework: FrameworkRef(id: "aarrr"),
                       stages: [Stage(id: "s", name: cjk + cjk, level: .active, dropOff: 12.5,
                                      kpis: [KPI(id: "k", name: long, kind: .outcome, target: 12000, unit: "per month")], touchpoints: tps)],
                       loops: [LoopEdge(id: "l", from: "s", to: "s", label: long)],
                       cohorts: [Cohort(id: "c", name: long, size: 1000, model: "hybrid")])
    }

    func testEveryTextFitsItsBoxByTheWidthTableInEveryLaneMode() throws {
        for (name, j) in try Self.samples + [("crowded", crowded)] {
            for lanes in MapLanes.allCases {
                let layout = MapLayout(j, options: JourneyMapOptions(lanes: lanes, date: "2026-11-22"))
                for b in layout.boxes {
                    XCTAssertTrue(b.textFits, "\(name) \(lanes) \(b.kind): \(b.texts.map(\.text))")
                    for t in b.texts { XCTAssertFalse(t.text.isEmpty, "\(name) \(b.kind)") }
                }
                let cards = layout.boxes.filter { $0.kind == "card" }
                for (i, a) in cards.enumerated() {
                    for c in cards[(i + 1)...] {
                        let overlap = a.x < c.x + c.width && c.x < a.x + a.width && a.y < c.y + c.height && c.y < a.y + a.height
                        XCTAssertFalse(overlap, "\(name) \(lanes): cards overlap")
                    }
                    XCTAssertLessThanOrEqual(a.x + a.width, layout.width)
                    XCTAssertLessThanOrEqual(a.y + a.height, layout.height)
                }
            }
        }
    }

    func testLongTextIsWrappedThenCutWithAnEllipsis() throws {
        let layout = MapLayout(crowded, options: JourneyMapOptions())
        let cards = layout.boxes.filter { $0.kind == "card" }
        XCTAssertEqual(cards.count, 4)
        // The name takes its three lines and the third ends in an ellipsis.
        let names = cards[0].texts.filter(\.bold).map(\.text)
        XCTAssertEqual(names.count, 3)
        XCTAssertEqual(names[0], "An extraordinarily long")
        XCTAssertTrue(names[2].hasSuffix("\u{2026}"), names[2])
        // CJK counts as wide: a 192-pixel line at 12 px bold holds at most 12 of them.
        let cjk = cards[1].texts.filter(\.bold).map(\.text)
        XCTAssertEqual(cjk.count, 3)
        XCTAssertTrue(cjk.allSatisfy { $0.count <= 12 }, "\(cjk)")
        // No line starts with a closing bracket, 。、 or small kana.
        let stageLines = layout.boxes.filter { $0.kind == "stage" }.flatMap(\.texts).map(\.text)
        for line in cards[1].texts.map(\.text) + stageLines {
            if let first = line.first { XCTAssertFalse("）)」。、ゃゅょっャュョッー".contains(first), line) }
        }
        // An unbroken word is cut between characters.
        XCTAssertEqual(cards[3].texts.filter(\.bold).count, 3)
    }

    func testTextFitFollowsTheWidthTable() {
        // DejaVu Sans: "W" is 989/1000 em, "i" 278/1000 em.
        XCTAssertEqual(FontMetrics.width("W", size: 10), 9.89, accuracy: 1e-9)
        XCTAssertEqual(FontMetrics.width("Wi", size: 10, bold: false), 12.67, accuracy: 1e-9)
        XCTAssertEqual(FontMetrics.width("日", size: 10), 13, accuracy: 1e-9)
        XCTAssertEqual(TextFit.lines("one two three", width: 1000, size: 10), ["one two three"])
        // "one two" is 40.01 pixels at 10 px.
        XCTAssertEqual(TextFit.lines("one two three", width: 40, size: 10, maxLines: 3), ["one", "two", "three"])
        XCTAssertEqual(TextFit.lines("one two three", width: 45, size: 10, maxLines: 3), ["one two", "three"])
        XCTAssertEqual(TextFit.lines("one two three four five six", width: 45, size: 10, maxLines: 2), ["one two", "three\u{2026}"])
        XCTAssertEqual(TextFit.lines("High-value-customer", width: 70, size: 10, maxLines: 2), ["High-value-", "customer"])
        // Three CJK characters (39 px) fit in 50 px; 。 never starts a line, so 語 goes down with it.
        XCTAssertEqual(TextFit.lines("日本語です", width: 50, size: 10, maxLines: 2), ["日本語", "です"])
        XCTAssertEqual(TextFit.lines("日本語。です", width: 50, size: 10, maxLines: 3), ["日本", "語。で", "す"])
        XCTAssertEqual(TextFit.lines("（日本語）", width: 40, size: 10, maxLines: 3), ["（日本", "語）"])
        XCTAssertEqual(TextFit.lines("（日本）語", width: 40, size: 10, maxLines: 3), ["（日", "本）語"])
        XCTAssertEqual(TextFit.truncate("abc", width: 100, size: 10), "abc")
        XCTAssertEqual(TextFit.fitted("High-value-customer", width: 70, size: 10, maxLines: 2), "High-value-customer")
        XCTAssertEqual(TextFit.fitted("one two three four five six", width: 45, size: 10, maxLines: 2), "one two three\u{2026}")
    }

    func testTheSVGIsWellFormedEscapedXMLWithoutControlCharacters() throws {
        for (name, j) in try Self.samples + [("crowded", crowded)] {
            for svg in [JourneyMap.svg(j), JourneyMap.html(j).components(separatedBy: "<body>\n")[1].components(separatedBy: "</body>")[0]] {
                let parser = XMLParser(data: Data(svg.utf8))
                XCTAssertTrue(parser.parse(), "\(name): \(parser.parserError.map { "\($0)" } ?? "")")
                XCTAssertFalse(svg.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F..<0xA0).contains($0.value) || $0 == "\u{202E}" }, name)
                XCTAssertFalse(svg.contains("<script"), name)
                XCTAssertFalse(svg.contains("http://") && svg.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("href=\"http"), name)
            }
        }
        let hostile = JourneyMap.svg(try ReviewFixtures.journey("hostile"))
        XCTAssertTrue(hostile.contains("O&apos;Brien, &quot;Ops&quot; &amp; &lt;Co&gt;"), hostile)
        XCTAssertFalse(hostile.contains("\u{1B}"))
    }

    func testLanesGroupByModelChannelOrCohort() throws {
        let j = try JourneyFile.read(ReviewFixtures.root.appendingPathComponent("Journeys/retailer-loyalty-mckinsey.json").path).journey
        func lanes(_ by: MapLanes) -> [String] {
            MapLayout(j, options: JourneyMapOptions(lanes: by)).boxes.filter { $0.kind == "lane" }.dropFirst().map { $0.texts.first?.text ?? "" }
        }
        XCTAssertEqual(lanes(.model), ["Tech-touch /", "High-value-", "Low-touch"])
        XCTAssertEqual(lanes(.cohort), ["Considering", "First-time", "Loyal repeat", "Breeders and"])
        // A cohort lane's hover gives its routing rules.
        let breeders = MapLayout(j, options: JourneyMapOptions(lanes: .cohort)).boxes.filter { $0.kind == "lane" }.last
        XCTAssertEqual(breeders?.hover.split(separator: "\n").last,
                       "Routing: days since the last trade order: no trade order for 45 days after at least three monthly orders \u{2192} the trade account manager calls to check on the litter plan and stock (owner Trade accounts; via Quarterly trade review; to High-touch)")
        XCTAssertEqual(lanes(.channel).first, "Search")
        let cards = MapLayout(j, options: JourneyMapOptions(lanes: .model)).boxes.filter { $0.kind == "card" }
        XCTAssertEqual(cards.count, 17)
        XCTAssertEqual(Set(cards.compactMap(\.stripe)), ["#0072B2", "#CC79A7", "#56B4E9"])
        let svg = JourneyMap.svg(j, options: JourneyMapOptions(date: "2026-11-22"))
        XCTAssertTrue(svg.contains(">McKinsey Consumer Decision Journey · 4 stages, 17 touchpoints, 4 cohorts · Owner: Chloe Martin, retention lead · Reviewed 2026-07-08 · Map of 2026-11-22</text>"), svg)
        XCTAssertEqual(svg.components(separatedBy: "<path class=\"loop\"").count - 1, 1)
        XCTAssertTrue(svg.contains(">Loyalty loop</text>"))
    }
}
