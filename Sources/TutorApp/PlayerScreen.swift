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
        case .restart: p.playing = false; p.go(to: -1)
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
        let xs = lifelines(count: p.trace.endpoints.count, area: area, margin: margin)
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
        if case .arqWindow(let arq)? = (p.currentEvent ?? p.trace.events.first)?.panel {
            let (w, rest2) = area.splitTop(2)
            renderWindow(arq, into: &grid, area: w, language: language, glyphs: glyphs)
            area = rest2
        }
        renderDiagram(p, into: &grid, area: area, xs: xs, glyphs: glyphs)
        renderNarration(p, into: &grid, area: narrationArea, language: language, glyphs: glyphs)
        if listWidth > 0 { renderEventList(p, into: &grid, area: list, glyphs: glyphs) }
        renderBottomBar(state, into: &grid, bindings: bindings(p), includeGlobal: !capturesText(p))
        if p.showStates { StateDiagram.render(p, into: &grid, language: language, glyphs: glyphs) }
    }

    /// Evenly spaced lifeline columns inside the margins.
    static func lifelines(count: Int, area: Rect, margin: Int) -> [Int] {
        let left = area.x + margin, right = area.maxX - margin - 1
        guard count > 1 else { return [left] }
        return (0..<count).map { left + ($0 * (right - left)) / (count - 1) }
    }

    static func speedText(_ s: Double) -> String { s < 1 ? "\(s)x" : "\(Int(s))x" }

    /// The time axis: each distinct event time gets a row; rows between follow elapsed time
    /// (one row per 12.5 ms, so a 50 ms one-way delay spans four rows), and a pause longer than
    /// 300 ms collapses into a two-row gap marked with its length.
    struct TimeAxis {
        var times: [Double] = []
        var rows: [Int] = []
        var gaps: [(row: Int, ms: Double)] = []
        var count = 0

        init(_ trace: Trace) {
            var r = 1  // row 0 holds the label of a segment sent at the first instant
            for t in Set(trace.events.map(\.t) + trace.events.compactMap(\.arrival)).sorted() {
                if let last = times.last {
                    let d = t - last
                    if d > 300 { gaps.append((r + 1, d)); r += 3 } else { r += max(1, Int((d / 12.5).rounded())) }
                }
                times.append(t); rows.append(r)
            }
            count = r + 1
        }

        /// Row of a time, interpolated between known times.
        func row(_ t: Double) -> Double {
            guard let i = times.lastIndex(where: { $0 <= t }) else { return 0 }
            guard i + 1 < times.count else { return Double(rows[i]) }
            let f = (t - times[i]) / (times[i + 1] - times[i])
            return Double(rows[i]) + f * Double(rows[i + 1] - rows[i])
        }
    }

    static func renderDiagram(_ p: State, into grid: inout CellGrid, area: Rect, xs: [Int], glyphs: Glyphs) {
        guard let left = xs.first, let right = xs.last, area.height > 2, right - left > 8 else { return }
        let axis = TimeAxis(p.trace)
        let events = p.trace.events
        let now = p.time
        let currentRow = Int(axis.row(now).rounded())
        let top = max(0, min(currentRow - area.height * 2 / 3, axis.count - area.height))
        func y(_ row: Int) -> Int? { let yy = area.y + row - top; return yy >= area.y && yy < area.maxY ? yy : nil }
        func index(_ endpoint: String?) -> Int { p.trace.endpoints.firstIndex { $0 == endpoint } ?? 0 }
        func x(_ endpoint: String?) -> Int { xs[index(endpoint)] }
        for yy in area.y..<area.maxY {
            for lx in xs { grid.put(glyphs.vertical, x: lx, y: yy, style: Style(.border)) }
        }
        for gap in axis.gaps {
            if let yy = y(gap.row) { grid.put("\(glyphs.ellipsis) +\(Int(gap.ms))ms", x: left + 2, y: yy, style: Style(.dim)) }
        }
        let revealed = max(0, p.cursor + 1)
        // Annotations (states, timers) go in the margins, stacking down when a row is taken.
        var taken: [Int: Set<Int>] = [:]
        var labelRows = Set<Int>()
        // Heads are drawn last, arrivals over departures, so a segment leaving where another
        // arrives does not hide the arrowhead.
        var heads: [(x: Int, y: Int, glyph: String, style: Style, arrived: Bool)] = []
        for (i, e) in events.prefix(revealed).enumerated() {
            let highlight = i == p.cursor
            let row = Int(axis.row(e.t).rounded())
            switch e.kind {
            case .send:
                guard let label = e.label else { continue }
                let x1 = x(e.from), x2 = x(e.to)
                let dir = x2 > x1 ? 1 : -1
                let laneLo = min(x1, x2), laneHi = max(x1, x2)
                let lost = p.trace.isLost(e)
                let end = e.arrival ?? (e.t + 1)
                let endRow = Int(axis.row(end).rounded())
                let progress = end > e.t ? min(1, max(0, (now - e.t) / (end - e.t))) : 1
                let xEnd = lost ? (x1 + x2) / 2 : x2 - dir
                let style = Style(role(e.role), bold: highlight)
                // The line: from (x1, row) to (xEnd, endRow), drawn as far as the packet has got.
                let rowsSpan = max(1, endRow - row)
                let reach = Double(rowsSpan) * progress
                var prevX = x1 + dir
                for k in 0...rowsSpan where Double(k) <= reach + 0.001 {
                    let f = min(progress, Double(k) / Double(rowsSpan))
                    let xk = x1 + dir + Int((Double(xEnd - x1 - dir) * f).rounded())
                    if let yy = y(row + k) {
                        let lo = max(laneLo + 1, min(prevX, xk)), hi = min(laneHi - 1, max(prevX, xk))
                        if lo <= hi { for xx in lo...hi { grid.put(glyphs.horizontal, x: xx, y: yy, style: style) } }
                    }
                    prevX = xk
                }
                let headRow = row + Int(reach.rounded(.down))
                if let yy = y(min(headRow, endRow)) {
                    let head: String
                    if progress < 1 { head = glyphs.bullet } else if lost { head = glyphs.loss } else { head = dir > 0 ? glyphs.arrowRight : glyphs.arrowLeft }
                    let hx = min(laneHi - 1, max(laneLo + 1, prevX))
                    heads.append((hx, yy, head, Style(lost && progress >= 1 ? .loss : role(e.role), bold: true), progress >= 1))
                }
                // The label just above the line's start, on a free row.
                var lr = row - 1
                while labelRows.contains(lr) { lr -= 1 }
                labelRows.insert(lr)
                if let yy = y(lr) {
                    let hidden = p.awaitingGuess == i
                    let label = hidden ? "#\(e.n ?? 0) ?" : (e.n.map { "#\($0) \(label)" } ?? label)
                    let w = TextWidth.width(of: label)
                    let lx = dir > 0 ? laneLo + 2 : max(laneLo + 2, laneHi - 1 - w)
                    grid.put(label, x: lx, y: yy, style: Style(role(e.role), bold: true, underline: highlight),
                             clip: Rect(x: laneLo + 1, y: yy, width: laneHi - laneLo - 1, height: 1))
                }
            case .state, .timerStart, .timerFire:
                let side = index(e.endpoint)
                let onLeft = side % 2 == 0  // even lifelines annotate on their left, odd on their right
                var r = row
                while taken[side, default: []].contains(r) { r += 1 }
                taken[side, default: []].insert(r)
                guard let yy = y(r) else { continue }
                let text: String
                switch e.kind {
                case .state: text = e.state ?? ""
                case .timerStart: text = "\(e.timer ?? "timer") \(e.duration.map { "\(Int($0))ms" } ?? "")"
                default: text = "\(e.timer ?? "timer")!"
                }
                let lx = xs[side]
                let room = (onLeft ? lx - (side > 0 ? xs[side - 1] + 1 : area.x) : (side + 1 < xs.count ? xs[side + 1] - 1 : area.maxX) - lx) - 2
                let shown = TextWidth.truncate(text, to: max(1, room), ellipsis: glyphs.ellipsis)
                let tx = onLeft ? lx - 1 - TextWidth.width(of: shown) : lx + 2
                grid.put(shown, x: tx, y: yy, style: Style(e.kind == .state ? .accent : .timer, bold: e.kind == .state || highlight, reverse: highlight))
            default:
                break
            }
        }
        for h in heads where !h.arrived { grid.put(h.glyph, x: h.x, y: h.y, style: h.style) }
        for h in heads where h.arrived { grid.put(h.glyph, x: h.x, y: h.y, style: h.style) }
        if let yy = y(currentRow) { grid.put(glyphs.pointer, x: area.x, y: yy, style: Style(.accent, bold: true)) }
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

    static func renderWindow(_ a: ARQSnapshot, into grid: inout CellGrid, area: Rect, language: Language, glyphs: Glyphs) {
        var x = area.x + 1
        x += grid.put(language == .ko ? "송신 창 " : "window ", x: x, y: area.y, style: Style(.dim))
        let from = max(0, a.base - 2)
        for pkt in from..<(a.base + a.window + 3) {
            let n = "\(pkt % a.sequenceSpace)"
            let inWindow = pkt >= a.base && pkt < a.base + a.window
            let style: Style
            if pkt < a.base || a.ackedInWindow.contains(pkt) { style = Style(.success) }
            else if inWindow && pkt < a.next { style = Style(.data, bold: true, reverse: true) }
            else if inWindow { style = Style(.accent, underline: true) }
            else { style = Style(.dim) }
            let text = (pkt == a.base ? "[" : " ") + n + (pkt == a.base + a.window - 1 ? "]" : " ")
            x += grid.put(text, x: x, y: area.y, style: style, clip: area)
        }
        let legend = language == .ko ? "  base=\(a.base % a.sequenceSpace) next=\(a.next % a.sequenceSpace)" : "  base=\(a.base % a.sequenceSpace) next=\(a.next % a.sequenceSpace)"
        grid.put(legend, x: x, y: area.y, style: Style(.dim), clip: area)
        var r = language == .ko ? " 수신 측: 다음 기대 \(a.expected % a.sequenceSpace)" : " receiver: expects \(a.expected % a.sequenceSpace)"
        if !a.buffered.isEmpty {
            let held = a.buffered.sorted().map { "\($0 % a.sequenceSpace)" }.joined(separator: ",")
            r += language == .ko ? ", 버퍼 {\(held)}" : ", buffered {\(held)}"
        }
        r += language == .ko ? ", 전달 \(a.delivered)개" : ", delivered \(a.delivered)"
        grid.put(r, x: area.x, y: area.y + 1, style: Style(.dim), clip: area)
    }

    static func renderNarration(_ p: State, into grid: inout CellGrid, area: Rect, language: Language, glyphs: Glyphs) {
        var title = p.currentEvent.map { "\(Int($0.t))ms" } ?? (language == .ko ? "시작 전" : "Before the start")
        if p.predictMode { title += language == .ko ? "  예측 \(p.score.right)/\(p.score.total)" : "  predict \(p.score.right)/\(p.score.total)" }
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
            let head = v.correct ? "\(glyphs.check) " + (language == .ko ? "정답" : "Right") : "\(glyphs.loss) " + (language == .ko ? "정답은" : "It was")
            grid.put("\(head): \(v.expected)", x: inner.x + 1, y: inner.y, style: Style(v.correct ? .success : .loss, bold: true), clip: inner)
        }
        let text: String
        if let e = p.currentEvent { text = language == .ko ? e.narration.ko : e.narration.en }
        else { text = language == .ko ? "Space로 재생, → 로 한 단계씩 진행합니다. d는 다음에 보낼 세그먼트를 떨어뜨립니다." : "Space plays, → steps one event. d drops the next segment to be sent." }
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

/// `s`: the TCP state diagram (after RFC 9293 Figure 5) with each endpoint's state marked.
enum StateDiagram {
    // State name and its position (column, row) in the drawing.
    static let layout: [(TCPState, Int, Int)] = [
        (.closed, 20, 0), (.listen, 20, 2), (.synReceived, 2, 4), (.synSent, 38, 4),
        (.established, 20, 6), (.finWait1, 2, 8), (.closeWait, 38, 8), (.finWait2, 2, 10),
        (.closing, 20, 10), (.lastAck, 38, 10), (.timeWait, 20, 12),
    ]
    static let edges = [
        "CLOSED -> LISTEN (passive open) | CLOSED -> SYN-SENT (active open, send SYN)",
        "LISTEN -> SYN-RECEIVED (rcv SYN, send SYN+ACK) | SYN-SENT -> ESTABLISHED (rcv SYN+ACK, send ACK)",
        "SYN-RECEIVED -> ESTABLISHED (rcv ACK of SYN) | ESTABLISHED -> FIN-WAIT-1 (close, send FIN)",
        "ESTABLISHED -> CLOSE-WAIT (rcv FIN, send ACK) | CLOSE-WAIT -> LAST-ACK (close, send FIN)",
        "FIN-WAIT-1 -> FIN-WAIT-2 (rcv ACK of FIN) | FIN-WAIT-1 -> CLOSING (rcv FIN)",
        "FIN-WAIT-2 -> TIME-WAIT (rcv FIN) | CLOSING -> TIME-WAIT (rcv ACK) | LAST-ACK -> CLOSED (rcv ACK)",
        "TIME-WAIT -> CLOSED (2 x MSL)",
    ]

    static func render(_ p: PlayerScreen.State, into grid: inout CellGrid, language: Language, glyphs: Glyphs) {
        let width = min(grid.width - 4, 76), height = min(grid.height - 2, 22)
        let area = grid.bounds.centered(width: width, height: height)
        let inner = Box(title: language == .ko ? "TCP 상태 (RFC 9293 Figure 5)" : "TCP states (RFC 9293 Figure 5)", style: Style(.accent))
            .render(into: &grid, area: area, glyphs: glyphs)
        let marks: [String: [String]] = Dictionary(grouping: p.trace.endpoints, by: { p.trace.state(of: $0, at: p.cursor) ?? "" })
        let ox = inner.x + max(0, (inner.width - 52) / 2), oy = inner.y
        for (state, cx, cy) in layout {
            let here = marks[state.rawValue] ?? []
            let who = here.map { String($0.prefix(1)).uppercased() }.joined()
            let text = here.isEmpty ? " \(state.rawValue) " : "[\(state.rawValue)]\(who)"
            grid.put(text, x: ox + cx, y: oy + cy, style: here.isEmpty ? Style(.dim) : Style(.accent, bold: true, reverse: true), clip: inner)
        }
        var y = oy + 14
        for line in edges where y < inner.maxY {
            for piece in Wrap.wrap(line, width: inner.width - 2) where y < inner.maxY {
                grid.put(piece.plainText, x: inner.x + 1, y: y, style: Style(.dim), clip: inner); y += 1
            }
        }
    }
}
