import JourneyKit
@testable import JourneyTUI
import XCTest

/// The defects found in the trial (issue 14, part 2).
final class TrialDefectTests: XCTestCase {
    func testTheCoverageGridEnablesOnlyTheKeysThatActOnIt() {
        var s = Sample.state()
        s.press(.char("c"))
        XCTAssertNotNil(s.coverage)
        for key in ["d", "a", "H", "L", "J", "K", "m", "r", "D", " "] {
            s.press(.char(Character(key)))
            XCTAssertEqual(s.message, Message(EditorState.coverageRefusal), key)
        }
        XCTAssertEqual(s.journey, Sample.journey(), "nothing hidden was deleted or moved")
        let shown = Set(KeyTable.statusBindings(s).map(\.action))
        XCTAssertTrue(shown.isDisjoint(with: [.addTouchpoint, .moveItemLeft, .assignModel, .rename, .delete, .edit]), "\(shown)")
        XCTAssertTrue(shown.isSuperset(of: [.save, .quit, .toggleCoverage]))
        s.press(.escape, .char("d"))
        XCTAssertEqual(s.touchpointNames[0], ["Welcome email"], "back on the cards, d deletes again")
    }

    func testExternalEditorHasItsOwnKeyInFormsAndCtrlEIsEnd() {
        var s = Sample.state()
        s.press(.char("e"))
        while s.form?.fields[s.form!.focus].key != .content { s.press(.tab) }
        s.type("Hello")
        s.press(.home)
        XCTAssertEqual(s.press(.ctrl("e")), [], "Ctrl-E goes to the end of the line")
        s.type("!")
        XCTAssertEqual(s.form?.field(.content)?.text, "Hello!")
        XCTAssertEqual(s.press(.ctrl("o")), [.openExternalEditor(text: "Hello!", field: "content")], "named after the field")
        let bar = Renderer.render(s).trimmedLines.last!
        XCTAssertTrue(bar.contains("Ctrl-O $EDITOR"), bar)
    }

    func testMovesAndRenamesSayWhatHappened() {
        var s = Sample.state()
        s.press(.char("K"))
        XCTAssertEqual(s.message, Message("'Landing page' is already the first card of Acquisition"))
        s.press(.char("j"), .char("J"))
        XCTAssertEqual(s.message, Message("'Welcome email' is already the last card of Acquisition"))
        s.press(.char("r"), .ctrl("u"))
        s.type("Hello email")
        s.press(.enter)
        XCTAssertEqual(s.message, Message("Renamed 'Welcome email' to 'Hello email' (its id stays)"))
        s.press(.char("g"), .char("k"), .char("L"))
        XCTAssertEqual(s.message, Message("Moved stage 'Acquisition' right; the stages now differ from AARRR (\"pirate metrics\")'s, and the journey still names it as its framework"))
        s.press(.char("u"))
        XCTAssertEqual(s.message, Message("Undid: move stage 'Acquisition' right"))
    }

    func testTheFrameworkPickerOffersWhatWorks() {
        var s = EditorState(newFileAt: "/tmp/new.json", width: 100, height: 30)
        let bar = Renderer.render(s).trimmedLines.last!
        XCTAssertFalse(bar.contains("Esc cancel"), bar)
        XCTAssertTrue(bar.contains("Ctrl-C quit"), bar)
        s.press(.escape)
        XCTAssertEqual(s.message, Message("Choose a framework for the new journey (Ctrl-C quits)"))
        XCTAssertEqual(s.top?.picker?.target, .framework)
    }

    func testTheKPIListStaysInsideItsForm() {
        // A list as tall as the form used to share its bottom border ("└──└────┘──┘").
        var j = Sample.journey()
        j.stages[0].touchpoints[0].kpis = (1...9).map { KPI(id: "k\($0)", name: "KPI \($0)", kind: .outcome) }
        var s = EditorState(journey: j, path: "/tmp/coffee.json", width: 80, height: 16)
        _ = Editor.update(&s, .resize(width: 80, height: 16))
        s.press(.enter)
        while s.form?.fields[s.form!.focus].key != .kpis { s.press(.tab) }
        s.press(.char(" "))
        let lines = Renderer.render(s).trimmedLines
        let formBox = FormWidget.box(s.overlays[0].form!, in: Rect(x: 0, y: 0, width: 80, height: 16))
        let bottom = lines[formBox.y + formBox.height - 1]
        XCTAssertFalse(bottom.contains("└──└"), bottom)
        let chars = Array(bottom)
        XCTAssertEqual(String(chars[formBox.x..<formBox.x + formBox.width]), "└" + String(repeating: "─", count: formBox.width - 2) + "┘")
        XCTAssertTrue(lines.contains { $0.contains("┌─ KPIs") })
    }

