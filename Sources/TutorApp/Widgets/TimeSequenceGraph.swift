import NetSim
import TutorCore
import TutorRender

/// `t`: the time-sequence graph of Stevens' TCP/IP Illustrated and tcptrace, for the side that
/// sends the data: time across, sequence number (bytes, relative) up; each segment a vertical
/// tick from its first byte to its last, retransmissions in the loss style with a mark; the
/// other side's ACK line below the ticks and its window's right edge (ACK + window) above them.
/// Events after the cursor are not drawn yet, so stepping reveals the graph.
struct TimeSequenceGraph {
    struct Tick: Hashable { var t: Double; var low: Double; var high: Double; var resent: Bool }
    struct Series: Hashable {
        var sender: String, receiver: String
        var ticks: [Tick] = []
        /// (time, ACK) and (time, ACK + window), as the receiver sent them.
        var acks: [(Double, Double)] = [], edges: [(Double, Double)] = []
        var start = 0.0, end = 0.0, top = 1.0
        static func == (a: Series, b: Series) -> Bool { a.sender == b.sender && a.ticks == b.ticks && a.acks.count == b.acks.count }
        func hash(into h: inout Hasher) { h.combine(sender); h.combine(ticks) }
    }

    var series: Series?
    var mode: BrailleCanvas.Mode
    var language: Language
    var glyphs: Glyphs

    init(trace: Trace, cursor: Int, mode: BrailleCanvas.Mode, language: Language, glyphs: Glyphs) {
        series = Self.series(trace, through: cursor)
        self.mode = mode; self.language = language; self.glyphs = glyphs
    }

    /// The data sender is the lane that sent the most payload; nil when no segment carries data.
    static func series(_ trace: Trace, through cursor: Int) -> Series? {
        var bytes: [String: Int] = [:]
        for e in trace.events where e.kind == .send { if let s = e.segment, let f = e.from { bytes[f, default: 0] += s.len } }
        guard let (sender, total) = bytes.max(by: { $0.value < $1.value }), total > 0,
              let receiver = trace.endpoints.first(where: { $0 != sender }) else { return nil }
        var s = Series(sender: sender, receiver: receiver)
        s.start = trace.events.first?.t ?? 0; s.end = trace.events.last?.t ?? 0
        for e in trace.events where e.kind == .send {
            guard let seg = e.segment else { continue }
            if e.from == sender, seg.len > 0 { s.top = max(s.top, Double(seg.seq) + Double(seg.len)) }
            if e.from == receiver, seg.flags.contains(.ack) { s.top = max(s.top, Double(seg.ack) + Double(seg.win)) }
        }
        for e in trace.events.prefix(max(0, cursor + 1)) where e.kind == .send {
            guard let seg = e.segment else { continue }
            if e.from == sender, seg.len > 0 {
                s.ticks.append(Tick(t: e.t, low: Double(seg.seq), high: Double(seg.seq) + Double(seg.len), resent: e.retransmission))
            } else if e.from == receiver, seg.flags.contains(.ack) {
                s.acks.append((e.t, Double(seg.ack))); s.edges.append((e.t, Double(seg.ack) + Double(seg.win)))
            }
        }
        return s
    }

    func render(into grid: inout CellGrid, area: Rect) {
        let inner = Box(title: UIText.timeSequenceTitle(series.map { "\($0.sender) \(glyphs.arrowRight) \($0.receiver)" }, language), style: Style(.accent))
            .render(into: &grid, area: area, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        grid.fill(inner)
        guard let s = series else {
            grid.put(UIText.noDataSegments[language], x: inner.x + 1, y: inner.y + 1, style: Style(.dim), clip: inner)
            return
        }
        let labelWidth = 9
        let plot = Rect(x: inner.x + labelWidth + 1, y: inner.y, width: inner.width - labelWidth - 2, height: inner.height - 3)
        guard plot.width > 10, plot.height > 3 else { return }
        var canvas = BrailleCanvas(width: plot.width, height: plot.height)
        let span = max(s.end - s.start, 0.001), yMax = CwndChart.niceCeil(s.top * 1.02)
        func dx(_ t: Double) -> Int { Int(((t - s.start) / span * Double(canvas.dotWidth - 1)).rounded()) }
        func dy(_ v: Double) -> Int { Int(((1 - min(max(v, 0), yMax) / yMax) * Double(canvas.dotHeight - 1)).rounded()) }
        // The window's edge and the ACK line as steps (each holds until the next ACK).
        for (line, style, dash) in [(s.edges, Style(.timer), 2), (s.acks, Style(.ack, bold: true), 0)] {
            for (a, b) in zip(line, line.dropFirst()) {
                canvas.line(from: (dx(a.0), dy(a.1)), to: (dx(b.0), dy(a.1)), style: style, dash: dash)
                canvas.line(from: (dx(b.0), dy(a.1)), to: (dx(b.0), dy(b.1)), style: style, dash: dash)
            }
        }
        for tick in s.ticks {
            canvas.line(from: (dx(tick.t), dy(tick.low)), to: (dx(tick.t), dy(tick.high)), style: Style(tick.resent ? .loss : .syn, bold: true))
        }
        canvas.render(into: &grid, x: plot.x, y: plot.y, mode: mode)
        for tick in s.ticks where tick.resent {
            grid.put(glyphs.retransmit, x: plot.x + dx(tick.t) / 2, y: max(plot.y, plot.y + dy(tick.high) / 4 - 1), style: Style(.loss, bold: true), clip: plot)
        }
        // Axes: bytes on the left, seconds along the bottom.
        for y in plot.y..<plot.maxY { grid.put(glyphs.vertical, x: plot.x - 1, y: y, style: Style(.border)) }
        grid.put(glyphs.bottomLeft, x: plot.x - 1, y: plot.maxY, style: Style(.border))
        for x in plot.x..<plot.maxX { grid.put(glyphs.horizontal, x: x, y: plot.maxY, style: Style(.border)) }
        for v in [0, yMax / 2, yMax] {
            let text = Self.bytes(v)
            grid.put(String(repeating: " ", count: max(0, labelWidth - text.count)) + text, x: inner.x, y: plot.y + dy(v) / 4, style: Style(.dim))
        }
        let t0 = CaptureTrace.fixed(s.start / 1000, 3), t1 = CaptureTrace.fixed(s.end / 1000, 3) + " s"
        grid.put(t0, x: plot.x, y: plot.maxY + 1, style: Style(.dim), clip: inner)
        grid.put(t1, x: plot.maxX - TextWidth.width(of: t1), y: plot.maxY + 1, style: Style(.dim), clip: inner)
        let legend = UIText.timeSequenceLegend(glyphs, language)
        grid.put(TextWidth.truncate(legend, to: inner.width - 1, ellipsis: glyphs.ellipsis), x: inner.x + 1, y: inner.maxY - 1, style: Style(.dim), clip: inner)
    }

    /// "1.2M", "64K", "800": byte counts that fit the axis labels.
    static func bytes(_ v: Double) -> String {
        if v >= 1_000_000 { return CaptureTrace.fixed(v / 1_000_000, 1) + "M" }
        if v >= 10_000 { return "\(Int((v / 1000).rounded()))K" }
        return "\(Int(v.rounded()))"
    }
}
