import TutorCore
import TutorRender

/// `?`: every binding of the top screen's current keymap and the global ones, from the same
/// table that drives the keys, in a centred box.
enum HelpOverlay {
    static func sections(_ top: Screen) -> [(Localized, [KeyBinding])] {
        // While text is typed only the keys that still act are listed.
        let global = top.capturesText ? KeyBindings.globalWhileTyping : KeyBindings.global
        return [(top.helpSection, top.bindings.filter(\.inHelp)), (UIText.globalSection, global)]
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

    static func render(_ top: Screen, _ state: AppContext, into grid: inout CellGrid) {
        var width = min(64, grid.width - 4)
        var body = lines(top, state)
        var notes = note(top, state, width: width - 4)
        // Too many keys for one column (the cwnd lab at 24 rows): two columns side by side, a
        // long label wrapped under itself rather than cut; the note spans both.
        var second: [Line] = []
        if body.count + notes.count + (notes.isEmpty ? 0 : 1) + 4 > grid.height {
            width = min(grid.width - 2, 110)
            body = lines(top, state, width: (width - 4) / 2)
            let half = (body.count + 1) / 2
            second = Array(body[half...]); body = Array(body[..<half])
            notes = note(top, state, width: width - 4)
        }
        let keyRows = max(body.count, second.count)
        let height = min(grid.height - 2, keyRows + (notes.isEmpty ? 0 : notes.count + 1) + 4)
        let area = grid.bounds.centered(width: width, height: height)
        let inner = Box(title: UIText.helpTitle[state.language], style: Style(.accent)).render(into: &grid, area: area, glyphs: state.glyphs)
        let column = second.isEmpty ? inner.width - 2 : (inner.width - 2) / 2
        Paragraph(lines: body).render(into: &grid, area: Rect(x: inner.x + 1, y: inner.y, width: column, height: inner.height - 1))
        if !second.isEmpty {
            Paragraph(lines: second).render(into: &grid, area: Rect(x: inner.x + 1 + column, y: inner.y, width: max(0, inner.maxX - inner.x - 2 - column), height: inner.height - 1))
        }
        if !notes.isEmpty {
            let y = inner.y + keyRows + 1
            Paragraph(lines: notes).render(into: &grid, area: Rect(x: inner.x + 1, y: y, width: inner.width - 2, height: max(0, inner.maxY - 1 - y)))
        }
        let close = UIText.helpClose[state.language]
        grid.put(close, x: inner.maxX - TextWidth.width(of: close) - 1, y: inner.maxY - 1, style: Style(.dim))
    }
}
