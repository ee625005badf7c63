import JourneyKit
@testable import JourneyTUI
import XCTest

/// The screen as text: each test compares the whole grid, line by line.
final class RenderTests: XCTestCase {
    func assertScreen(_ s: EditorState, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        let lines = Renderer.render(s).trimmedLines
        XCTAssertEqual(lines.count, expected.count, file: file, line: line)
        for (i, (a, b)) in zip(lines, expected).enumerated() where a != b {
            XCTFail("line \(i):\n got: \(a)\nwant: \(b)", file: file, line: line)
        }
    }

    func testSampleBoardAt80x24() {
        assertScreen(Sample.state(width: 80, height: 24), [
            " Coffee club · AARRR (\"… · coffee.json [Board] Cohorts  Lint  Models  Forecast",
            "  Acquisition         (2) │ Activation        W (1) │ Retention         W (0) │",
            "  Aware                   │ Active                  │ Invested                │",
            "  CAC                     │ no KPIs                 │ no KPIs                 │",
            "                          │ ↪ from Retention (Win-… │ ↩ to Activation (Win-b… │",
            " ─────────────────────────│─────────────────────────│─────────────────────────│",
            "  Landing page          W │ First brew call       W │ no touchpoints (a adds) │",
            "  Web              [TECH] │ Phone            [HIGH] │                         │",
            "  Live                    │ no status               │                         │",
            "                          │                         │                         │",
            "  Welcome email         W │                         │                         │",
            "  Email             [LOW] │                         │                         │",
            "  Planned · Assumed       │                         │                         │",
            "                          │                         │                         │",
            "                          │                         │                         │",
            "── Touchpoint ──────────────────────────────────────────────────────────────────",
            " Name        Landing page               Layers",
            " Id          landing-page               Cohorts",
            " Stage       Acquisition                Owner",
            " Channel     Web                        Status      Live",
            " Trigger                                Evidence",
            " Model       Tech-touch / no-touch      Escalation",
            "",
            " s save  q quit  ? help  / search  Tab panel  a add  Enter edit             W10",
        ])
    }

    func testWideBoardHasTheDetailPaneBeside() {
        assertScreen(Sample.state(width: 120, height: 30), [
            " Coffee club · AARRR (\"pirate metrics\") · coffee.json                          [Board] Cohorts  Lint  Models  Forecast",
            "  Acquisition           (2) │ Activation          W (1) │ Retention           W (0) │ │ Touchpoint",
            "  Aware                     │ Active                    │ Invested                  │ │ Name        Landing page",
            "  CAC                       │ no KPIs                   │ no KPIs                   │ │ Id          landing-page",
            "                            │ ↪ from Retention (Win-ba… │ ↩ to Activation (Win-bac… │ │ Stage       Acquisition",
            " ───────────────────────────│───────────────────────────│───────────────────────────│ │ Channel     Web",
            "  Landing page            W │ First brew call         W │ no touchpoints (a adds)   │ │ Trigger",
            "  Web                [TECH] │ Phone              [HIGH] │                           │ │ Model       Tech-touch /",
            "  Live                      │ no status                 │                           │ │             no-touch",
            "                            │                           │                           │ │ Layers",
            "  Welcome email           W │                           │                           │ │ Cohorts",
            "  Email               [LOW] │                           │                           │ │ Owner",
            "  Planned · Assumed         │                           │                           │ │ Status      Live",
            "                            │                           │                           │ │ Evidence",
            "                            │                           │                           │ │ Escalation",
            "                            │                           │                           │ │ KPIs",
            "                            │                           │                           │ │ Content",
            "                            │                           │                           │ │ Notes",
            "                            │                           │                           │ │",
            "                            │                           │                           │ │",
            "                            │                           │                           │ │",
            "                            │                           │                           │ │",
            "                            │                           │                           │ │",
            "                            │                           │                           │ │",
            "                            │                           │                           │ │",
            "                            │                           │                           │ │",
            "                            │                           │                           │ │",
            "                            │                           │                           │ │",
            "",
            " s save  q quit  ? help  / search  Tab panel  a add  Enter edit  H/L/J/K move  A stage  r rename  d delete  D dup   W10",
        ])
    }

