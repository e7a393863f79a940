import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// The `s` overlay: RFC 9293 Figure 5 in the 76×22 box an 80×24 terminal gives it, both
/// endpoints' states in reverse video and the transition just taken in bold.
@Suite("TCPStateDiagram: RFC 9293 Figure 5 with the endpoints' states")
struct TCPStateDiagramTests {
    typealias Figure = TCPStateFigure

    /// The overlay as `PlayerScreen` draws it on an 80×24 terminal: a 76×22 box.
    static func render(_ trace: Trace, cursor: Int, _ language: Language = .en, _ glyphs: Glyphs = .unicode,
                       width: Int = 76, height: Int = 22) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        TCPStateDiagram(trace: trace, cursor: cursor, language: language, glyphs: glyphs).render(into: &grid, area: grid.bounds)
        return grid
    }

    /// The index of `endpoint`'s event entering `state`.
    static func entering(_ state: TCPState, _ endpoint: String, in trace: Trace) throws -> Int {
        try #require(trace.events.firstIndex { $0.kind == .state && $0.endpoint == endpoint && $0.state == state.rawValue })
    }

    /// Inside the box, one character per column: `#` reverse video, `*` bold, blank otherwise.
    static func emphasis(_ grid: CellGrid) -> [String] {
        (1..<grid.height - 1).map { y in
            String((1..<grid.width - 1).map { x in grid[x, y].style.reverse ? "#" : grid[x, y].style.bold ? "*" : " " })
        }
    }

    /// Where the figure's cell `p` is on a grid the diagram filled.
    static func onGrid(_ p: Figure.XY, in grid: CellGrid) -> (x: Int, y: Int) {
        let o = TCPStateDiagram.origin(in: grid.bounds.inset(by: 1))
        return (o.x + p.x, o.y + p.y)
    }

    // MARK: Snapshots

    /// Reviewer: Figure 5 as in the RFC — CLOSED at the top, the opening states, ESTABLISHED in
    /// the middle, the active close down the left (FIN-WAIT-1, FIN-WAIT-2), the passive close
    /// down the right (CLOSE-WAIT, LAST-ACK), CLOSING and TIME-WAIT in the centre and CLOSED
    /// again bottom right. The client has just sent its SYN: SYN-SENT and the server's LISTEN are
    /// in reverse video, and the edge CLOSED → SYN-SENT with `active OPEN / snd SYN` is bold
    /// (the `*` marks); the legend says who is where and which step was taken.
    @Test("Mid-handshake in Unicode, 76×22: both states highlighted, CLOSED → SYN-SENT bold")
    func midHandshakeUnicode() throws {
        let trace = try SceneSpec.tcp3Way.simulate(SceneOptions())
        let grid = Self.render(trace, cursor: try Self.entering(.synSent, "client", in: trace))
        expectGrid(grid, [
            "┌─ TCP states (RFC 9293 Figure 5) ─────────────────────────────────────────┐",
            "│                                  [CLOSED]──────────────────────────┐     │",
            "│                        passive OPEN ↓        active OPEN / snd SYN │     │",
            "│        ┌─────────────────────────[LISTEN]──────────────────────┐   │     │",
            "│        │ rcv SYN / snd SYN,ACK                 SEND / snd SYN  │   │     │",
            "│        ↓                                                       ↓   ↓     │",
            "│ [SYN-RECEIVED]←─────────────────────────────────────────────[SYN-SENT]   │",
            "│         │ │               rcv SYN / snd SYN,ACK               │          │",
            "│         │ │ rcv ACK of SYN              rcv SYN,ACK / snd ACK │          │",
            "│         │ └──────────────────→[ESTABLISHED]←──────────────────┘          │",
            "│         ├────────────────────────┘     └─────────────────────────┐       │",
            "│         ↓ CLOSE / snd FIN                      rcv FIN / snd ACK ↓       │",
            "│  [FIN-WAIT-1]───────────────────────┐                      [CLOSE-WAIT]  │",
            "│     │ rcv ACK of FIN                │            CLOSE / snd FIN │       │",
            "│     ↓             rcv FIN / snd ACK ↓                            ↓       │",
            "│  [FIN-WAIT-2]                   [CLOSING]                   [LAST-ACK]   │",
            "│       │              rcv ACK of FIN │             rcv ACK of FIN │       │",
            "│       │ rcv FIN / snd ACK           ↓         Timeout=2MSL       ↓       │",
            "│       └───────────────────────→[TIME-WAIT]──────────────────→[CLOSED]    │",
            "│ Now        client: SYN-SENT   server: LISTEN                             │",
            "│ Last step  client: CLOSED → SYN-SENT  (active OPEN / snd SYN)            │",
            "└──────────────────────────────────────────────────────────────────────────┘",
        ])
        #expect(Self.emphasis(grid) == [
            "                                          ***************************     ",
            "                                              ********************* *     ",
            "                                  ########                          *     ",
            "                                                                    *     ",
            "                                                                    *     ",
            "                                                             ##########   ",
            "                                                                          ",
            "                                                                          ",
            "                                                                          ",
            "                                                                          ",
            "                                                                          ",
            "                                                                          ",
            "                                                                          ",
            "                                                                          ",
            "                                                                          ",
            "                                                                          ",
            "                                                                          ",
            "                                                                          ",
            "                    ########           ######                             ",
            "            *************************                                     ",
        ], "\(GridLiteral.literal(Self.emphasis(grid)))")
    }

    /// Reviewer: the same moment with `--ascii`: `-` and `|` lines, `+` at every corner and
    /// join, `v ^ < >` arrowheads; nothing else changes place.
    @Test("Mid-handshake in ASCII glyphs, 76×22")
    func midHandshakeASCII() throws {
        let trace = try SceneSpec.tcp3Way.simulate(SceneOptions())
        let cursor = try Self.entering(.synSent, "client", in: trace)
        let grid = Self.render(trace, cursor: cursor, .en, .ascii)
        expectGrid(grid, [
            "+- TCP states (RFC 9293 Figure 5) -----------------------------------------+",
            "|                                  [CLOSED]--------------------------+     |",
            "|                        passive OPEN v        active OPEN / snd SYN |     |",
            "|        +-------------------------[LISTEN]----------------------+   |     |",
            "|        | rcv SYN / snd SYN,ACK                 SEND / snd SYN  |   |     |",
            "|        v                                                       v   v     |",
            "| [SYN-RECEIVED]<---------------------------------------------[SYN-SENT]   |",
            "|         | |               rcv SYN / snd SYN,ACK               |          |",
            "|         | | rcv ACK of SYN              rcv SYN,ACK / snd ACK |          |",
            "|         | +------------------>[ESTABLISHED]<------------------+          |",
            "|         +------------------------+     +-------------------------+       |",
            "|         v CLOSE / snd FIN                      rcv FIN / snd ACK v       |",
            "|  [FIN-WAIT-1]-----------------------+                      [CLOSE-WAIT]  |",
            "|     | rcv ACK of FIN                |            CLOSE / snd FIN |       |",
            "|     v             rcv FIN / snd ACK v                            v       |",
            "|  [FIN-WAIT-2]                   [CLOSING]                   [LAST-ACK]   |",
            "|       |              rcv ACK of FIN |             rcv ACK of FIN |       |",
            "|       | rcv FIN / snd ACK           v         Timeout=2MSL       v       |",
            "|       +----------------------->[TIME-WAIT]------------------>[CLOSED]    |",
            "| Now        client: SYN-SENT   server: LISTEN                             |",
            "| Last step  client: CLOSED > SYN-SENT  (active OPEN / snd SYN)            |",
            "+--------------------------------------------------------------------------+",
        ])
        #expect(Self.emphasis(grid) == Self.emphasis(Self.render(trace, cursor: cursor)), "the same cells highlighted and bold as in Unicode")
    }

    /// Reviewer: in Korean the title and the legend words (현재 상태, 방금 전이) are Korean and
    /// line up although Hangul is two columns wide; state names and `rcv ACK of FIN` stay as in
    /// the RFC. In the 4-way close the client has just had its FIN acknowledged: FIN-WAIT-2 and
    /// the server's CLOSE-WAIT are highlighted, FIN-WAIT-1 → FIN-WAIT-2 is bold.
    @Test("Korean: the 4-way close at the client's FIN-WAIT-2")
    func korean() throws {
        let trace = try SceneSpec.tcp4Way.simulate(SceneOptions())
        let grid = Self.render(trace, cursor: try Self.entering(.finWait2, "client", in: trace), .ko)
        expectGrid(grid, [
            "┌─ TCP 상태 (RFC 9293 Figure 5) ───────────────────────────────────────────┐",
            "│                                  [CLOSED]──────────────────────────┐     │",
            "│                        passive OPEN ↓        active OPEN / snd SYN │     │",
            "│        ┌─────────────────────────[LISTEN]──────────────────────┐   │     │",
            "│        │ rcv SYN / snd SYN,ACK                 SEND / snd SYN  │   │     │",
            "│        ↓                                                       ↓   ↓     │",
            "│ [SYN-RECEIVED]←─────────────────────────────────────────────[SYN-SENT]   │",
            "│         │ │               rcv SYN / snd SYN,ACK               │          │",
            "│         │ │ rcv ACK of SYN              rcv SYN,ACK / snd ACK │          │",
            "│         │ └──────────────────→[ESTABLISHED]←──────────────────┘          │",
            "│         ├────────────────────────┘     └─────────────────────────┐       │",
            "│         ↓ CLOSE / snd FIN                      rcv FIN / snd ACK ↓       │",
            "│  [FIN-WAIT-1]───────────────────────┐                      [CLOSE-WAIT]  │",
            "│     │ rcv ACK of FIN                │            CLOSE / snd FIN │       │",
            "│     ↓             rcv FIN / snd ACK ↓                            ↓       │",
            "│  [FIN-WAIT-2]                   [CLOSING]                   [LAST-ACK]   │",
            "│       │              rcv ACK of FIN │             rcv ACK of FIN │       │",
            "│       │ rcv FIN / snd ACK           ↓         Timeout=2MSL       ↓       │",
            "│       └───────────────────────→[TIME-WAIT]──────────────────→[CLOSED]    │",
            "│ 현재 상태  클라이언트: FIN-WAIT-2   서버: CLOSE-WAIT                     │",
            "│ 방금 전이  클라이언트: FIN-WAIT-1 → FIN-WAIT-2  (rcv ACK of FIN)         │",
            "└──────────────────────────────────────────────────────────────────────────┘",
        ])
        #expect(Self.emphasis(grid) == [
            "                                                                          ",
            "                                                                          ",
            "                                                                          ",
            "                                                                          ",
            "                                                                          ",
            "                                                                          ",
            "                                                                          ",
            "                                                                          ",
            "                                                                          ",
            "                                                                          ",
            "                                                                          ",
            "                                                            ############  ",
            "     * **************                                                     ",
            "     *                                                                    ",
            "  ############                                                            ",
            "                                                                          ",
            "                                                                          ",
            "                                                                          ",
            "                        ##########         ##########                     ",
            "            ***********************************                           ",
        ], "\(GridLiteral.literal(Self.emphasis(grid)))")
    }

    // MARK: The figure and the traces

    /// Every change of state in the TCP scenes' traces is an edge of the figure, and at that
    /// step the edge (line, arrowhead and label) is bold while the other labels are not.
    @Test("Every transition of the TCP scenes is an edge, drawn bold when it is the one just taken")
    func scenesTransitionsAreEdges() throws {
        let scenes = SceneCatalog.all.filter { $0.stateMachine != nil }
        #expect(scenes.count >= 5)
        for spec in scenes {
            let trace = try spec.simulate(SceneOptions())
            for i in trace.events.indices where trace.events[i].kind == .state {
                let step = try #require(TCPStateDiagram.lastStep(in: trace, through: i))
                guard let e = Figure.edge(from: step.from, to: step.to) else {
                    Issue.record("\(spec.id): \(step.endpoint) \(step.from) → \(step.to) is not an edge of the figure"); continue
                }
                let edge = Figure.edges[e]
                let grid = Self.render(trace, cursor: i)
                let cells = Figure.cells(of: edge)
                for p in edge.labelCells + Array(cells.lines.keys) + [cells.head] {
                    let (x, y) = Self.onGrid(p, in: grid)
                    #expect(grid[x, y].style.bold, "\(spec.id) #\(i): \(edge.label) at \(p) is not bold")
                }
                for other in Figure.edges where other.labelAt != edge.labelAt {
                    let (x, y) = Self.onGrid(other.labelAt, in: grid)
                    #expect(!grid[x, y].style.bold, "\(spec.id) #\(i): \(other.label) is bold but was not taken")
                }
            }
        }
    }

    /// Labels are read, so no label cell may lie on a line, an arrowhead, a state's name or
    /// another label (two edges may share one label: the same text in the same place). Lines of
    /// different edges meet only where two edges join on their way to the same state.
    @Test("No label overlaps another label, an edge or a state; edges only join, never cross")
    func noOverlaps() {
        var owner: [Figure.XY: String] = [:]
        func claim(_ cells: [Figure.XY], _ what: String) {
            for p in cells {
                #expect(p.x >= 0 && p.x < Figure.width && p.y >= 0 && p.y < Figure.height, "\(what) at \(p) is outside the figure")
                if let o = owner[p] { Issue.record("\(what) and \(o) both use \(p)") }
                owner[p] = what
            }
        }
        for place in Figure.Place.allCases { claim(place.cells, "\(place)") }
        var labels: Set<String> = []
        for edge in Figure.edges where labels.insert("\(edge.label)@\(edge.labelAt)").inserted {
            claim(edge.labelCells, "label \(edge.label)")
        }
        var lineOwner: [Figure.XY: Figure.Edge] = [:]
        for edge in Figure.edges {
            let c = Figure.cells(of: edge)
            for p in Array(c.lines.keys) + [c.head] {
                if let o = owner[p] { Issue.record("the edge \(edge.from) → \(edge.to) runs through \(o) at \(p)") }
                if let other = lineOwner[p], !(other.to == edge.to && other.label == edge.label) {
                    Issue.record("the edges \(other.from) → \(other.to) and \(edge.from) → \(edge.to) cross at \(p)")
                }
                lineOwner[p] = edge
            }
        }
    }

    /// The table itself: every edge runs straight between its turning points, starts next to
    /// the state it leaves and ends with its arrowhead next to the state it enters.
    @Test("Every edge leaves its state, runs straight between turns and points into its target")
    func edgesConnect() {
        func touches(_ p: Figure.XY, _ place: Figure.Place) -> Bool {
            place.cells.contains { abs($0.x - p.x) + abs($0.y - p.y) == 1 }
        }
        for edge in Figure.edges {
            let name = "\(edge.from) → \(edge.to)"
            for (a, b) in zip(edge.path, edge.path.dropFirst()) { #expect(a.x == b.x || a.y == b.y, "\(name) turns diagonally") }
            let c = Figure.cells(of: edge)
            #expect(touches(edge.path[0], edge.from), "\(name) does not start at its state")
            let ahead = c.pointing == .down ? Figure.XY(c.head.x, c.head.y + 1) : c.pointing == .up ? Figure.XY(c.head.x, c.head.y - 1)
                : c.pointing == .right ? Figure.XY(c.head.x + 1, c.head.y) : Figure.XY(c.head.x - 1, c.head.y)
            #expect(edge.to.cells.contains(ahead), "the arrowhead of \(name) does not point into \(edge.to)")
        }
        let pairs = Figure.edges.map { "\($0.from.state.rawValue)→\($0.to.state.rawValue)" }
        #expect(Set(pairs).count == pairs.count, "one edge per change of state")
    }

    // MARK: Marks and the legend

    /// CLOSED is drawn twice, as in the RFC: an endpoint that ended by LAST-ACK or TIME-WAIT is
    /// marked on the bottom one, an endpoint that has not opened yet on the top one.
    @Test("CLOSED: top before opening, bottom after LAST-ACK or TIME-WAIT")
    func closedTwice() throws {
        let trace = try SceneSpec.tcp4Way.simulate(SceneOptions())
        let start = TCPStateDiagram(trace: trace, cursor: -1, language: .en, glyphs: .unicode)
        #expect(start.marks.map(\.place) == [.closed, .closed])
        #expect(start.step == nil)
        let serverDone = try Self.entering(.closed, "server", in: trace)
        let d = TCPStateDiagram(trace: trace, cursor: serverDone, language: .en, glyphs: .unicode)
        #expect(d.marks.first { $0.endpoint == "server" }?.place == .closedAgain)
        #expect(d.step == .init(endpoint: "server", from: "LAST-ACK", to: "CLOSED"))
        let grid = Self.render(trace, cursor: serverDone)
        let (bx, by) = Self.onGrid(Figure.Place.closedAgain.origin, in: grid)
        let (tx, ty) = Self.onGrid(Figure.Place.closed.origin, in: grid)
        #expect(grid[bx, by].style.reverse && !grid[tx, ty].style.reverse)
    }

    /// A change the figure has no edge for (here SYN-SENT → CLOSED, a refused connection) is
    /// still named in the legend, said to be off the figure, and nothing is bold.
    @Test("A transition that is not an edge is named in the legend, and no edge is bold")
    func offFigure() {
        let say = Localized(ko: "", en: "")
        let trace = Trace(scene: "refused", endpoints: ["client", "server"], events: [
            TraceEvent(t: 0, kind: .state, endpoint: "server", state: "LISTEN", narration: say),
            TraceEvent(t: 0, kind: .state, endpoint: "client", state: "SYN-SENT", narration: say),
            TraceEvent(t: 50, kind: .state, endpoint: "client", state: "CLOSED", narration: say),
        ], initialState: "CLOSED")
        let grid = Self.render(trace, cursor: 2)
        let rows = GridLiteral.rows(of: grid)
        #expect(rows[20] == "│ Last step  client: SYN-SENT → CLOSED  (not an edge of Figure 5)          │", "\(rows[20])")
        #expect(rows[19].hasPrefix("│ Now        client: CLOSED   server: LISTEN "))
        for y in 1..<19 { for x in 1..<75 { #expect(!grid[x, y].style.bold || grid[x, y].style.reverse, "(\(x),\(y)) is bold") } }
        #expect(GridLiteral.rows(of: Self.render(trace, cursor: 2, .ko))[20].contains("(Figure 5에 없는 전이)"))
    }

    /// On a bigger terminal the overlay keeps its compact figure, centred in the area, and
    /// draws nothing outside it.
    @Test("In a larger area the figure is centred and stays inside the area")
    func largerArea() throws {
        let trace = try SceneSpec.tcpSimultaneousClose.simulate(SceneOptions())
        var grid = CellGrid(width: 120, height: 40)
        let area = Rect(x: 10, y: 2, width: 100, height: 36)
        TCPStateDiagram(trace: trace, cursor: trace.events.count - 1, language: .en, glyphs: .unicode).render(into: &grid, area: area)
        expectBlank(grid, outside: area)
        let o = TCPStateDiagram.origin(in: area.inset(by: 1))
        #expect(o.x == 11 + (98 - Figure.width) / 2 && o.y == 3 + (34 - Figure.height - 2) / 2)
        let rows = GridLiteral.rows(of: grid)
        #expect(rows[o.y].contains("[CLOSED]") && rows[o.y + Figure.height].contains("Now"))
    }
}
