@testable import JourneyKit
import XCTest

final class SlugTests: XCTestCase {
    func testSlugsFromNames() {
        XCTAssertEqual(Slug.make(from: "Café welcome ✓ 欢迎", fallback: "touchpoint"), "cafe-welcome")
        XCTAssertEqual(Slug.make(from: "  Post-purchase experience!  ", fallback: "stage"), "post-purchase-experience")
        XCTAssertEqual(Slug.make(from: "欢迎", fallback: "touchpoint"), "touchpoint")
        XCTAssertEqual(Slug.make(from: "Straße", fallback: "x"), "strasse")
        XCTAssertTrue(Slug.isValid("a-b-1"))
        XCTAssertFalse(Slug.isValid("a--b"))
        XCTAssertFalse(Slug.isValid("-a"))
        XCTAssertFalse(Slug.isValid("A"))
        XCTAssertFalse(Slug.isValid(""))
    }

    func testTwoItemsWithTheSameNameGetDistinctIDs() {
        var j = Journey.template(Framework.named("aarrr")!)
        let first = j.newID(for: "Welcome email", fallback: "touchpoint")
        j.stages[0].touchpoints.append(Touchpoint(id: first, name: "Welcome email"))
        let second = j.newID(for: "Welcome email", fallback: "touchpoint")
        j.stages[1].touchpoints.append(Touchpoint(id: second, name: "Welcome email"))
        XCTAssertEqual(first, "welcome-email")
        XCTAssertEqual(second, "welcome-email-2")
        XCTAssertEqual(j.newID(for: "Acquisition", fallback: "stage"), "acquisition-2")
    }

    func testRenamingKeepsTheID() throws {
        var j = Journey.template(Framework.named("laer")!)
        j.stages[0].name = "Land and welcome"
        let back = try JourneyCodec.decode(JourneyCodec.encode(j)).journey
        XCTAssertEqual(back.stages[0].id, "land")
        XCTAssertEqual(back.stages[0].name, "Land and welcome")
    }
}

/// Long invalid ids (issue 10, case 13): a 1 MiB id of "é" took seconds, because the slug
/// in the message normalized the whole name at once (quadratic in Foundation) and the
/// suggestion compared it with every candidate. The work is counted, not timed.
final class LongInputWorkTests: XCTestCase {
    func testSlugNormalizesBoundedPiecesAndEachCharacterOnce() {
        for base in ["é", "漢", "e\u{301}", "Ω-", "👩‍👩‍👧"] {
            var sizes: [Int: (largest: Int, total: Int)] = [:]
            for n in [1 << 12, 1 << 14] {
                var largest = 0, total = 0
                let name = String(repeating: base, count: n)
                _ = Slug.make(from: name, fallback: "x", normalized: { largest = max(largest, $0); total += $0 })
                sizes[n] = (largest, total)
                XCTAssertLessThanOrEqual(largest, Slug.normalizationPiece, base)
                XCTAssertLessThanOrEqual(total, name.count, "\(base): no character is normalized twice")
            }
            // Four times the input: at most four times the work (a slug that fills up stops early).
            XCTAssertLessThanOrEqual(sizes[1 << 14]!.total, 4 * max(sizes[1 << 12]!.total, Slug.normalizationPiece), base)
        }
        // A name that gives no slug characters is read to its end, once.
        var total = 0
        _ = Slug.make(from: String(repeating: "漢", count: 10_000), fallback: "x", normalized: { total += $0 })
        XCTAssertEqual(total, 10_000)
        // The slug is the same as normalizing the whole name at once.
        let mixed = String(repeating: "Ca\u{301}fe\u{301} 漢 Straße-", count: 40)
        XCTAssertEqual(Slug.make(from: mixed, fallback: "x"), "cafe-strasse-cafe-strasse-cafe-strasse-cafe-stra")
        XCTAssertEqual(Slug.make(from: "漢字 Ünïcödé naïve", fallback: "x"), "unicode-naive")
    }

    func testSuggestionsSkipWordsFarLongerThanEveryCandidate() {
        let candidates = ["channel", "touchpoints", "description"]
        var cells = 0
        XCTAssertNil(Suggest.closest(to: String(repeating: "é", count: 1 << 20), in: candidates, cells: { cells += $0 }))
        XCTAssertEqual(cells, 0)
        XCTAssertEqual(Suggest.closest(to: "chanel", in: candidates, cells: { cells += $0 }), "channel")
        XCTAssertEqual(cells, 6 * (7 + 11 + 11))
        cells = 0
        XCTAssertEqual(Suggest.closest(to: "descriptionxyz", in: candidates, cells: { cells += $0 }), "description")
        XCTAssertEqual(cells, 14 * (7 + 11 + 11), "a word within 3 of the longest candidate is still compared")
    }

    func testMessagesOnLongIdsHaveABoundedSize() {
        var lengths: [Int] = []
        for n in [1 << 12, 1 << 16] {
            let id = String(repeating: "é", count: n)
            let json = #"{"formatVersion": 2, "framework": "aarrr", "title": "T", "stages": [{"id": ""# + id + #"", "name": "S"}]}"#
            XCTAssertThrowsError(try JourneyCodec.decode(Array(json.utf8), file: "long.json")) { error in
                let message = (error as? JourneyError)?.description ?? ""
                lengths.append(message.unicodeScalars.count)
                XCTAssertTrue(message.contains("(\(n + 2) characters) is not a valid id"), message)
            }
        }
        XCTAssertEqual(lengths.count, 2)
        // The id grows 16 times; the message only by the digits of its length.
        XCTAssertLessThanOrEqual(lengths[1], lengths[0] + 2)
    }
}
