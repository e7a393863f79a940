import TutorCore
import TutorRender

extension ReaderScreen {
    static func render(_ r: State, _ state: AppContext, into grid: inout CellGrid, area: Rect) {
        let glyphs = state.glyphs
        let title = r.lesson?.meta.title ?? state.catalog.meta(id: r.lessonID, language: r.language)?.title ?? r.lessonID
        let lines = r.lines(size: state.size, glyphs: glyphs)
        let view = State.viewHeight(state.size)
        let maxTop = r.maxTop(lines.count, size: state.size)
        let percent = lines.isEmpty ? 0 : (maxTop == 0 ? 100 : r.top * 100 / maxTop)
        renderTitleBar(state, into: &grid, title: title, right: r.lesson == nil ? "" : "\(percent)%")

        // Reading progress across the second row.
        let fraction = lines.isEmpty ? 0 : Double(min(lines.count, r.top + view)) / Double(lines.count)
        grid.put(ProgressBar(fraction: fraction).line(width: grid.width, glyphs: glyphs), x: 0, y: 1)

        let width = State.textWidth(state.size)
        let x = max(2, (grid.width - width) / 2)
        let text = Rect(x: x, y: 2, width: width, height: view)
        let hits = r.hits(size: state.size, glyphs: glyphs)
        if r.lesson == nil {
            grid.put(UIText.loading[state.language], x: x, y: 3, style: Style(.dim))
        } else {
            Paragraph(lines: lines.map(\.line), scroll: r.top).render(into: &grid, area: text)
            if r.top + view >= lines.count, lines.count < r.top + view {
                let y = text.y + lines.count - r.top
                if y < text.maxY {
                    grid.put("\(glyphs.horizontal) \(UIText.end[state.language]) \(glyphs.horizontal)", x: x, y: y, style: Style(.dim))
                }
            }
            markScene(r, lines, text, glyphs, into: &grid)
            highlight(hits, current: r.currentHit, top: r.top, in: text, into: &grid)
        }
        if case .contents(let selected) = r.mode, let lesson = r.lesson {
            renderContents(ReaderFind.contents(lesson), selected: selected, state, into: &grid)
        }

        let lastLine = min(lines.count, r.top + view)
        var right = lines.isEmpty ? "" : "\(r.top + 1)-\(lastLine)/\(lines.count)"
        if !r.query.isEmpty {
            let count = hits.isEmpty ? "0/0" : "\(min(r.currentHit ?? 0, hits.count - 1) + 1)/\(hits.count)"
            right = r.mode == .typingQuery ? count : "\(count)  \(right)"
        }
        if r.mode == .typingQuery, state.message == nil {
            renderPrompt(r.query, right: right, state, into: &grid)
        } else {
            renderBottomBar(state, into: &grid, bindings: bindings(r), includeGlobal: !capturesText(r), right: right)
        }
    }

    /// The scene card Enter plays gets a pointer in the margin, and its title row is reversed
    /// when another card is on screen too (the choice matters only then).
    static func markScene(_ r: State, _ lines: [LaidLine], _ text: Rect, _ glyphs: Glyphs, into grid: inout CellGrid) {
        guard let block = r.playableScene, let first = lines.firstIndex(where: { $0.block == block && !$0.line.isEmpty }) else { return }
        let row = max(first, r.top)
        let y = text.y + row - r.top
        guard y < text.maxY else { return }
        grid.put(glyphs.pointer, x: text.x - 2, y: y, style: Style(.accent, bold: true))
        if r.scenesInView.count > 1, first >= r.top {
            grid.restyle(Rect(x: text.x, y: y, width: lines[first].line.width, height: 1)) { $0.reverse = true; $0.bold = true }
        }
    }

    /// Search hits in reverse video; the current one also bold and underlined (visible without colour).
    static func highlight(_ hits: [SearchHit], current: Int?, top: Int, in text: Rect, into grid: inout CellGrid) {
        for (i, hit) in hits.enumerated() where hit.line >= top && hit.line < top + text.height {
            let isCurrent = i == current
            grid.restyle(Rect(x: text.x + hit.column, y: text.y + hit.line - top, width: hit.width, height: 1).intersection(text)) { style in
                style.reverse = true
                if isCurrent { style.bold = true; style.underline = true; style.role = .warning }
            }
        }
    }

    /// The search line while typing, in place of the key bar (like `less`).
    static func renderPrompt(_ query: String, right: String, _ state: AppContext, into grid: inout CellGrid) {
        let y = grid.height - 1
        grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1))
        var x = 1 + grid.put(UIText.searchPrompt[state.language], x: 1, y: y, style: Style(.accent, bold: true))
        x += grid.put(query, x: x, y: y, style: Style(.normal, underline: true))
        grid.cursor = (x, y)
        let hint = UIText.searchHint[state.language]
        let rw = TextWidth.width(of: right)
        if x + TextWidth.width(of: hint) + rw + 4 < grid.width { grid.put(hint, x: x + 2, y: y, style: Style(.dim)) }
        grid.put(right, x: grid.width - rw - 1, y: y, style: Style(.accent, bold: true))
    }

    /// The table of contents: a box over the lesson listing its headings, indented by level.
    static func renderContents(_ entries: [ContentsEntry], selected: Int, _ state: AppContext, into grid: inout CellGrid) {
        let glyphs = state.glyphs
        let width = min(64, grid.width - 4)
        let height = min(entries.count + 2, grid.height - 4)
        let box = grid.bounds.centered(width: width, height: height)
        let inner = Box(title: UIText.contentsTitle[state.language], style: Style(.accent)).render(into: &grid, area: box, glyphs: glyphs)
        let items: [Line] = entries.map { e in
            let indent = String(repeating: "  ", count: max(0, e.level - 1))
            return [Span(" " + indent + TextWidth.truncate(e.title, to: max(1, inner.width - 2 - TextWidth.width(of: indent)), ellipsis: glyphs.ellipsis),
                         Style(e.level <= 2 ? .heading : .normal, bold: e.level <= 2))]
        }
        let offset = ListView.offset(keeping: selected, visible: inner.height, current: 0, count: items.count)
        ListView(items: items, selected: selected, offset: offset).render(into: &grid, area: inner)
        if offset > 0 { grid.put(glyphs.arrowUp, x: inner.maxX, y: inner.y, style: Style(.accent)) }
        if offset + inner.height < items.count { grid.put(glyphs.arrowDown, x: inner.maxX, y: inner.maxY - 1, style: Style(.accent)) }
    }
}
