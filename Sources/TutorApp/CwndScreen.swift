import NetSim
import TutorCore
import TutorRender

/// The congestion-window lab: cwnd per round as a chart, steered by injecting losses now.
/// Rounds up to the cursor are drawn; playing moves the cursor on ticks.
public enum CwndScreen: ScreenModel {
    public struct State: Sendable, Equatable {
        /// What `r` goes back to.
        public var initial: CwndParameters
        public var parameters: CwndParameters
        public var compare: Bool
        /// One trace, or Tahoe, Reno and CUBIC in compare mode.
        public var traces: [CwndTrace]
        /// The selected round (1-based); rounds after it are not drawn yet.
        public var cursor = 1
        public var playing = false
        /// Seconds of play accumulated towards the next round.
        public var pending = 0.0
        public var speedIndex = 2
        public var chart: BrailleCanvas.Mode

        public init(parameters: CwndParameters, compare: Bool = false, chart: BrailleCanvas.Mode = .braille) throws {
            initial = parameters; self.parameters = parameters; self.compare = compare
            self.chart = chart
            traces = try Self.simulate(parameters, compare: compare)
        }

        static func simulate(_ p: CwndParameters, compare: Bool) throws -> [CwndTrace] {
            compare ? try CongestionLab.compare(p) : [try CongestionLab.run(p)]
        }

        /// Re-simulates after a change; on an invalid change keeps the old parameters.
        mutating func apply(_ change: (inout CwndParameters) -> Void, compare newCompare: Bool? = nil) throws {
            var p = parameters
            change(&p)
            let c = newCompare ?? compare
            traces = try Self.simulate(p, compare: c)
            parameters = p; compare = c
            cursor = min(cursor, p.rounds)
        }

        public static let speeds: [Double] = [1, 2, 4, 8, 16]  // rounds per second
        var roundsPerSecond: Double { Self.speeds[speedIndex] }

        /// The trace whose narration and phases are shown (the selected algorithm).
        var primary: CwndTrace { traces.first { $0.algorithm == parameters.algorithm } ?? traces[0] }
        var current: CwndRound? { primary.rounds.indices.contains(cursor - 1) ? primary.rounds[cursor - 1] : nil }
    }

    static func reduceTick(_ s: inout State, elapsed: Double) {
        guard s.playing else { return }
        s.pending += elapsed * s.roundsPerSecond
        while s.pending >= 1 {
            s.pending -= 1
            if s.cursor >= s.parameters.rounds { s.playing = false; s.pending = 0; return }
            s.cursor += 1
        }
    }

    static func reduce(_ s: inout State, _ input: ScreenInput, _ ctx: inout AppContext) -> [Outcome] {
        switch input {
        case .command(let command): return reduce(&s, command, &ctx)
        case .tick(let elapsed): reduceTick(&s, elapsed: elapsed)
        default: break
        }
        return []
    }

    static func bindings(_ s: State) -> [KeyBinding] { KeyBindings.cwnd }
    static func helpSection(_ s: State) -> Localized { UIText.cwndSection }
    static func isAnimating(_ s: State) -> Bool { s.playing }

