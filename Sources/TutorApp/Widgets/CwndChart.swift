import NetSim
import TutorCore
import TutorRender

/// The congestion-window chart: y axis in segments, x axis in rounds, one curve per trace, the
/// primary trace's ssthresh (dashed), rwnd (dashed), loss marks (`✕TO`, `✕3D`), phase bands
/// under the x axis, and the legend on the area's last row. Rounds after `cursor` are not drawn
/// yet, so stepping the lab reveals the curve.
struct CwndChart: Sendable {
    /// One trace, or several on the same losses (compare mode).
    var traces: [CwndTrace]
    /// The lab's settings: the x axis spans `rounds`, `model` draws steps (rfc5681) or lines,
    /// `rwnd` is a dashed line, `algorithm` picks the primary trace, `rtt` names the x axis.
    var parameters: CwndParameters
    /// Rounds up to this one (1-based) are drawn; its x label is highlighted.
    var cursor: Int
    /// Marks every revealed round of every series (told apart without colour).
    var compare: Bool
    var mode: BrailleCanvas.Mode
    var language: Language
    var glyphs: Glyphs

    /// The trace whose ssthresh, phases and losses are drawn, and whose curve is on top.
    var primary: CwndTrace { traces.first { $0.algorithm == parameters.algorithm } ?? traces[0] }

    static func seriesRole(_ a: CongestionAlgorithm) -> Role {
        switch a { case .tahoe: .fin; case .reno: .syn; case .cubic: .ack }
    }
    static func mark(_ a: CongestionAlgorithm, _ glyphs: Glyphs) -> String {
        glyphs.seriesMarks[CongestionAlgorithm.allCases.firstIndex(of: a) ?? 0]
    }

    /// Nice upper bound for the y axis (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten) at or
    /// above v, so the curve uses most of the height and the half-way tick stays readable.
    static func niceCeil(_ v: Double) -> Double {
        var step = 1.0
        while step * 10 <= v { step *= 10 }
        for m in [1.0, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10] where m * step >= v { return m * step }
        return 10 * step
    }

    /// The chart above, the legend on the last row. Too small a chart (≤ 20×6) is left out.
    func render(into grid: inout CellGrid, area: Rect) {
        let (chartArea, legendArea) = area.splitBottom(1)
        renderChart(into: &grid, area: chartArea)
        renderLegend(into: &grid, area: legendArea)
    }

