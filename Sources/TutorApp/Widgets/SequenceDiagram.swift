import NetSim
import TutorCore
import TutorRender

/// The sequence diagram: one lifeline per endpoint, time running down, each message a line
/// from its send to its arrival (drawn as far as it has got, ✕ where it is lost), states and
/// timers in the margins. It draws a `DiagramLayout` as of `time`, events up to `cursor`:
/// nothing later is drawn, so predict mode can ask about it.
struct SequenceDiagram {
    var trace: Trace
    var layout: DiagramLayout
    /// Displayed simulation time in ms.
    var time: Double
    /// Index of the current event (-1: before the first); later events are not drawn.
    var cursor: Int
    /// The send event whose label is hidden (predict mode asks for it).
    var hiddenLabel: Int?
    var glyphs: Glyphs
    var language: Language

    /// The first layout row on screen: the current row two thirds down, as far as the trace allows.
    func top(height: Int) -> Int {
        let current = Int(layout.row(of: time).rounded())
        return max(0, min(current - height * 2 / 3, layout.rowCount - height))
    }

    func render(into grid: inout CellGrid, area: Rect) {
        guard area.height > 2, area.width > 10 else { return }
        let top = top(height: area.height)
        func y(_ row: Int) -> Int? { let yy = area.y + row - top; return yy >= area.y && yy < area.maxY ? yy : nil }
        for yy in area.y..<area.maxY {
            for lx in layout.lifelines { grid.put(glyphs.vertical, x: lx, y: yy, style: Style(.border)) }
        }
        let events = trace.events
        let shown = max(0, cursor + 1)
        let arrows = layout.arrows.filter { $0.event < shown }
        // Lines first, then labels over their own line, then heads (arrivals over departures).
        var canvas = BrailleCanvas(width: area.width, height: area.height)
        var ascii: [DiagramLayout.Cell: (dots: [Int], style: Style)] = [:]
        var heads: [(cell: DiagramLayout.Cell, glyph: String, style: Style, arrived: Bool)] = []
        var reached: [Int: Int] = [:]  // send event → the last row its line has been drawn to
        for a in arrows {
            let e = events[a.event]
            let progress = Self.progress(e, at: time)
            let style = Style(Self.role(e.role), bold: a.event == cursor)
            let count = progress >= 1 ? a.path.count : Int(Double(a.path.count) * progress)
            let drawn = a.path.prefix(count)
            let startRow = a.path.first.map { layout.mode == .ladder ? $0.row : $0.row / 4 } ?? a.head.row
            reached[a.event] = progress >= 1 ? Int.max : max(startRow, drawn.last.map { layout.mode == .ladder ? $0.row : $0.row / 4 } ?? startRow)
            if layout.mode == .ladder {
                for c in drawn { if let yy = y(c.row) { grid.put(glyphs.horizontal, x: c.x, y: yy, style: style) } }
            } else if glyphs == .ascii {
                for d in drawn { ascii[DiagramLayout.Cell(x: d.x / 2, row: d.row / 4), default: ([], style)].dots.append(d.row % 4) }
            } else {
                for d in drawn { canvas.set(x: d.x - 2 * area.x, y: d.row - 4 * top, style: style) }
            }
            if progress < 1 {
                let at = drawn.last.map { layout.mode == .ladder ? $0 : DiagramLayout.Cell(x: $0.x / 2, row: $0.row / 4) }
                    ?? DiagramLayout.Cell(x: a.path.first.map { layout.mode == .ladder ? $0.x : $0.x / 2 } ?? a.head.x, row: Int(layout.row(of: e.t).rounded()))
                heads.append((at, glyphs.bullet, Style(Self.role(e.role), bold: true), false))
            } else {
                heads.append((a.head, a.lost ? glyphs.loss : a.rightward ? glyphs.arrowRight : glyphs.arrowLeft,
                              Style(a.lost ? .loss : Self.role(e.role), bold: true), true))
            }
        }
        canvas.render(into: &grid, x: area.x, y: area.y, mode: .braille)
        for (c, v) in ascii {
            guard let yy = y(c.row) else { continue }
            // The dots' height in the cell picks the character, so a slant reads as one line.
            let mean = Double(v.dots.reduce(0, +)) / Double(v.dots.count)
            grid.put(mean < 0.5 ? "'" : mean > 2.5 ? "_" : "-", x: c.x, y: yy, style: v.style)
        }
        for a in arrows {
            guard let label = a.label, let yy = y(label.row) else { continue }
            let e = events[a.event]
            // A label shows once its packet's line has got to it, never floating ahead of it.
            guard hiddenLabel == a.event || (reached[a.event] ?? -1) >= label.row else { continue }
            let text = hiddenLabel == a.event ? "#\(e.n ?? 0) ?" : label.text
            grid.put(TextWidth.pad(text, to: label.width), x: label.x, y: yy,
                     style: Style(Self.role(e.role), bold: true, underline: a.event == cursor))
        }
        // A packet passing under a label (the ladder's labels sit on the line) stays hidden
        // behind it rather than cutting a letter out of it.
        let labels = arrows.compactMap(\.label)
        for h in heads.sorted(by: { !$0.arrived && $1.arrived }) where h.arrived || !labels.contains(where: { $0.contains(h.cell) }) {
            if let yy = y(h.cell.row) { grid.put(h.glyph, x: h.cell.x, y: yy, style: h.style) }
        }
        for n in layout.notes where n.event < shown {
            guard let yy = y(n.row) else { continue }
            let e = events[n.event]
            grid.put(n.text, x: n.x, y: yy, style: Style(e.kind == .state ? .accent : .timer, bold: e.kind == .state || n.event == cursor,
                                                        reverse: n.event == cursor))
        }
        for s in layout.stamps where s.event < shown {
            if let yy = y(s.row) { grid.put(s.text, x: s.x, y: yy, style: Style(.dim)) }
        }
        for g in layout.gaps where time >= g.from {
            guard let yy = y(g.row) else { continue }
            var text = "\(glyphs.ellipsis) " + UIText.gapMarker(g.to - g.from, language)
            if time < g.to {
                let ends = events.first { $0.t == g.to && $0.kind == .timerFire }
                text += "  " + UIText.gapCountdown(ends.map { UIText.timerName($0.timer ?? "", language) }, g.to - time, language)
            }
            // A quiet row carries nothing else: with many lanes the note runs across the
            // lifelines (a break in time) rather than being cut at the second one.
            grid.put(text, x: g.x, y: yy, style: Style(.dim), clip: Rect(x: g.x, y: yy, width: max(0, area.maxX - g.x), height: 1))
        }
        if let yy = y(Int(layout.row(of: time).rounded())) { grid.put(glyphs.pointer, x: area.x, y: yy, style: Style(.accent, bold: true)) }
    }

    /// How far a message has got at `t`: 0 when sent, 1 when it has arrived or died.
    static func progress(_ e: TraceEvent, at t: Double) -> Double {
        guard let end = e.arrival, end > e.t else { return 1 }
        return min(1, max(0, (t - e.t) / (end - e.t)))
    }

    /// The theme role of a message: the trace says what it does, the theme how that looks.
    static func role(_ role: MessageRole?) -> Role {
        switch role {
        case .open: .syn
        case .close: .fin
        case .reset: .loss
        case .data: .data
        case .ack, nil: .ack
        }
    }
}