    static func reduce(_ s: inout State, _ command: Command, _ state: inout AppContext) -> [Outcome] {
        let language = state.language
        do {
            switch command {
            case .back, .quit:
                return [.pop]
            case .playPause:
                if s.cursor >= s.parameters.rounds && !s.playing { s.cursor = 1 }
                s.playing.toggle(); s.pending = 0
            case .nextEvent: s.playing = false; s.cursor = min(s.cursor + 1, s.parameters.rounds)
            case .previousEvent: s.playing = false; s.cursor = max(1, s.cursor - 1)
            case .top: s.playing = false; s.cursor = 1
            case .bottom: s.playing = false; s.cursor = s.parameters.rounds
            case .faster: s.speedIndex = min(s.speedIndex + 1, State.speeds.count - 1)
            case .slower: s.speedIndex = max(s.speedIndex - 1, 0)
            case .injectTimeout, .injectDupAcks:
                let kind: LossKind = command == .injectTimeout ? .timeout : .tripleDupAck
                let round = s.cursor
                try s.apply { p in
                    p.events.removeAll { $0.round == round }
                    p.events.append(LossEvent(kind, at: round))
                    p.events.sort { $0.round < $1.round }
                }
                s.playing = false
                let what = kind == .timeout ? UIText.injectedTimeout[language] : UIText.injectedDupAcks[language]
                state.message = "\(what) \(UIText.round[language]) \(round)"
            case .undoFault:
                guard !s.parameters.events.isEmpty else { state.message = UIText.nothingToUndo[language]; break }
                let round = s.cursor
                let removed = s.parameters.events.last { $0.round <= round } ?? s.parameters.events.last!
                try s.apply { p in p.events.removeAll { $0 == removed } }
                state.message = "\(UIText.undone[language]) \(removed.spec)"
            case .cycleAlgorithm:
                let all = CongestionAlgorithm.allCases.filter { s.parameters.model == .textbook || $0 != .cubic }
                let next = all[((all.firstIndex(of: s.parameters.algorithm) ?? 0) + 1) % all.count]
                try s.apply { $0.algorithm = next }
            case .toggleCompare:
                try s.apply({ _ in }, compare: !s.compare)
            case .toggleModel:
                let model: CwndModel = s.parameters.model == .textbook ? .rfc5681 : .textbook
                try s.apply { p in
                    p.model = model
                    if model == .rfc5681 && p.algorithm == .cubic { p.algorithm = .reno }
                }
            case .ssthreshDown, .ssthreshUp:
                let delta: Double = command == .ssthreshUp ? 1 : -1
                try s.apply { $0.ssthresh = max(2, min(64, $0.ssthresh + delta)) }
                state.message = "ssthresh = \(formatWindow(s.parameters.ssthresh))"
            case .cycleInitialWindow:
                let steps: [Double] = [1, 2, 4, 10]
                let now = s.parameters.initialWindow ?? (s.parameters.model == .textbook ? 1 : 0)
                let next = steps.first { $0 > now } ?? steps[0]
                try s.apply { $0.initialWindow = next }
                state.message = "\(UIText.initialWindow[language]) = \(formatWindow(next))"
            case .cycleChart:
                let modes = BrailleCanvas.Mode.allCases.filter { !state.ascii || $0 == .ascii }
                s.chart = modes[((modes.firstIndex(of: s.chart) ?? 0) + 1) % modes.count]
            case .restart:
                s = try State(parameters: s.initial, compare: s.compare, chart: s.chart)
            default: break
            }
        } catch {
            state.message = "\(error)"
        }
        return []
    }

    // MARK: rendering

    static func seriesRole(_ a: CongestionAlgorithm) -> Role {
        switch a { case .tahoe: .fin; case .reno: .syn; case .cubic: .ack }
    }
    static func mark(_ a: CongestionAlgorithm, _ glyphs: Glyphs) -> String {
        glyphs.seriesMarks[CongestionAlgorithm.allCases.firstIndex(of: a) ?? 0]
    }

    static func render(_ s: State, _ state: AppContext, into grid: inout CellGrid, area: Rect) {
        let language = state.language, glyphs = state.glyphs
        let p = s.parameters
        let name = s.compare ? "Tahoe/Reno" + (p.model == .textbook ? "/CUBIC" : "") : p.algorithm.title
        // The round is in the reading line below; the bar keeps to position and speed.
        let status = "\(s.playing ? glyphs.play : "||") \(s.cursor)/\(p.rounds)  \(Int(s.roundsPerSecond))/s"
        renderTitleBar(state, into: &grid, title: "\(SceneSpec.cwndLab.title[language]): \(name) (\(p.model.rawValue))", right: status)

        // Row 1 (and 2 when it is long): the reading of the graph, so it makes sense without the curve.
        let readingLines = Wrap.wrap(reading(s, language: language), width: grid.width - 2, style: Style(.emphasis, bold: true))
        let readingHeight = min(2, readingLines.count)
        Paragraph(lines: Array(readingLines.prefix(readingHeight))).render(into: &grid, area: Rect(x: 1, y: 1, width: grid.width - 2, height: readingHeight))

        // The narration takes the rows it needs (up to 4, or 6 on tall terminals); the chart the rest.
        let narrationText = s.current.map { language == .ko ? $0.narration.ko : $0.narration.en } ?? ""
        let narrationLines = Wrap.wrap(narrationText, width: grid.width - 2)
        let narrationHeight = min(max(3, narrationLines.count), grid.height >= 36 ? 6 : 4)
        let body = Rect(x: 0, y: 1 + readingHeight, width: grid.width, height: grid.height - 2 - readingHeight)
        let (upper, narrationArea) = body.splitBottom(narrationHeight)
        let (chartAndLegend, stripArea) = upper.splitBottom(1)
        let (chartArea, legendArea) = chartAndLegend.splitBottom(1)
        renderChart(s, into: &grid, area: chartArea, language: language, glyphs: glyphs)
        renderLegend(s, into: &grid, area: legendArea, language: language, glyphs: glyphs)
        renderStrip(s, into: &grid, area: stripArea, language: language, glyphs: glyphs)
        var shown = Array(narrationLines.prefix(narrationHeight))
        if narrationLines.count > narrationHeight, let last = shown.popLast() {
            shown.append([Span(TextWidth.truncate(last.plainText, to: grid.width - 3, ellipsis: glyphs.ellipsis) + "")])
        }
        Paragraph(lines: shown).render(into: &grid, area: narrationArea.inset(dx: 1, dy: 0))
        renderBottomBar(state, into: &grid, bindings: bindings(s))
    }

