import JourneyKit

/// Draws the state into a grid of the state's size. Pure: same state, same grid.
public enum Renderer {
    public static func render(_ state: EditorState) -> Grid {
        // In a scenario every panel shows the journey as the scenario makes it.
        let s = state.showingScenario
        var g = Grid(width: s.width, height: s.height)
        let glyphs = Glyphs.for(s)
        if s.isTooSmall {
            TooSmallWidget.draw(&g, s)
            return g
        }
        let layout = Layout(s)
        TitleBar.draw(&g, s, glyphs)
        if s.hasJourney {
            switch s.panel {
            case .board:
                if let axis = s.coverage {
                    CoverageView.draw(&g, s, axis: axis, layout, glyphs)
                } else if let lanes = s.view.lanes {
                    SwimlaneView.draw(&g, s, by: lanes, layout, glyphs)
                } else {
                    BoardWidget.draw(&g, s, layout, glyphs)
                }
            case .cohorts: CohortsPanel.draw(&g, s, layout, glyphs)
            case .lint: LintPanel.draw(&g, s, layout, glyphs)
            case .models: ModelsPanel.draw(&g, s, layout, glyphs)
            case .forecast: ForecastPanel.draw(&g, s, layout.content, glyphs)
            case .conflicts: ConflictsPanel.draw(&g, s, layout, glyphs)
            }
            DetailPane.draw(&g, s, layout, glyphs)
        }
        MessageLine.draw(&g, s)
        StatusBar.draw(&g, s)
        let screen = Rect(x: 0, y: 0, width: g.width, height: g.height)
        // The KPI list goes inside the box of the form it belongs to, never over its border.
        var formInside = screen
        for overlay in s.overlays {
            g.cursor = nil
            switch overlay {
            case .form(let f):
                FormWidget.draw(&g, f, in: screen, journey: s.journey, glyphs)
                let b = FormWidget.box(f, in: screen)
                formInside = Rect(x: b.x + 1, y: b.y + 1, width: b.width - 2, height: b.height - 2)
            case .picker(let p): PickerWidget.draw(&g, p, in: screen, glyphs)
            case .kpiList(let l): KPIListWidget.draw(&g, l, in: formInside, glyphs)
            case .itemList(let l): ItemListWidget.draw(&g, l, in: formInside, journey: s.journey, glyphs)
            case .confirm(let c): ConfirmWidget.draw(&g, c, in: screen, glyphs)
            case .search(let p): MessageLine.drawSearch(&g, p, in: Rect(x: 0, y: g.height - 2, width: g.width, height: 1))
            case .help(let h): HelpOverlay.draw(&g, h, in: screen, glyphs)
            case .assessment(let a): AssessmentWidget.draw(&g, a, in: screen, today: s.today, glyphs)
            }
        }
        return g
    }
}

/// The one line shown when the terminal is below the minimum size.
enum TooSmallWidget {
    static func draw(_ g: inout Grid, _ s: EditorState) {
        g.putClipped("Terminal too small: \(s.width)x\(s.height) (need \(EditorState.minWidth)x\(EditorState.minHeight))",
                     x: 0, y: 0, width: s.width, role: .warning, glyphs: Glyphs.for(s))
    }
}
