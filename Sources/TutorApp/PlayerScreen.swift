import NetSim
import TutorCore
import TutorRender

/// The scene player: a sequence diagram drawn from a NetSim trace, stepped or played in time,
/// with narration, an event list, and faults injected by the user (the future re-simulates).
public enum PlayerScreen: ScreenModel {
    public struct State: Sendable, Equatable {
        public var scene: SceneSpec
        public var options: SceneOptions
        /// Drops added with `d`, newest last (`u` removes the last one).
        public var injected: [Int] = []
        public var trace: Trace
        /// Index of the current event (-1: before the first).
        public var cursor: Int = -1
        /// Displayed simulation time in ms.
        public var time: Double = 0
        public var playing = false
        public var speedIndex = 2
        public var showStates = false
        /// Predict mode: before a segment is shown, the user types its flags and numbers.
        public var predictMode = false
        /// Index of the send event waiting for a guess (its label is hidden).
        public var awaitingGuess: Int?
        public var guess = ""
        /// The verdict on the last guess, shown in the narration box.
        public var verdict: (correct: Bool, expected: String)?
        public var score = (right: 0, total: 0)

        public static func == (a: State, b: State) -> Bool {
            a.scene == b.scene && a.options == b.options && a.injected == b.injected && a.trace == b.trace
                && a.cursor == b.cursor && a.time == b.time && a.playing == b.playing && a.speedIndex == b.speedIndex
                && a.showStates == b.showStates && a.predictMode == b.predictMode
                && a.awaitingGuess == b.awaitingGuess && a.guess == b.guess && a.verdict?.correct == b.verdict?.correct
                && a.verdict?.expected == b.verdict?.expected && a.score == b.score && a.fixedTrace == b.fixedTrace
        }

        public static let speeds: [Double] = [0.25, 0.5, 1, 2, 4]
        public var speed: Double { Self.speeds[speedIndex] }

        /// A trace that is not a scene's simulation (a part of the URL journey): `d` cannot re-simulate it.
        public var fixedTrace = false

        public init(scene: SceneSpec, options: SceneOptions = SceneOptions()) throws {
            self.scene = scene; self.options = options
            trace = try scene.simulate(options)
        }

        public init(trace: Trace, scene: SceneSpec) {
            self.scene = scene; self.options = SceneOptions()
            self.trace = trace; fixedTrace = true
        }

        var currentEvent: TraceEvent? { trace.events.indices.contains(cursor) ? trace.events[cursor] : nil }
        var atEnd: Bool { cursor >= trace.events.count - 1 }
        /// What predict mode asks for: the scene's rule; a part of the journey is guessed by label.
        var prediction: PredictionRule { scene.prediction ?? .label }

        /// Moves to event `i`, showing the diagram as of its time.
        mutating func go(to i: Int) {
            cursor = min(max(-1, i), trace.events.count - 1)
            time = cursor >= 0 ? trace.events[cursor].t : 0
        }

        /// Re-simulates with the current injected faults, keeping the time on screen.
        mutating func resimulate() throws {
            var o = options
            o.drops.formUnion(injected)
            trace = try scene.simulate(o)
            cursor = trace.events.lastIndex { $0.t <= time } ?? -1
            // A shorter future (a drop undone after the end): the clock stops at the new end.
            if let last = trace.events.last, time > last.t { time = last.t }
        }
    }

    // Simulated milliseconds per real second at speed 1.
    static let msPerSecond: Double = 200

    static func reduce(_ p: inout State, _ input: ScreenInput, _ ctx: inout AppContext) -> [Outcome] {
        switch input {
        case .command(let command) where p.awaitingGuess != nil: return reduceGuess(&p, command, ctx)
        case .command(let command): return reduce(&p, command, &ctx)
        case .text(let c): if p.guess.count < 40 { p.guess.append(c) }
        case .tick(let elapsed): reduceTick(&p, elapsed: elapsed)
        default: break
        }
        return []
    }