    /// "Round 8: cwnd 12, ssthresh 8 (congestion avoidance); 3 dup ACKs → Reno 6+3, Tahoe restarts at 1".
    static func reading(_ s: State, language: Language) -> String {
        let r = s.cursor
        let rounds = s.traces.compactMap { t in t.rounds.indices.contains(r - 1) ? (t.algorithm, t.rounds[r - 1]) : nil }
        guard let (_, first) = rounds.first else { return "" }
        let head = "\(UIText.round[language]) \(r)"
        func phase(_ x: CwndRound) -> String { language == .ko ? x.phase.title.ko : x.phase.title.en }
        if !s.compare, let (_, x) = rounds.first(where: { $0.0 == s.parameters.algorithm }) {
            var text = "\(head): cwnd \(formatWindow(x.cwnd)), ssthresh \(formatWindow(x.ssthresh)) (\(phase(x)))"
            if let rwnd = s.parameters.rwnd, x.cwnd > rwnd { text += ", rwnd \(formatWindow(rwnd))" }
            if let e = x.event {
                text += "; " + eventName(e, language)
                if let next = s.primary.rounds.first(where: { $0.round == r + 1 }) {
                    text += " → ssthresh \(formatWindow(next.ssthresh)), cwnd \(formatWindow(next.cwnd))"
                }
            }
            return text
        }
        // Compare mode: what each algorithm does with this round.
        var parts: [String] = []
        for (algo, x) in rounds {
            parts.append("\(algo.title) \(formatWindow(x.cwnd))")
        }
        var text = "\(head): " + parts.joined(separator: ", ")
        if let e = first.event {
            text += "; \(eventName(e, language)) → "
            let nexts = s.traces.compactMap { t -> String? in
                guard let n = t.rounds.first(where: { $0.round == r + 1 }) else { return nil }
                switch (t.algorithm, e) {
                case (.reno, .tripleDupAck) where t.parameters.model == .textbook:
                    return language == .ko ? "Reno는 반으로 줄여 \(formatWindow(n.ssthresh))+3" : "Reno halves to \(formatWindow(n.ssthresh))+3"
                case (.cubic, _) where e == .tripleDupAck:
                    return language == .ko ? "CUBIC은 ×0.7 = \(formatWindow(n.cwnd))" : "CUBIC ×0.7 = \(formatWindow(n.cwnd))"
                default:
                    return n.cwnd <= 1 ? (language == .ko ? "\(t.algorithm.title)는 1에서 다시" : "\(t.algorithm.title) restarts at 1")
                                       : "\(t.algorithm.title) \(formatWindow(n.cwnd))"
                }
            }
            text += nexts.joined(separator: ", ")
        }
        return text
    }

    static func eventName(_ e: LossKind, _ language: Language) -> String {
        switch e {
        case .timeout: language == .ko ? "타임아웃" : "timeout"
        case .tripleDupAck: language == .ko ? "중복 ACK 3개" : "3 dup ACKs"
        }
    }

    /// Nice upper bound for the y axis (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten) at or
    /// above v, so the curve uses most of the height and the half-way tick stays readable.
    static func niceCeil(_ v: Double) -> Double {
        var step = 1.0
        while step * 10 <= v { step *= 10 }
        for m in [1.0, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10] where m * step >= v { return m * step }
        return 10 * step
    }

