import NetSim
import TutorCore
import TutorRender

/// The URL journey: a map of the hops with the current message moving along it, what is on the
/// wire at the current hop, an httpstat-like phase ruler, and the narration.
public enum JourneyScreen: LabScreen {
    public struct State: Sendable, Equatable {
        public var parameters: JourneyParameters
        public var journey: Journey
        /// One frame per link crossed (or per note): (message, step; -1 for a note).
        public var frames: [Frame]
        public var cursor = 0
        public var playing = false
        /// 0..1: how far the packet of the current frame has moved along its link.
        public var progress = 1.0
        public var speedIndex = 2

        public struct Frame: Sendable, Equatable { public var message: Int; public var step: Int }

        public init(parameters: JourneyParameters) throws {
            self.parameters = parameters
            journey = try URLJourney.build(parameters)
            frames = Self.frames(journey)
        }

        static func frames(_ j: Journey) -> [Frame] {
            j.messages.enumerated().flatMap { i, m in
                m.steps.isEmpty ? [Frame(message: i, step: -1)] : m.steps.indices.map { Frame(message: i, step: $0) }
            }
        }

        mutating func rebuild(_ change: (inout JourneyParameters) -> Void) throws {
            var p = parameters
            change(&p)
            journey = try URLJourney.build(p)
            parameters = p
            frames = Self.frames(journey)
            cursor = min(cursor, frames.count - 1)
        }

        public static let speeds: [Double] = [0.5, 1, 2, 4, 8]  // links per second
        var stepsPerSecond: Double { Self.speeds[speedIndex] }

        var frame: Frame { frames[min(cursor, frames.count - 1)] }
        var message: JourneyMessage { journey.messages[frame.message] }
        var step: LinkStep? { frame.step >= 0 ? message.steps[frame.step] : nil }
        /// Simulated time of the current frame (where the packet is).
        var time: Double {
            guard let s = step else { return message.t }
            return s.t + (s.arrival - s.t) * progress
        }
    }

    static func reduceTick(_ s: inout State, elapsed: Double) {
        guard s.playing else { return }
        s.progress += elapsed * s.stepsPerSecond
        while s.progress >= 1 {
            if s.cursor >= s.frames.count - 1 { s.progress = 1; s.playing = false; return }
            s.cursor += 1
            s.progress -= 1
        }
    }

    static func bindings(_ s: State) -> [KeyBinding] { KeyBindings.journey }
    static func helpSection(_ s: State) -> Localized { UIText.journeySection }
    static func isAnimating(_ s: State) -> Bool { s.playing }

