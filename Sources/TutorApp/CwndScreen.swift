import NetSim
import TutorCore
import TutorRender

/// The congestion-window lab: cwnd per round as a chart, steered by injecting losses now.
/// Rounds up to the cursor are drawn; playing moves the cursor on ticks.
public enum CwndScreen: LabScreen {
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
                let what = removed.kind == .timeout ? UIText.timeoutLoss[language] : UIText.dupAckLoss[language]
                state.message = "\(UIText.undoneLoss[language]) \(what), \(UIText.round[language]) \(removed.round)"
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
        let (chartArea, stripArea) = upper.splitBottom(1)
        CwndChart(traces: s.traces, parameters: p, cursor: s.cursor, compare: s.compare, mode: s.chart, language: language, glyphs: glyphs)
            .render(into: &grid, area: chartArea)
        if let round = s.current { CwndRoundStrip(round: round, language: language, glyphs: glyphs).render(into: &grid, area: stripArea) }
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
                    return UIText.renoHalves(formatWindow(n.ssthresh), language)
                case (.cubic, _) where e == .tripleDupAck:
                    return UIText.cubicCuts(formatWindow(n.cwnd), language)
                default:
                    return n.cwnd <= 1 ? UIText.restartsAtOne(t.algorithm.title, language)
                                       : "\(t.algorithm.title) \(formatWindow(n.cwnd))"
                }
            }
            text += nexts.joined(separator: ", ")
        }
        return text
    }

    static func eventName(_ e: LossKind, _ language: Language) -> String {
        switch e {
        case .timeout: UIText.timeout[language]
        case .tripleDupAck: UIText.tripleDupAcks[language]
        }
    }
}