    static func renderChart(_ s: State, into grid: inout CellGrid, area: Rect, language: Language, glyphs: Glyphs) {
        guard area.width > 20, area.height > 6 else { return }
        let p = s.parameters
        // Left: y labels (5 columns) and the axis; bottom: axis, x labels, phase bands.
        let labelWidth = 5
        let plot = Rect(x: area.x + labelWidth + 1, y: area.y, width: area.width - labelWidth - 2, height: area.height - 3)
        let xMin = 1.0, xMax = Double(p.model == .rfc5681 ? p.rounds + 1 : max(p.rounds, 2))
        let allValues = s.traces.flatMap { t in t.samples.flatMap { [$0.cwnd, $0.ssthresh] } } + [p.rwnd ?? 0]
        let yMax = niceCeil(max(4, (allValues.max() ?? 4) * 1.05))
        var canvas = BrailleCanvas(width: plot.width, height: plot.height)
        func dx(_ x: Double) -> Int { Int(((x - xMin) / (xMax - xMin) * Double(canvas.dotWidth - 1)).rounded()) }
        func dy(_ v: Double) -> Int { Int(((1 - min(v, yMax) / yMax) * Double(canvas.dotHeight - 1)).rounded()) }
        func column(_ x: Double) -> Int { plot.x + dx(x) / 2 }
        func row(_ v: Double) -> Int { plot.y + dy(v) / 4 }
        let revealedX = Double(s.cursor) + (p.model == .rfc5681 ? 1 : 0)

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
            let cx = column(Double(r) + (p.model == .rfc5681 ? 0.5 : 0))
            let label = "\(r)"
            let style = r == s.cursor ? Style(.accent, bold: true, reverse: true) : Style(.dim)
            grid.put(glyphs.teeUp, x: cx, y: plot.maxY, style: Style(.border))
            grid.put(label, x: min(cx - (label.count - 1) / 2, area.maxX - label.count), y: plot.maxY + 1, style: style, clip: area)
            r += every
        }
        if (s.cursor - 1) % every != 0 {
            let cx = column(Double(s.cursor) + (p.model == .rfc5681 ? 0.5 : 0))
            grid.put("\(s.cursor)", x: min(cx, area.maxX - 3), y: plot.maxY + 1, style: Style(.accent, bold: true, reverse: true), clip: area)
        }
        let axisName = p.algorithm == .cubic || s.compare ? (language == .ko ? "라운드(RTT \(Int(p.rtt))ms)" : "round (RTT \(Int(p.rtt)) ms)") : (language == .ko ? "라운드" : "round")
        grid.put(axisName, x: area.maxX - TextWidth.width(of: axisName), y: plot.maxY, style: Style(.dim))

        // ssthresh (dashed) and rwnd (dashed), for the primary trace.
        let primary = s.primary
        let revealedSamples: (CwndTrace) -> [CwndSample] = { t in t.samples.filter { $0.x <= revealedX } }
        for (a, b) in zip(revealedSamples(primary), revealedSamples(primary).dropFirst()) {
            canvas.line(from: (dx(a.x), dy(a.ssthresh)), to: (dx(b.x), dy(a.ssthresh)), style: Style(.timer), dash: 2)
            if b.ssthresh != a.ssthresh { canvas.set(x: dx(b.x), y: dy(b.ssthresh), style: Style(.timer)) }
        }
        if let rwnd = p.rwnd {
            canvas.line(from: (0, dy(rwnd)), to: (canvas.dotWidth - 1, dy(rwnd)), style: Style(.dim), dash: 1)
        }
        // The curves: the primary last so it is on top.
        let ordered = s.traces.filter { $0.algorithm != primary.algorithm } + [primary]
        for t in ordered {
            let pts = revealedSamples(t)
            let style = Style(seriesRole(t.algorithm), bold: true)
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
        canvas.render(into: &grid, x: plot.x, y: plot.y, mode: s.chart)
        // Marks: each series' glyph at each revealed round in compare mode (so curves are told
        // apart without colour); in single mode a mark at the cursor.
        for t in ordered where s.compare || t.algorithm == primary.algorithm {
            for round in t.rounds where round.round <= s.cursor && (s.compare || round.round == s.cursor) {
                let x = Double(round.round) + (p.model == .rfc5681 ? 0.5 : 0)
                let mark = s.compare ? mark(t.algorithm, glyphs) : glyphs.seriesMarks[1]
                grid.put(mark, x: column(x), y: row(round.cwnd), style: Style(seriesRole(t.algorithm), bold: true, reverse: round.round == s.cursor))
            }
        }
        // Loss events: a glyph and a label above the curve, in the round they are detected.
        for round in primary.rounds where round.round <= s.cursor {
            guard let e = round.event else { continue }
            let x = column(Double(round.round) + (p.model == .rfc5681 ? 0.5 : 0))
            let top = s.traces.compactMap { $0.rounds.first { $0.round == round.round }?.cwnd }.max() ?? round.cwnd
            let y = max(plot.y, row(top) - 1)
            let label = glyphs.loss + (e == .timeout ? "TO" : "3D")
            grid.put(label, x: min(x, plot.maxX - TextWidth.width(of: label)), y: y, style: Style(.loss, bold: true), clip: plot)
        }
        renderBands(s, into: &grid, y: plot.maxY + 2, plot: plot, column: { column($0) }, language: language)
    }