    private func renderChart(into grid: inout CellGrid, area: Rect) {
        guard area.width > 20, area.height > 6, !traces.isEmpty else { return }
        let p = parameters
        // Left: y labels (5 columns) and the axis; bottom: axis, x labels, phase bands.
        let labelWidth = 5
        let plot = Rect(x: area.x + labelWidth + 1, y: area.y, width: area.width - labelWidth - 2, height: area.height - 3)
        let xMin = 1.0, xMax = Double(p.model == .rfc5681 ? p.rounds + 1 : max(p.rounds, 2))
        let allValues = traces.flatMap { t in t.samples.flatMap { [$0.cwnd, $0.ssthresh] } } + [p.rwnd ?? 0]
        let yMax = Self.niceCeil(max(4, (allValues.max() ?? 4) * 1.05))
        var canvas = BrailleCanvas(width: plot.width, height: plot.height)
        func dx(_ x: Double) -> Int { Int(((x - xMin) / (xMax - xMin) * Double(canvas.dotWidth - 1)).rounded()) }
        func dy(_ v: Double) -> Int { Int(((1 - min(v, yMax) / yMax) * Double(canvas.dotHeight - 1)).rounded()) }
        func column(_ x: Double) -> Int { plot.x + dx(x) / 2 }
        func row(_ v: Double) -> Int { plot.y + dy(v) / 4 }
        // rfc5681 samples sit between round labels (a round spans x..x+1).
        let offset = p.model == .rfc5681 ? 0.5 : 0
        let revealedX = Double(cursor) + (p.model == .rfc5681 ? 1 : 0)

        // Axes and y ticks.
        for y in plot.y..<plot.maxY { grid.put(glyphs.vertical, x: plot.x - 1, y: y, style: Style(.border)) }
        grid.put(glyphs.bottomLeft, x: plot.x - 1, y: plot.maxY, style: Style(.border))
        for x in plot.x..<plot.maxX { grid.put(glyphs.horizontal, x: x, y: plot.maxY, style: Style(.border)) }
        for tick in [0.0, yMax / 2, yMax] {
            let text = formatWindow(tick)
            grid.put(TextWidth.pad(String(repeating: " ", count: max(0, labelWidth - text.count)) + text, to: labelWidth), x: area.x, y: row(tick), style: Style(.dim))
        }
        let unit = p.model == .rfc5681 ? "SMSS" : "MSS"
        grid.put(unit, x: area.x, y: plot.y + 1 < row(yMax / 2) ? plot.y + 1 : plot.y, style: Style(.dim))
        // X ticks: every round when there is room, else every 2, 5, 10 …
        let perRound = Double(plot.width) / (xMax - xMin)
        let every = [1, 2, 5, 10, 20, 50].first { Double($0) * perRound >= 4 } ?? 50
        var r = 1
        while r <= p.rounds {
            let cx = column(Double(r) + offset)
            let label = "\(r)"
            let style = r == cursor ? Style(.accent, bold: true, reverse: true) : Style(.dim)
            grid.put(glyphs.teeUp, x: cx, y: plot.maxY, style: Style(.border))
            grid.put(label, x: min(cx - (label.count - 1) / 2, area.maxX - label.count), y: plot.maxY + 1, style: style, clip: area)
            r += every
        }
        if (cursor - 1) % every != 0 {
            let cx = column(Double(cursor) + offset)
            grid.put("\(cursor)", x: min(cx, area.maxX - 3), y: plot.maxY + 1, style: Style(.accent, bold: true, reverse: true), clip: area)
        }
        let axisName = p.algorithm == .cubic || compare ? UIText.roundAxisRTT(Int(p.rtt), language) : UIText.roundColumn[language]
        grid.put(axisName, x: area.maxX - TextWidth.width(of: axisName), y: plot.maxY, style: Style(.dim), clip: area)

        // ssthresh (dashed) and rwnd (dashed), for the primary trace.
        let primary = self.primary
        let revealedSamples: (CwndTrace) -> [CwndSample] = { t in t.samples.filter { $0.x <= revealedX } }
        for (a, b) in zip(revealedSamples(primary), revealedSamples(primary).dropFirst()) {
            canvas.line(from: (dx(a.x), dy(a.ssthresh)), to: (dx(b.x), dy(a.ssthresh)), style: Style(.timer), dash: 2)
            if b.ssthresh != a.ssthresh { canvas.set(x: dx(b.x), y: dy(b.ssthresh), style: Style(.timer)) }
        }
        if let rwnd = p.rwnd {
            canvas.line(from: (0, dy(rwnd)), to: (canvas.dotWidth - 1, dy(rwnd)), style: Style(.dim), dash: 1)
        }
        // The curves: the primary last so it is on top.
        let ordered = traces.filter { $0.algorithm != primary.algorithm } + [primary]
        for t in ordered {
            let pts = revealedSamples(t)
            let style = Style(Self.seriesRole(t.algorithm), bold: true)
            if pts.count == 1 { canvas.set(x: dx(pts[0].x), y: dy(pts[0].cwnd), style: style) }
            for (a, b) in zip(pts, pts.dropFirst()) {
                if p.model == .rfc5681 {
                    // Steps: hold the value, then jump.
                    canvas.line(from: (dx(a.x), dy(a.cwnd)), to: (dx(b.x), dy(a.cwnd)), style: style)
                    canvas.line(from: (dx(b.x), dy(a.cwnd)), to: (dx(b.x), dy(b.cwnd)), style: style)
                } else {
                    canvas.line(from: (dx(a.x), dy(a.cwnd)), to: (dx(b.x), dy(b.cwnd)), style: style)
                }
            }
        }
        canvas.render(into: &grid, x: plot.x, y: plot.y, mode: mode)
        // Marks: each series' glyph at each revealed round in compare mode (so curves are told
        // apart without colour); in single mode a mark at the cursor.
        for t in ordered where compare || t.algorithm == primary.algorithm {
            for round in t.rounds where round.round <= cursor && (compare || round.round == cursor) {
                let mark = compare ? Self.mark(t.algorithm, glyphs) : glyphs.seriesMarks[1]
                grid.put(mark, x: column(Double(round.round) + offset), y: row(round.cwnd),
                         style: Style(Self.seriesRole(t.algorithm), bold: true, reverse: round.round == cursor))
            }
        }
        // Loss events: a glyph and a label above the curve, in the round they are detected.
        for round in primary.rounds where round.round <= cursor {
            guard let e = round.event else { continue }
            let x = column(Double(round.round) + offset)
            let top = traces.compactMap { $0.rounds.first { $0.round == round.round }?.cwnd }.max() ?? round.cwnd
            let y = max(plot.y, row(top) - 1)
            let label = glyphs.loss + (e == .timeout ? "TO" : "3D")
            grid.put(label, x: min(x, plot.maxX - TextWidth.width(of: label)), y: y, style: Style(.loss, bold: true), clip: plot)
        }
        renderBands(into: &grid, y: plot.maxY + 2, plot: plot, column: { column($0 + offset) })
    }