    static func bindings(_ p: State) -> [KeyBinding] { p.awaitingGuess != nil ? KeyBindings.guessing : KeyBindings.player }
    static func helpSection(_ p: State) -> Localized { UIText.playerSection }
    static func capturesText(_ p: State) -> Bool { p.awaitingGuess != nil }
    static func isAnimating(_ p: State) -> Bool { p.playing }

    /// While a guess is typed: Enter checks it, Esc reveals the answer.
    static func reduceGuess(_ p: inout State, _ command: Command, _ ctx: AppContext) -> [Outcome] {
        guard let index = p.awaitingGuess else { return [] }
        switch command {
        case .submit:
            let e = p.trace.events[index]
            let expected = p.prediction.answer(e)
            let correct = p.prediction.check(p.guess, against: e)
            p.score.total += 1
            if correct { p.score.right += 1 }
            p.verdict = (correct, expected)
            p.awaitingGuess = nil
            // A prediction is an attempt too (not scheduled for review).
            return [.effect(.recordAnswer(Attempt(questionID: "predict/\(p.scene.id)/\(e.n ?? index)", lesson: p.scene.id, kind: "predict",
                                                  answeredAt: ctx.now, correct: correct, score: correct ? 1 : 0, rating: correct ? .good : .again,
                                                  durationMS: 0, response: p.guess, source: "predict"), schedule: false))]
        case .reveal:
            p.awaitingGuess = nil
            p.verdict = (false, p.prediction.answer(p.trace.events[index]))
        case .deleteBackward: if !p.guess.isEmpty { p.guess.removeLast() }
        default: break
        }
        return []
    }

    static func reduceTick(_ s: inout State, elapsed: Double) {
        guard s.playing else { return }
        var t = s.time + elapsed * msPerSecond * s.speed
        // Skip idle stretches (nothing in flight) so long timers do not stall the show.
        if s.trace.inFlight(at: s.time).isEmpty, let next = s.trace.events.first(where: { $0.t > s.time }), next.t - s.time > 300 {
            t = max(t, next.t - 100)
        }
        s.time = t
        s.cursor = s.trace.events.lastIndex { $0.t <= t } ?? -1
        if let last = s.trace.events.last, t >= last.t { s.playing = false; s.go(to: s.trace.events.count - 1) }
    }

    static func reduce(_ p: inout State, _ command: Command, _ state: inout AppContext) -> [Outcome] {
        state.message = nil
        switch command {
        case .back, .quit:
            return [.pop]
        case .playPause:
            if p.atEnd { p.go(to: -1) }
            p.playing.toggle()
        case .nextEvent:
            p.playing = false
            p.verdict = nil
            p.go(to: p.cursor + 1)
            if p.predictMode, let e = p.currentEvent, e.kind == .send { p.awaitingGuess = p.cursor; p.guess = "" }
        case .togglePredict:
            p.predictMode.toggle()
            p.playing = false
            p.awaitingGuess = nil
            state.message = (p.predictMode ? UIText.predictOn : UIText.predictOff)[state.language]
        case .previousEvent: p.playing = false; p.go(to: p.cursor - 1)
        case .faster: p.speedIndex = min(p.speedIndex + 1, State.speeds.count - 1)
        case .slower: p.speedIndex = max(p.speedIndex - 1, 0)
        case .restart: p.playing = false; p.verdict = nil; p.awaitingGuess = nil; p.go(to: -1)
        case .toggleStates where p.scene.stateMachine == nil:
            state.message = UIText.noStateDiagram[state.language]
        case .toggleStates: p.showStates.toggle()
        case .dropNext where p.fixedTrace || !p.scene.options.contains(.drop):
            state.message = (p.fixedTrace ? UIText.fixedTrace : UIText.noDrops)[state.language]
        case .dropNext:
            // The next segment to be sent after the current time, by its ordinal.
            guard let next = p.trace.events.enumerated().first(where: { $0.element.kind == .send && $0.element.n != nil && $0.offset > p.cursor })?.element,
                  let n = next.n else {
                state.message = UIText.nothingToDrop[state.language]; break
            }
            p.injected.append(n)
            do { try p.resimulate() } catch { p.injected.removeLast(); state.message = "\(error)" }
            state.message = "\(UIText.dropped[state.language]) #\(n) \(next.label ?? "")"
        case .undoFault:
            guard !p.injected.isEmpty else { state.message = UIText.nothingToUndo[state.language]; break }
            let n = p.injected.removeLast()
            try? p.resimulate()
            state.message = "\(UIText.undone[state.language]) #\(n)"
        default: break
        }
        return []
    }

