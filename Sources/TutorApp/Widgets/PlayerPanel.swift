import NetSim
import TutorCore
import TutorRender

/// The side panel above the player's diagram, in one place: which one the trace shows at the
/// cursor, how many rows it takes, and the widget that draws it. The player only carves the
/// rows and calls it.
struct PlayerPanel {
    var panel: SidePanel?
    var language: Language
    var glyphs: Glyphs

    /// The panel as of the cursor (the initial one at -1). While a guess is awaited, as of the
    /// event before: the panel after the guessed send would give its numbers away.
    static func panel(of trace: Trace, cursor: Int, awaitingGuess: Int?) -> SidePanel? {
        trace.panel(at: awaitingGuess == cursor ? cursor - 1 : cursor)
    }

    /// Rows the panel takes above the diagram (none without a panel).
    static func height(_ panel: SidePanel?) -> Int {
        switch panel {
        case .arqWindow?, .flowWindow?: 2
        case nil: 0
        }
    }

    /// Draws the trace's panel at the cursor in the top rows of `area`; returns the rows left.
    static func render(_ trace: Trace, cursor: Int, awaitingGuess: Int?, language: Language, glyphs: Glyphs,
                       into grid: inout CellGrid, atTopOf area: Rect) -> Rect {
        let panel = panel(of: trace, cursor: cursor, awaitingGuess: awaitingGuess)
        let (top, rest) = area.splitTop(height(panel))
        PlayerPanel(panel: panel, language: language, glyphs: glyphs).render(into: &grid, area: top)
        return rest
    }

    func render(into grid: inout CellGrid, area: Rect) {
        switch panel {
        case .arqWindow(let a)?: ARQWindowStrip(snapshot: a, language: language, glyphs: glyphs).render(into: &grid, area: area)
        case .flowWindow(let f)?: ReceiveBufferGauge(snapshot: f, language: language, glyphs: glyphs).render(into: &grid, area: area)
        case nil: break
        }
    }
}
