import JourneyKit
@testable import JourneyTUI
import XCTest

/// Issue 15 item 4: the conflicts a merge left, resolved in the editor's Conflicts panel.
final class ConflictsPanelTests: XCTestCase {
    /// The sample merged from two conflicting edits: the welcome email's name and VIP's size.
    static func merged() -> Journey {
        let base = Sample.journey()
        var ours = base, theirs = base
        ours.stages[0].touchpoints[1].name = "Welcome mail"
        theirs.stages[0].touchpoints[1].name = "Hello email"
        ours.cohorts[1].size = 150
        theirs.cohorts[1].size = 200
        return JourneyMerge.merge(base: base, ours: ours, theirs: theirs, labels: MergeLabels(ours: "main", theirs: "feature")).journey
    }

    func testThePanelListsEachConflictWithTheSidesNamed() {
        let j = ConflictsPanelTests.merged()
        XCTAssertEqual(j.conflicts.map(\.path), [".cohorts[1].size", ".stages[0].touchpoints[1].name"])
        var s = EditorState(journey: j, path: "/tmp/coffee.json", width: 100, height: 30)
        XCTAssertTrue(Renderer.render(s).trimmedLines[0].contains("[2 conflicts]"), Renderer.render(s).trimmedLines[0])
        XCTAssertTrue(Renderer.render(s).trimmedLines[0].hasSuffix("[Board] Cohorts  Lint  Models  Forecast  Conflicts"))
        s.press(.tab, .tab, .tab, .tab, .tab)
        XCTAssertEqual(s.panel, .conflicts)
        let lines = Renderer.render(s).trimmedLines
        XCTAssertEqual(Array(lines[1...10]).map { String($0.prefix(62)) }, [
            "  Conflicts: 2 to resolve (o ours, t theirs, b base, x keep as",
            " ─────────────────────────────────────────────────────────────",
            "  .cohorts[1].size both sides changed size: ours (main) 150, t",
            "    base              120",
            "    main (ours)       150",
            "    feature (theirs)  200",
            "  .stages[0].touchpoints[1].name both sides changed name: ours",
            "    base              \"Welcome email\"",
            "    main (ours)       \"Welcome mail\"",
            "    feature (theirs)  \"Hello email\"",
        ])
        // A click on the second conflict's value lines selects it; the wheel moves back.
        _ = Editor.update(&s, .click(x: 10, y: 9))
        XCTAssertEqual(s.conflictRow, 1)
        _ = Editor.update(&s, .wheel(-1))
        XCTAssertEqual(s.conflictRow, 0)
        s.press(.tab)
        XCTAssertEqual(s.panel, .board, "Tab goes round")
        // Without conflicts the panel is not in the cycle.
        var clean = Sample.state()
        clean.press(.tab, .tab, .tab, .tab, .tab)
        XCTAssertEqual(clean.panel, .board)
        XCTAssertFalse(Renderer.render(clean).trimmedLines[0].contains("Conflicts"))
    }

    func testTakeTheirsOursOrBaseEachUndoable() {
        let j = ConflictsPanelTests.merged()
        var s = EditorState(journey: j, path: "/tmp/coffee.json", width: 100, height: 30)
        s.press(.tab, .tab, .tab, .tab, .tab, .char("j"))
        s.press(.char("t"))
        XCTAssertEqual(s.journey.stages[0].touchpoints[1].name, "Hello email")
        XCTAssertEqual(s.journey.conflicts.map(\.path), [".cohorts[1].size"])
        XCTAssertEqual(s.message, Message("Resolved .stages[0].touchpoints[1].name: took feature (theirs) (\"Hello email\"); 1 conflict left (u undoes)"))
        XCTAssertTrue(Renderer.render(s).trimmedLines[0].contains("[1 conflict]"))
        s.checkUndoRedo(before: j)
        s.press(.char("b"))
        XCTAssertEqual(s.journey.cohorts[1].size, 120)
        XCTAssertEqual(s.journey.conflicts, [])
        XCTAssertEqual(s.message, Message("Resolved .cohorts[1].size: took base (120); no conflicts left, s saves (u undoes)"))
        XCTAssertTrue(Renderer.render(s).trimmedLines[3].contains("No conflicts left"))
        XCTAssertTrue(Renderer.render(s).trimmedLines[0].hasSuffix("Board  Cohorts  Lint  Models  Forecast [Conflicts]"), "named while on screen")
        s.press(.char("o"))
        XCTAssertEqual(s.message, Message("No conflict is selected"))
        s.press(.char("u"), .char("o"))
        XCTAssertEqual(s.journey.cohorts[1].size, 150)
        XCTAssertEqual(s.journey.conflicts, [])
        s.press(.tab)
        XCTAssertEqual(s.panel, .board)
    }