    func testScrolledBoardShowsMoreMarkers() {
        var s = EditorState(journey: Sample.journey(), path: "/tmp/coffee.json", width: 60, height: 16)
        for i in 0..<9 { s.journey.stages[0].touchpoints.append(Touchpoint(id: "t\(i)", name: "Touchpoint \(i)")) }
        s.journey.stages.append(Stage(id: "referral", name: "Referral"))
        s.journey.stages.append(Stage(id: "revenue", name: "Revenue"))
        _ = Editor.update(&s, .resize(width: 60, height: 16))
        s.press(.char("G"), .char("l"))
        assertScreen(s, [
            " Coffee club · AARRR (\"pirate metric… · coffee.json [Board]",
            "  Acquisition        ▲9 (11) │ Activation           W (1) │▶",
            "  Aware                      │ Active                     │▶",
            "  CAC                        │ no KPIs                    │▶",
            "                             │ ↪ from Retention (Win-bac… │▶",
            " ────────────────────────────│────────────────────────────│",
            "  Touchpoint 7               │ First brew call          W │",
            "  no channel                 │ Phone               [HIGH] │",
            "  no status                  │ no status                  │",
            "                             │                            │",
            "  Touchpoint 8               │                            │",
            "  no channel                 │                            │",
            "  no status                  │                            │",
            "                             │                            │",
            "",
            " s save  q quit  ? help  / search  Tab panel  a add     W10",
        ])
    }

    func testHelpOverlayListsTheKeyTable() {
        var s = Sample.state(width: 120, height: 30)
        s.press(.char("?"))
        assertScreen(s, [
            " Coffee club · AARRR (\"pirate metrics\") · coffee.json                          [Board] Cohorts  Lint  Models  Forecast",
            "  ┌─ Keys (Esc closes, ↑↓ scroll) ───────────────────────────────────────────────────────────────────────────────────┐",
            "  │ Board                                                                                                            │",
            "  │   ↑/k                 The card above (from the top card: the stage header)                                       │",
            "  │   ↓/j                 The card below                                                                             │",
            " ─│   ←/h                 Select the previous stage                                                                  │",
            "  │   →/l                 Select the next stage                                                                      │",
            "  │   g                   The first card of the stage                                                                │",
            "  │   G                   The last card of the stage                                                                 │",
            "  │   PgUp                Scroll a page up                                                                           │",
            "  │   PgDn                Scroll a page down                                                                         │",
            "  │   H/Shift-←           Move the card to the previous stage (on a header: move the stage left)                     │",
            "  │   L/Shift-→           Move the card to the next stage (on a header: move the stage right)                        │",
            "  │   J/Shift-↓           Move the card down in its stage                                                            │",
            "  │   K/Shift-↑           Move the card up in its stage                                                              │",
            "  │   a                   Add a touchpoint to the selected stage                                                     │",
            "  │   A                   Add a stage after the selected one                                                         │",
            "  │   Enter               In the coverage grid: show the touchpoints of the highlighted cell (a lens on its model or │",
            "  │                       cohort)                                                                                    │",
            "  │   Enter/e             Edit the selected card, or the stage on its header, in a form                              │",
            "  │   r                   Rename the selected card or stage (its id stays)                                           │",
            "  │   d                   Delete the selected card, or the stage and its cards (a stage asks first); with cards      │",
            "  │                       marked, the marked cards (asks)                                                            │",
            "  │   D                   Duplicate the selected card after it (on a header: the stage with its cards)               │",
            "  │   y                   Yank (copy) the marked cards, or the selected one, for P                                   │",
            "  │   P                   Paste copies of the yanked cards after the selected card (on a header: at the end of the   │",
            "  │                       stage)                                                                                    ▼│",
            "  └──────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘",
            "",
            " Esc close                                                                                            lint: 10 warnings",
        ])
    }

