/// An immediate-mode frame: screens draw into it, the back end presents it by diff.
/// Rules (DESIGN §3): overwriting either half of a wide cell blanks both halves; a wide glyph
/// that does not fit before the clip edge becomes a blank.
public struct CellGrid: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (text input), or nil to hide it.
    public var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set { cursorX = newValue?.x; cursorY = newValue?.y ?? 0 }
    }
    private var cursorX: Int?
    private var cursorY: Int = 0

    public init(width: Int, height: Int) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
    }

    /// Writes one grapheme at (x, y), clipped to `clip`. Returns the columns it advanced (0 when
    /// nothing could be written). A cluster of several spacing scalars (a flag, a ZWJ sequence)
    /// takes one cell per scalar, as the terminal advances (TextWidth.cellPieces).
    @discardableResult
    public mutating func put(_ character: Character, x: Int, y: Int, style: Style, clip: Rect? = nil) -> Int {
        // A control character (from an id or a file name) is drawn as its visible escape.
        if character.unicodeScalars.contains(where: TerminalText.needsEscape) {
            return put(TerminalText.escaped(String(character)), x: x, y: y, style: style, clip: clip)
        }
        let clip = (clip ?? bounds).intersection(bounds)
        guard y >= clip.y, y < clip.maxY, x >= clip.x, x < clip.maxX else { return 0 }
        if character.unicodeScalars.count == 1 {  // the common case: no splitting
            return putPiece(String(character), width: TextWidth.width(of: character), x: x, y: y, style: style, clip: clip)
        }
        var cx = x
        for piece in TextWidth.cellPieces(of: character) {
            guard cx < clip.maxX else { break }
            cx += putPiece(piece.text, width: piece.width, x: cx, y: y, style: style, clip: clip)
        }
        return cx - x
    }

    private mutating func putPiece(_ text: String, width w: Int, x: Int, y: Int, style: Style, clip: Rect) -> Int {
        if w == 0 { return 0 }  // combining marks never stand alone in a cell
        if w == 2 && x + 1 >= clip.maxX {
            setCell(x: x, y: y, Cell(" ", style: style))  // wide glyph does not fit: blank
            return 1
        }
        setCell(x: x, y: y, Cell(text, width: UInt8(w), style: style))
        if w == 2 { setCell(x: x + 1, y: y, Cell("", width: 0, style: style)) }
        return w
    }

    /// Writes a string starting at (x, y) without wrapping; returns the columns written.
    @discardableResult
    public mutating func put(_ string: some StringProtocol, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        if string.unicodeScalars.contains(where: TerminalText.needsEscape) {
            return put(TerminalText.escaped(String(string)), x: x, y: y, style: style, clip: clip)
        }
        let area = (clip ?? bounds).intersection(bounds)
        var cx = x
        for c in string {
            if cx >= area.maxX { break }
            // Left of the clip the text still takes its columns, so what follows lands in place.
            if cx < area.x {
                let w = TextWidth.width(of: c)
                if w == 2, cx + 1 == area.x, y >= area.y, y < area.maxY { setCell(x: area.x, y: y, Cell(" ", style: style)) }  // half a wide glyph: blank
                cx += w
                continue
            }
            cx += put(c, x: cx, y: y, style: style, clip: clip)
        }
        return cx - x
    }

    /// Writes spans left to right; returns the columns written.
    @discardableResult
    public mutating func put(_ line: Line, x: Int, y: Int, clip: Rect? = nil) -> Int {
        var cx = x
        for span in line { cx += put(span.text, x: cx, y: y, style: span.style, clip: clip) }
        return cx - x
    }

    /// Fills a rectangle with blanks in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { setCell(x: x, y: y, Cell(" ", style: style)) } }
    }

    /// Changes the style of existing cells (e.g. to highlight a selected row).
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { change(&cells[y * width + x].style) } }
    }

    /// The single place a cell changes, so the wide-cell invariant cannot be bypassed.
    private mutating func setCell(x: Int, y: Int, _ cell: Cell) {
        let i = y * width + x
        let old = cells[i]
        if old.width == 2, x + 1 < width { cells[i + 1] = Cell(" ", style: cells[i + 1].style) }
        if old.width == 0, x > 0 { cells[i - 1] = Cell(" ", style: cells[i - 1].style) }
        cells[i] = cell
    }

    public static func == (a: CellGrid, b: CellGrid) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursorX == b.cursorX && a.cursorY == b.cursorY
    }
    public func hash(into h: inout Hasher) { h.combine(width); h.combine(height); h.combine(cells) }

    /// The grid as text: `size WxH`, then each row quoted. Wide glyphs appear once (their
    /// continuation cell is skipped), so a row's column count is its display width.
    public func snapshotText() -> String {
        var out = "size \(width)x\(height)\n"
        for y in 0..<height {
            var row = ""
            for x in 0..<width {
                let c = cells[y * width + x]
                if !c.isContinuation { row += c.grapheme }
            }
            out += "\"\(row)\"\n"
        }
        return out
    }

    /// One row's text (continuations skipped), handy for tests.
    public func rowText(_ y: Int) -> String {
        var row = ""
        for x in 0..<width where !cells[y * width + x].isContinuation { row += cells[y * width + x].grapheme }
        return row
    }
}
