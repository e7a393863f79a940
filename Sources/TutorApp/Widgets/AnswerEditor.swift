import TutorRender

/// A multi-line answer field: the text wrapped to the area (`TextInput.layout`), each row
/// underlined so the field's extent shows, scrolled so the cursor's row is always inside, the
/// terminal cursor placed on it, and ↑/↓ at the right edge when lines are hidden above or below.
struct AnswerEditor: Sendable {
    var input: TextInput
    var glyphs: Glyphs

    /// The first line shown: the cursor's line stays on screen.
    static func top(_ layout: TextInput.Layout, height: Int) -> Int {
        max(0, layout.cursorLine - height + 1)
    }

    func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        let layout = input.layout(width: area.width)
        let top = Self.top(layout, height: area.height)
        let field = Style(.normal, underline: true)
        for row in 0..<area.height {
            let y = area.y + row
            grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: field)
            let k = top + row
            guard layout.lines.indices.contains(k) else { continue }
            grid.put(String(input.characters[layout.lines[k]]), x: area.x, y: y, style: field, clip: area)
        }
        if top > 0 { grid.put(glyphs.arrowUp, x: area.x + area.width - 1, y: area.y, style: Style(.dim, underline: true)) }
        if top + area.height < layout.lines.count {
            grid.put(glyphs.arrowDown, x: area.x + area.width - 1, y: area.y + area.height - 1, style: Style(.dim, underline: true))
        }
        grid.cursor = (area.x + min(layout.cursorColumn, area.width - 1), area.y + layout.cursorLine - top)
    }
}
