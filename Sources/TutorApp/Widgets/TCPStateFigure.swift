import NetSim

/// RFC 9293 Figure 5 (TCP Connection State Diagram) as a layout table: where each state sits,
/// the orthogonal path of each transition and where its "event / action" label goes. The
/// drawing (`TCPStateDiagram`) only reads this table, and the tests check it for overlaps.
///
/// Coordinates are cells from the figure's top-left corner. The figure is 71×18 so that with a
/// two-row legend it fits the 74×20 inside of the overlay box on an 80×24 terminal. As in the
/// RFC, CLOSED appears twice: at the top (where connections start) and bottom right (where
/// LAST-ACK and TIME-WAIT end), so no edge has to climb back across the figure.
///
/// Left out for room (as the RFC's own notes leave out RST transitions): LISTEN→CLOSED and
/// SYN-SENT→CLOSED (`CLOSE / delete TCB`) and SYN-RECEIVED→LISTEN (`rcv RST`).
enum TCPStateFigure {
    static let width = 71, height = 18

    struct XY: Hashable, Sendable {
        var x, y: Int
        init(_ x: Int, _ y: Int) { self.x = x; self.y = y }
    }

    /// A place a state is drawn; CLOSED has two.
    enum Place: CaseIterable, Sendable {
        case closed, listen, synReceived, synSent, established, finWait1, closeWait
        case finWait2, closing, lastAck, timeWait, closedAgain

        var state: TCPState {
            switch self {
            case .closed, .closedAgain: .closed
            case .listen: .listen
            case .synReceived: .synReceived
            case .synSent: .synSent
            case .established: .established
            case .finWait1: .finWait1
            case .closeWait: .closeWait
            case .finWait2: .finWait2
            case .closing: .closing
            case .lastAck: .lastAck
            case .timeWait: .timeWait
            }
        }

        /// The bracketed name as drawn.
        var text: String { "[\(state.rawValue)]" }

        /// Left end of the bracketed name. The three columns are centred on x = 7, 36 and 65.
        var origin: XY {
            switch self {
            case .closed: XY(33, 0)
            case .listen: XY(33, 2)
            case .synReceived: XY(0, 5)
            case .synSent: XY(60, 5)
            case .established: XY(30, 8)
            case .finWait1: XY(1, 11)
            case .closeWait: XY(59, 11)
            case .finWait2: XY(1, 14)
            case .closing: XY(32, 14)
            case .lastAck: XY(60, 14)
            case .timeWait: XY(31, 17)
            case .closedAgain: XY(61, 17)
            }
        }

        var cells: [XY] { (0..<text.count).map { XY(origin.x + $0, origin.y) } }
    }

    /// One transition. `path` runs from the cell next to `from` to the arrowhead next to `to`,
    /// turning only at its points. Two edges with the same label text at the same place share
    /// that label (both `CLOSE / snd FIN` into FIN-WAIT-1 join before the arrowhead).
    struct Edge: Sendable {
        var from: Place, to: Place
        var path: [XY]
        var label: String
        var labelAt: XY

        var labelCells: [XY] { (0..<label.count).map { XY(labelAt.x + $0, labelAt.y) } }
    }

