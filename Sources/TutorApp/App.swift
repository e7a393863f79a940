import NetSim
import TutorCore
import TutorQuiz
import TutorRender

/// The whole app state. `reduce` is the only thing that changes it.
public struct AppState: Sendable, Equatable {
    public enum Screen: Sendable, Equatable { case home, reader, player, cwnd, journey, quiz, dashboard }

    public var size: Size
    public var language: Language
    /// ASCII glyphs (`--ascii` or a non-UTF-8 terminal).
    public var ascii: Bool
    /// Korean cannot be shown (non-UTF-8 terminal): `L` explains instead of switching.
    public var englishOnly: Bool
    public var catalog: LessonCatalog
    public var readLessons: Set<String>
    /// Content problems found at start-up (broken lessons are skipped, not fatal).
    public var warnings: [String]
    public var screen: Screen
    public var home: HomeScreen.State
    public var reader: ReaderScreen.State?
    public var player: PlayerScreen.State?
    public var cwnd: CwndScreen.State?
    public var journey: JourneyScreen.State?
    public var quiz: QuizScreen.State?
    public var dashboard: DashboardData?
    /// The questions' memory states (for the due count on the home screen).
    public var cards: [String: Card] = [:]
    /// Whether the dashboard shows a streak (opt-in).
    public var streakEnabled = false
    /// Reading positions (block index) by lesson, restored when a lesson is opened again.
    public var positions: [String: Int] = [:]
    /// The progress database could not be used: the title bar says nothing is being saved.
    public var notSaving = false
    /// Seconds since the epoch, as last told by the shell (`clockAdvanced`): the pure core has no clock.
    public var now: Double = 0
    /// Started as `nettutor play SCENE`: leaving the player quits.
    public var playerOnly = false
    public var showHelp: Bool
    /// Which animation the shell's ticks belong to: bumped whenever one starts or resumes, so
    /// the shell restarts its tick clock and a tick measured across a pause is ignored.
    public internal(set) var animationGeneration = 0
    /// A one-line message in the key bar until the next key.
    public var message: String?

    public init(size: Size, language: Language, catalog: LessonCatalog, readLessons: Set<String> = [],
                warnings: [String] = [], ascii: Bool = false, englishOnly: Bool = false) {
        self.size = size; self.language = englishOnly ? .en : language; self.ascii = ascii
        self.englishOnly = englishOnly; self.catalog = catalog; self.readLessons = readLessons
        self.warnings = warnings; screen = .home; home = HomeScreen.State(); reader = nil; player = nil
        showHelp = false; message = nil
    }

    public var glyphs: Glyphs { ascii ? .ascii : .unicode }
    /// Only a playing scene animates; otherwise the run loop blocks on input with no timeout.
    public var isAnimating: Bool {
        (screen == .player && player?.playing == true) || (screen == .cwnd && cwnd?.playing == true)
            || (screen == .journey && journey?.playing == true)
    }
    /// How often the run loop ticks: 30 fps while something animates, once a second while an
    /// interview countdown runs, never when idle.
    public var tickInterval: Int? {
        if isAnimating { return 33 }
        if screen == .quiz, let q = quiz, q.isInterview, q.phase == .answering || q.phase == .rubric { return 1000 }
        return nil
    }
    /// Reviews due now.
    public var dueCount: Int { cards.values.filter { $0.due <= now }.count }
    public static let minimumSize = Size(width: 80, height: 24)
    public var isTooSmall: Bool { size.width < Self.minimumSize.width || size.height < Self.minimumSize.height }
}

/// What happened.
public enum AppAction: Sendable, Equatable {
    case keyPressed(Key)
    case resized(Size)
    /// Real seconds since the previous tick of the same animation (`generation`).
    case tick(elapsed: Double, generation: Int)
    case lessonLoaded(Lesson)
    case lessonFailed(id: String, message: String)
    case progressFailed(String)
    /// The shell's clock (sent before each key and tick).
    case clockAdvanced(to: Double)
    case quizReady(QuizSession, title: String)
    case quizFailed(String)
    case answerRecorded(questionID: String, card: Card?)
    case dashboardLoaded(DashboardData)
}

