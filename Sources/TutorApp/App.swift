import NetSim
import TutorCore
import TutorQuiz
import TutorRender

/// The router: app-wide actions change the context; keys become commands through the top
/// screen's keymap; the screen's outcomes push, pop or replace screens and become effects.
public func reduce(_ state: inout AppState, _ action: AppAction) -> [Effect] {
    let animatingBefore = state.isAnimating ? state.stack.count : nil
    let effects = route(&state, action)
    // A new animation (started, resumed, or another screen's) gets a new tick clock.
    if state.isAnimating, animatingBefore != state.stack.count { state.animationGeneration += 1 }
    return effects
}

private func route(_ state: inout AppState, _ action: AppAction) -> [Effect] {
    switch action {
    case .resized(let size):
        let old = state.size
        state.size = size
        var effects: [Effect] = []
        for i in state.stack.indices { effects += apply(state.stack[i].reduce(.resized(from: old), &state.context), at: i, &state) }
        return effects
    case .tick(let elapsed, let generation):
        // A tick of an animation that has since paused or restarted carries a stale clock; a
        // screen with a countdown (the interview) ticks without animating.
        guard generation == state.animationGeneration, state.tickInterval != nil else { return [] }
        return send(.tick(elapsed), to: &state)
    case .lessonLoaded(let lesson):
        state.catalog.setBlockCount(lesson.blocks.count, id: lesson.meta.id, language: lesson.meta.language)
        guard state.reader?.lessonID == lesson.meta.id else { return [] }
        return send(.lessonLoaded(lesson), to: &state)
    case .lessonFailed(let id, let message):
        guard state.reader?.lessonID == id else { return [] }
        state.message = message
        return pop(&state)
    case .progressFailed(let message), .quizFailed(let message):
        state.message = message
        return []
    case .clockAdvanced(let t):
        state.now = t
        return []
    case .quizReady(let session, let title):
        let quiz = Screen.quiz(QuizScreen.State(session: session, title: title, now: state.now))
        if state.screen == .quiz { state.stack[state.stack.count - 1] = quiz } else { state.push(quiz) }
        state.updateQuizSaving()
        return []
    case .saveStateChanged(let saving):
        state.saving = saving
        state.updateQuizSaving()
        return []
    case .answerRecorded(let id, let card):
        if let card { state.cards[id] = card }
        return []
    case .started:
        return state.glossary.isEmpty ? [.loadGlossary] : []
    case .captureOpened(let spec):
        do { state.push(.player(try PlayerScreen.State(scene: spec))) } catch { state.message = "\(error)" }
        return []
    case .captureFailed(let message):
        state.message = message
        return []
    case .liveCaptureUpdated(let trace, let packets, let streams):
        guard var p = state.player, let live = p.live else { return [] }
        p.grow(to: trace, packets: packets)
        p.live?.streams = streams
        // Said once per new conversation: the player keeps to the one it follows.
        if streams > max(1, live.streams) { state.message = UIText.liveNewStream(streams, followed: live.stream, state.language) }
        state.player = p
        return []
    case .glossaryLoaded(let entries):
        state.glossary = entries
        return []
    case .dashboardLoaded(let data):
        let dashboard = Screen.dashboard(DashboardScreen.State(data: data))
        if state.screen == .dashboard { state.stack[state.stack.count - 1] = dashboard } else { state.push(dashboard) }
        return []
    case .keyPressed(let key):
        state.message = nil
        if key == .ctrl("c") { return [.quit] }
        // Behind the enlarge notice nothing is visible, so keys must not act unseen; q quits
        // as the notice says.
        if state.isTooSmall { return key == .char("q") ? [.quit] : [] }
        if state.showHelp {
            // Help scrolls (it may be taller than 24 rows); any other key closes it unacted.
            let step: Int? = switch key {
            case .up: -1
            case .down: 1
            case .pageUp: -max(1, state.size.height - 8)
            case .pageDown: max(1, state.size.height - 8)
            default: nil
            }
            let wheel: Int? = key == .wheelUp ? -3 : key == .wheelDown ? 3 : nil
            guard let step = step ?? wheel, let top = state.top else { state.showHelp = false; return [] }
            state.helpScroll = HelpOverlay.clamp(state.helpScroll + step, top, state.context)
            return []
        }
        guard let top = state.top else { return [.quit] }
        switch key {
        case .wheelUp, .wheelDown:
            // The wheel is three presses of the screen's own up or down key, where it has one.
            let command: Command = key == .wheelUp ? .up : .down
            guard top.bindings.contains(where: { $0.command == command }) else { return [] }
            return (0..<3).flatMap { _ in send(.command(command), to: &state) }
        case .click(let x, let y): return send(.clicked(x: x, y: y), to: &state)
        default: break
        }
        let typing = top.capturesText
        if let command = KeyBindings.command(for: key, in: top.bindings, includeGlobal: !typing) {
            switch command {
            case .help: state.showHelp = true; state.helpScroll = 0; return []
            case .suspend: return [.suspend]
            case .toggleLanguage:
                if state.englishOnly { state.message = UIText.koreanNeedsUTF8[.en]; return [] }
                state.language = state.language.other
                return send(.languageChanged, to: &state)
            default: return send(.command(command), to: &state)
            }
        }
        if typing, case .char(let c) = key, !c.isNewline { return send(.text(c), to: &state) }
        return []
    }
}

