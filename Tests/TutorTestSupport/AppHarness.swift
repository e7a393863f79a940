import NetSim
import TutorApp
import TutorCore
import TutorQuiz
import TutorRender

/// The test shell: runs effects against fake content and an in-memory record of answers. A
/// second `EffectRunner` beside the real shell's, so tests and the run loop use one dispatch.
public struct FakeShell: EffectRunner {
    /// Lessons it can load, keyed by "lang/id".
    public var lessons: [String: Lesson]
    /// Quizzes it can start, and the answers it has stored.
    public var quizBanks: [QuizBank] = []
    public private(set) var recorded: [Attempt] = []
    /// The glossary file's entries, and how many times it was read.
    public var glossary: [GlossaryEntry] = []
    public private(set) var glossaryReads = 0
    /// Captures the chooser can open: path → stream → its scene.
    public var captures: [String: [Int: SceneSpec]] = [:]
    /// What the next polls of a live capture find (one per poll), and how many polls came.
    public var liveUpdates: [(trace: Trace, packets: Int, streams: Int)] = []
    public private(set) var livePolls = 0

    public init(lessons: [Lesson], quizBanks: [QuizBank] = []) {
        self.lessons = Dictionary(lessons.map { ("\($0.meta.language.rawValue)/\($0.meta.id)", $0) }, uniquingKeysWith: { a, _ in a })
        self.quizBanks = quizBanks
    }

    public mutating func run(_ effect: Effect, state: AppState) -> [AppAction] {
        switch effect {
        case .loadLesson(let id, let language):
            if let lesson = lessons["\(language.rawValue)/\(id)"] { return [.lessonLoaded(lesson)] }
            return [.lessonFailed(id: id, message: "Content/\(language.rawValue)/\(id).md:1: cannot read file")]
        case .openCapture(let path, let stream):
            if let spec = captures[path]?[stream] { return [.captureOpened(spec)] }
            return [.captureFailed("\(path): cannot read")]
        case .pollLiveCapture:
            livePolls += 1
            guard !liveUpdates.isEmpty else { return [] }
            let next = liveUpdates.removeFirst()
            return [.liveCaptureUpdated(next.trace, packets: next.packets, streams: next.streams)]
        case .markRead, .suspend, .lessonOpened, .savePosition, .sceneStarted, .quit: return []
        case .startQuiz(let request):
            let day = Int(state.now / 86_400)
            switch request {
            case .lesson(let id):
                if let bank = quizBanks.first(where: { $0.lesson == id }) { return [.quizReady(QuizSession.lesson(bank, day: day, cards: state.cards), title: id)] }
                return [.quizFailed("no quiz for \(id)")]
            case .review:
                // Answered as the real shell does, so an empty review gets the same message.
                return [request.answer(QuizSession.review(quizBanks.flatMap(\.questions), cards: state.cards, now: state.now, day: day,
                                                          lessonOrder: state.catalog.ids, readLessons: state.readLessons), state.context)]
            case .interview:
                return [.quizReady(QuizSession.interview(quizBanks.flatMap(\.questions), seed: 1), title: "interview")]
            }
        case .recordAnswer(let attempt, let schedule):
            recorded.append(attempt)
            return [.answerRecorded(questionID: attempt.questionID,
                                    card: schedule ? Scheduling.next(state.cards[attempt.questionID], rating: attempt.rating, at: attempt.answeredAt) : nil)]
        case .loadGlossary:
            glossaryReads += 1
            return [.glossaryLoaded(glossary)]
        case .loadDashboard:
            var topics: [String: String] = [:]
            for id in state.catalog.ids { topics[id] = state.catalog.meta(id: id, language: .en)?.topic.rawValue ?? state.catalog.meta(id: id, language: .ko)?.topic.rawValue }
            return [.dashboardLoaded(Dashboard.compute(questions: quizBanks.flatMap(\.questions), lessonTopics: topics, topicOrder: Topic.allCases.map(\.rawValue),
                                                       readLessons: state.readLessons, cards: state.cards, attempts: recorded,
                                                       reviews: recorded.map { (questionID: $0.questionID, reviewedAt: $0.answeredAt, due: state.cards[$0.questionID]?.due ?? $0.answeredAt) },
                                                       now: state.now))]
        }
    }
}

/// Drives the pure app like the run loop does, with the fake shell: press named keys, resize,
/// and inspect the whole state, the effects issued and the rendered frame. No sleeping.
public struct AppHarness {
    public var state: AppState
    public var shell: FakeShell
    /// Every effect issued so far, in order.
    public private(set) var effects: [Effect] = []
    public private(set) var quit = false
    public var lessons: [String: Lesson] { get { shell.lessons } set { shell.lessons = newValue } }
    public var quizBanks: [QuizBank] { get { shell.quizBanks } set { shell.quizBanks = newValue } }
    public var recorded: [Attempt] { shell.recorded }

    public init(size: Size = Size(width: 80, height: 24), language: Language = .ko, lessons: [Lesson],
                readLessons: Set<String> = [], warnings: [String] = [], ascii: Bool = false) {
        shell = FakeShell(lessons: lessons)
        state = AppState(size: size, language: language, catalog: LessonCatalog(lessons.map(\.meta)),
                         readLessons: readLessons, warnings: warnings, ascii: ascii)
    }

    /// Presses keys by name: "down", "enter", "ctrl+c", "/", "L", or any single character.
    public mutating func press(_ names: String...) {
        for name in names {
            guard let key = Key(name: name) else { fatalError("unknown key name \(name)") }
            send(.keyPressed(key))
        }
    }

    /// Types text (each character a key press), e.g. Hangul into the filter.
    public mutating func type(_ text: String) {
        for c in text { send(.keyPressed(.char(c))) }
    }

    public mutating func resize(_ width: Int, _ height: Int) {
        send(.resized(Size(width: width, height: height)))
    }

    /// A tick of the animation now running (as the run loop sends it).
    public mutating func tick(_ elapsed: Double) {
        send(.tick(elapsed: elapsed, generation: state.animationGeneration))
    }

    /// Sends one action and runs the effects it produces with the fake shell.
    public mutating func send(_ action: AppAction) {
        var issued: [Effect] = []
        if state.dispatch(action, runner: &shell, observe: { issued.append($0) }) == .quit { quit = true }
        effects += issued
    }

    public func frame() -> CellGrid { render(state) }
    public var screenText: String { frame().snapshotText() }
}