    // MARK: rendering

    static func render(_ p: State, _ state: AppContext, into grid: inout CellGrid, area: Rect) {
        let language = state.language, glyphs = state.glyphs
        let total = p.trace.events.count
        let status = "\(p.playing ? glyphs.play : "||") \(p.cursor + 1)/\(total)  t=\(Int(p.time))ms  \(speedText(p.speed))"
        renderTitleBar(state, into: &grid, title: "\(UIText.sceneCard[language]): \(p.scene.title[language])", right: status)

        // The event list needs room: only from 110 columns; at 80 the diagram takes the width.
        let body = Rect(x: 0, y: 1, width: grid.width, height: grid.height - 2)
        let listWidth = grid.width >= 110 ? min(40, grid.width / 4) : 0
        let (main, list) = body.splitLeft(grid.width - listWidth)
        let (upper, narrationArea) = main.splitBottom(grid.height >= 40 ? 7 : 5)
        var area = upper
        if let note = p.trace.scaleNote {
            grid.put(TextWidth.truncate(" " + (language == .ko ? note.ko : note.en), to: area.width, ellipsis: glyphs.ellipsis), x: area.x, y: area.y, style: Style(.dim))
            area = area.splitTop(1).1
        }
        // Lifelines sit inside margins that hold each endpoint's states and timers.
        let margin = min(16, max(12, area.width / 6))
        let xs = SequenceDiagram.lifelines(count: p.trace.endpoints.count, area: area, margin: margin)
        let (header, rest) = area.splitTop(1)
        area = rest
        for (i, name) in p.trace.endpoints.enumerated() {
            var st = p.trace.state(of: name, at: p.cursor)
            // A state timed by a timer of its name (TCP's TIME-WAIT) counts down in the header;
            // such a timer is only ever restarted, never cancelled.
            if let s = st, let start = p.trace.lastStart(ofTimer: s, on: name, through: p.cursor), let d = start.duration {
                let left = max(0, start.t + d - p.time) / 1000
                st = "\(s) \(Double(Int(left * 10)) / 10)s"
            }
            var text = st.map { "\(name) [\($0)]" } ?? name
            if xs.count > 2 { text = TextWidth.truncate(text, to: max(6, (xs[1] - xs[0]) - 1), ellipsis: glyphs.ellipsis) }
            let x = min(max(area.x, xs[i] - TextWidth.width(of: text) / 2), area.maxX - TextWidth.width(of: text))
            grid.put(text, x: x, y: header.y + (xs.count > 2 ? 0 : 0), style: Style(.heading, bold: true), clip: header)
        }
        area = PlayerPanel.render(p.trace, cursor: p.cursor, awaitingGuess: p.awaitingGuess, language: language, glyphs: glyphs, into: &grid, atTopOf: area)
        SequenceDiagram(trace: p.trace, time: p.time, cursor: p.cursor, hiddenLabel: p.awaitingGuess, lifelines: xs, glyphs: glyphs)
            .render(into: &grid, area: area)
        renderNarration(p, into: &grid, area: narrationArea, language: language, glyphs: glyphs)
        if listWidth > 0 { renderEventList(p, into: &grid, area: list, glyphs: glyphs) }
        renderBottomBar(state, into: &grid, bindings: bindings(p), includeGlobal: !capturesText(p))
        if p.showStates {
            TCPStateDiagram(trace: p.trace, cursor: p.cursor, language: language, glyphs: glyphs)
                .render(into: &grid, area: grid.bounds.centered(width: min(grid.width - 4, 76), height: min(grid.height - 2, 22)))
        }
    }