    static let edges: [Edge] = [
        Edge(from: .closed, to: .listen, path: [XY(36, 1)], label: "passive OPEN", labelAt: XY(23, 1)),
        Edge(from: .closed, to: .synSent, path: [XY(41, 0), XY(67, 0), XY(67, 4)],
             label: "active OPEN / snd SYN", labelAt: XY(45, 1)),
        Edge(from: .listen, to: .synReceived, path: [XY(32, 2), XY(7, 2), XY(7, 4)],
             label: "rcv SYN / snd SYN,ACK", labelAt: XY(9, 3)),
        Edge(from: .listen, to: .synSent, path: [XY(41, 2), XY(63, 2), XY(63, 4)],
             label: "SEND / snd SYN", labelAt: XY(47, 3)),
        // Simultaneous open.
        Edge(from: .synSent, to: .synReceived, path: [XY(59, 5), XY(14, 5)],
             label: "rcv SYN / snd SYN,ACK", labelAt: XY(26, 6)),
        Edge(from: .synReceived, to: .established, path: [XY(10, 6), XY(10, 8), XY(29, 8)],
             label: "rcv ACK of SYN", labelAt: XY(12, 7)),
        Edge(from: .synSent, to: .established, path: [XY(62, 6), XY(62, 8), XY(43, 8)],
             label: "rcv SYN,ACK / snd ACK", labelAt: XY(40, 7)),
        Edge(from: .established, to: .finWait1, path: [XY(33, 9), XY(8, 9), XY(8, 10)],
             label: "CLOSE / snd FIN", labelAt: XY(10, 10)),
        Edge(from: .synReceived, to: .finWait1, path: [XY(8, 6), XY(8, 10)],
             label: "CLOSE / snd FIN", labelAt: XY(10, 10)),
        Edge(from: .established, to: .closeWait, path: [XY(39, 9), XY(65, 9), XY(65, 10)],
             label: "rcv FIN / snd ACK", labelAt: XY(47, 10)),
        Edge(from: .finWait1, to: .finWait2, path: [XY(4, 12), XY(4, 13)],
             label: "rcv ACK of FIN", labelAt: XY(6, 12)),
        Edge(from: .finWait1, to: .closing, path: [XY(13, 11), XY(36, 11), XY(36, 13)],
             label: "rcv FIN / snd ACK", labelAt: XY(18, 13)),
        Edge(from: .closeWait, to: .lastAck, path: [XY(65, 12), XY(65, 13)],
             label: "CLOSE / snd FIN", labelAt: XY(49, 12)),
        Edge(from: .finWait2, to: .timeWait, path: [XY(6, 15), XY(6, 17), XY(30, 17)],
             label: "rcv FIN / snd ACK", labelAt: XY(8, 16)),
        Edge(from: .closing, to: .timeWait, path: [XY(36, 15), XY(36, 16)],
             label: "rcv ACK of FIN", labelAt: XY(21, 15)),
        Edge(from: .lastAck, to: .closedAgain, path: [XY(65, 15), XY(65, 16)],
             label: "rcv ACK of FIN", labelAt: XY(50, 15)),
        Edge(from: .timeWait, to: .closedAgain, path: [XY(42, 17), XY(60, 17)],
             label: "Timeout=2MSL", labelAt: XY(46, 16)),
    ]

    /// The index of the edge for a change of state, by RFC name; nil when the figure has none.
    static func edge(from: String, to: String) -> Int? {
        edges.firstIndex { $0.from.state.rawValue == from && $0.to.state.rawValue == to }
    }

    /// Which way a line leaves a cell.
    struct Ways: OptionSet, Hashable, Sendable {
        let rawValue: UInt8
        static let up = Ways(rawValue: 1), down = Ways(rawValue: 2), left = Ways(rawValue: 4), right = Ways(rawValue: 8)
    }

    /// The line cells of an edge with the ways each connects, its arrowhead's cell last and the
    /// way that arrow points. The first cell also connects towards `from`, so a path that turns
    /// as it leaves a state gets a corner, not a bare line.
    static func cells(of edge: Edge) -> (lines: [XY: Ways], head: XY, pointing: Ways) {
        var lines: [XY: Ways] = [:]
        let start = edge.path[0], node = edge.from.origin
        lines[start, default: []].insert(start.y == node.y ? (start.x > node.x ? .left : .right) : (start.y > node.y ? .up : .down))
        // A one-cell path points from `from` to `to`, which lie above and below it.
        var pointing: Ways = edge.to.origin.y > start.y ? .down : .up
        for (a, b) in zip(edge.path, edge.path.dropFirst()) {
            let forward: Ways = b.x > a.x ? .right : b.x < a.x ? .left : b.y > a.y ? .down : .up
            let back: Ways = forward == .right ? .left : forward == .left ? .right : forward == .down ? .up : .down
            var p = a
            while p != b {
                lines[p, default: []].insert(forward)
                p = XY(p.x + (b.x - a.x).signum(), p.y + (b.y - a.y).signum())
                lines[p, default: []].insert(back)
            }
            pointing = forward
        }
        return (lines, edge.path[edge.path.count - 1], pointing)
    }
}