/// Which quiz to start.
public enum QuizRequest: Sendable, Equatable {
    case lesson(String), review, interview
}

/// What the shell must do; results come back as actions.
public enum Effect: Sendable, Equatable {
    case loadLesson(id: String, language: Language)
    case markRead(lessonID: String)
    case startQuiz(QuizRequest)
    /// Store the answer; with `schedule`, update the question's card (FSRS) as well.
    case recordAnswer(Attempt, schedule: Bool)
    case loadDashboard
    case lessonOpened(lessonID: String)
    case savePosition(lessonID: String, block: Int)
    case sceneStarted(String)
    case suspend
    case quit
}

public func reduce(_ state: inout AppState, _ action: AppAction) -> [Effect] {
    let animatingBefore = state.isAnimating ? state.screen : nil
    let effects = reduceAction(&state, action)
    if state.isAnimating, animatingBefore != state.screen { state.animationGeneration += 1 }
    return effects
}

private func reduceAction(_ state: inout AppState, _ action: AppAction) -> [Effect] {
    switch action {
    case .resized(let size):
        let old = state.size
        state.size = size
        if state.screen == .reader, var r = state.reader {
            r.reflow(from: old, to: size, language: state.language, glyphs: state.glyphs)
            state.reader = r
        }
        return readEffects(&state)
    case .tick(let elapsed, let generation):
        // A tick of an animation that has since paused or restarted carries a stale clock.
        guard generation == state.animationGeneration else { return [] }
        if state.screen == .player, var p = state.player {
            PlayerScreen.reduceTick(&p, elapsed: elapsed)
            state.player = p
        }
        if state.screen == .cwnd, var c = state.cwnd {
            CwndScreen.reduceTick(&c, elapsed: elapsed)
            state.cwnd = c
        }
        if state.screen == .journey, var j = state.journey {
            JourneyScreen.reduceTick(&j, elapsed: elapsed)
            state.journey = j
        }
        return []
    case .lessonLoaded(let lesson):
        guard var r = state.reader, r.lessonID == lesson.meta.id else { return [] }
        r.didLoad(lesson, size: state.size, glyphs: state.glyphs)
        state.reader = r
        return readEffects(&state)
    case .lessonFailed(let id, let message):
        guard state.reader?.lessonID == id else { return [] }
        state.screen = .home
        state.reader = nil
        state.message = message
        return []
    case .progressFailed(let message):
        state.message = message
        return []
    case .clockAdvanced(let t):
        state.now = t
        return []
    case .quizReady(let session, let title):
        state.quiz = QuizScreen.State(session: session, title: title, now: state.now, returnTo: state.screen == .quiz ? .home : state.screen)
        state.screen = .quiz
        return []
    case .quizFailed(let message):
        state.message = message
        return []
    case .answerRecorded(let id, let card):
        if let card { state.cards[id] = card }
        return []
    case .dashboardLoaded(let data):
        state.dashboard = data
        if state.screen != .dashboard { state.screen = .dashboard }
        return []
    case .keyPressed(let key):
        state.message = nil
        if key == .ctrl("c") { return [.quit] }
        if state.showHelp { state.showHelp = false; return [] }
        if state.screen == .home && state.home.isTypingFilter {
            return HomeScreen.reduceFilterKey(&state, key)
        }
        if state.screen == .player && state.player?.awaitingGuess != nil {
            return PlayerScreen.reduceGuessKey(&state, key)
        }
        if state.screen == .quiz, let q = state.quiz {
            // Help, language and suspend work unless text is being typed; every other key is the quiz's.
            if !q.isTyping, let command = KeyBindings.command(for: key, in: []), [.help, .toggleLanguage, .suspend].contains(command) {
                if command == .help { state.showHelp = true; return [] }
                if command == .suspend { return [.suspend] }
                return toggleLanguage(&state)
            }
            return QuizScreen.reduceKey(&state, key)
        }
        let bindings: [KeyBinding]
        switch state.screen {
        case .home: bindings = KeyBindings.home
        case .reader: bindings = KeyBindings.reader
        case .player: bindings = KeyBindings.player
        case .cwnd: bindings = KeyBindings.cwnd
        case .journey: bindings = KeyBindings.journey
        case .dashboard: bindings = KeyBindings.dashboard
        case .quiz: bindings = []
        }
        guard let command = KeyBindings.command(for: key, in: bindings) else { return [] }
        switch command {
        case .help: state.showHelp = true; return []
        case .suspend: return [.suspend]
        case .toggleLanguage: return toggleLanguage(&state)
        default: break
        }
        switch state.screen {
        case .home: return HomeScreen.reduce(&state, command)
        case .reader:
            let effects = ReaderScreen.reduce(&state, command)
            return effects + readEffects(&state)
        case .player:
            return PlayerScreen.reduce(&state, command)
        case .cwnd:
            return CwndScreen.reduce(&state, command)
        case .journey:
            return JourneyScreen.reduce(&state, command)
        case .dashboard:
            return DashboardScreen.reduce(&state, command)
        case .quiz:
            return []
        }
    }
}

