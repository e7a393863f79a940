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
        var startMessage = storeWarning
        do { readLessons = try store.readLessons() } catch { startMessage = "\(error)" }

        let terminal: Terminal
        do {
            terminal = try Terminal(options: Terminal.Options(color: global.useColor, asciiOnly: !utf8))
        } catch {
            throw CLIError("\(error)", code: 1)
        }
        defer { terminal.shutdown() }

        var state = AppState(size: terminal.size, language: global.language, catalog: catalog,
                             readLessons: readLessons, warnings: diags.filter { $0.severity == .error }.map(\.description),
                             ascii: global.ascii || !utf8, englishOnly: !utf8)
        state.message = startMessage
        switch start {
        case .scene(let scene, let options):
            state.player = try PlayerScreen.State(scene: scene, options: options, returnTo: .home)
            state.screen = .player
            state.playerOnly = true
        case .cwnd(let parameters, let compare, let chart):
            openCwndLab(&state, parameters: parameters, compare: compare, chart: chart)
            state.playerOnly = true
        case .journey(let parameters):
            openJourney(&state, parameters: parameters)
            state.playerOnly = true
        case .quiz:
            break  // the quiz screen comes with the TUI quiz
        case nil: break
        }
        terminal.present(render(state, size: terminal.size))

        var lastTick = ContinuousClock.now
        loop: while true {
            let event = terminal.nextEvent(timeout: state.isAnimating ? 33 : nil)
            var queue: [AppAction]
            switch event {
            case .key(let key): queue = [.keyPressed(key)]
            case .resize(let size): queue = [.resized(size)]
            case .timeout:
                let now = ContinuousClock.now
                let elapsed = now - lastTick
                lastTick = now
                queue = [.tick(elapsed: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)]
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
                    }
                }
            }
            terminal.present(render(state, size: terminal.size))
        }
    }

    /// The SQLite store, or (when it is corrupt, locked or unwritable) an in-memory one plus a
    /// warning: the app still works and the file on disk is left untouched.
    func openStore() -> (ProgressStore, String?) {
        let path = global.dataDirectory + "/progress.sqlite"
        do {
            return (try SQLiteProgressStore(path: path), nil)
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
