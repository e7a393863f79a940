/// One cell to draw: what `CellGrid.diff(from:)` gives the back end.
public struct CellChange: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var cell: Cell
    public init(x: Int, y: Int, cell: Cell) { self.x = x; self.y = y; self.cell = cell }
}

extension CellGrid {
    /// The cells to draw to turn `previous` into this grid (as ratatui's `Buffer::diff`), in
    /// row order. Continuation cells are never listed: drawing a wide cell covers both columns,
    /// so a wide cell is listed when either of its halves changed. With no previous frame, or
    /// one of another size, every cell is listed (a full repaint).
    public func diff(from previous: CellGrid?) -> [CellChange] {
        let old = previous.flatMap { $0.width == width && $0.height == height ? $0 : nil }
        var changes: [CellChange] = []
        for y in 0..<height {
            for x in 0..<width {
                let cell = self[x, y]
                if cell.isContinuation { continue }
                if let old, old[x, y] == cell, cell.width == 1 || old[x + 1, y] == self[x + 1, y] { continue }
                changes.append(CellChange(x: x, y: y, cell: cell))
            }
        }
        return changes
    }
}
