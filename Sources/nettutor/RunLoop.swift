import Foundation
import NetSim
import TutorApp
import TutorContent
import TutorCore
import TutorProgress
import TutorQuiz
import TutorRender
import TutorTerminal

/// The imperative shell of the TUI: event -> action -> reduce -> effects -> present.
struct RunLoop {
    let global: GlobalOptions
    /// `nettutor play SCENE` or `nettutor cwnd` on a terminal: start there; leaving it quits.
    enum Start {
        case scene(SceneID, SceneOptions)
        case cwnd(CwndParameters, compare: Bool, chart: BrailleCanvas.Mode)
        case journey(JourneyParameters)
        case quiz(QuizSession)
    }
    var start: Start? = nil

    func run() throws {
        let utf8 = LocaleCheck.isUTF8()
        let library = try global.library()
        let (catalog, diags) = library.loadCatalog()
        let (store, storeWarning) = openStore()
        var readLessons: Set<String> = []
        var cards: [String: Card] = [:]
        var streak = false
        var positions: [String: Int] = [:]
        var startMessage = storeWarning
        do {
            readLessons = try store.readLessons()
            cards = try store.cards()
            positions = try store.positions()
            streak = try store.settings().streak
        } catch { startMessage = "\(error)" }
        // Quiz files are parsed when a quiz first starts, not at start-up.
        var banks: [QuizBank]?
        func quizBanks() -> [QuizBank] {
            if let banks { return banks }
            let loaded = library.loadQuizzes().0
            banks = loaded
            return loaded
        }

        let terminal: Terminal
        do {
            terminal = try Terminal(options: Terminal.Options(color: global.useColor, asciiOnly: !utf8))
        } catch {
            throw CLIError("\(error)", code: 1)
        }
        defer { terminal.shutdown() }

        // `nettutor play SCENE`, `cwnd`, `journey` or `quiz` start on that screen alone: leaving it quits.
        var first: Screen = .home(HomeScreen.State())
        switch start {
        case .scene(let scene, let options): first = .player(try PlayerScreen.State(scene: scene, options: options))
        case .cwnd(let parameters, let compare, let chart):
            first = .cwnd(try CwndScreen.State(parameters: parameters, compare: compare, chart: global.ascii || !utf8 ? .ascii : chart))
        case .journey(let parameters): first = .journey(try JourneyScreen.State(parameters: parameters))
        case .quiz(let session):
            let language: Language = utf8 ? global.language : .en
            first = .quiz(QuizScreen.State(session: session, title: Self.title(session.mode, language), now: Date().timeIntervalSince1970))
        case nil: break
        }
        var state = AppState(size: terminal.size, language: global.language, catalog: catalog,
                             readLessons: readLessons, warnings: diags.filter { $0.severity == .error }.map(\.description),
                             ascii: global.ascii || !utf8, englishOnly: !utf8, screen: first)
        state.message = startMessage
        state.cards = cards
        state.streakEnabled = streak
        state.positions = positions
        state.notSaving = store is MemoryProgressStore
        state.now = Date().timeIntervalSince1970
        terminal.present(render(state))

        // The tick clock restarts with each animation (a new generation), so a pause is not
        // counted as time played.
        var lastTick = ContinuousClock.now, tickGeneration = state.animationGeneration
        loop: while true {
            if state.animationGeneration != tickGeneration { lastTick = .now; tickGeneration = state.animationGeneration }
            let event = terminal.nextEvent(timeout: state.tickInterval)
            var queue: [AppAction] = [.clockAdvanced(to: Date().timeIntervalSince1970)]
            switch event {
            case .key(let key): queue.append(.keyPressed(key))
            case .resize(let size): queue.append(.resized(size))
            case .timeout:
                let now = ContinuousClock.now
                let elapsed = now - lastTick
                lastTick = now
                queue.append(.tick(elapsed: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, generation: tickGeneration))
            }
            while !queue.isEmpty {
                let action = queue.removeFirst()
                for effect in reduce(&state, action) {
                    switch effect {
                    case .quit: break loop
                    case .suspend:
                        terminal.suspend()
                        queue.append(.resized(terminal.size))
                    case .loadLesson(let id, let language):
                        switch library.loadLesson(id: id, language: language) {
                        case .success(let lesson): queue.append(.lessonLoaded(lesson))
                        case .failure(let e):
                            queue.append(.lessonFailed(id: id, message: e.diagnostics.first?.description ?? "cannot load \(id)"))
                        }
                    case .markRead(let id):
                        do { try store.markRead(lessonID: id, at: Date()) } catch { queue.append(.progressFailed("\(error)")) }
                    case .startQuiz(let request):
                        do {
                            let now = Date().timeIntervalSince1970
                            let session: QuizSession
                            let newPerDay = (try? store.settings())?.newPerDay ?? 10
                            switch request {
                            case .lesson(let id): session = try Quiz.session(banks: quizBanks(), lesson: id, due: false, interview: false, count: 5, newPerDay: newPerDay, store: store, now: now)
                            case .review: session = try Quiz.session(banks: quizBanks(), lesson: nil, due: true, interview: false, count: 5, newPerDay: newPerDay, store: store, now: now)
                            case .interview: session = try Quiz.session(banks: quizBanks(), lesson: nil, due: false, interview: true, count: 5, newPerDay: newPerDay, store: store, now: now)
                            }
                            if session.items.isEmpty {
                                queue.append(.quizFailed(state.language == .ko ? "지금 풀 문제가 없습니다." : "Nothing to do now: no reviews are due and no new questions are left."))
                            } else {
                                var title = Self.title(session.mode, state.language)
                                if case .lesson(let id) = request { title += ": " + (state.catalog.meta(id: id, language: state.language)?.title ?? id) }
                                queue.append(.quizReady(session, title: title))
                            }
                        } catch {
                            queue.append(.quizFailed("\(error)"))
                        }
                    case .recordAnswer(let attempt, let schedule):
                        do {
                            let card = schedule ? Scheduling.next(try store.cards()[attempt.questionID], rating: attempt.rating, at: attempt.answeredAt, fsrs: try Quiz.scheduler(store)) : nil
                            try store.record(attempt, card: card)
                            queue.append(.answerRecorded(questionID: attempt.questionID, card: card))
                        } catch {
                            queue.append(.progressFailed("\(error) (the answer was not saved)"))
                        }
                    case .lessonOpened(let id):
                        do { try store.markOpened(lessonID: id, at: Date()) } catch { queue.append(.progressFailed("\(error)")) }
                    case .savePosition(let id, let block):
                        do { try store.setPosition(lessonID: id, block: block) } catch { queue.append(.progressFailed("\(error)")) }
                    case .sceneStarted(let scene):
                        do { try store.recordSceneRun(scene: scene, at: Date()) } catch { queue.append(.progressFailed("\(error)")) }
                    case .loadDashboard:
                        do {
                            queue.append(.dashboardLoaded(try DashboardLoader.load(library: library, store: store, now: Date().timeIntervalSince1970, utcOffset: utcOffset(),
                                                                                   catalog: catalog, banks: quizBanks())))
                        } catch {
                            queue.append(.progressFailed("\(error)"))
                        }
                    }
                }
            }
            terminal.present(render(state))
        }
    }

    static func title(_ mode: SessionMode, _ language: Language) -> String {
        switch mode {
        case .lesson: UIText.quizTitle[language]
        case .review: UIText.reviewTitle[language]
        case .interview: UIText.interviewTitle[language]
        }
    }

    /// The SQLite store; a corrupt file is moved aside and a fresh one started (with a message).
    /// When the database is locked or the folder cannot be written, an in-memory store plus a
    /// warning: the app still works, says it is not saving, and nothing on disk is touched.
    func openStore() -> (ProgressStore, String?) {
        let path = global.dataDirectory + "/progress.sqlite"
        do {
            return try SQLiteProgressStore.openMovingCorruptAside(path: path)
        } catch {
            return (MemoryProgressStore(), "\(error) (progress is not saved this session)")
        }
    }
}

enum LocaleCheck {
    /// Applies the user's locale and tells whether it is UTF-8 (ncursesw needs this to draw
    /// Hangul; otherwise we fall back to ASCII glyphs and English).
    static func isUTF8() -> Bool {
        setlocale(LC_ALL, "")
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