    func testForm() {
        var s = Sample.state(width: 80, height: 24)
        s.press(.char("e"))
        assertScreen(s, [
            " Coffee club · AARRR (\"… · coffee.json [Board] Cohorts  Lint  Models  Forecast",
            "  ┌─ Touchpoint ─────────────────────────────────────────────────────────────┐│",
            "  │                                                                          ││",
            "  │               Name Landing page                                          ││",
            "  │            Channel Web ▾                                                 ││",
            " ─│            Trigger (none) ▾                                              ││",
            "  │     Trigger detail                                                       ││",
            "  │              Model Tech-touch / no-touch ▾                               ││",
            "  │             Layers (none) ▾                                              ││",
            "  │            Cohorts (none) ▾                                              ││",
            "  │              Owner                                                       ││",
            "  │            Content                                                       ││",
            "  │         Escalation                                                       ││",
            "  │             Status Live ▾                                                ││",
            "  │           Evidence (none) ▾                                              ││",
            "──│    Sentiment (1-5)                                                       │──",
            " N│        Pain points (none) ▾                                              │",
            " I│       Data capture (none) ▾                                              │",
            " S│  Loyalty programme [ ] no                                                │",
            " C│               KPIs (none) ▾                                              │",
            " T│              Notes                                                       │",
            " M│                                                                          │",
            "  └──────────────────────────────────────────────────────────────────────────┘",
            " Enter apply  Esc cancel  Tab next                            lint: 10 warnings",
        ])
        XCTAssertEqual(Renderer.render(s).cursor, Point(x: 35, y: 3))
    }

    func testPickerFiltersAsYouType() {
        var s = Sample.state(width: 80, height: 24)
        s.press(.char("e"), .tab)
        s.type("s")
        assertScreen(s, [
            " Coffee club · AARRR (\"… · coffee.json [Board] Cohorts  Lint  Models  Forecast",
            "  ┌─ Touchpoint ─────────────────────────────────────────────────────────────┐│",
            "  │                                                                          ││",
            "  │               Name Landing page                                          ││",
            "  │            Channel Web ▾                                                 ││",
            " ─│     ┌─ Channel ────────────────────────────────────────────────────┐     ││",
            "  │     │ Filter: s                                                    │     ││",
            "  │     ├──────────────────────────────────────────────────────────────┤     ││",
            "  │     │ Push                                                         │     ││",
            "  │     │ SMS                                                          │     ││",
            "  │     │ WhatsApp                                                     │     ││",
            "  │     │ Social                                                       │     ││",
            "  │     │ Paid ads                                                     │     ││",
            "  │     │ Search                                                       │     ││",
            "  │     │ Support chat                                                 │     ││",
            "──│    S│ Events                                                       │     │──",
            " N│     │ Sales/CSM call                                               │     │",
            " I│     └──────────────────────────────────────────────────────────────┘     │",
            " S│  Loyalty programme [ ] no                                                │",
            " C│               KPIs (none) ▾                                              │",
            " T│              Notes                                                       │",
            " M│                                                                          │",
            "  └──────────────────────────────────────────────────────────────────────────┘",
            " Enter choose  Esc cancel                                     lint: 10 warnings",
        ])
    }

    func testTooSmallScreenShowsOneLineAndRecovers() {
        var s = Sample.state(width: 40, height: 12)
        s.press(.char("j"))
        assertScreen(s, [
            "Terminal too small: 40x12 (need 60x16)",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ])
        XCTAssertEqual(s.selection, Selection(stage: 0, card: 0), "keys do nothing unseen")
        XCTAssertEqual(s.press(.char("q")), [.quit])
        _ = Editor.update(&s, .resize(width: 80, height: 24))
        XCTAssertTrue(Renderer.render(s).trimmedLines[0].hasSuffix("[Board] Cohorts  Lint  Models  Forecast"), Renderer.render(s).trimmedLines[0])
    }

