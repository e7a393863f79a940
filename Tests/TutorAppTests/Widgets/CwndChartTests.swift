import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

@Suite("CwndChart widget")
struct CwndChartTests {
    /// Reno from cwnd 1 with ssthresh 4, 8 rounds, a timeout detected in round 5.
    static func chart(cursor: Int = 8) throws -> CwndChart {
        var p = CwndParameters()
        p.rounds = 8; p.ssthresh = 4; p.events = [LossEvent(.timeout, at: 5)]
        return CwndChart(traces: [try CongestionLab.run(p)], parameters: p, cursor: cursor, compare: false,
                         mode: .braille, language: .en, glyphs: .unicode)
    }

    static let renoTimeout = [
        "    8│                  ✕TO             ",
        "MSS  │                ⢀⣀⠤⡀              ",
        "     │          ⢀⣀⠤⠔⠒⠉⠁  ⠑⡄             ",
        "    4│⠉ ⠉ ⠉⠁⣈⠥⠚⠉⠁⠈⠁⠈⠉ ⠉ ⠉⠁⠈⢇⠈⠥ ⠤ ⠤⠤ ⢤⣀● ",
        "     │ ⣀⡠⠤⠒⠉               ⠈⢢ ⣀⡠⠤⠔⠒⠉⠁   ",
        "    0│⠉                      ⠉          ",
        "     └┴───┴────┴────┴───┴────┴────┴round",
        "      1   2    3    4   5    6    7   8 ",
        "        SS        CA          SS    CA  ",
        " ● cwnd (Reno)  ┄┄ ssthresh  ✕TO timeout",
    ]

    /// Reviewer: the curve doubles 1→2→4 in slow start, adds one a round up to 6 in round 5,
    /// falls to 1 and climbs again; ● marks the cursor's round (8). ✕TO stands above the peak
    /// in round 5's column: the same column as the axis tick ┴ and the label "5". The dashed
    /// ssthresh runs along the row of 4 (⠉ ⠉, in the timer role) and after the timeout lies
    /// lower in the same row (⠤ ⠤: ssthresh 3). Under the axis the phase bands SS (rounds 1-2),
    /// CA (3-5), SS (6-7), CA (8); the legend on the last row.
    @Test("Reno with a timeout in round 5, 40x10: curve, ssthresh, ✕TO in round 5's column, phase bands, legend")
    func renoWithTimeout() throws {
        var grid = CellGrid(width: 40, height: 10)
        try Self.chart().render(into: &grid, area: grid.bounds)
        expectGrid(grid, Self.renoTimeout)
        let rows = GridLiteral.rows(of: grid).map(Array.init)
        #expect(rows[0][24] == "✕" && rows[6][24] == "┴" && rows[7][24] == "5", "the loss mark is in round 5's column")
        expectRoles(grid, [
            "                        lll",
            "",
            "",
            "      t t",
            "", "", "", "",
            "      ssssss aaaaaaaaaaaaa sssssssssaaa",
        ], ["l": .loss, "t": .timer, "s": .syn, "a": .ack])
    }

    /// Reviewer: at round 4 nothing from the future is drawn: no ✕ (the timeout is in round 5),
    /// the bands stop after round 4 and the label "4" is the highlighted one.
    @Test("Rounds after the cursor are not drawn")
    func revealsUpToCursor() throws {
        var grid = CellGrid(width: 40, height: 10)
        try Self.chart(cursor: 4).render(into: &grid, area: grid.bounds)
        let rows = GridLiteral.rows(of: grid)
        #expect(!rows[0...8].joined().contains("✕"))
        #expect(rows[8] == "        SS      CA                      ", "CA covers rounds 3-4 only")
        #expect(grid[20, 7].grapheme == "4" && grid[20, 7].style.reverse && !grid[24, 7].style.reverse)
    }

    /// Reviewer: the same chart drawn into an area at (3, 2) of a larger grid reads the same
    /// there, and every cell around it stays blank.
    @Test("Draws only inside its area")
    func staysInside() throws {
        var grid = CellGrid(width: 46, height: 14)
        let area = Rect(x: 3, y: 2, width: 40, height: 10)
        try Self.chart().render(into: &grid, area: area)
        expectGrid(grid, Self.renoTimeout, area: area)
        expectBlank(grid, outside: area)
    }
}