    func testLayersAreABadgeAndModifiedAlwaysShows() {
        var j = Sample.journey()
        j.stages[0].touchpoints[0].layers = ["ai-augmented"]
        j.stages[0].touchpoints[1].kpis = [KPI(id: "open-rate", name: "Open rate", kind: .activity, target: 4, unit: "%")]
        var s = EditorState(journey: j, path: "/tmp/coffee.json", width: 60, height: 16)
        _ = Editor.update(&s, .resize(width: 60, height: 16))
        s.press(.char("J"))
        let lines = Renderer.render(s).trimmedLines
        XCTAssertTrue(lines[0].hasSuffix("coffee.json [modified] [Board]"), lines[0])
        XCTAssertTrue(lines.contains { $0.contains("[TECH+AI]") }, lines.joined(separator: "\n"))
        XCTAssertEqual(DetailPane.entries(Sample.state()).0, "Touchpoint")
        var d = EditorState(journey: j, path: "/tmp/coffee.json")
        d.press(.char("j"))
        XCTAssertTrue(DetailPane.entries(d).1.contains { $0.1 == "Open rate (activity, target 4%)" }, "\(DetailPane.entries(d).1)")
    }
}

/// Emoji sequences: every cell holds what tmux and xterm (wcwidth) size alike, and no
/// line spills past its width.
final class EmojiWidthTests: XCTestCase {
    /// The cells a terminal that sizes each code point by wcwidth (xterm) gives a cell's text.
    func wcwidth(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + TerminalText.scalarWidth($1) } }

    func testSequencesAreDrawnAsTheirFirstScalar() {
        var g = Grid(width: 12, height: 1)
        g.put("👍🏽👨‍👩‍👧❤️a", x: 0, y: 0)
        XCTAssertEqual(g.cells.map(\.text), ["👍", "", "👨", "", "❤", " ", "a", " ", " ", " ", " ", " "])
        for (i, c) in g.cells.enumerated() where !c.text.isEmpty {
            let cells = i + 1 < g.width && g.cells[i + 1].text.isEmpty ? 2 : 1
            XCTAssertEqual(wcwidth(c.text), cells, "cell \(i) '\(c.text)'")
        }
    }

    func testCardsAndLintRowsNeverSpill() {
        var j = Sample.journey()
        j.stages[0].touchpoints[0].name = "Weekly 👍🏽 digest for the 👨‍👩‍👧 family with friends"
        j.stages[0].touchpoints[1].name = "❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️"
        for width in [60, 80, 100] {
            var s = EditorState(journey: j, path: "/tmp/coffee.json", width: width, height: 20)
            _ = Editor.update(&s, .resize(width: width, height: 20))
            for panel in [Panel.board, .lint] {
                s.panel = panel
                let g = Renderer.render(s)
                for y in 0..<g.height {
                    let row = (0..<g.width).map { g[$0, y] }
                    // What the terminal puts on screen: each non-empty cell's text at its wcwidth.
                    let drawn = row.reduce(0) { $0 + ($1.text.isEmpty ? 0 : wcwidth($1.text)) } + row.indices.filter { i in
                        row[i].text.isEmpty && (i == 0 || wcwidth(row[i - 1].text) != 2) }.count
                    XCTAssertEqual(drawn, width, "\(panel) at \(width), line \(y): \(g.lines[y])")
                }
            }
            s.panel = .board
            let card = Renderer.render(s).trimmedLines.first { $0.contains("Weekly") }!
            XCTAssertTrue(card.contains("…"), "a cut name ends in an ellipsis: \(card)")
        }
    }
}

extension TrialDefectTests {
    func testTheCoverageGridNamesACustomModelByItsBadge() {
        var j = Sample.journey()
        j.models = [CustomModel(id: "pooled-csm", name: "Pooled CSM", basedOn: "high-touch")]
        j.stages[1].touchpoints[0].model = "pooled-csm"
        var s = EditorState(journey: j, path: "/tmp/coffee.json", width: 80, height: 24)
        _ = Editor.update(&s, .resize(width: 80, height: 24))
        s.press(.char("c"))
        let screen = Renderer.render(s).trimmedLines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("POOL"), screen)
        XCTAssertFalse(screen.contains("pooled-csm"), screen)
        s.press(.escape)
        XCTAssertTrue(Renderer.render(s).trimmedLines.joined().contains("[POOL]"))
    }
}