    func testCJKAndEmojiNamesKeepColumnsAligned() {
        var s = Sample.state(width: 80, height: 24)
        s.press(.char("a"))
        s.type("欢迎光临 Café ✓ 👍 long long name")
        s.press(.enter)
        assertScreen(s, [
            " Coffee club… · coffee.json [modified] [Board] Cohorts  Lint  Models  Forecast",
            "  Acquisition         (3) │ Activation        W (1) │ Retention         W (0) │",
            "  Aware                   │ Active                  │ Invested                │",
            "  CAC                     │ no KPIs                 │ no KPIs                 │",
            "                          │ ↪ from Retention (Win-… │ ↩ to Activation (Win-b… │",
            " ─────────────────────────│─────────────────────────│─────────────────────────│",
            "  Landing page          W │ First brew call       W │ no touchpoints (a adds) │",
            "  Web              [TECH] │ Phone            [HIGH] │                         │",
            "  Live                    │ no status               │                         │",
            "                          │                         │                         │",
            "  欢迎光临 Café ✓ 👍 l… W │                         │                         │",
            "  no channel              │                         │                         │",
            "  no status               │                         │                         │",
            "                          │                         │                         │",
            "  ▼ 1 more                │                         │                         │",
            "── Touchpoint ──────────────────────────────────────────────────────────────────",
            " Name        欢迎光临 Café ✓ 👍 long l… Layers",
            " Id          cafe-long-long-name        Cohorts",
            " Stage       Acquisition                Owner",
            " Channel                                Status",
            " Trigger                                Evidence",
            " Model                                  Escalation",
            " Added '欢迎光临 Café ✓ 👍 long long name' to Acquisition",
            " s save  q quit  ? help  u undo  / search  Tab panel  a add  Enter edit     W13",
        ])
        // Every board row has its column rules at the same cells.
        for line in Renderer.render(s).lines[1..<15] {
            var col = 0, rules: [Int] = []
            for ch in line {
                if ch == "│" { rules.append(col) }
                col += TerminalText.width(of: ch)
            }
            XCTAssertEqual(rules, [26, 52, 78], line)
        }
    }

    func testCohortsPanel() {
        var s = Sample.state(width: 80, height: 24)
        s.press(.tab)
        assertScreen(s, [
            " Coffee club · AARRR (\"… · coffee.json  Board [Cohorts] Lint  Models  Forecast",
            "  Cohort       Model                 Advice     Level    Size      Value/user",
            " ──────────────────────────────────────────────────────────────────────────────",
            "  New visitors Tech-touch / no-touch → LOW",
            "  VIP          High-value-customer … → LOW               120",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "── Cohort ──────────────────────────────────────────────────────────────────────",
            " Name        New visitors               Service",
            " Id          new-visitors               Level",
            " Description                            Model       Tech-touch / no-touch",
            " Size                                   Layers",
            " Value/user                             Used by     1 touchpoint",
            " Complexity                             Advice      Low-touch: Their need cal…",
            "",
            " s save  q quit  ? help  Tab panel  a add  Enter edit  r rename  d delete   W10",
        ])
    }

    func testQuitQuestionWithUnsavedChanges() {
        var s = Sample.state(width: 80, height: 24)
        s.press(.char("J"), .char("q"))
        let lines = Renderer.render(s).trimmedLines
        XCTAssertTrue(lines.contains { $0.contains("There are unsaved changes. Save them before quitting?") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.contains("[s] save and quit  [d] discard and quit  [c] cancel  (Esc cancels)") })
    }

    func testSelectionIsReverseVideo() {
        let g = Renderer.render(Sample.state(width: 80, height: 24))
        let card = Layout(Sample.state(width: 80, height: 24)).card(slot: 0, row: 0)
        XCTAssertTrue(g[card.x + 2, card.y].reverse)
        XCTAssertEqual(g[card.x + 2, card.y].role, .selectedCard)
        XCTAssertFalse(g[card.x + 2, card.y + Layout.cardHeight].reverse)
    }

    func testASCIIGlyphsWithoutUTF8() {
        var s = Sample.state(width: 80, height: 24)
        s.ascii = true
        let lines = Renderer.render(s).lines
        XCTAssertFalse(lines.joined().unicodeScalars.contains { $0.value > 0x7E })
    }

    func testDetailPaneShowsSuppressedRules() {
        var s = Sample.state(width: 120, height: 30)
        s.journey.stages[0].touchpoints[0].suppress = [Suppression(rule: "no-kpi", reason: "measured in GA")]
        let lines = Renderer.render(s).trimmedLines
        XCTAssertTrue(lines.contains { $0.hasSuffix("│ Suppressed  no-kpi (measured") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.hasSuffix("│             in GA)") })
    }