    /// The phase bands under the x axis: runs of rounds in one phase, labelled when they fit.
    static func renderBands(_ s: State, into grid: inout CellGrid, y: Int, plot: Rect, column: (Double) -> Int, language: Language) {
        let p = s.parameters
        var runs: [(phase: CwndPhase, from: Int, to: Int)] = []
        for r in s.primary.rounds where r.round <= s.cursor {
            if let last = runs.last, last.phase == r.phase { runs[runs.count - 1].to = r.round } else { runs.append((r.phase, r.round, r.round)) }
        }
        let offset = p.model == .rfc5681 ? 0.5 : 0
        let half = (Double(plot.width) / Double(max(1, p.rounds))) / 2
        for run in runs {
            let x0 = max(plot.x, Int(Double(column(Double(run.from) + offset)) - half + 0.5))
            let x1 = min(plot.maxX - 1, Int(Double(column(Double(run.to) + offset)) + half - 0.5))
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

    static func renderLegend(_ s: State, into grid: inout CellGrid, area: Rect, language: Language, glyphs: Glyphs) {
        var spans: Line = [Span(" ")]
        if s.compare {
            for t in s.traces {
                spans.append(Span(mark(t.algorithm, glyphs) + " " + t.algorithm.title, Style(seriesRole(t.algorithm), bold: t.algorithm == s.parameters.algorithm)))
                spans.append(Span("  "))
            }
        } else {
            spans.append(Span(glyphs.seriesMarks[1] + " cwnd (\(s.parameters.algorithm.title))", Style(seriesRole(s.parameters.algorithm), bold: true)))
            spans.append(Span("  "))
        }
        spans.append(Span(glyphs.dash + glyphs.dash + " ssthresh", Style(.timer)))
        if s.parameters.rwnd != nil { spans.append(Span("  " + glyphs.dash + " rwnd", Style(.dim))) }
        spans.append(Span("  \(glyphs.loss)TO " + (language == .ko ? "타임아웃" : "timeout") + "  \(glyphs.loss)3D " + (language == .ko ? "중복 ACK 3개" : "3 dup ACKs"), Style(.loss)))
        grid.put(spans, x: area.x, y: area.y, clip: area)
    }

    /// The strip for the current round: its segments (the lost ones marked), duplicate ACKs.
    static func renderStrip(_ s: State, into grid: inout CellGrid, area: Rect, language: Language, glyphs: Glyphs) {
        guard let r = s.current else { return }
        var x = area.x + 1
        x += grid.put("\(UIText.round[language]) \(r.round): " + (language == .ko ? "세그먼트 \(r.sent)개 " : "\(r.sent) segment\(r.sent == 1 ? "" : "s") "), x: x, y: area.y, style: Style(.dim))
        let reaction: String? = r.event.map { e in
            e == .timeout ? (language == .ko ? "RTO 만료" : "RTO expires") : "fast retransmit"
        }
        let tail = "  " + (language == .ko ? "중복 ACK \(r.dupAcks)개" : "dup ACKs \(r.dupAcks)") + (reaction.map { " \(glyphs.arrowRight) " + $0 } ?? "")
        let room = max(0, area.maxX - x - TextWidth.width(of: tail) - 1)
        let shown = min(r.sent, room)
        for i in 0..<shown {
            let lost = r.lost.contains(i)
            let cut = shown < r.sent && i == shown - 1
            x += grid.put(cut ? "+" : lost ? glyphs.loss : glyphs.segment, x: x, y: area.y,
                          style: Style(lost ? .loss : .data, bold: lost))
        }
        grid.put(tail, x: x, y: area.y, style: Style(r.event == nil ? .dim : .loss, bold: r.event != nil), clip: area)
    }
}
