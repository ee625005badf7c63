import JourneyKit
@testable import JourneyTUI
import XCTest

/// The editor's answers to a file changed on disk, a recovery copy and a lock held by
/// another editor.
final class SafetyUpdateTests: XCTestCase {
    var conflicted: EditorState {
        var s = Sample.state()
        s.press(.char("J"))
        XCTAssertEqual(s.press(.char("s")), [.save(path: "/tmp/coffee.json")])
        XCTAssertEqual(Editor.update(&s, .saveConflict(path: "/tmp/coffee.json")), [])
        return s
    }

    func testSaveConflictAsksOverwriteReloadOrSaveAs() {
        var s = conflicted
        guard case .confirm(let c) = s.overlays.last else { return XCTFail("no question") }
        XCTAssertEqual(c.message, "/tmp/coffee.json changed on disk since you opened it. Overwrite it with your version?")
        XCTAssertEqual(c.choices.map(\.key), ["m", "o", "r", "a", "c"])
        XCTAssertTrue(s.isDirty)
        XCTAssertEqual(s.press(.char("o")), [.overwrite(path: "/tmp/coffee.json")])
        XCTAssertTrue(s.overlays.isEmpty)

        s = conflicted
        XCTAssertEqual(s.press(.char("r")), [.reload(path: "/tmp/coffee.json")])
        s = conflicted
        XCTAssertEqual(s.press(.char("m")), [.merge(path: "/tmp/coffee.json")])
        s = conflicted
        XCTAssertEqual(s.press(.char("a")), [])
        XCTAssertEqual(s.form?.title, "Save as")
        s = conflicted
        XCTAssertEqual(s.press(.char("c")), [])
        XCTAssertTrue(s.overlays.isEmpty)
        XCTAssertTrue(s.isDirty)
    }

    func testReloadIsCleanAndUndoBringsTheEditsBack() {
        var s = conflicted
        let mine = s.journey
        var theirs = Sample.journey()
        theirs.title = "Theirs"
        XCTAssertEqual(s.press(.char("r")), [.reload(path: "/tmp/coffee.json")])
        XCTAssertEqual(Editor.update(&s, .loaded(journey: theirs, message: "Reloaded", asSaved: true)), [])
        XCTAssertEqual(s.journey, theirs)
        XCTAssertFalse(s.isDirty)
        XCTAssertEqual(s.message, Message("Reloaded"))
        s.press(.char("u"))
        XCTAssertEqual(s.journey, mine)
        XCTAssertTrue(s.isDirty)
    }

    func testRecoveryAnswersAndRestoreIsUnsaved() {
        var s = Sample.state()
        s.overlays.append(.confirm(.recovery(saved: "2026-11-22 16:01:57")))
        guard case .confirm(let c) = s.overlays.last else { return XCTFail() }
        XCTAssertEqual(c.message, "Unsaved edits from 2026-11-22 16:01:57 were recovered. Restore them?")
        var r = s
        XCTAssertEqual(r.press(.char("r")), [.recovery(.restore)])
        var d = s
        XCTAssertEqual(d.press(.char("d")), [.recovery(.discard)])
        var k = s
        XCTAssertEqual(k.press(.char("k")), [.recovery(.keepBoth)])
        var restored = Sample.journey()
        restored.title = "Recovered"
        XCTAssertEqual(Editor.update(&r, .loaded(journey: restored, message: "Restored", asSaved: false)), [])
        XCTAssertEqual(r.journey.title, "Recovered")
        XCTAssertTrue(r.isDirty)
    }

    func testRestoreIntoANewJourneyReplacesThePicker() {
        var s = EditorState(newFileAt: "/tmp/new.json")
        s.overlays.append(.confirm(.recovery(saved: "now")))
        XCTAssertEqual(s.press(.char("r")), [.recovery(.restore)])
        _ = Editor.update(&s, .loaded(journey: Sample.journey(), message: "Restored", asSaved: false))
        XCTAssertTrue(s.hasJourney)
        XCTAssertTrue(s.overlays.isEmpty)
        XCTAssertTrue(s.isDirty)
        XCTAssertEqual(s.press(.char("s")), [.save(path: "/tmp/new.json")])
    }

    func testLockedJourneyOpensReadOnlyAndSavesElsewhere() {
        var s = Sample.state()
        s.overlays.append(.confirm(.locked(owner: "pid 1 on host (ana), since 2026-11-22 16:01 UTC")))
        var t = s
        XCTAssertEqual(t.press(.char("t")), [.takeLock])
        var q = s
        XCTAssertEqual(q.press(.char("q")), [.quit])
        XCTAssertEqual(s.press(.char("r")), [])
        XCTAssertTrue(s.readOnly)
        XCTAssertEqual(s.message, Message(EditorState.readOnlyRefusal))
        XCTAssertEqual(s.press(.char("s")), [])
        XCTAssertEqual(s.form?.title, "Save as")
        s.press(.ctrl("u"))
        s.type("/tmp/elsewhere.json")
        XCTAssertEqual(s.press(.enter), [.save(path: "/tmp/elsewhere.json")])
        _ = Editor.update(&s, .saved(path: "/tmp/elsewhere.json", error: nil))
        XCTAssertFalse(s.readOnly)
        XCTAssertEqual(s.press(.char("s")), [.save(path: "/tmp/elsewhere.json")])
    }

