/// Wrapped, styled text in a rectangle, starting `scroll` lines down.
public struct Paragraph: Sendable {
    public var lines: [Line]
    public var scroll: Int

    public init(_ spans: Line, width: Int, scroll: Int = 0) {
        self.lines = Wrap.wrap(spans, width: width); self.scroll = scroll
    }
    public init(lines: [Line], scroll: Int = 0) { self.lines = lines; self.scroll = scroll }

    public func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        for row in 0..<area.height {
            let i = scroll + row
            guard i >= 0, i < lines.count else { continue }
            grid.put(lines[i], x: area.x, y: area.y + row, clip: area)
        }
    }
}

/// A bordered box with an optional title in the top edge.
public struct Box: Sendable {
    public var title: String?
    public var style: Style
    public var titleStyle: Style

    public init(title: String? = nil, style: Style = Style(.border), titleStyle: Style = Style(.title, bold: true)) {
        self.title = title; self.style = style; self.titleStyle = titleStyle
    }

    /// Draws the frame and returns the inner area.
    @discardableResult
    public func render(into grid: inout CellGrid, area: Rect, glyphs: Glyphs) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        grid.fill(area)
        let top = area.y, bottom = area.maxY - 1, left = area.x, right = area.maxX - 1
        for x in (left + 1)..<right {
            grid.put(glyphs.horizontal, x: x, y: top, style: style)
            grid.put(glyphs.horizontal, x: x, y: bottom, style: style)
        }
        for y in (top + 1)..<bottom {
            grid.put(glyphs.vertical, x: left, y: y, style: style)
            grid.put(glyphs.vertical, x: right, y: y, style: style)
        }
        grid.put(glyphs.topLeft, x: left, y: top, style: style)
        grid.put(glyphs.topRight, x: right, y: top, style: style)
        grid.put(glyphs.bottomLeft, x: left, y: bottom, style: style)
        grid.put(glyphs.bottomRight, x: right, y: bottom, style: style)
        if let title, area.width > 6 {
            let text = TextWidth.truncate(" \(title) ", to: area.width - 4, ellipsis: glyphs.ellipsis)
            grid.put(text, x: left + 2, y: top, style: titleStyle, clip: area)
        }
        return area.inset(by: 1)
    }
}

/// A scrolling list with one selected row.
public struct ListView: Sendable {
    public var items: [Line]
    public var selected: Int?
    public var offset: Int

    public init(items: [Line], selected: Int?, offset: Int) {
        self.items = items; self.selected = selected; self.offset = offset
    }

    /// The scroll offset that keeps `selected` visible in `visible` rows, moving as little as
    /// possible from `current`.
    public static func offset(keeping selected: Int?, visible: Int, current: Int, count: Int) -> Int {
        guard visible > 0, count > visible else { return 0 }
        var o = min(max(0, current), count - visible)
        if let s = selected {
            if s < o { o = s }
            if s >= o + visible { o = s - visible + 1 }
        }
        return o
    }

    public func render(into grid: inout CellGrid, area: Rect, selectedStyle: Style = Style(.selection, reverse: true)) {
        guard !area.isEmpty else { return }
        for row in 0..<area.height {
            let i = offset + row
            guard i < items.count else { break }
            let y = area.y + row
            grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1))
            grid.put(items[i], x: area.x, y: y, clip: area)
            if i == selected {
                grid.restyle(Rect(x: area.x, y: y, width: area.width, height: 1)) { style in
                    style.reverse = true
                    if style.role == .normal || style.role == .dim { style.role = selectedStyle.role }
                }
            }
        }
    }
}

/// A GFM table laid out to at most `maxWidth` columns: columns shrink (widest first) and cell
/// text wraps inside its column, so Hangul cells stay aligned however narrow the screen.
public struct TableLayout: Sendable {
    public var header: [Line]
    public var rows: [[Line]]
    public var alignments: [Alignment]

    public enum Alignment: Sendable, Hashable { case left, center, right }

    public init(header: [Line], rows: [[Line]], alignments: [Alignment]) {
        self.header = header; self.rows = rows; self.alignments = alignments
    }