/// Opens a scene (the player, the cwnd lab or the URL journey), returning to the current
/// screen; an error becomes a message. The run is recorded.
func openScene(_ state: inout AppState, _ scene: SceneSpec) -> [Effect] {
    switch scene.kind {
    case .chart: openCwndLab(&state, parameters: CwndParameters())
    case .map: openJourney(&state, parameters: JourneyParameters())
    case .sequence:
        do {
            state.player = try PlayerScreen.State(scene: scene, returnTo: state.screen)
            state.screen = .player
        } catch {
            state.message = "\(error)"
            return []
        }
    }
    return [.sceneStarted(scene.id)]
}

/// Opens the congestion-window lab.
public func openCwndLab(_ state: inout AppState, parameters: CwndParameters, compare: Bool = false, chart: BrailleCanvas.Mode? = nil) {
    do {
        state.cwnd = try CwndScreen.State(parameters: parameters, compare: compare, chart: state.ascii ? .ascii : chart ?? .braille, returnTo: state.screen)
        state.screen = .cwnd
    } catch {
        state.message = "\(error)"
    }
}

/// Opens the URL journey.
public func openJourney(_ state: inout AppState, parameters: JourneyParameters) {
    do {
        state.journey = try JourneyScreen.State(parameters: parameters, returnTo: state.screen)
        state.screen = .journey
    } catch {
        state.message = "\(error)"
    }
}

/// Opens a lesson in the reader and asks the shell to load it.
func openLesson(_ state: inout AppState, id: String, anchorBlock: Int = 0) -> [Effect] {
    let language = state.catalog.lessons(in: state.language).contains { $0.id == id } ? state.language : state.language.other
    state.screen = .reader
    state.reader = ReaderScreen.State(lessonID: id, language: language, pendingAnchorBlock: anchorBlock)
    return [.loadLesson(id: id, language: language), .lessonOpened(lessonID: id)]
}

private func toggleLanguage(_ state: inout AppState) -> [Effect] {
    if state.englishOnly {
        state.message = UIText.koreanNeedsUTF8[.en]
        return []
    }
    state.language = state.language.other
    if state.screen == .home {
        HomeScreen.keepSelectionVisible(&state)
        return []
    }
    guard let r = state.reader else { return [] }
    // Both language versions share their structure, so the same block index is the same place.
    return openLesson(&state, id: r.lessonID, anchorBlock: r.anchorBlock(size: state.size, glyphs: state.glyphs))
}

