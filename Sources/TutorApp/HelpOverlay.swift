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

    static func lines(_ top: Screen, _ state: AppContext, width: Int) -> [Line] {
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
                out.append([Span("  " + TextWidth.pad(keys, to: keyWidth), Style(.keyHint, bold: true)), Span("  " + label)])
            }
        }
        if let note = top.helpNote {
            out.append([])
            out += Wrap.wrap(note[language], width: width, style: Style(.dim))
        }
        return out
    }

    static func render(_ top: Screen, _ state: AppContext, into grid: inout CellGrid) {
        var width = min(64, grid.width - 4)
        var body = lines(top, state, width: width - 4)
        // Too many keys for one column (the cwnd lab at 24 rows): two columns side by side.
        var second: [Line] = []
        if body.count + 4 > grid.height {
            width = min(grid.width - 2, 110)
            body = lines(top, state, width: width / 2 - 4)
            let half = (body.count + 1) / 2
            second = Array(body[half...]); body = Array(body[..<half])
        }
        let height = min(grid.height - 2, body.count + 4)
        let area = grid.bounds.centered(width: width, height: height)
        let inner = Box(title: UIText.helpTitle[state.language], style: Style(.accent)).render(into: &grid, area: area, glyphs: state.glyphs)
        let column = second.isEmpty ? inner.width - 2 : inner.width / 2 - 1
        Paragraph(lines: body).render(into: &grid, area: Rect(x: inner.x + 1, y: inner.y, width: column, height: inner.height - 1))
        if !second.isEmpty {
            Paragraph(lines: second).render(into: &grid, area: Rect(x: inner.x + 2 + column, y: inner.y, width: inner.maxX - inner.x - 3 - column, height: inner.height - 1))
        }
        let close = UIText.helpClose[state.language]
        grid.put(close, x: inner.maxX - TextWidth.width(of: close) - 1, y: inner.maxY - 1, style: Style(.dim))
    }
}
