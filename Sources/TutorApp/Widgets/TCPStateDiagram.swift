import NetSim
import TutorCore
import TutorRender

/// `s`: the TCP state diagram (after RFC 9293 Figure 5) with each endpoint's state marked.
struct TCPStateDiagram {
    /// The endpoints in each state (by RFC name).
    var marks: [String: [String]]
    var language: Language
    var glyphs: Glyphs

    // State name and its position (column, row) in the drawing.
    static let layout: [(TCPState, Int, Int)] = [
        (.closed, 20, 0), (.listen, 20, 2), (.synReceived, 2, 4), (.synSent, 38, 4),
        (.established, 20, 6), (.finWait1, 2, 8), (.closeWait, 38, 8), (.finWait2, 2, 10),
        (.closing, 20, 10), (.lastAck, 38, 10), (.timeWait, 20, 12),
    ]
    static let edges = [
        "CLOSED -> LISTEN (passive open) | CLOSED -> SYN-SENT (active open, send SYN)",
        "LISTEN -> SYN-RECEIVED (rcv SYN, send SYN+ACK) | SYN-SENT -> ESTABLISHED (rcv SYN+ACK, send ACK)",
        "SYN-RECEIVED -> ESTABLISHED (rcv ACK of SYN) | ESTABLISHED -> FIN-WAIT-1 (close, send FIN)",
        "ESTABLISHED -> CLOSE-WAIT (rcv FIN, send ACK) | CLOSE-WAIT -> LAST-ACK (close, send FIN)",
        "FIN-WAIT-1 -> FIN-WAIT-2 (rcv ACK of FIN) | FIN-WAIT-1 -> CLOSING (rcv FIN)",
        "FIN-WAIT-2 -> TIME-WAIT (rcv FIN) | CLOSING -> TIME-WAIT (rcv ACK) | LAST-ACK -> CLOSED (rcv ACK)",
        "TIME-WAIT -> CLOSED (2 x MSL)",
    ]

    /// The endpoints of a trace in their states at the cursor.
    init(trace: Trace, cursor: Int, language: Language, glyphs: Glyphs) {
        marks = Dictionary(grouping: trace.endpoints, by: { trace.state(of: $0, at: cursor) ?? "" })
        self.language = language; self.glyphs = glyphs
    }

    /// The drawing is 52 columns by 14 rows plus the transitions below; `area` is its box.
    func render(into grid: inout CellGrid, area: Rect) {
        let inner = Box(title: UIText.tcpStatesTitle[language], style: Style(.accent))
            .render(into: &grid, area: area, glyphs: glyphs)
        let ox = inner.x + max(0, (inner.width - 52) / 2), oy = inner.y
        for (state, cx, cy) in Self.layout {
            let here = marks[state.rawValue] ?? []
            let who = here.map { String($0.prefix(1)).uppercased() }.joined()
            let text = here.isEmpty ? " \(state.rawValue) " : "[\(state.rawValue)]\(who)"
            grid.put(text, x: ox + cx, y: oy + cy, style: here.isEmpty ? Style(.dim) : Style(.accent, bold: true, reverse: true), clip: inner)
        }
        var y = oy + 14
        for line in Self.edges where y < inner.maxY {
            for piece in Wrap.wrap(line, width: inner.width - 2) where y < inner.maxY {
                grid.put(piece.plainText, x: inner.x + 1, y: y, style: Style(.dim), clip: inner); y += 1
            }
        }
    }
}
