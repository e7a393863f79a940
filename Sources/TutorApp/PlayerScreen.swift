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
        /// `t`: the time-sequence graph over the diagram.
        public var showGraph = false
        /// Predict mode: before a segment is shown, the user types its flags and numbers.
        public var predictMode = false
        /// Index of the send event waiting for a guess (its label is hidden).
        public var awaitingGuess: Int?
        public var guess = ""
        /// The verdict on the last guess, shown in the narration box: the fields it got wrong.
        public var verdict: (correct: Bool, expected: String, wrong: [String])?
        public var score = (right: 0, total: 0)
        /// Playback reached a send in predict mode: it goes on once the guess is in.
        public var resumeAfterGuess = false
        /// Screen seconds the current event still stays the newest while playing (`Playback`).
        public var dwell: Double = 0
        /// The diagram's shape as the user chose it with `v`; nil: slanted when it fits.
        var view: DiagramLayout.Mode?
        /// Bumped whenever the trace is re-simulated, so a memoized layout knows it is stale.
        var traceVersion = 0
        /// The diagram's layout for the screen it was last worked out for (not part of ==: it
        /// is derived, and `render` works it out itself when it does not fit).
        struct LayoutKey: Equatable { var area: Rect; var view: DiagramLayout.Mode?; var language: Language; var ascii: Bool; var trace: Int }
        var layoutMemo: (key: LayoutKey, layout: DiagramLayout)?

        public static func == (a: State, b: State) -> Bool {
            a.scene == b.scene && a.options == b.options && a.injected == b.injected && a.trace == b.trace
                && a.cursor == b.cursor && a.time == b.time && a.playing == b.playing && a.speedIndex == b.speedIndex
                && a.showStates == b.showStates && a.showGraph == b.showGraph && a.predictMode == b.predictMode
                && a.awaitingGuess == b.awaitingGuess && a.guess == b.guess && a.verdict?.correct == b.verdict?.correct
                && a.verdict?.expected == b.verdict?.expected && a.verdict?.wrong == b.verdict?.wrong && a.score == b.score
                && a.fixedTrace == b.fixedTrace && a.resumeAfterGuess == b.resumeAfterGuess && a.dwell == b.dwell && a.view == b.view
        }

        public static let speeds: [Double] = [0.25, 0.5, 1, 2, 4]
        public var speed: Double { Self.speeds[speedIndex] }

        /// A trace that is not a scene's simulation (a part of the URL journey): `d` cannot re-simulate it.
        public var fixedTrace = false

        /// `trace --live`: the capture's trace grows while the player is open.
        public struct Live: Sendable, Equatable {
            /// "lo (tcp port 8080)": where packets come from.
            public var source: String
            /// The TCP stream followed (`--stream`), and how many the capture has seen.
            public var stream: Int
            public var packets = 0, streams = 0
            public init(source: String, stream: Int = 0) { self.source = source; self.stream = stream }
        }
        public var live: Live?

        /// A live capture's new trace: the events shown stay; when the newest one was on
        /// screen, the player follows to the new newest.
        mutating func grow(to newTrace: Trace, packets: Int) {
            live?.packets = packets
            guard newTrace != trace else { return }
            let following = cursor == trace.events.count - 1 && !playing && awaitingGuess == nil
            trace = newTrace
            traceVersion += 1
            if following { go(to: trace.events.count - 1) } else { cursor = min(cursor, trace.events.count - 1) }
        }

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
            dwell = 0
        }

        /// Predict mode at a send: its label is hidden until a guess is typed.
        mutating func askGuess() {
            awaitingGuess = cursor; guess = ""; playing = false
        }

        /// The last event whose content may be shown: in predict mode, not the one being guessed.
        var revealed: Int { awaitingGuess.map { $0 - 1 } ?? cursor }

        /// Re-simulates with the current injected faults, keeping the time on screen.
        mutating func resimulate() throws {
            var o = options
            o.drops.formUnion(injected)
            let old = trace
            trace = try scene.simulate(o)
            traceVersion += 1
            // A drop of a later segment leaves what has been shown as it was: stay on the same
            // event. Otherwise (a past drop undone) go to just before the first event at the
            // time on screen, so nothing is skipped unseen.
            if cursor < trace.events.count, Array(old.events.prefix(cursor + 1)) == Array(trace.events.prefix(cursor + 1)) { return }
            cursor = (trace.events.firstIndex { $0.t >= time } ?? trace.events.count) - 1
            if let last = trace.events.last, time > last.t { time = last.t }
            if cursor >= 0 && trace.events[cursor].t < time && trace.inFlight(at: time).isEmpty { time = trace.events[cursor].t }
        }
    }

    static func reduce(_ p: inout State, _ input: ScreenInput, _ ctx: inout AppContext) -> [Outcome] {
        var out: [Outcome] = []
        switch input {
        case .command(let command) where p.awaitingGuess != nil: out = reduceGuess(&p, command, ctx)
        case .command(let command): out = reduce(&p, command, &ctx)
        case .text(let c): if p.guess.count < 40 { p.guess.append(c) }
        case .tick(let elapsed):
            reduceTick(&p, elapsed: elapsed)
            if p.live != nil { out = [.effect(.pollLiveCapture)] }
        default: break
        }
        refreshLayout(&p, ctx)
        return out
    }

    /// The player's keys for what this trace can do: `d`/`u` only where the scene re-simulates
    /// drops; a capture shows `n` (next finding) and Enter (its lesson section) in the bar.
    static func bindings(_ p: State) -> [KeyBinding] {
        if p.awaitingGuess != nil { return KeyBindings.guessing }
        let drops = !p.fixedTrace && p.scene.options.contains(.drop), capture = p.trace.measured
        // Enter is offered once a finding has been shown: before that it has nothing to open.
        let found = capture && p.trace.events.prefix(p.cursor + 1).contains { !$0.findings.isEmpty }
        return KeyBindings.player.compactMap { b in
            var b = b
            // Pressed anyway, `d` says why it cannot drop here; it is just not offered.
            if !drops && (b.command == .dropNext || b.command == .undoFault) { b.inBar = false }
            if capture && b.command == .nextFinding || found && b.command == .open { b.inBar = true }
            if !capture && b.command == .open { return nil }
            if capture && b.command == .togglePredict { b.inHelp = false }
            return b
        }
    }
    static func helpSection(_ p: State) -> Localized { UIText.playerSection }
    static func helpNote(_ p: State) -> Localized? { UIText.diagramMarks }
    static func capturesText(_ p: State) -> Bool { p.awaitingGuess != nil }
    static func isAnimating(_ p: State) -> Bool { p.playing }
    /// A live capture is polled four times a second; otherwise ticks only while playing.
    static func tickInterval(_ p: State) -> Int? { p.playing ? 33 : p.live != nil ? 250 : nil }

    /// While a guess is typed: Enter checks it, Esc reveals the answer.
    static func reduceGuess(_ p: inout State, _ command: Command, _ ctx: AppContext) -> [Outcome] {
        guard let index = p.awaitingGuess else { return [] }
        switch command {
        case .submit:
            let e = p.trace.events[index]
            let expected = p.prediction.answer(e)
            let wrong = p.prediction.wrongFields(p.guess, against: e)
            let correct = wrong.isEmpty
            p.score.total += 1
            if correct { p.score.right += 1 }
            p.verdict = (correct, expected, wrong)
            p.awaitingGuess = nil
            if p.resumeAfterGuess { p.resumeAfterGuess = false; p.playing = true }
            // A prediction is an attempt too (not scheduled for review).
            return [.effect(.recordAnswer(Attempt(questionID: "predict/\(p.scene.id)/\(e.n ?? index)", lesson: p.scene.id, kind: "predict",
                                                  answeredAt: ctx.now, correct: correct, score: correct ? 1 : 0, rating: correct ? .good : .again,
                                                  durationMS: 0, response: p.guess, source: "predict"), schedule: false))]
        case .reveal:
            p.awaitingGuess = nil
            p.verdict = (false, p.prediction.answer(p.trace.events[index]), [])
            if p.resumeAfterGuess { p.resumeAfterGuess = false; p.playing = true }
        case .deleteBackward: if !p.guess.isEmpty { p.guess.removeLast() }
        default: break
        }
        return []
    }

    static func reduceTick(_ s: inout State, elapsed: Double) {
        guard s.playing else { return }
        Playback.advance(&s, seconds: elapsed * s.speed)
    }

    static func reduce(_ p: inout State, _ command: Command, _ state: inout AppContext) -> [Outcome] {
        state.message = nil
        switch command {
        case .back, .quit:
            return [.pop]
        case .playPause:
            if p.atEnd { p.go(to: -1) }
            p.playing.toggle()
            p.verdict = nil
        case .nextEvent:
            p.playing = false
            p.verdict = nil
            p.go(to: p.cursor + 1)
            if p.predictMode, let e = p.currentEvent, e.kind == .send { p.askGuess() }
        case .togglePredict where p.trace.measured:
            // Predict mode guesses what a model sends next; a capture is what was sent.
            state.message = UIText.captureNoPredict[state.language]
        case .togglePredict:
            p.predictMode.toggle()
            p.playing = false
            p.awaitingGuess = nil
            p.resumeAfterGuess = false
            state.message = (p.predictMode ? UIText.predictOn : UIText.predictOff)[state.language]
        case .toggleView:
            // From the view on screen: with no choice made, the layout picks one (ladder for many lanes).
            let shown = p.view ?? p.layoutMemo?.1.mode ?? .slanted
            p.view = shown == .ladder ? .slanted : .ladder
            state.message = (p.view == .ladder ? UIText.ladderViewOn : UIText.slantedViewOn)[state.language]
        case .previousEvent: p.playing = false; p.go(to: p.cursor - 1)
        case .top: p.playing = false; p.go(to: -1)
        case .bottom: p.playing = false; p.go(to: p.trace.events.count - 1)
        case .nextFinding:
            // A capture marks what its analysis found (a retransmission, a zero window...).
            p.playing = false
            // A run of the same kind (a hundred duplicate ACKs) is one stop: the next is what differs.
            let here = p.currentEvent?.findings ?? []
            if let i = p.trace.events.indices.first(where: { $0 > p.cursor && !p.trace.events[$0].findings.isEmpty && p.trace.events[$0].findings != here }) { p.go(to: i) }
            else { state.message = UIText.noMoreFindings[state.language] }
        case .open:
            // A capture's finding opens the lesson section that explains it.
            guard let flag = p.trace.events.prefix(p.cursor + 1).last(where: { !$0.findings.isEmpty })?.findings.first.flatMap(TCPAnalysisFlag.init(rawValue:)) else {
                state.message = UIText.noFindingYet[state.language]; break
            }
            let section = CaptureTrace.section(flag)
            return ReaderScreen.open(section.lesson, section: section.heading, order: [], state)
        case .faster: p.speedIndex = min(p.speedIndex + 1, State.speeds.count - 1)
        case .slower: p.speedIndex = max(p.speedIndex - 1, 0)
        case .restart:
            p.playing = false; p.verdict = nil; p.awaitingGuess = nil; p.go(to: -1)
            // The drops stay (replaying them is the point); say so, and how to undo them.
            if !p.injected.isEmpty { state.message = UIText.restartedWithDrops(p.injected, state.language) }
        case .toggleStates where p.scene.stateMachine == nil:
            state.message = UIText.noStateDiagram[state.language]
        case .toggleStates: p.showStates.toggle(); p.showGraph = false
        case .toggleGraph: p.showGraph.toggle(); p.showStates = false
        case .dropNext where p.fixedTrace || !p.scene.options.contains(.drop):
            state.message = (p.trace.measured ? UIText.captureNoDrops : p.fixedTrace ? UIText.fixedTrace : UIText.noDrops)[state.language]
        case .dropNext:
            // The next segment to be sent after the cursor, by its ordinal (one already lost
            // cannot be dropped again).
            guard let next = p.trace.events.enumerated().first(where: { $0.element.kind == .send && $0.element.n != nil && $0.offset > p.cursor
                && !p.trace.isLost($0.element) })?.element,
                  let n = next.n else {
                state.message = UIText.nothingToDrop[state.language]; break
            }
            p.injected.append(n)
            do { try p.resimulate() } catch { p.injected.removeLast(); state.message = "\(error)" }
            // In predict mode the label would give the answer away.
            state.message = "\(UIText.dropped[state.language]) #\(n)" + (p.predictMode ? "" : " \(next.label ?? "")")
        case .undoFault:
            guard !p.injected.isEmpty else { state.message = UIText.nothingToUndo[state.language]; break }
            let n = p.injected.removeLast()
            try? p.resimulate()
            state.message = "\(UIText.undone[state.language]) #\(n)"
        default: break
        }
        return []
    }
}