/// A lesson counts as read once its last line has been on screen.
private func readEffects(_ state: inout AppState) -> [Effect] {
    guard state.screen == .reader, let r = state.reader, r.lesson != nil, !state.isTooSmall,
          !state.readLessons.contains(r.lessonID), r.atEnd(size: state.size, glyphs: state.glyphs) else { return [] }
    state.readLessons.insert(r.lessonID)
    return [.markRead(lessonID: r.lessonID)]
}

/// The frame for the current state.
public func render(_ state: AppState, size: Size) -> CellGrid {
    var grid = CellGrid(width: size.width, height: size.height)
    if size.width < AppState.minimumSize.width || size.height < AppState.minimumSize.height {
        TooSmallNotice.render(into: &grid, size: size, language: state.language)
        return grid
    }
    switch state.screen {
    case .home: HomeScreen.render(state, into: &grid)
    case .reader: ReaderScreen.render(state, into: &grid)
    case .player: PlayerScreen.render(state, into: &grid)
    case .cwnd: CwndScreen.render(state, into: &grid)
    case .journey: JourneyScreen.render(state, into: &grid)
    case .quiz: QuizScreen.render(state, into: &grid)
    case .dashboard: DashboardScreen.render(state, into: &grid)
    }
    if state.showHelp { HelpOverlay.render(state, into: &grid) }
    return grid
}

/// Title bar shared by the screens: app or lesson title left, language and extra info right.
func renderTitleBar(_ state: AppState, into grid: inout CellGrid, title: String, right: String) {
    let area = Rect(x: 0, y: 0, width: grid.width, height: 1)
    grid.fill(area, style: Style(.title, reverse: true))
    let lang = state.language == .ko ? "[한국어]" : "[English]"
    let rightText = right.isEmpty ? lang : "\(right)  \(lang)"
    let rw = TextWidth.width(of: rightText)
    let titleText = TextWidth.truncate(title, to: max(0, grid.width - rw - 4), ellipsis: state.glyphs.ellipsis)
    grid.put(" " + titleText, x: 0, y: 0, style: Style(.title, bold: true, reverse: true))
    grid.put(rightText, x: grid.width - rw - 1, y: 0, style: Style(.title, reverse: true))
}

/// Bottom row: a message when there is one, otherwise the key bar.
func renderBottomBar(_ state: AppState, into grid: inout CellGrid, bindings: [KeyBinding], includeGlobal: Bool = true, right: String = "") {
    let y = grid.height - 1
    let area = Rect(x: 0, y: y, width: grid.width, height: 1)
    grid.fill(area)
    if let message = state.message {
        grid.put(" " + TextWidth.truncate(message, to: grid.width - 2, ellipsis: state.glyphs.ellipsis), x: 0, y: y, style: Style(.warning, bold: true))
        return
    }
    let rw = TextWidth.width(of: right)
    let bar = KeyHelpBar(KeyBindings.bar(bindings, includeGlobal: includeGlobal, language: state.language, ascii: state.ascii, canSwitchLanguage: !state.englishOnly))
    bar.render(into: &grid, area: Rect(x: 1, y: y, width: grid.width - rw - 3, height: 1))
    if !right.isEmpty { grid.put(right, x: grid.width - rw - 1, y: y, style: Style(.dim)) }
}

enum TooSmallNotice {
    static func render(into grid: inout CellGrid, size: Size, language: Language) {
        let lines = [UIText.tooSmallTitle[language], "\(UIText.tooSmallBody[language]) \(size.width)×\(size.height)", "Ctrl-C: \(language == .ko ? "종료" : "quit")"]
        let top = max(0, (size.height - lines.count) / 2)
        for (i, text) in lines.enumerated() where top + i < size.height {
            let wrapped = Wrap.wrap(text, width: size.width).first ?? []
            let x = max(0, (size.width - wrapped.width) / 2)
            grid.put(wrapped.plainText, x: x, y: top + i, style: Style(i == 0 ? .warning : .normal, bold: i == 0))
        }
    }
}
