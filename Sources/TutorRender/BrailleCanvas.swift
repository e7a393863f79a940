/// A dot canvas for charts: each cell holds 2×4 dots, drawn as a Braille pattern (U+2800–28FF),
/// as quadrant blocks (2×2, each half-height pair of dots merged) or as ASCII (`'`, `.`, `:`).
/// Every dot has the style of the last series that set it in that cell.
public struct BrailleCanvas: Sendable {
    public enum Mode: String, CaseIterable, Sendable, Hashable { case braille, block, ascii }

    public let width: Int
    public let height: Int
    private var bits: [UInt8]
    private var styles: [Style]

    public init(width: Int, height: Int) {
        self.width = max(0, width); self.height = max(0, height)
        bits = Array(repeating: 0, count: self.width * self.height)
        styles = Array(repeating: .plain, count: self.width * self.height)
    }

    /// Dot resolution: two columns and four rows a cell; y = 0 is the top.
    public var dotWidth: Int { width * 2 }
    public var dotHeight: Int { height * 4 }

    // Braille dot numbering: left column 1, 2, 3, 7; right column 4, 5, 6, 8 (top to bottom).
    private static let bit: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    public mutating func set(x: Int, y: Int, style: Style) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let i = (y / 4) * width + x / 2
        bits[i] |= Self.bit[x % 2][y % 4]
        styles[i] = style
    }

    /// A straight line between two dots (Bresenham). `dash` > 0 draws `dash` dots, skips `dash`.
    public mutating func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), style: Style, dash: Int = 0) {
        var x = a.x, y = a.y
        let dx = abs(b.x - a.x), dy = -abs(b.y - a.y)
        let sx = a.x < b.x ? 1 : -1, sy = a.y < b.y ? 1 : -1
        var err = dx + dy, step = 0
        while true {
            if dash == 0 || (step / dash) % 2 == 0 { set(x: x, y: y, style: style) }
            step += 1
            if x == b.x && y == b.y { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
    }

    /// Whether any dot of the cell is set.
    public func isSet(column: Int, row: Int) -> Bool {
        column >= 0 && row >= 0 && column < width && row < height && bits[row * width + column] != 0
    }

    /// The glyph for a cell in the given mode (a space when empty).
    public func glyph(column: Int, row: Int, mode: Mode) -> String {
        let b = bits[row * width + column]
        guard b != 0 else { return " " }
        switch mode {
        case .braille:
            return String(Character(Unicode.Scalar(0x2800 + UInt32(b))!))
        case .block:
            // Quadrants: top half = braille rows 0-1, bottom half = rows 2-3.
            let tl = b & (0x01 | 0x02) != 0, tr = b & (0x08 | 0x10) != 0
            let bl = b & (0x04 | 0x40) != 0, br = b & (0x20 | 0x80) != 0
            let index = (tl ? 1 : 0) | (tr ? 2 : 0) | (bl ? 4 : 0) | (br ? 8 : 0)
            return Self.quadrants[index]
        case .ascii:
            let top = b & (0x01 | 0x02 | 0x08 | 0x10) != 0, bottom = b & (0x04 | 0x40 | 0x20 | 0x80) != 0
            return top && bottom ? ":" : top ? "'" : "."
        }
    }

    /// Index bits: 1 top-left, 2 top-right, 4 bottom-left, 8 bottom-right.
    static let quadrants = [" ", "▘", "▝", "▀", "▖", "▌", "▞", "▛", "▗", "▚", "▐", "▜", "▄", "▙", "▟", "█"]

    /// Draws the set cells at `origin` (empty cells are left as they are).
    public func render(into grid: inout CellGrid, x originX: Int, y originY: Int, mode: Mode) {
        for row in 0..<height {
            for column in 0..<width where bits[row * width + column] != 0 {
                grid.put(glyph(column: column, row: row, mode: mode), x: originX + column, y: originY + row, style: styles[row * width + column])
            }
        }
    }
}
