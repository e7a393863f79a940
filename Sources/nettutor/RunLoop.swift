import TutorApp
import TutorRender
import TutorProgress
import TutorTerminal

/// Starts the TUI: loads what the first state needs into a `StartUp`, opens the terminal and
/// runs TutorApp's loop with the shell's effects and clock.
struct RunLoop {
    let global: GlobalOptions
    typealias Start = StartUp.StartScreen
    /// `nettutor play SCENE`, `cwnd`, `journey` or `quiz` on a terminal start on that screen alone.
    var start: Start = .home

    func run() throws {
        let utf8 = TerminalInfo.localeIsUTF8()
        let library = try global.library()
        let (catalog, diags) = library.loadCatalog()
        let (store, storeWarning) = ProgressFiles.openForApp(path: global.dataDirectory + "/progress.sqlite")
        var s = StartUp(catalog: catalog, language: global.language, size: Size(width: 80, height: 24), screen: start)
        s.message = storeWarning
        do {
            s.readLessons = try store.readLessons(); s.cards = try store.cards()
            s.positions = try store.positions(); s.streak = try store.settings().streak
        } catch { s.message = "\(error)" }
        s.warnings = diags.filter { $0.severity == .error }.map(\.description)
        s.notSaving = store is MemoryProgressStore
        s.ascii = global.ascii || !utf8; s.englishOnly = !utf8
        let clock = SystemClock()
        s.now = clock.wallTime()
        let terminal: Terminal
        do { terminal = try Terminal(options: Terminal.Options(color: global.useColor, asciiOnly: !utf8)) } catch { throw CLIError("\(error)", code: 1) }
        defer { terminal.shutdown() }
        s.size = terminal.size
        var loop = AppLoop(state: AppState(start: s), backend: terminal, runner: ShellEffects(library: library, store: store), clock: clock)
        loop.run()
    }
}
