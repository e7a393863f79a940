import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// The player's drawings as widgets: each gets exactly the data it draws and stays in its area.
/// (The `s` overlay, TCPStateDiagram, has its own suite in TCPStateDiagramTests.)
@Suite("Player widgets: SequenceDiagram, ARQWindowStrip")
struct PlayerWidgetTests {
    static func diagram(_ trace: Trace, cursor: Int, hidden: Int? = nil, area: Rect) -> SequenceDiagram {
        SequenceDiagram(trace: trace, time: trace.events[cursor].t, cursor: cursor, hiddenLabel: hidden,
                        lifelines: SequenceDiagram.lifelines(count: trace.endpoints.count, area: area, margin: 12), glyphs: .unicode)
    }

    /// Reviewer: the SYN (#1) leaves the client's lifeline (column 12) and stops half-way at ✕;
    /// the client is in SYN-SENT with its RTO started, the server LISTENs; the pause until the
    /// retransmission is collapsed into "… +975ms"; the ▸ marks the current row.
    @Test("A lost SYN ends in ✕ half-way, states and the RTO in the margins, 50x8")
    func lostSegment() throws {
        var o = SceneOptions(); o.drops = [1]
        let trace = try SceneSpec.tcp3Way.simulate(o)
        let drop = trace.events.firstIndex { $0.kind == .drop }!
        var grid = CellGrid(width: 50, height: 8)
        Self.diagram(trace, cursor: drop, area: grid.bounds).render(into: &grid, area: grid.bounds)
        expectGrid(grid, [
            "            │ #1 SYN seq=1000        │            ",
            "   SYN-SENT │─                       │ LISTEN     ",
            " RTO 1000ms │───────                 │            ",
            "▸           │      ─────✕            │            ",
            "            │ … +975ms               │            ",
            "            │                        │            ",
            "            │                        │            ",
            "            │                        │            ",
        ])
        expectRoles(grid, ["", "", "", "                        l"], ["l": .loss])
    }

    /// Reviewer: once the handshake is over both ends read ESTABLISHED (the client's truncated to
    /// its margin), the SYN+ACK arrives at the client with ← and the ACK at the server with →.
    /// (Issue 13 redraws the slanted arrows as lines; this checks what must survive that.)
    @Test("The finished handshake: both ends ESTABLISHED, arrowheads at the receivers")
    func finishedHandshake() throws {
        let trace = try SceneSpec.tcp3Way.simulate(SceneOptions())
        var grid = CellGrid(width: 50, height: 14)
        Self.diagram(trace, cursor: trace.events.count - 1, area: grid.bounds).render(into: &grid, area: grid.bounds)
        let rows = GridLiteral.rows(of: grid)
        #expect(rows.contains { $0.hasPrefix(" ESTABLISH… │←") }, "\(GridLiteral.literal(rows))")
        #expect(rows.contains { $0.hasSuffix("→│ ESTABLISHED") })
        #expect(rows.contains { $0.contains("#2 SYN+ACK seq=5000") } && rows.contains { $0.contains("#3 ACK seq=1001") })
    }

    /// Reviewer: in predict mode the segment waiting for a guess is labelled "#2 ?": nothing of
    /// its flags or numbers is drawn.
    @Test("A hidden label shows only its ordinal")
    func hiddenLabel() throws {
        let trace = try SceneSpec.tcp3Way.simulate(SceneOptions())
        let second = trace.events.firstIndex { $0.kind == .send && $0.n == 2 }!
        var grid = CellGrid(width: 50, height: 14)
        Self.diagram(trace, cursor: second, hidden: second, area: grid.bounds).render(into: &grid, area: grid.bounds)
        let text = GridLiteral.rows(of: grid).joined(separator: "\n")
        #expect(text.contains("#2 ?") && !text.contains("SYN+ACK") && !text.contains("5000"))
    }

    @Test("The diagram draws nothing outside its area")
    func staysInArea() throws {
        let trace = try SceneSpec.arqGoBackN.simulate(SceneOptions())
        var grid = CellGrid(width: 70, height: 20)
        let area = Rect(x: 6, y: 3, width: 56, height: 12)
        Self.diagram(trace, cursor: trace.events.count - 1, area: area).render(into: &grid, area: area)
        expectBlank(grid, outside: area)
    }

    /// Reviewer: Go-Back-N's window of 4 after sending 0-3: brackets around 0..3, base and next,
    /// and the receiver still expecting 0.
    @Test("ARQWindowStrip: the window in brackets, base and next, the receiver's expectation")
    func arqStrip() throws {
        let trace = try SceneSpec.arqGoBackN.simulate(SceneOptions())
        let snapshot = trace.events.compactMap { if case .arqWindow(let a)? = $0.panel { a } else { nil } }
            .first { $0.next == 4 && $0.base == 0 }!
        var grid = CellGrid(width: 44, height: 4)
        let area = Rect(x: 2, y: 1, width: 40, height: 2)
        ARQWindowStrip(snapshot: snapshot, language: .en, glyphs: .unicode).render(into: &grid, area: area)
        expectGrid(grid, [
            " window [0  1  2  3] 4  5  6   base=0 ne",
            " receiver: expects 0, delivered 0       ",
        ], area: area)
        expectBlank(grid, outside: area)
    }
}
