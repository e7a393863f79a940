import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// The player's drawings as widgets: each gets exactly the data it draws and stays in its area.
/// (The `s` overlay has its own suite in TCPStateDiagramTests, the diagram in SequenceDiagramTests.)
@Suite("Player widgets: ARQWindowStrip")
struct PlayerWidgetTests {
    /// Reviewer: Go-Back-N's window of 4 after sending 0-3: brackets around 0..3, then 4-7 (every
    /// sequence number once), base and next, cut at the area's edge; the receiver still
    /// expecting 0. (ARQWindowStripTests has the strip at full width.)
    @Test("ARQWindowStrip: the window in brackets, base and next, the receiver's expectation")
    func arqStrip() throws {
        let trace = try SceneSpec.arqGoBackN.simulate(SceneOptions())
        let snapshot = trace.events.compactMap { if case .arqWindow(let a)? = $0.panel { a } else { nil } }
            .first { $0.next == 4 && $0.base == 0 }!
        var grid = CellGrid(width: 44, height: 4)
        let area = Rect(x: 2, y: 1, width: 40, height: 2)
        ARQWindowStrip(snapshot: snapshot, language: .en, glyphs: .unicode).render(into: &grid, area: area)
        expectGrid(grid, [
            " sender   [0  1  2  3] 4  5  6  7   base",
            " receiver: expects 0, delivered 0       ",
        ], area: area)
        expectBlank(grid, outside: area)
    }
}