    func testStageHeadersShowKPIsInShortAndLoopsNameTheOtherStage() throws {
        let url = ThemeTests.root.appendingPathComponent("Journeys/retailer-loyalty-mckinsey.json")
        let journey = try JourneyCodec.decode([UInt8](Data(contentsOf: url))).journey
        var s = EditorState(journey: journey, path: url.path, width: 120, height: 40)
        _ = Editor.update(&s, .resize(width: 120, height: 40))
        let screen = Renderer.render(s).trimmedLines
        XCTAssertEqual(Array(screen[1...5]), [
            "  Initial consi… (3) │ Active evalua… (4) │ Moment of pur… (4) │ Post-purchase… (6) │ │ Touchpoint",
            "  Aware · drop 85%   │ Active · drop 60%  │ Active · drop 20%  │ Invested drop 30%  │ │ Name        Grain-free and",
            "  Share, Guide       │ Evaluation-…, Food │ Checkout +2        │ Repeat, Feeding-g… │ │             puppy food search",
            "                     │                    │ ↪ from Post-purch… │ ↩ to Moment of pu… │ │             ads",
            " ────────────────────│────────────────────│────────────────────│────────────────────│ │ Id          grain-free-and-pup",
        ])
        XCTAssertEqual(StageHeader.kpiLine(["Checkout conversion rate", "Reorders through the loyalty loop"], width: 50),
                       "Checkout conversion rate, Reorders loyalty loop")
        XCTAssertEqual(StageHeader.kpiLine(["Checkout conversion rate", "Reorders through the loyalty loop"], width: 30),
                       "Checkout, Reorders")
        XCTAssertEqual(StageHeader.kpiLine([], width: 30), "no KPIs")
    }

    func testCohortDetailBesideTheTableWrapsEveryLongValue() {
        var s = Sample.state(width: 120, height: 30)
        s.journey.cohorts[1].valuePerUser = 4800
        s.press(.tab, .char("j"))
        let lines = Renderer.render(s).trimmedLines
        XCTAssertEqual(lines[3...4].map { String($0.prefix(84)) }, [
            "  New visitors Tech-touch / no-touch       → LOW                                    ",
            "  VIP          High-value-customer (HVC) … → LOW               120       USD 4,800  ",
        ])
        XCTAssertEqual(lines[19...27].map { String($0.dropFirst(86)) }, [
            "│             low-touch; their",
            "│             value pays for hy…",
            "│ Runner-up   Hybrid: their",
            "│             value would carry",
            "│             more touch, if",
            "│             engagement or chu…",
            "│ Cost/year   USD 108,000",
            "│             against USD",
            "│             576,000 of value",
        ])
    }

    func testColumnsLeaveNoStrayCellsAndTheEmptyHintKeepsOffTheBorder() {
        let wide = Renderer.render(Sample.state(width: 160, height: 30)).trimmedLines
        XCTAssertTrue(wide[1].hasSuffix("W (0) │ │ Touchpoint"), wide[1])
        var narrow = Sample.state(width: 66, height: 24)
        narrow.press(.char("l"), .char("l"))
        let lines = Renderer.render(narrow).trimmedLines
        XCTAssertTrue(lines[6].hasSuffix("│ no touchpoints (a… │"), lines[6])
    }

    func testHelpHasPanelWordingAndListsTheMouse() {
        let lines = HelpOverlay.lines(width: 112)
        func section(_ title: String) -> [String] {
            let start = lines.firstIndex { $0.heading && $0.text == title }!
            return lines[(start + 1)...].prefix { !$0.heading }.map(\.text)
        }
        for title in ["Cohorts panel", "Lint panel", "Models panel (your own engagement models)"] {
            XCTAssertFalse(section(title).contains { $0.contains("card") || $0.contains("stage") }, "\(title): \(section(title))")
        }
        XCTAssertTrue(section("Cohorts panel").contains { $0.hasPrefix("  ↑/k ") && $0.hasSuffix(" The row above") })
        XCTAssertTrue(section("Board").contains { $0.hasPrefix("  (mouse)             Click a card or a stage header") })
        XCTAssertTrue(lines.allSatisfy { TerminalText.width($0.text) <= 112 })
    }
}
