@testable import JourneyKit
@testable import JourneyTUI
import XCTest

/// The keystroke path's shortcuts give the same screens as the long way: the board index
/// (what a lens and the swimlanes show, derived once per journey) is retired by every
/// change of the journey, and text of scalars that stand alone is drawn scalar by scalar
/// exactly as grapheme by grapheme.
final class KeystrokePathTests: XCTestCase {
    func testAnEditOutsideUpdateRetiresTheBoardIndexAndTheBoardShowsIt() {
        var s = Sample.state()
        s.lens = Lens(.cohort, "vip")
        s.press(.char("l"))
        XCTAssertEqual(s.boardIndex.key?.revision, s.journeyRevision)
        XCTAssertEqual(s.indexed(0)?.matching, [])
        XCTAssertEqual(s.indexed(1)?.matching, [0])
        XCTAssertTrue(Renderer.render(s).trimmedLines[1].hasPrefix("  Acquisition             (0/2) │"), Renderer.render(s).trimmedLines[1])

        // The journey changes without an event: the index is not the state's any more.
        let before = s.journeyRevision
        s.journey.stages[0].touchpoints[0].cohorts = ["vip"]
        XCTAssertNotEqual(s.journeyRevision, before)
        XCTAssertNil(s.indexed(0))
        XCTAssertEqual(s.shownCards(0), [0])
        XCTAssertEqual(s.matchingCount(0), 1)
        let screen = Renderer.render(s).trimmedLines
        XCTAssertTrue(screen[1].hasPrefix("  Acquisition             (1/2) │"), screen[1])
        XCTAssertTrue(screen.joined().contains("Landing page"))

        // The next event derives it again, for the journey as it is now.
        s.press(.char("h"))
        XCTAssertEqual(s.boardIndex.key?.revision, s.journeyRevision)
        XCTAssertEqual(s.indexed(0)?.matching, [0])
    }

    func testADimmingLensDimsFromTheIndexAndAfterAnEdit() {
        var s = Sample.state()
        s.lens = Lens(.cohort, "new-visitors", dim: true)
        s.press(.char("j"))
        XCTAssertEqual(s.indexed(0)?.matching, [1])
        XCTAssertTrue(s.isDimmed(0, 0))
        XCTAssertFalse(s.isDimmed(0, 1))
        s.journey.stages[0].touchpoints[0].cohorts = ["new-visitors"]
        XCTAssertFalse(s.isDimmed(0, 0), "a stale index is not used")
        s.press(.char("k"))
        XCTAssertEqual(s.indexed(0)?.matching, [0, 1])
        XCTAssertFalse(s.isDimmed(0, 0))
    }

    func testSwimlanesFollowAnEditAndItsUndo() {
        var s = Sample.state(width: 120, height: 30)
        s.press(.char("w"))
        XCTAssertEqual(s.view.lanes, .cohort)
        XCTAssertEqual(s.lanes(.cohort).map(\.name), ["New visitors", "VIP", "(no cohort)"])
        XCTAssertEqual(s.indexed(0)?.laneCards, [[1], [], [0]])
        XCTAssertTrue(Renderer.render(s).trimmedLines.joined().contains("(no cohort)"))

        // Landing page is the only card without a cohort: deleting it takes its lane away.
        s.selection = Selection(stage: 0, card: 0)
        s.press(.char("d"))
        XCTAssertEqual(s.touchpointNames[0], ["Welcome email"])
        XCTAssertEqual(s.boardIndex.key?.revision, s.journeyRevision)
        XCTAssertEqual(s.lanes(.cohort).map(\.name), ["New visitors", "VIP"])
        XCTAssertEqual(s.indexed(0)?.laneCards, [[0], []])
        // (Above the message line, which names the deleted card.)
        var screen = Renderer.render(s).trimmedLines.dropLast(2).joined()
        XCTAssertFalse(screen.contains("(no cohort)"))
        XCTAssertFalse(screen.contains("Landing page"))

        // Undo brings the card and its lane back.
        s.press(.char("u"))
        XCTAssertEqual(s.lanes(.cohort).map(\.name), ["New visitors", "VIP", "(no cohort)"])
        XCTAssertEqual(s.indexed(0)?.laneCards, [[1], [], [0]])
        screen = Renderer.render(s).trimmedLines.dropLast(2).joined()
        XCTAssertTrue(screen.contains("(no cohort)"))
        XCTAssertTrue(screen.contains("Landing page"))
    }

    func testALintLensFollowsTheLintRun() {
        var s = Sample.state()
        s.lens = Lens(.lint, "info")
        s.press(.char("j"))
        let marked = s.journey.stages.indices.map { si in s.journey.stages[si].touchpoints.indices.filter { s.lintMarks[si]?[$0] != nil } }
        XCTAssertEqual(s.indexed(0)?.matching, marked[0])
        // The marks change (as a lint run changes them): the index of the old run is retired.
        let revision = s.lintRevision
        s.lintMarks = [:]
        s.lintRevision &+= 1
        XCTAssertNotEqual(s.lintRevision, revision)
        XCTAssertNil(s.indexed(0))
        XCTAssertEqual(s.shownCards(0), [])
        s.press(.char("k"))
        XCTAssertEqual(s.indexed(0)?.matching, [])
    }

    // MARK: - Text drawn scalar by scalar

