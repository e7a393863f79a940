import TutorCore
import TutorRender

/// `?`: every binding of the top screen's current keymap and the global ones, from the same
/// table that drives the keys, in a centred box.
enum HelpOverlay {
    static func sections(_ top: Screen) -> [(Localized, [KeyBinding])] {
        // While text is typed only the keys that still act are listed.
        let global = top.capturesText ? KeyBindings.globalWhileTyping : KeyBindings.global
        return top.helpSections.map { ($0.title, $0.bindings.filter(\.inHelp)) }.filter { !$0.1.isEmpty } + [(UIText.globalSection, global)]
    }

    /// The keys, section by section; a label longer than `width` allows wraps under itself.
    static func lines(_ top: Screen, _ state: AppContext, width: Int = .max) -> [Line] {
        let language = state.language
        var out: [Line] = []
        let rows = sections(top).map { title, bindings in
            (title, bindings.map { b in (KeyBindings.keyText(b, ascii: state.ascii, separator: " / ", all: true), b.label[language]) })
        }
        let keyWidth = rows.flatMap { $0.1.map { TextWidth.width(of: $0.0) } }.max() ?? 8
        for (i, (title, entries)) in rows.enumerated() {
            if i > 0 { out.append([]) }
            out.append([Span(title[language], Style(.heading, bold: true))])
            for (keys, label) in entries {
                let indent = keyWidth + 4
                let pieces = width == .max ? [label] : Wrap.wrap(label, width: max(8, width - indent)).map(\.plainText)
                for (k, piece) in pieces.enumerated() {
                    out.append([Span("  " + TextWidth.pad(k == 0 ? keys : "", to: keyWidth), Style(.keyHint, bold: true)), Span("  " + piece)])
                }
            }
        }
        return out
    }

    /// The screen's note (what its marks mean), wrapped to the box.
    static func note(_ top: Screen, _ state: AppContext, width: Int) -> [Line] {
        top.helpNote.map { Wrap.wrap($0[state.language], width: width, style: Style(.dim)) } ?? []
    }

    /// What the box holds, laid out for a grid: its area, the key rows (one or two columns)
    /// and the note rows under them, all scrolled together.
    struct Layout {
        var area: Rect
        /// Each row: the left column's line and, in two-column mode, the right one's.
        var rows: [(Line, Line?)]
        /// Rows visible at once (the box's inner height less the close line).
        var visible: Int
        var maxScroll: Int { max(0, rows.count - visible) }
    }

    static func layout(_ top: Screen, _ state: AppContext, size: Size) -> Layout {
        var width = min(64, size.width - 4)
        var body = lines(top, state)
        var notes = note(top, state, width: width - 4)
        // Too many keys for one column (the cwnd lab at 24 rows): two columns side by side, a
        // long label wrapped under itself rather than cut; the note spans both.
        var second: [Line] = []
        if body.count + notes.count + (notes.isEmpty ? 0 : 1) + 4 > size.height {
            width = min(size.width - 2, 110)
            body = lines(top, state, width: (width - 4) / 2)
            var half = (body.count + 1) / 2
            // Never split a wrapped label from its key: a continuation row has a blank key column.
            while half < body.count, body[half].count == 2, body[half][0].text.allSatisfy({ $0 == " " }) { half += 1 }
            second = Array(body[half...]); body = Array(body[..<half])
            notes = note(top, state, width: width - 4)
        }
        var rows: [(Line, Line?)] = (0..<max(body.count, second.count)).map { i in
            (i < body.count ? body[i] : [], second.isEmpty ? nil : (i < second.count ? second[i] : []))
        }
        if !notes.isEmpty { rows.append(([], nil)); rows += notes.map { ($0, nil) } }
        let height = min(size.height - 2, rows.count + 4)
        let area = Rect(x: 0, y: 0, width: size.width, height: size.height).centered(width: width, height: height)
        return Layout(area: area, rows: rows, visible: max(1, height - 3))
    }

    /// The scroll position kept inside what there is to scroll.
    static func clamp(_ scroll: Int, _ top: Screen, _ state: AppContext) -> Int {
        min(max(0, scroll), layout(top, state, size: state.size).maxScroll)
    }

    static func render(_ top: Screen, _ state: AppContext, scroll: Int = 0, into grid: inout CellGrid) {
        let l = layout(top, state, size: Size(width: grid.width, height: grid.height))
        let scroll = min(max(0, scroll), l.maxScroll)
        let inner = Box(title: UIText.helpTitle[state.language], style: Style(.accent)).render(into: &grid, area: l.area, glyphs: state.glyphs)
        let twoColumns = l.rows.contains { $0.1 != nil }
        let column = twoColumns ? (inner.width - 2) / 2 : inner.width - 2
        for (row, (left, right)) in l.rows.dropFirst(scroll).prefix(l.visible).enumerated() {
            let y = inner.y + row
            // A note row (no right column) spans the whole box.
            let leftWidth = right == nil ? inner.width - 2 : column
            grid.put(left, x: inner.x + 1, y: y, clip: Rect(x: inner.x + 1, y: y, width: leftWidth, height: 1))
            if let right { grid.put(right, x: inner.x + 1 + column, y: y, clip: Rect(x: inner.x + 1 + column, y: y, width: max(0, inner.maxX - inner.x - 2 - column), height: 1)) }
        }
        let glyphs = state.glyphs
        if scroll > 0 { grid.put(glyphs.arrowUp, x: l.area.maxX - 1, y: inner.y, style: Style(.accent, bold: true)) }
        if scroll < l.maxScroll { grid.put(glyphs.arrowDown, x: l.area.maxX - 1, y: inner.y + l.visible - 1, style: Style(.accent, bold: true)) }
        // Say how to scroll only when there is more than fits.
        let close = (l.maxScroll > 0 ? UIText.helpScroll(glyphs) : UIText.helpClose)[state.language]
        grid.put(close, x: inner.maxX - TextWidth.width(of: close) - 1, y: inner.maxY - 1, style: Style(.dim))
    }
}