    func testReadOnlyRefusesEditsAndShowsIt() {
        var s = Sample.state(width: 120, height: 30)
        s.overlays.append(.confirm(.locked(owner: "pid 1 on host")))
        s.press(.char("r"))
        let before = s.journey
        for key: Key in [.char("J"), .char("a"), .char("A"), .char("d"), .char("e"), .enter, .char("r"), .char("m"), .char("o"),
                         .char("p"), .ctrl("e"), .char("u"), .char("M"), .tab, .char("a"), .char("d")] {
            s.message = nil
            XCTAssertEqual(s.press(key), [], "\(key)")
            XCTAssertTrue(s.overlays.isEmpty, "\(key) opened \(s.overlays)")
            if key != .tab { XCTAssertEqual(s.message, Message(EditorState.readOnlyRefusal, isError: true), "\(key)") }
        }
        XCTAssertEqual(s.journey, before)
        XCTAssertFalse(s.isDirty)
        let title = Renderer.render(s).trimmedLines[0]
        XCTAssertTrue(title.contains("coffee.json [read-only]"), title)
        let status = Renderer.render(s).trimmedLines.last!
        XCTAssertFalse(status.contains("add"), status)
        XCTAssertTrue(status.contains("s save"), status)
    }

    func testLongAnswersWrapInsideTheQuestion() {
        let s = conflicted
        let lines = Renderer.render(s).trimmedLines
        XCTAssertTrue(lines.contains { $0.contains("│ [m] merge  [o] overwrite  [r] reload (drops your edits)  [a] save as") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.contains("│ [c] cancel  (Esc cancels)") }, lines.joined(separator: "\n"))
    }

    /// Case 4: Esc (and Ctrl-C) on every question of the editor takes the safe answer,
    /// and the question says which.
    func testEscapeOnEveryQuestionTakesTheSafeAnswer() {
        func asked(_ setUp: (inout EditorState) -> Void) -> EditorState {
            var s = Sample.state()
            setUp(&s)
            return s
        }
        let quit = asked { s in
            s.press(.char("J"))
            s.press(.char("q"))
        }
        let deleteStage = asked { s in
            s.selection = Selection(stage: 0, card: -1)
            s.press(.char("d"))
        }
        let cases: [(String, EditorState, [Effect], String, (EditorState) -> Bool)] = [
            ("quit", quit, [], "(Esc cancels)", { $0.isDirty && $0.overlays.isEmpty }),
            ("delete", deleteStage, [], "(Esc cancels)", { $0.journey == Sample.journey() }),
            ("save conflict", conflicted, [], "(Esc cancels)", { $0.isDirty && $0.overlays.isEmpty }),
            ("recovery", asked { $0.overlays.append(.confirm(.recovery(saved: "now"))) }, [.recovery(.later)], "(Esc: later (keep the copy))", { _ in true }),
            ("locked", asked { $0.overlays.append(.confirm(.locked(owner: "pid 1"))) }, [], "(Esc: open read-only)", { $0.readOnly }),
            ("merge conflicts", asked { $0.overlays.append(.confirm(.mergeConflicts([".title: both changed it"]))) }, [], "(Esc: ok (u undoes the merge))", { _ in true }),
            ("discard form", asked { s in
                s.press(.char("p"))
                s.press(.char("x"))
                s.press(.escape)
            }, [], "(Esc: keep editing)", { $0.form != nil }),
        ]
        for (name, state, effects, hint, check) in cases {
            for key in [Key.escape, .ctrl("c")] {
                var s = state
                guard case .confirm(let c) = s.overlays.last else { XCTFail("\(name): no question"); continue }
                XCTAssertEqual(c.escapeHint, hint, name)
                XCTAssertTrue(c.escape == .cancel || c.choices.contains { $0.answer == c.escape }, name)
                XCTAssertTrue(Renderer.render(s).trimmedLines.contains { $0.contains(hint) }, name)
                XCTAssertEqual(s.press(key), effects, "\(name) \(key)")
                XCTAssertTrue(check(s), "\(name) \(key)")
                XCTAssertFalse(s.overlays.contains { if case .confirm = $0 { true } else { false } }, "\(name) \(key)")
            }
        }
    }
}