    func testEditTheItemThenKeepItAsItIs() {
        var s = EditorState(journey: ConflictsPanelTests.merged(), path: "/tmp/coffee.json", width: 100, height: 30)
        s.press(.tab, .tab, .tab, .tab, .tab, .enter)
        XCTAssertEqual(s.panel, .cohorts)
        XCTAssertEqual(s.cohort, 1)
        XCTAssertEqual(s.message?.text, ".cohorts[1].size: both sides changed size: ours (main) 150, theirs (feature) 200; kept ours; edit it, then Tab back to Conflicts and x keeps it")
        s.press(.char("e"))
        s.press(.tab, .tab)
        s.press(.ctrl("u"))
        s.type("175")
        s.press(.enter)
        XCTAssertEqual(s.journey.cohorts[1].size, 175)
        s.press(.tab, .tab, .tab, .tab, .char("j"), .enter)
        XCTAssertEqual(s.panel, .board)
        XCTAssertEqual(s.selectedTouchpoint?.id, "welcome-email")
        s.press(.tab, .tab, .tab, .tab, .tab, .char("k"), .char("x"))
        XCTAssertEqual(s.journey.conflicts.map(\.path), [".stages[0].touchpoints[1].name"])
        XCTAssertEqual(s.journey.cohorts[1].size, 175)
        XCTAssertEqual(s.message, Message("Resolved .cohorts[1].size: kept the journey as it is; 1 conflict left (u undoes)"))
    }

    func testResolveAndSaveThroughTheRunLoopThenTheFileValidates() throws {
        let host = MemoryHost()
        let path = "/tmp/coffee.json"
        let merged = ConflictsPanelTests.merged()
        host.files[path] = JourneyCodec.encodeString(merged)
        host.known[path] = host.files[path]
        let term = MemoryTerminal(keys: [.tab, .tab, .tab, .tab, .tab, .char("o"), .char("t"), .char("s"), .char("q")])
        runSession(term, host: host, state: EditorState(journey: merged, path: path, width: 100, height: 30))
        XCTAssertFalse(term.ranOut)
        let doc = try JourneyCodec.decode(host.files[path]!, file: path)
        XCTAssertNil(doc.conflictError(file: path), "validate passes")
        XCTAssertEqual(doc.journey.stages[0].touchpoints[1].name, "Hello email")
        XCTAssertEqual(doc.journey.cohorts[1].size, 150)
    }
}

extension ConflictsPanelTests {
    func testHostileConflictsStayInsideA60By16Screen() {
        var j = Sample.journey()
        j.conflicts = [
            UnresolvedConflict(id: "c1", path: ".stages[0].touchpoints[1].notes" + String(repeating: ".x", count: 40),
                               base: .string("👨‍👩‍👧 family\u{1b}[2J"), ours: .string(String(repeating: "長い", count: 40)), theirs: nil,
                               oursLabel: "feature/\u{7}bell-branch-with-a-long-name", theirsLabel: "main", message: "both sides changed notes\n"),
            UnresolvedConflict(id: "c2", path: ".title", ours: .string("A"), theirs: .string("B")),
            UnresolvedConflict(id: "c3", path: ".owner", ours: .string("A"), theirs: .string("B")),
        ]
        var s = EditorState(journey: j, path: "/tmp/coffee.json", width: 60, height: 16)
        s.press(.tab, .tab, .tab, .tab, .tab, .char("G"))
        XCTAssertEqual(s.conflictRow, 2)
        XCTAssertEqual(s.conflictScroll, 1, "the panel shows two conflicts at a time")
        let lines = Renderer.render(s).trimmedLines
        for line in lines {
            XCTAssertLessThanOrEqual(TerminalText.width(line), 60, line)
            XCTAssertFalse(line.unicodeScalars.contains { $0.value < 0x20 }, line)
        }
        XCTAssertTrue(lines[0].contains("[3 conflicts]"), lines[0])
        s.press(.char("g"))
        XCTAssertTrue(Renderer.render(s).trimmedLines.contains("    feature/\\u{7}bell-bran… \"長い長い長い長い長い長い長い…"))
        let first = Renderer.render(s).trimmedLines
        XCTAssertTrue(first.contains { $0.contains("theirs") && $0.contains("(none)") }, first.joined(separator: "\n"))
        XCTAssertTrue(first.contains { $0.contains("family\\u001b[2J\"") }, "escapes are shown, never sent: " + first.joined(separator: "\n"))
    }

    func testReadOnlyRefusesToResolve() {
        var s = EditorState(journey: ConflictsPanelTests.merged(), path: "/tmp/coffee.json", width: 100, height: 30)
        s.readOnly = true
        s.press(.tab, .tab, .tab, .tab, .tab, .char("t"))
        XCTAssertEqual(s.message, Message(EditorState.readOnlyRefusal, isError: true))
        XCTAssertEqual(s.journey.conflicts.count, 2)
    }
}

extension ConflictsPanelTests {
    func testOpeningAJourneyWithConflictsSaysSo() {
        let s = EditorState(journey: ConflictsPanelTests.merged(), path: "/tmp/coffee.json", width: 100, height: 30)
        XCTAssertEqual(s.message, Message("A merge left 2 conflicts in this journey: Tab to the Conflicts panel resolves them"))
        XCTAssertNil(Sample.state().message)
    }
}
