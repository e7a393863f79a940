import TutorRender

/// Puts each message's label on its own line: on the line (or just beside it) at a row of
/// the arrow, nearest the sender's end, with a blank column between it and any other label,
/// head or note, and nearer its own line than any other. A label that fits nowhere drops one
/// field at a time (`#2 SYN+ACK seq=5000 ack=1001` … `#2`); the layout counts one that cannot
/// keep its kind as illegible.
struct LabelPlacer {
    typealias Cell = DiagramLayout.Cell

    /// Which arrows pass through each cell.
    private var lines: [Cell: Set<Int>] = [:]
    /// Cells no label may touch: heads, notes, gap markers, labels placed so far.
    private var blocked: Set<Cell> = []
    private let lifelines: Set<Int>

    init(arrows: [DiagramLayout.Arrow], lifelines: [Int], blocked: Set<Cell>) {
        self.lifelines = Set(lifelines)
        self.blocked = blocked
        for (i, a) in arrows.enumerated() {
            for c in a.cells { lines[c, default: []].insert(i) }
            self.blocked.insert(a.head)
        }
    }

    /// Chebyshev distance from a one-row span to the nearest cell of `cells`, up to `limit`.
    static func distance(row: Int, x: Int, width: Int, to cells: Set<Cell>, limit: Int) -> Int? {
        for d in 0...limit {
            for r in (row - d)...(row + d) {
                for cx in (x - d)..<(x + width + d) where cells.contains(Cell(x: cx, row: r)) { return d }
            }
        }
        return nil
    }

    /// Where the label of arrow `id` goes (nil when no text fits anywhere along it).
    mutating func place(_ arrow: DiagramLayout.Arrow, id: Int, texts: [String], lane: ClosedRange<Int>) -> DiagramLayout.Label? {
        let sender = arrow.rightward ? lane.lowerBound : lane.upperBound
        let rows = Set(arrow.cells.map(\.row)).sorted()
        guard let first = rows.first else { return nil }
        // At the sender's end: a label shows once its packet's line has reached it, so the
        // nearer the start the sooner it reads (later rows only when the first are crowded).
        let target = Double(first)
        let byCloseness = rows.sorted { abs(Double($0) - target) == abs(Double($1) - target) ? $0 < $1 : abs(Double($0) - target) < abs(Double($1) - target) }
        for text in texts {
            let w = TextWidth.width(of: text)
            for row in byCloseness {
                let own = arrow.cells.filter { $0.row == row }.map(\.x)
                guard let a = own.min(), let b = own.max() else { continue }
                for x in [(a + b + 1) / 2 - w / 2, a, b - w + 1, b + 2, a - w - 1]
                where fits(x: x, row: row, width: w, id: id, arrow: arrow, lane: lane, sender: sender) {
                    let label = DiagramLayout.Label(text: text, x: x, row: row, width: w)
                    for cx in x..<(x + w) { blocked.insert(Cell(x: cx, row: row)) }
                    return label
                }
            }
        }
        return nil
    }

    private func fits(x: Int, row: Int, width w: Int, id: Int, arrow: DiagramLayout.Arrow, lane: ClosedRange<Int>, sender: Int) -> Bool {
        guard x > lane.lowerBound, x + w - 1 < lane.upperBound else { return false }
        guard let own = Self.distance(row: row, x: x, width: w, to: arrow.cells, limit: 1) else { return false }
        for cx in (x - 1)...(x + w) {
            let c = Cell(x: cx, row: row)
            if blocked.contains(c) { return false }
            // On no lifeline; touching one only at the sender's end, where the line starts
            // (against the receiver's it reads as glued to the arrowhead's lane).
            if lifelines.contains(cx) && (cx >= x && cx < x + w || cx != sender) { return false }
            if let ids = lines[c], !ids.subtracting([id]).isEmpty { return false }
        }
        // Beside its line rather than on it: nothing else may be as near.
        if own == 1 {
            for r in (row - 1)...(row + 1) {
                for cx in (x - 1)...(x + w) {
                    if let ids = lines[Cell(x: cx, row: r)], !ids.subtracting([id]).isEmpty { return false }
                }
            }
        }
        return true
    }
}
