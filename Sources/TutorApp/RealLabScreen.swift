import NetSim
import TutorCore
import TutorRender

/// `cwnd --real` on a terminal: the kernel's congestion window over the run beside the model's
/// on the same losses, ssthresh, each loss response marked, and the smoothed RTT over its
/// unloaded value underneath (the rise is queueing delay). A cursor reads any moment; Enter
/// opens the capture's packets at that moment in the player.
public enum RealLabScreen: LabScreen {
    public struct State: Sendable, Equatable {
        public var result: RealLabResult
        /// "cubic, 20mbit bottleneck, queue 64kb, …" for the title.
        public var settings: String
        public var rounds: [RealLabRound]
        /// The transfer's packets as a scene (nil: none were captured).
        public var capture: SceneSpec?
        /// Seconds to add to a sample's time for the capture's clock (the capture starts at the
        /// SYN, the samples once connected).
        public var captureOffset: Double
        /// The sample read out (index into `result.samples`).
        public var cursor = 0
        public var chart: BrailleCanvas.Mode

        public init(result: RealLabResult, settings: String, capture: SceneSpec?, captureOffset: Double, chart: BrailleCanvas.Mode = .braille) throws {
            self.result = result; self.settings = settings; self.capture = capture; self.captureOffset = captureOffset; self.chart = chart
            rounds = try result.rounds()
        }

        var sample: KernelSample? { result.samples.indices.contains(cursor) ? result.samples[cursor] : nil }
        /// The index of the last sample at or before `t`.
        func index(at t: Double) -> Int { max(0, (result.samples.lastIndex { $0.t <= t } ?? 0)) }
        /// The model's cwnd for the round `t` falls in.
        func model(at t: Double) -> Double? { (rounds.first { $0.t >= t } ?? rounds.last)?.model }
    }

    static func bindings(_ s: State) -> [KeyBinding] { KeyBindings.realLab }
    static func helpSection(_ s: State) -> Localized { UIText.realLabSection }
    static func helpNote(_ s: State) -> Localized? { UIText.realLabNote }
    static func reduceTick(_ s: inout State, elapsed: Double) {}

    static func reduce(_ s: inout State, _ command: Command, _ ctx: inout AppContext) -> [Outcome] {
        let samples = s.result.samples, last = max(0, samples.count - 1)
        // One step is a hundredth of the run, so the whole run is a hundred presses.
        let step = max(1, samples.count / 100)
        switch command {
        case .back, .quit: return [.pop]
        case .nextEvent: s.cursor = min(last, s.cursor + step)
        case .previousEvent: s.cursor = max(0, s.cursor - step)
        case .top: s.cursor = 0
        case .bottom: s.cursor = last
        case .nextHit, .previousHit:
            let now = s.sample?.t ?? 0
            let responses = s.result.lossResponses.map(\.t)
            let target = command == .nextHit ? responses.first { $0 > now } : responses.last { $0 < now }
            guard let target else { ctx.message = UIText.noMoreLossResponses[ctx.language]; break }
            s.cursor = s.index(at: target)
        case .cycleChart:
            let modes = BrailleCanvas.Mode.allCases.filter { !ctx.ascii || $0 == .ascii }
            s.chart = modes[((modes.firstIndex(of: s.chart) ?? 0) + 1) % modes.count]
        case .open:
            guard let spec = s.capture, var player = try? PlayerScreen.State(scene: spec), !player.trace.events.isEmpty else {
                ctx.message = UIText.noCapture[ctx.language]; break
            }
            let t = ((s.sample?.t ?? 0) + s.captureOffset) * 1000
            player.go(to: player.trace.events.lastIndex { $0.t <= t } ?? 0)
            return [.push(.player(player))]
        default: break
        }
        return []
    }

    // MARK: rendering

