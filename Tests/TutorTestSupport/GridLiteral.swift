import Testing
import TutorRender

/// Expected grids written in the test itself, as ratatui's `Buffer::with_lines`: one string per
/// row, each exactly as wide as the grid (or area) in display columns, Hangul counting two.
/// A mismatch reads row by row, with a caret under the first differing column and the actual
/// grid printed as a literal to paste once it has been checked by eye.
///
///     expectGrid(grid, [
///         "┌ 제목 ─┐",
///         "└───────┘",
///     ])
///     expectRoles(grid, ["  ss    "], ["s": .timer])
public enum GridLiteral {
    /// The text of each row of `area` (default: the whole grid), continuation cells skipped.
    /// Half a wide glyph cut by the area's edge reads as a blank, so a row is always as wide
    /// as the area.
    public static func rows(of grid: CellGrid, in area: Rect? = nil) -> [String] {
        let r = (area ?? grid.bounds).intersection(grid.bounds)
        guard !r.isEmpty else { return [] }
        return (r.y..<r.maxY).map { y in
            var row = ""
            for x in r.x..<r.maxX {
                let cell = grid[x, y]
                if cell.isContinuation { if x == r.x { row += " " }; continue }
                row += cell.width == 2 && x == r.maxX - 1 ? " " : cell.grapheme
            }
            return row
        }
    }

    /// nil when `area` of `grid` reads as `expected`; otherwise what differs.
    public static func mismatch(_ grid: CellGrid, _ expected: [String], in area: Rect? = nil) -> String? {
        let r = (area ?? grid.bounds).intersection(grid.bounds)
        let actual = rows(of: grid, in: r)
        var problems: [String] = []
        if expected.count != actual.count {
            problems.append("the literal has \(expected.count) rows, the \(area == nil ? "grid" : "area \(r)") \(actual.count)")
        }
        for (i, row) in expected.enumerated() where TextWidth.width(of: row) != r.width {
            problems.append("literal row \(i) is \(TextWidth.width(of: row)) columns wide, not \(r.width)")
        }
        var rowDiffs: [String] = []
        for i in 0..<max(expected.count, actual.count) {
            let e = i < expected.count ? expected[i] : nil, a = i < actual.count ? actual[i] : nil
            guard e != a else { continue }
            var text = "  row \(i)\n    expected: \(e.map { "|\($0)|" } ?? "<none>")\n    actual:   \(a.map { "|\($0)|" } ?? "<none>")\n"
            if let e, let a, let column = firstDifference(e, a) {
                text += "               " + String(repeating: " ", count: column) + "^ column \(column)\n"
            }
            rowDiffs.append(text)
        }
        if problems.isEmpty && rowDiffs.isEmpty { return nil }
        var out = "grid \(area == nil ? "" : "area \(r) ")differs from the literal:\n"
        for p in problems { out += "  \(p)\n" }
        out += rowDiffs.joined()
        out += "actual, as a literal:\n" + literal(actual)
        return out
    }

    /// nil when every cell marked in `mask` has the role its mark names in `roles`; a space
    /// (or a column past the end of a mask row) is not checked. One mask character per column.
    public static func roleMismatch(_ grid: CellGrid, _ mask: [String], _ roles: [Character: Role], in area: Rect? = nil) -> String? {
        let r = (area ?? grid.bounds).intersection(grid.bounds)
        var out: [String] = []
        for (dy, maskRow) in mask.enumerated() {
            for (dx, mark) in maskRow.enumerated() where mark != " " {
                guard let role = roles[mark] else { out.append("  mask row \(dy): '\(mark)' names no role"); continue }
                let x = r.x + dx, y = r.y + dy
                guard x < r.maxX, y < r.maxY else { out.append("  mask (\(dx),\(dy)) lies outside \(r)"); continue }
                let cell = grid[x, y]
                if cell.style.role != role {
                    out.append("  (\(dx),\(dy)) '\(cell.grapheme)': expected \(role), found \(cell.style.role)")
                }
            }
        }
        return out.isEmpty ? nil : "cell roles differ (columns and rows from the area's corner):\n" + out.joined(separator: "\n")
    }

    /// nil when every cell of `grid` outside `area` is a plain blank (nothing drawn there, not
    /// even a styled space); otherwise the first few cells that were touched.
    public static func touchedOutside(_ grid: CellGrid, _ area: Rect) -> String? {
        var touched: [String] = []
        for y in 0..<grid.height {
            for x in 0..<grid.width where !(x >= area.x && x < area.maxX && y >= area.y && y < area.maxY) {
                if grid[x, y] != .blank { touched.append("(\(x),\(y)) '\(grid[x, y].grapheme)' \(grid[x, y].style.role)") }
            }
        }
        guard !touched.isEmpty else { return nil }
        return "\(touched.count) cells drawn outside \(area): " + touched.prefix(8).joined(separator: ", ")
            + "\nwhole grid, as a literal:\n" + literal(rows(of: grid))
    }

    /// Rows as Swift source, ready to paste into a test.
    public static func literal(_ rows: [String]) -> String {
        "[\n" + rows.map { "    \"\($0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\"," }.joined(separator: "\n") + "\n]\n"
    }

    /// Display column of the first character that differs.
    static func firstDifference(_ a: String, _ b: String) -> Int? {
        var column = 0
        var i = a.makeIterator(), j = b.makeIterator()
        while true {
            let x = i.next(), y = j.next()
            if x == nil && y == nil { return nil }
            if x != y { return column }
            column += TextWidth.width(of: x!)
        }
    }
}

/// Expects `grid` (or its `area`) to read as `rows`; see `GridLiteral`.
public func expectGrid(_ grid: CellGrid, _ rows: [String], area: Rect? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
    if let diff = GridLiteral.mismatch(grid, rows, in: area) { Issue.record(Comment(rawValue: diff), sourceLocation: sourceLocation) }
}

/// Expects the cells marked in `mask` to have the roles their marks name.
public func expectRoles(_ grid: CellGrid, _ mask: [String], _ roles: [Character: Role], area: Rect? = nil,
                        sourceLocation: SourceLocation = #_sourceLocation) {
    if let diff = GridLiteral.roleMismatch(grid, mask, roles, in: area) { Issue.record(Comment(rawValue: diff), sourceLocation: sourceLocation) }
}

/// Expects nothing drawn outside `area`.
public func expectBlank(_ grid: CellGrid, outside area: Rect, sourceLocation: SourceLocation = #_sourceLocation) {
    if let diff = GridLiteral.touchedOutside(grid, area) { Issue.record(Comment(rawValue: diff), sourceLocation: sourceLocation) }
}