    /// The phase bands under the x axis: runs of rounds in one phase, labelled when they fit.
    private func renderBands(into grid: inout CellGrid, y: Int, plot: Rect, column: (Double) -> Int) {
        var runs: [(phase: CwndPhase, from: Int, to: Int)] = []
        for r in primary.rounds where r.round <= cursor {
            if let last = runs.last, last.phase == r.phase { runs[runs.count - 1].to = r.round } else { runs.append((r.phase, r.round, r.round)) }
        }
        let half = (Double(plot.width) / Double(max(1, parameters.rounds))) / 2
        for run in runs {
            let x0 = max(plot.x, Int(Double(column(Double(run.from))) - half + 0.5))
            let x1 = min(plot.maxX - 1, Int(Double(column(Double(run.to))) + half - 0.5))
            guard x1 >= x0 else { continue }
            let role: Role = run.phase == .slowStart ? .syn : run.phase == .fastRecovery ? .warning : .ack
            let width = x1 - x0 + 1
            let full = language == .ko ? run.phase.title.ko : run.phase.title.en
            let short = run.phase == .slowStart ? "SS" : run.phase == .fastRecovery ? "FR" : "CA"
            let label = TextWidth.width(of: full) <= width ? full : short.count <= width ? short : String(short.prefix(width))
            let pad = (width - TextWidth.width(of: label)) / 2
            let text = String(repeating: " ", count: pad) + label
            grid.put(TextWidth.pad(text, to: width), x: x0, y: y, style: Style(role, reverse: true))
        }
    }

    private func renderLegend(into grid: inout CellGrid, area: Rect) {
        var spans: Line = [Span(" ")]
        if compare {
            for t in traces {
                spans.append(Span(Self.mark(t.algorithm, glyphs) + " " + t.algorithm.title, Style(Self.seriesRole(t.algorithm), bold: t.algorithm == parameters.algorithm)))
                spans.append(Span("  "))
            }
        } else {
            spans.append(Span(glyphs.seriesMarks[1] + " cwnd (\(parameters.algorithm.title))", Style(Self.seriesRole(parameters.algorithm), bold: true)))
            spans.append(Span("  "))
        }
        spans.append(Span(glyphs.dash + glyphs.dash + " ssthresh", Style(.timer)))
        if parameters.rwnd != nil { spans.append(Span("  " + glyphs.dash + " rwnd", Style(.dim))) }
        spans.append(Span("  \(glyphs.loss)TO " + UIText.timeout[language] + "  \(glyphs.loss)3D " + UIText.tripleDupAcks[language], Style(.loss)))
        grid.put(spans, x: area.x, y: area.y, clip: area)
    }
}
