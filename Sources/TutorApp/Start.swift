import NetSim
import TutorCore
import TutorQuiz
import TutorRender

/// What the shell knows at start-up; `AppState(start:)` turns it into the first state, so the
/// shell never writes the state itself.
public struct StartUp: Sendable {
    /// Where the app opens. Any other than `.home` is a command's own screen (`nettutor play`,
    /// `cwnd`, `journey`, `quiz` on a terminal): leaving it quits.
    public enum StartScreen: Sendable {
        case home
        case scene(SceneSpec, SceneOptions)
        case cwnd(CwndParameters, compare: Bool, chart: BrailleCanvas.Mode)
        case journey(JourneyParameters)
        /// `cwnd --real`: the kernel's run, read on its own screen.
        case realLab(RealLabScreen.State)
        /// `trace --live`: the player on a capture that grows; `source` says where from.
        case liveCapture(source: String, stream: Int)
        /// `trace FILE` with several TCP conversations: pick one.
        case captureChooser(CaptureChooserScreen.State)
        case quiz(QuizSession, title: String)
    }

    public var catalog: LessonCatalog
    public var readLessons: Set<String> = []
    public var cards: [String: Card] = [:]
    public var positions: [String: Int] = [:]
    public var glossary: [GlossaryEntry] = []
    /// The lesson opened last (home offers to resume it).
    public var lastLesson: String?
    public var streak = false
    /// The progress database could not be used (an in-memory store stands in).
    public var notSaving = false
    /// Answers reach the disk, or wait in the journal (the store was busy at start-up).
    public var saving = SaveState.saved
    /// Content problems found while loading (broken lessons are skipped).
    public var warnings: [String] = []
    /// A first message for the key bar (e.g. the store's warning).
    public var message: String?
    /// Seconds since the epoch.
    public var now: Double = 0
    /// The local time zone's offset from UTC in seconds (where "today" ends).
    public var utcOffset: Double = 0
    public var language: Language
    public var ascii = false
    /// Korean cannot be shown (non-UTF-8 locale).
    public var englishOnly = false
    public var size: Size
    public var screen: StartScreen = .home

    public init(catalog: LessonCatalog, language: Language, size: Size, screen: StartScreen = .home) {
        self.catalog = catalog; self.language = language; self.size = size; self.screen = screen
    }
}

extension AppState {
    /// The first state: the start screen alone on the stack (so leaving it quits), or home when
    /// it cannot be built (the error becomes the message).
    public init(start: StartUp) {
        var message = start.message, first = Screen.home(HomeScreen.State())
        do {
            switch start.screen {
            case .home: break
            case .scene(let scene, let options): first = .player(try PlayerScreen.State(scene: scene, options: options))
            case .cwnd(let parameters, let compare, let chart):
                first = .cwnd(try CwndScreen.State(parameters: parameters, compare: compare, chart: start.ascii ? .ascii : chart))
            case .journey(let parameters): first = .journey(try JourneyScreen.State(parameters: parameters))
            case .captureChooser(let chooser): first = .captureChooser(chooser)
            case .liveCapture(let source, let stream):
                var player = try PlayerScreen.State(scene: .capture(CaptureTrace.empty, title: UIText.liveTitle(source)))
                player.live = PlayerScreen.State.Live(source: source, stream: stream)
                first = .player(player)
            case .realLab(var lab):
                if start.ascii { lab.chart = .ascii }
                first = .realLab(lab)
            case .quiz(let session, let title): first = .quiz(QuizScreen.State(session: session, title: title, now: start.now))
            }
        } catch {
            message = "\(error)"
        }
        self.init(size: start.size, language: start.language, catalog: start.catalog, readLessons: start.readLessons,
                  warnings: start.warnings, ascii: start.ascii, englishOnly: start.englishOnly, screen: first)
        context.message = message
        context.cards = start.cards
        context.streakEnabled = start.streak
        context.positions = start.positions
        context.glossary = start.glossary
        context.lastLesson = start.lastLesson
        context.notSaving = start.notSaving
        context.saving = start.notSaving ? .notSaved : start.saving
        updateQuizSaving()
        context.now = start.now
        context.utcOffset = start.utcOffset
    }
}

extension SessionMode {
    /// The quiz screen's title for a session of this mode.
    public func title(_ language: Language) -> String {
        switch self {
        case .lesson: UIText.quizTitle[language]
        case .review: UIText.reviewTitle[language]
        case .interview: UIText.interviewTitle[language]
        }
    }
}