    static func render(_ s: State, _ ctx: AppContext, into grid: inout CellGrid, area: Rect) {
        let l = ctx.language, g = ctx.glyphs, r = s.result
        let end = r.samples.last?.t ?? 0
        renderTitleBar(ctx, into: &grid, title: UIText.realLabTitle(r.algorithm.title, s.settings, l),
                       right: "\(CaptureTrace.fixed(s.sample?.t ?? 0, 3)) / \(CaptureTrace.fixed(end, 2)) s")
        // The reading takes up to two rows; the loss response it follows has a row of its own.
        var reading = Array(Wrap.wrap(readout(s, l), width: grid.width - 2, style: Style(.emphasis, bold: true)).prefix(2))
        if let response = lastResponse(s, l) { reading.append([Span(TextWidth.truncate(response, to: grid.width - 2, ellipsis: g.ellipsis), Style(.loss, bold: true))]) }
        let readingHeight = reading.count
        Paragraph(lines: reading).render(into: &grid, area: Rect(x: 1, y: 1, width: grid.width - 2, height: readingHeight))
        let body = Rect(x: 0, y: 1 + readingHeight, width: grid.width, height: grid.height - 2 - readingHeight)
        let (upper, lower) = body.splitBottom(max(6, body.height * 2 / 5))
        let cursor = s.sample?.t
        let kernel = r.samples.map { (t: $0.t, v: Double($0.cwnd)) }
        let threshold = r.samples.compactMap { x in x.ssthresh.map { (t: x.t, v: Double($0)) } }
        // The model holds its cwnd for the whole round that ends at `t`.
        let model = s.rounds.map { (t: max(0, $0.t - r.roundSeconds), v: $0.model) } + (s.rounds.last.map { [(t: $0.t, v: $0.model)] } ?? [])
        let marks = r.lossResponses.map { TimeChart.Mark(t: $0.t, v: Double($0.from), glyph: g.loss, style: Style(.loss, bold: true)) }
        TimeChart(title: UIText.realLabCwndTitle(l), series: [
            TimeChart.Series(points: threshold, style: Style(.timer), dash: 2),
            TimeChart.Series(points: model, style: Style(.ack), dash: 1),
            TimeChart.Series(points: kernel, style: Style(.syn, bold: true)),
        ], start: 0, end: end, cursor: cursor, marks: marks, legend: UIText.realLabCwndLegend(g, r.algorithm.title, l), unit: UIText.segmentsUnit[l], mode: s.chart, glyphs: g)
            .render(into: &grid, area: upper)
        let base = r.baseRTTms
        TimeChart(title: UIText.realLabRTTTitle(l), series: [
            TimeChart.Series(points: [(0, base), (end, base)], style: Style(.timer), dash: 2),
            TimeChart.Series(points: r.samples.map { (t: $0.t, v: $0.rttMs) }, style: Style(.data, bold: true), steps: false),
        ], start: 0, end: end, cursor: cursor, legend: UIText.realLabRTTLegend(g, CaptureTrace.fixed(base, 2), l), unit: "ms", mode: s.chart, glyphs: g)
            .render(into: &grid, area: lower)
        renderBottomBar(ctx, into: &grid, bindings: bindings(s))
    }

    /// "At 1.234 s: kernel cwnd 87 (model 92), ssthresh 144, RTT 23.1 ms (empty queue 0.05),
    /// 12 retransmitted so far, state Recovery".
    static func readout(_ s: State, _ l: Language) -> String {
        guard let x = s.sample else { return UIText.noSamples[l] }
        return UIText.realLabReading(t: CaptureTrace.fixed(x.t, 3), cwnd: x.cwnd, model: s.model(at: x.t).map { CaptureTrace.fixed($0, 1) },
                                     ssthresh: x.ssthresh, rtt: CaptureTrace.fixed(x.rttMs, 2), base: CaptureTrace.fixed(s.result.baseRTTms, 2),
                                     retrans: x.retrans, state: x.state, l)
    }

    /// "Last loss response: at 1.200 s: cwnd 142 → 71 (fast recovery)", when there was one by the cursor.
    static func lastResponse(_ s: State, _ l: Language) -> String? {
        guard let x = s.sample, let r = s.result.lossResponses.last(where: { $0.t <= x.t }) else { return nil }
        return UIText.lastLossResponse[l] + UIText.realLabResponse(CaptureTrace.fixed(r.t, 3), r.from, r.to, timeout: r.timeout, l)
    }
}