    /// Every scalar `standsAlone` accepts is a character of its own beside a letter, a CJK
    /// ideograph, an emoji and itself; so its strings need no grapheme breaking.
    func testScalarsThatStandAloneAreEachACharacter() {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x2FF, 0x370...0x52F, 0x2000...0x2800, 0x3000...0x30FF, 0x4E00...0x4E80, 0x9F00...0x9FFF,
                                             0xFF00...0xFFA0, 0x1F300...0x1FAFF]
        let partners: [Unicode.Scalar] = ["a", "\u{4E2D}", "\u{1F600}", "\u{416}"]
        var checked = 0
        for range in ranges {
            for v in range {
                guard let u = Unicode.Scalar(v), TerminalText.standsAlone(u) else { continue }
                checked += 1
                XCTAssertFalse(TerminalText.isUnsafe(u), "U+\(String(v, radix: 16))")
                for p in partners + [u] {
                    var a = String.UnicodeScalarView(), b = String.UnicodeScalarView()
                    a.append(u)
                    a.append(p)
                    b.append(p)
                    b.append(u)
                    XCTAssertEqual(String(a).count, 2, "U+\(String(v, radix: 16)) then U+\(String(p.value, radix: 16))")
                    XCTAssertEqual(String(b).count, 2, "U+\(String(p.value, radix: 16)) then U+\(String(v, radix: 16))")
                }
            }
        }
        XCTAssertEqual(checked, 5315)
        // What combines does not stand alone.
        for v: UInt32 in [0x0A, 0x0D, 0x300, 0x483, 0x200D, 0xFE0F, 0x1F3FB, 0x1F1E6, 0x1100, 0xAC00, 0x3099, 0x202E] {
            XCTAssertFalse(TerminalText.standsAlone(Unicode.Scalar(v)!), "U+\(String(v, radix: 16))")
        }
    }

    func testWidthsAndCutsAreTheSameScalarByScalar() {
        let texts = ["Landing page", "Überraschung für Kunden", "Приветственное письмо", "日本語のテキスト", "Mix 日本 и Ёж 🎉 done",
                     "e\u{301}cole", "👍🏽 ok", "👨‍👩‍👧 family", "❤️ heart", "🇩🇪 flag", "Tab\tand\nline"]
        for text in texts {
            XCTAssertEqual(TerminalText.width(text), TerminalText.graphemeWidth(text), text)
            for width in 1...26 {
                // The reference: cut by characters, then drawn character by character.
                let cut = Self.truncateByCharacters(TerminalText.singleLine(text), width: width)
                XCTAssertEqual(TextWrap.truncate(TerminalText.singleLine(text), width: width, ellipsis: "…"), cut, "\(text) at \(width)")
                var clipped = Grid(width: 30, height: 1), reference = Grid(width: 30, height: 1)
                let used = clipped.putClipped(text, x: 2, y: 0, width: width, role: .card, bold: true)
                let referenceUsed = Self.putByCharacters(&reference, cut, x: 2, limit: width)
                XCTAssertEqual(clipped.lines, reference.lines, "\(text) at \(width)")
                XCTAssertEqual(used, referenceUsed, "\(text) at \(width)")
            }
        }
    }

    func testCellsHoldTheirTextAndStyleInline() {
        let long = "a" + String(repeating: "\u{301}", count: 10)   // 21 bytes: kept in the shared table
        for text in [" ", "", "x", "é", "日", "🎉", "e\u{301}", "🇩🇪", long] {
            var c = Cell(text, role: .badgeAI, reverse: true, bold: false)
            XCTAssertEqual(c.text, text)
            XCTAssertEqual(c.isEmpty, text.isEmpty)
            var scalars: [UInt32] = []
            c.forEachScalar { scalars.append($0) }
            XCTAssertEqual(scalars, text.unicodeScalars.map(\.value), text)
            XCTAssertEqual(c, Cell(text, role: .badgeAI, reverse: true))
            c.bold = true
            XCTAssertNotEqual(c, Cell(text, role: .badgeAI, reverse: true))
        }
        for role in StyleRole.allCases {
            var c = Cell("x", role: role, reverse: false, bold: true)
            XCTAssertEqual(c.role, role)
            XCTAssertEqual(StyleRole.at(role.index), role)
            c.role = .normal
            c.role = role
            XCTAssertEqual(c, Cell("x", role: role, bold: true))
            XCTAssertTrue(c.bold)
            XCTAssertFalse(c.reverse)
        }
        XCTAssertEqual(MemoryLayout<Cell>.size, 24)
        let a = [Cell("a"), Cell("b"), Cell("c")], b = [Cell("a"), Cell("b", role: .dim), Cell("c")]
        XCTAssertTrue(Grid.sameCells(a, b, from: 0, count: 1))
        XCTAssertFalse(Grid.sameCells(a, b, from: 0, count: 2))
        XCTAssertTrue(Grid.sameCells(a, b, from: 2, count: 1))
    }

    /// `TextWrap.truncate` as it was: character by character.
    static func truncateByCharacters(_ text: String, width: Int) -> String {
        if TerminalText.graphemeWidth(text) <= width { return text }
        let room = width - 1
        guard room > 0 else { return String("…".prefix(max(width, 0))) }
        var out = "", used = 0
        for c in text {
            let cw = TerminalText.width(of: c)
            if used + cw > room { break }
            out.append(c)
            used += cw
        }
        return out + "…"
    }

    /// `Grid.put` as it was: character by character, with the display form of each.
    static func putByCharacters(_ g: inout Grid, _ text: String, x: Int, limit: Int) -> Int {
        var col = 0
        for ch in text {
            let w = ch.isASCII ? 1 : TerminalText.width(of: ch)
            if w == 0 { continue }
            if col + w > limit {
                if col < limit { g[x + col, 0] = Cell(" ", role: .card, bold: true) }
                return limit
            }
            let (shown, cells) = ch.isASCII ? (String(ch), w) : Grid.displayForm(ch)
            g[x + col, 0] = Cell(shown, role: .card, bold: true)
            if w == 2 { g[x + col + 1, 0] = Cell(cells == 2 ? "" : " ", role: .card, bold: true) }
            col += w
        }
        return col
    }
}