    public func lines(maxWidth: Int, glyphs: Glyphs, borderStyle: Style = Style(.border), headerStyle: Style = Style(.heading, bold: true)) -> [Line] {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return [] }
        func cell(_ row: [Line], _ c: Int) -> Line { c < row.count ? row[c] : [] }
        let all = [header] + rows
        var widths = (0..<columns).map { c in max(1, all.map { cell($0, c).width }.max() ?? 1) }
        // Each column costs its width + 2 padding + 1 border, plus the leading border.
        let budget = maxWidth - (3 * columns + 1)
        let minWidth = 3
        // Shrink columns that can wrap at spaces first (down to their longest word), widest
        // first; only then break words. Keeps "브로드캐스트/멀티캐스트" whole when possible.
        let longestWord = (0..<columns).map { c in
            all.map { row in
                cell(row, c).plainText.split(separator: " ").map { TextWidth.width(of: $0) }.max() ?? 0
            }.max() ?? 0
        }
        while widths.reduce(0, +) > budget {
            let soft = widths.indices.filter { widths[$0] > max(minWidth, longestWord[$0]) }
            let pool = soft.isEmpty ? widths.indices.filter { widths[$0] > minWidth } : soft
            guard let widest = pool.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
        }

        func rule(_ l: String, _ m: String, _ r: String) -> Line {
            var s = l
            for (i, w) in widths.enumerated() {
                s += String(repeating: glyphs.horizontal, count: w + 2)
                s += i == widths.count - 1 ? r : m
            }
            return [Span(s, borderStyle)]
        }
        func rowLines(_ row: [Line], bold: Bool) -> [Line] {
            let wrapped: [[Line]] = (0..<columns).map { c in
                var spans = cell(row, c)
                if bold { spans = spans.map { Span($0.text, Style($0.style.role == .normal ? headerStyle.role : $0.style.role, bold: true)) } }
                return Wrap.wrap(spans, width: widths[c])
            }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { r in
                var line: Line = [Span(glyphs.vertical, borderStyle)]
                for c in 0..<columns {
                    let content = r < wrapped[c].count ? wrapped[c][r] : []
                    let gap = max(0, widths[c] - content.width)
                    let align = c < alignments.count ? alignments[c] : .left
                    let (lead, trail) = align == .right ? (gap, 0) : align == .center ? (gap / 2, gap - gap / 2) : (0, gap)
                    line.append(Span(" " + String(repeating: " ", count: lead)))
                    line += content
                    line.append(Span(String(repeating: " ", count: trail) + " "))
                    line.append(Span(glyphs.vertical, borderStyle))
                }
                return line
            }
        }
        var out = [rule(glyphs.topLeft, glyphs.teeDown, glyphs.topRight)]
        out += rowLines(header, bold: true)
        out.append(rule(glyphs.teeRight, glyphs.cross, glyphs.teeLeft))
        for row in rows { out += rowLines(row, bold: false) }
        out.append(rule(glyphs.bottomLeft, glyphs.teeUp, glyphs.bottomRight))
        return out
    }
}

/// The key-help bar at the bottom of a screen: "key label" pairs, as many as fit. When not
/// all fit, the lowest-priority entries (the highest `priority` number) go first, so the
/// essential keys stay at any width; the rest keep their order.
public struct KeyHelpBar: Sendable {
    public var entries: [(key: String, label: String, priority: Int)]
    public init(_ entries: [(key: String, label: String)]) { self.entries = entries.map { ($0.key, $0.label, 0) } }
    public init(prioritized entries: [(key: String, label: String, priority: Int)]) { self.entries = entries }

    static func pieceWidth(_ e: (key: String, label: String, priority: Int)) -> Int {
        TextWidth.width(of: e.key) + 1 + TextWidth.width(of: e.label) + 2
    }

    /// Which entries fit in `width`: by priority, then in order.
    public func kept(width: Int) -> [Int] {
        var used = 0, kept: [Int] = []
        for i in entries.indices.sorted(by: { (entries[$0].priority, $0) < (entries[$1].priority, $1) }) {
            let piece = Self.pieceWidth(entries[i])
            if used + piece - 2 > width { continue }  // the last entry's trailing gap may be cut
            used += piece
            kept.append(i)
        }
        return kept.sorted()
    }

    public func line(width: Int) -> Line {
        var line: Line = []
        for i in kept(width: width) {
            line.append(Span(entries[i].key, Style(.keyHint, bold: true)))
            line.append(Span(" " + entries[i].label + "  ", Style(.dim)))
        }
        return line
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        grid.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1))
        grid.put(line(width: area.width), x: area.x, y: area.y, clip: area)
    }
}

/// A horizontal bar showing a fraction, e.g. reading position.
public struct ProgressBar: Sendable {
    public var fraction: Double
    public init(fraction: Double) { self.fraction = min(1, max(0, fraction)) }

    public func line(width: Int, glyphs: Glyphs) -> Line {
        guard width > 0 else { return [] }
        let filled = Int((fraction * Double(width)).rounded())
        return [Span(String(repeating: glyphs.heavyHorizontal, count: filled), Style(.accent)),
                Span(String(repeating: glyphs.horizontal, count: width - filled), Style(.dim))]
    }
}