    static func speedText(_ s: Double) -> String { s < 1 ? "\(s)x" : "\(Int(s))x" }

    static func renderNarration(_ p: State, into grid: inout CellGrid, area: Rect, language: Language, glyphs: Glyphs) {
        var title = p.currentEvent.map { "\(Int($0.t))ms" } ?? UIText.beforeStart[language]
        if p.predictMode { title += UIText.predictScore(p.score.right, p.score.total, language) }
        let inner = Box(title: title).render(into: &grid, area: area, glyphs: glyphs)
        if p.awaitingGuess != nil {
            let prompt = p.prediction.prompt[language]
            let lines = Wrap.wrap(prompt, width: inner.width - 2, style: Style(.accent))
            Paragraph(lines: lines).render(into: &grid, area: inner.inset(dx: 1, dy: 0))
            let y = min(inner.maxY - 1, inner.y + lines.count)
            let x = inner.x + 1 + grid.put("> " + p.guess, x: inner.x + 1, y: y, style: Style(.normal, bold: true))
            grid.cursor = (x, y)
            return
        }
        if let v = p.verdict {
            let head = v.correct ? "\(glyphs.check) " + UIText.guessRight[language] : "\(glyphs.loss) " + UIText.itWas[language]
            grid.put("\(head): \(v.expected)", x: inner.x + 1, y: inner.y, style: Style(v.correct ? .success : .loss, bold: true), clip: inner)
        }
        let text: String
        if let e = p.currentEvent { text = language == .ko ? e.narration.ko : e.narration.en }
        else { text = UIText.playerHint[language] }
        let top = p.verdict == nil ? inner : inner.splitTop(1).1
        Paragraph(lines: Wrap.wrap(text, width: inner.width - 2)).render(into: &grid, area: top.inset(dx: 1, dy: 0))
    }

    static func renderEventList(_ p: State, into grid: inout CellGrid, area: Rect, glyphs: Glyphs) {
        let inner = Box(title: "\(p.trace.events.count)").render(into: &grid, area: area, glyphs: glyphs)
        let items: [Line] = p.trace.events.map { e in
            let t = TextWidth.pad("\(Int(e.t))", to: 5)
            let text: String
            switch e.kind {
            case .send: text = "\(e.from == p.trace.endpoints.first ? glyphs.arrowRight : glyphs.arrowLeft) \(e.label ?? "")"
            case .deliver: text = "  \(glyphs.check) \(e.n.map { "#\($0)" } ?? e.label ?? "")"
            case .drop: text = "\(glyphs.loss) \(e.n.map { "#\($0)" } ?? e.label ?? "")"
            case .state: text = "\(e.endpoint ?? ""): \(e.state ?? "")"
            case .timerStart: text = "\(e.endpoint ?? "") \(e.timer ?? "") start"
            case .timerFire: text = "\(e.endpoint ?? "") \(e.timer ?? "") fires"
            case .note: text = "\(glyphs.bullet) \(e.endpoint ?? "")"
            }
            return [Span(t, Style(.dim)), Span(TextWidth.truncate(text, to: inner.width - 5, ellipsis: glyphs.ellipsis),
                                                 Style(e.kind == .drop ? .loss : e.kind == .state ? .accent : .normal))]
        }
        let selected = p.cursor >= 0 ? p.cursor : nil
        let offset = ListView.offset(keeping: selected, visible: inner.height, current: max(0, (selected ?? 0) - inner.height / 2), count: items.count)
        ListView(items: items, selected: selected, offset: offset).render(into: &grid, area: inner)
    }
}

