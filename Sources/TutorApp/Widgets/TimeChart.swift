import NetSim
import TutorCore
import TutorRender

/// A boxed chart of values over time (seconds across, the value up from 0), in the cwnd lab's
/// style: braille, block or ASCII dots, labels at 0, half and the top, the time at both ends, a
/// cursor column and marks on top. `cwnd --real` draws the kernel's window and its RTT with it.
struct TimeChart {
    struct Series {
        var points: [(t: Double, v: Double)]
        var style: Style
        /// Dash length in dots (0: solid).
        var dash = 0
        /// Each value holds until the next (a window, a threshold); else points are joined.
        var steps = true
    }
    struct Mark { var t: Double; var v: Double; var glyph: String; var style: Style }

    var title: String
    var series: [Series]
    var start: Double, end: Double
    /// The time the reading is of: a dim column across the plot.
    var cursor: Double?
    var marks: [Mark] = []
    /// The last row inside the box.
    var legend: String
    /// What the y labels count, after the top one ("seg", "ms").
    var unit: String
    var mode: BrailleCanvas.Mode
    var glyphs: Glyphs

    func render(into grid: inout CellGrid, area: Rect) {
        let inner = Box(title: title, style: Style(.accent)).render(into: &grid, area: area, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        grid.fill(inner)
        // The labels' column fits the top one with its unit ("100 세그먼트").
        let top = CwndChart.niceCeil(max(1, (series.flatMap { $0.points.map(\.v) }.max() ?? 1) * 1.05))
        let labelWidth = max(7, TextWidth.width(of: Self.number(top) + " " + unit))
        let plot = Rect(x: inner.x + labelWidth + 1, y: inner.y, width: inner.width - labelWidth - 2, height: inner.height - 3)
        guard plot.width > 10, plot.height > 1 else { return }
        var canvas = BrailleCanvas(width: plot.width, height: plot.height)
        let span = max(end - start, 1e-6)
        func dx(_ t: Double) -> Int { Int(((min(max(t, start), end) - start) / span * Double(canvas.dotWidth - 1)).rounded()) }
        func dy(_ v: Double) -> Int { Int(((1 - min(max(v, 0), top) / top) * Double(canvas.dotHeight - 1)).rounded()) }
        if let cursor { canvas.line(from: (dx(cursor), 0), to: (dx(cursor), canvas.dotHeight - 1), style: Style(.dim), dash: 1) }
        for s in series {
            if s.points.count == 1, let p = s.points.first { canvas.set(x: dx(p.t), y: dy(p.v), style: s.style) }
            for (a, b) in zip(s.points, s.points.dropFirst()) {
                if s.steps {
                    canvas.line(from: (dx(a.t), dy(a.v)), to: (dx(b.t), dy(a.v)), style: s.style, dash: s.dash)
                    canvas.line(from: (dx(b.t), dy(a.v)), to: (dx(b.t), dy(b.v)), style: s.style, dash: s.dash)
                } else {
                    canvas.line(from: (dx(a.t), dy(a.v)), to: (dx(b.t), dy(b.v)), style: s.style, dash: s.dash)
                }
            }
        }
        canvas.render(into: &grid, x: plot.x, y: plot.y, mode: mode)
        for m in marks {
            grid.put(m.glyph, x: plot.x + dx(m.t) / 2, y: max(plot.y, plot.y + dy(m.v) / 4 - 1), style: m.style, clip: plot)
        }
        for y in plot.y..<plot.maxY { grid.put(glyphs.vertical, x: plot.x - 1, y: y, style: Style(.border)) }
        grid.put(glyphs.bottomLeft, x: plot.x - 1, y: plot.maxY, style: Style(.border))
        for x in plot.x..<plot.maxX { grid.put(glyphs.horizontal, x: x, y: plot.maxY, style: Style(.border)) }
        for (v, label) in [(0, "0"), (top / 2, Self.number(top / 2)), (top, Self.number(top) + " " + unit)] {
            let text = label
            grid.put(String(repeating: " ", count: max(0, labelWidth - TextWidth.width(of: text))) + text, x: inner.x, y: plot.y + dy(v) / 4, style: Style(.dim))
        }
        let t0 = CaptureTrace.fixed(start, 2), t1 = CaptureTrace.fixed(end, 2) + " s"
        grid.put(t0, x: plot.x, y: plot.maxY + 1, style: Style(.dim), clip: inner)
        grid.put(t1, x: plot.maxX - TextWidth.width(of: t1), y: plot.maxY + 1, style: Style(.dim), clip: inner)
        grid.put(TextWidth.truncate(legend, to: inner.width - 1, ellipsis: glyphs.ellipsis), x: inner.x + 1, y: inner.maxY - 1, style: Style(.dim), clip: inner)
    }

    /// "150", "2.5", "0.25": an axis label without trailing zeros.
    static func number(_ v: Double) -> String {
        if v >= 10 || v == v.rounded() { return "\(Int(v.rounded()))" }
        var text = CaptureTrace.fixed(v, v >= 1 ? 1 : 2)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
