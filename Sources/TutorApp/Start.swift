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
        case scene(SceneID, SceneOptions)
        case cwnd(CwndParameters, compare: Bool, chart: BrailleCanvas.Mode)
        case journey(JourneyParameters)
        case quiz(QuizSession, title: String)
    }

    public var catalog: LessonCatalog
    public var readLessons: Set<String> = []
    public var cards: [String: Card] = [:]
    public var positions: [String: Int] = [:]
    public var streak = false
    /// The progress database could not be used (an in-memory store stands in).
    public var notSaving = false
    /// Content problems found while loading (broken lessons are skipped).
    public var warnings: [String] = []
    /// A first message for the key bar (e.g. the store's warning).
    public var message: String?
    /// Seconds since the epoch.
    public var now: Double = 0
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
    public init(start: StartUp) {
        self.init(size: start.size, language: start.language, catalog: start.catalog, readLessons: start.readLessons,
                  warnings: start.warnings, ascii: start.ascii, englishOnly: start.englishOnly)
        message = start.message
        cards = start.cards
        streakEnabled = start.streak
        positions = start.positions
        notSaving = start.notSaving
        now = start.now
        switch start.screen {
        case .home: break
        case .scene(let scene, let options):
            do {
                player = try PlayerScreen.State(scene: scene, options: options, returnTo: .home)
                screen = .player
                playerOnly = true
            } catch {
                message = "\(error)"
            }
        case .cwnd(let parameters, let compare, let chart):
            openCwndLab(&self, parameters: parameters, compare: compare, chart: chart)
            playerOnly = screen == .cwnd
        case .journey(let parameters):
            openJourney(&self, parameters: parameters)
            playerOnly = screen == .journey
        case .quiz(let session, let title):
            quiz = QuizScreen.State(session: session, title: title, now: now, returnTo: .home)
            screen = .quiz
            playerOnly = true
        }
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
