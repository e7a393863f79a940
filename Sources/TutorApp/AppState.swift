import NetSim
import TutorCore
import TutorQuiz
import TutorRender

/// What every screen may read and change: the terminal, the language, the content and the
/// learner's progress. Screens never see the stack; they ask for pushes and pops instead.
public struct AppContext: Sendable, Equatable {
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
    /// The questions' memory states (for the due count on the home screen).
    public var cards: [String: Card] = [:]
    /// Whether the dashboard shows a streak (opt-in).
    public var streakEnabled = false
    /// The lesson opened last (start-up, then every open): home offers to resume it.
    public var lastLesson: String?
    /// The bilingual glossary (`Content/glossary.yaml`), read just after the first frame.
    public var glossary: [GlossaryEntry] = []
    /// Reading positions (block index) by lesson, restored when a lesson is opened again.
    public var positions: [String: Int] = [:]
    /// The progress database could not be used: the title bar says nothing is being saved.
    public var notSaving = false
    /// Whether answers reach the disk now (the quiz footer says it).
    public var saving = SaveState.saved
    /// Seconds since the epoch, as last told by the shell (`clockAdvanced`): the pure core has no clock.
    public var now: Double = 0
    /// The local time zone's offset from UTC in seconds, so "later today" ends at local midnight.
    public var utcOffset: Double = 0
    /// A one-line message in the key bar until the next key.
    public var message: String?

    public var glyphs: Glyphs { ascii ? .ascii : .unicode }
    /// Reviews due now (`StudyFigures.isDueNow`), the home screen's "due now".
    public var dueCount: Int { cards.values.filter { StudyFigures.isDueNow($0, at: now) }.count }
    public var isTooSmall: Bool { size.width < AppState.minimumSize.width || size.height < AppState.minimumSize.height }
}

/// The whole app state: the shared context and a stack of screens (the top one has the keys).
/// `reduce` is the only thing that changes it. Context fields read as `state.language` etc.
@dynamicMemberLookup
public struct AppState: Sendable, Equatable {
    public var context: AppContext
    /// Never empty while the app runs: popping the last screen quits.
    public internal(set) var stack: [Screen]
    public var showHelp = false
    /// First row of the help overlay on screen.
    public internal(set) var helpScroll = 0
    /// Which animation the shell's ticks belong to: bumped whenever one starts or resumes, so
    /// the shell restarts its tick clock and a tick measured across a pause is ignored.
    public internal(set) var animationGeneration = 0

    public init(size: Size, language: Language, catalog: LessonCatalog, readLessons: Set<String> = [],
                warnings: [String] = [], ascii: Bool = false, englishOnly: Bool = false, screen: Screen = .home(HomeScreen.State())) {
        context = AppContext(size: size, language: englishOnly ? .en : language, ascii: ascii, englishOnly: englishOnly,
                             catalog: catalog, readLessons: readLessons, warnings: warnings)
        stack = [screen]
    }

    public subscript<T>(dynamicMember path: WritableKeyPath<AppContext, T>) -> T {
        get { context[keyPath: path] }
        set { context[keyPath: path] = newValue }
    }
    public subscript<T>(dynamicMember path: KeyPath<AppContext, T>) -> T { context[keyPath: path] }

    public static let minimumSize = Size(width: 80, height: 24)

    /// The screen that has the keys.
    public var top: Screen? { stack.last }
    public var screen: Screen.Kind? { top?.kind }
    /// Puts a screen on top (tests and start-up; screens push through their outcomes).
    mutating func push(_ screen: Screen) { stack.append(screen) }

    /// Only a playing scene animates; otherwise the run loop blocks on input with no timeout.
    public var isAnimating: Bool { top?.isAnimating ?? false }
    /// How often the run loop ticks, in ms: 30 fps while something animates, once a second
    /// while an interview countdown runs, never when idle.
    public var tickInterval: Int? { top?.tickInterval }

    // The top screen's state, when it is of that kind (for tests and the shell; setting one
    // replaces the top screen when it is of that kind).
    public internal(set) var home: HomeScreen.State? {
        get { if case .home(let s) = top { s } else { nil } }
        set { if let newValue, case .home = top { stack[stack.count - 1] = .home(newValue) } }
    }
    public internal(set) var reader: ReaderScreen.State? {
        get { if case .reader(let s) = top { s } else { nil } }
        set { if let newValue, case .reader = top { stack[stack.count - 1] = .reader(newValue) } }
    }
    public internal(set) var player: PlayerScreen.State? {
        get { if case .player(let s) = top { s } else { nil } }
        set { if let newValue, case .player = top { stack[stack.count - 1] = .player(newValue) } }
    }
    public internal(set) var cwnd: CwndScreen.State? {
        get { if case .cwnd(let s) = top { s } else { nil } }
        set { if let newValue, case .cwnd = top { stack[stack.count - 1] = .cwnd(newValue) } }
    }
    public internal(set) var journey: JourneyScreen.State? {
        get { if case .journey(let s) = top { s } else { nil } }
        set { if let newValue, case .journey = top { stack[stack.count - 1] = .journey(newValue) } }
    }
    public internal(set) var quiz: QuizScreen.State? {
        get { if case .quiz(let s) = top { s } else { nil } }
        set { if let newValue, case .quiz = top { stack[stack.count - 1] = .quiz(newValue) } }
    }
    public var dashboard: DashboardData? { if case .dashboard(let s) = top { s.data } else { nil } }
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
    /// The shell's store now saves, journals for later, or cannot keep answers at all.
    case saveStateChanged(SaveState)
    case dashboardLoaded(DashboardData)
    /// The first frame is on the screen: what it did not need is loaded now (before any key).
    case started
    case glossaryLoaded([GlossaryEntry])
    /// A capture's TCP stream, read for the chooser: played next.
    case captureOpened(SceneSpec)
    case captureFailed(String)
    /// `trace --live`: the stream as captured so far, and how many packets the filter let through.
    case liveCaptureUpdated(Trace, packets: Int, streams: Int)
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
    /// The glossary file (read after the first frame: only the glossary and its links need it).
    case loadGlossary
    case lessonOpened(lessonID: String)
    case savePosition(lessonID: String, block: Int)
    case sceneStarted(String)
    /// Read TCP stream `stream` of the capture at `path` (the chooser's Enter).
    case openCapture(path: String, stream: Int)
    /// `trace --live`: take what the capture has seen since the last poll.
    case pollLiveCapture
    case suspend
    case quit
}