/// Gives the top screen an input and carries out what it asks.
private func send(_ input: ScreenInput, to state: inout AppState) -> [Effect] {
    guard let i = state.stack.indices.last else { return [] }
    return apply(state.stack[i].reduce(input, &state.context), at: i, &state)
}

/// Carries out a screen's outcomes: the screen at `index` asked for them.
private func apply(_ outcomes: [Outcome], at index: Int, _ state: inout AppState) -> [Effect] {
    var effects: [Effect] = []
    for outcome in outcomes {
        switch outcome {
        case .effect(let e):
            // Every lesson opened (from home, n/p, a language switch) passes here.
            if case .lessonOpened(let id) = e { state.lastLesson = id }
            effects.append(e)
        case .push(let screen): state.push(screen)
        case .replace(let screen): state.stack[min(index, state.stack.count - 1)] = screen
        case .pop: effects += pop(&state)
        }
    }
    return effects
}

/// Removes the top screen and tells the one below; the last one leaving quits.
private func pop(_ state: inout AppState) -> [Effect] {
    guard let popped = state.stack.popLast() else { return [.quit] }
    if state.stack.isEmpty { return [.quit] }
    return send(.returned(from: popped), to: &state)
}

/// Opens a scene (the player, the cwnd lab or the URL journey) above the current screen; an
/// error becomes a message. The run is recorded.
func openScene(_ scene: SceneSpec, _ ctx: inout AppContext) -> [Outcome] {
    do {
        let screen: Screen
        switch scene.kind {
        case .chart: screen = .cwnd(try CwndScreen.State(parameters: CwndParameters(), chart: ctx.ascii ? .ascii : .braille))
        case .map: screen = .journey(try JourneyScreen.State(parameters: JourneyParameters()))
        case .sequence: screen = .player(try PlayerScreen.State(scene: scene))
        }
        return [.push(screen), .effect(.sceneStarted(scene.id))]
    } catch {
        ctx.message = "\(error)"
        return []
    }
}

/// The frame for the current state.
public func render(_ state: AppState) -> CellGrid {
    let size = state.size
    var grid = CellGrid(width: size.width, height: size.height)
    if size.width < AppState.minimumSize.width || size.height < AppState.minimumSize.height {
        TooSmallNotice.render(into: &grid, size: size, language: state.language)
        return grid
    }
    guard let top = state.top else { return grid }
    top.render(state.context, into: &grid, area: grid.bounds)
    if state.showHelp { HelpOverlay.render(top, state.context, scroll: state.helpScroll, into: &grid) }
    return grid
}

/// Title bar shared by the screens: app or lesson title left, language and extra info right.
func renderTitleBar(_ state: AppContext, into grid: inout CellGrid, title: String, right: String) {
    let area = Rect(x: 0, y: 0, width: grid.width, height: 1)
    grid.fill(area, style: Style(.title, reverse: true))
    let lang = UIText.languageTag[state.language]
    let rightText = right.isEmpty ? lang : "\(right)  \(lang)"
    let rw = TextWidth.width(of: rightText)
    let titleText = TextWidth.truncate(title, to: max(0, grid.width - rw - 4), ellipsis: state.glyphs.ellipsis)
    grid.put(" " + titleText, x: 0, y: 0, style: Style(.title, bold: true, reverse: true))
    grid.put(rightText, x: grid.width - rw - 1, y: 0, style: Style(.title, reverse: true))
}

/// Bottom row: a message when there is one, otherwise the key bar.
func renderBottomBar(_ state: AppContext, into grid: inout CellGrid, bindings: [KeyBinding], includeGlobal: Bool = true, right: String = "") {
    let y = grid.height - 1
    let area = Rect(x: 0, y: y, width: grid.width, height: 1)
    grid.fill(area)
    if let message = state.message {
        grid.put(" " + TextWidth.truncate(message, to: grid.width - 2, ellipsis: state.glyphs.ellipsis), x: 0, y: y, style: Style(.warning, bold: true))
        return
    }
    let rw = TextWidth.width(of: right)
    let bar = KeyHelpBar(prioritized: KeyBindings.bar(bindings, includeGlobal: includeGlobal, language: state.language, ascii: state.ascii, canSwitchLanguage: !state.englishOnly))
    bar.render(into: &grid, area: Rect(x: 1, y: y, width: grid.width - rw - 3, height: 1))
    if !right.isEmpty { grid.put(right, x: grid.width - rw - 1, y: y, style: Style(.dim)) }
}

enum TooSmallNotice {
    static func render(into grid: inout CellGrid, size: Size, language: Language) {
        let lines = [UIText.tooSmallTitle[language], "\(UIText.tooSmallBody[language]) \(size.width)×\(size.height)", "q, Ctrl-C: \(UIText.quit[language])"]
        let top = max(0, (size.height - lines.count) / 2)
        for (i, text) in lines.enumerated() where top + i < size.height {
            let wrapped = Wrap.wrap(text, width: size.width).first ?? []
            let x = max(0, (size.width - wrapped.width) / 2)
            grid.put(wrapped.plainText, x: x, y: top + i, style: Style(i == 0 ? .warning : .normal, bold: i == 0))
        }
    }
}