    static func reduce(_ s: inout State, _ command: Command, _ state: inout AppContext) -> [Outcome] {
        let language = state.language
        do {
            switch command {
            case .back, .quit:
                return [.pop]
            case .playPause:
                if s.cursor >= s.frames.count - 1 && !s.playing { s.cursor = 0 }
                if !s.playing { s.progress = 0 }
                s.playing.toggle()
            case .nextEvent: s.playing = false; s.cursor = min(s.cursor + 1, s.frames.count - 1); s.progress = 1
            case .previousEvent: s.playing = false; s.cursor = max(0, s.cursor - 1); s.progress = 1
            case .down, .up:
                // Whole messages: to the first link of the next (or this/previous) message.
                s.playing = false; s.progress = 1
                let m = s.frame.message
                if command == .down {
                    s.cursor = s.frames.firstIndex { $0.message > m } ?? s.frames.count - 1
                } else {
                    let target = s.frames[s.cursor].step > 0 ? m : max(0, m - 1)
                    s.cursor = s.frames.firstIndex { $0.message == target } ?? 0
                }
            case .top: s.playing = false; s.cursor = 0; s.progress = 1
            case .bottom: s.playing = false; s.cursor = s.frames.count - 1; s.progress = 1
            case .faster: s.speedIndex = min(s.speedIndex + 1, State.speeds.count - 1)
            case .slower: s.speedIndex = max(s.speedIndex - 1, 0)
            case .variant(let i):
                guard s.parameters.measured == nil else { state.message = UIText.liveNoVariants[language]; break }
                let v = JourneyVariant.allCases[i]
                try s.rebuild { $0.variant = v }
                s.cursor = 0; s.playing = false
                state.message = "\(UIText.variantLabel[language]): \(language == .ko ? v.title.ko : v.title.en)"
            case .nextClient:
                guard s.parameters.measured == nil else { state.message = UIText.liveNoVariants[language]; break }
                try s.rebuild { $0.client += 1 }
                state.message = "DNS round robin: client \(s.parameters.client + 1), \(s.journey.zone.answer(forClient: s.parameters.client).joined(separator: ", "))"
            case .openDiagram:
                let stage = s.message.stage
                if stage == .tls || stage == .close || stage == .http || stage == .render {
                    let part: JourneyStage = s.journey.messages.contains { $0.stage == .tls } && stage != .close ? .tls : .close
                    return [.push(.player(PlayerScreen.State(trace: s.journey.sequenceTrace(stage == .http || stage == .render ? part : stage), scene: .urlJourney)))]
                } else {
                    // The TCP handshake from the sequence-diagram simulator, with this path's RTT.
                    var o = SceneOptions()
                    o.rtt = max(1, (2 * s.journey.oneWayToEdge).rounded())
                    return [.push(.player(try PlayerScreen.State(scene: .tcp3Way, options: o)))]
                }
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
        let j = s.journey
        let live = s.parameters.measured != nil
        let variant = live ? UIText.live[language] : (language == .ko ? j.parameters.variant.shortTitle.ko : j.parameters.variant.shortTitle.en)
        let status = "\(s.playing ? glyphs.play : "||") \(s.cursor + 1)/\(s.frames.count)  t=\(JourneyLabels.milliseconds(s.time))"
        renderTitleBar(state, into: &grid, title: "\(j.url.text) \(glyphs.bullet) \(variant)", right: status)

        var y = 1
        PhaseRuler(phases: j.phases, now: s.time, language: language)
            .render(into: &grid, area: Rect(x: 0, y: y, width: grid.width, height: PhaseRuler.height))
        y += PhaseRuler.height
        let m = s.message
        let packet: JourneyMap.Packet = s.step.map { .onLink(from: $0.from, to: $0.to, progress: s.progress) } ?? .at(m.from)
        JourneyMap(label: m.label, role: JourneyLabels.role(of: m), packet: packet, language: language, glyphs: glyphs)
            .render(into: &grid, area: Rect(x: 0, y: y, width: grid.width, height: JourneyMap.height))
        y += JourneyMap.height

        let bottom = grid.height - 1
        let remaining = bottom - y
        let listWidth = grid.width >= 110 ? min(44, grid.width / 3) : 0
        // The wire panel takes what its headers and the device note need; the narration the rest.
        let wire = WirePanel(message: m, step: s.step, previous: s.frame.step > 0 ? m.steps[s.frame.step - 1].headers : nil,
                             language: language, glyphs: glyphs)
        let wireRows = wire.rows(width: grid.width - listWidth)
        let panelHeight = min(max(5, wireRows.count + 2), max(5, remaining - 5))
        wire.render(into: &grid, area: Rect(x: 0, y: y, width: grid.width - listWidth, height: panelHeight), rows: wireRows)
        if listWidth > 0 {
            renderList(s, into: &grid, area: Rect(x: grid.width - listWidth, y: y, width: listWidth, height: bottom - y), glyphs: glyphs)
        }
        let narrationArea = Rect(x: 0, y: y + panelHeight, width: grid.width - listWidth, height: bottom - y - panelHeight)
        let title = "\(language == .ko ? m.stage.title.ko : m.stage.title.en) \(glyphs.bullet) \(JourneyLabels.milliseconds(m.t))"
        let inner = Box(title: title).render(into: &grid, area: narrationArea, glyphs: glyphs)
        var lines = Wrap.wrap(language == .ko ? m.narration.ko : m.narration.en, width: max(1, inner.width - 2))
        if j.failure != nil && s.cursor == s.frames.count - 1 { lines = lines.map { $0.map { Span($0.text, Style(.error, bold: true)) } } }
        Paragraph(lines: lines).render(into: &grid, area: inner.inset(dx: 1, dy: 0))
        renderBottomBar(state, into: &grid, bindings: bindings(s))
    }

    /// Every message with its time, the current one selected and kept in view.
    static func renderList(_ s: State, into grid: inout CellGrid, area: Rect, glyphs: Glyphs) {
        let inner = Box(title: "\(s.journey.messages.count)").render(into: &grid, area: area, glyphs: glyphs)
        let items: [Line] = s.journey.messages.map { m in
            [Span(TextWidth.pad(JourneyLabels.milliseconds(m.t), to: 8), Style(.dim)),
             Span(TextWidth.truncate(m.label, to: max(1, inner.width - 8), ellipsis: glyphs.ellipsis), Style(JourneyLabels.role(of: m)))]
        }
        let selected = s.frame.message
        let offset = ListView.offset(keeping: selected, visible: inner.height, current: max(0, selected - inner.height / 2), count: items.count)
        ListView(items: items, selected: selected, offset: offset).render(into: &grid, area: inner)
    }
}
