import Foundation
import TutorApp
import TutorCapture
import TutorContent
import TutorProgress
import TutorRender
import TutorCore
import TutorQuiz
import TutorTerminal

/// The interactive tutor: loads what the first state needs into a `StartUp`, opens the
/// terminal and runs TutorApp's loop with the shell's effects and the system clock.
public struct TUISession {
    public var library: ContentLibrary
    public var dataDirectory: String
    public var language: Language
    public var ascii = false
    public var color = true
    /// `--lang` as given (nil: from the environment): an explicit `ko` is honoured under `LANG=C`.
    public var languageFlag: Language?

    public var mouse = true
    /// `trace --live`: the capture the player polls.
    public var live: LiveStream?

    public init(library: ContentLibrary, dataDirectory: String, language: Language, ascii: Bool, color: Bool, languageFlag: Language? = nil, mouse: Bool = true) {
        self.library = library; self.dataDirectory = dataDirectory; self.language = language; self.ascii = ascii; self.color = color
        self.languageFlag = languageFlag; self.mouse = mouse
    }

    /// The locale the terminal is driven in (applied to the process) and what to say about it.
    public static func displayLocale(language: Language, languageFlag: Language?) -> DisplayLocale {
        DisplayLocale.apply(environment: ShellEnvironment.variables, koreanRequested: languageFlag == .ko, koreanWanted: language == .ko)
    }

    /// Runs until the last screen is left. `start` other than `.home` is the only screen.
    public func run(_ start: StartUp.StartScreen = .home) throws {
        let display = Self.displayLocale(language: language, languageFlag: languageFlag)
        let utf8 = display.utf8
        let (store, storeWarning) = ProgressFiles.openForApp(path: dataDirectory + "/progress.sqlite")
        let started = (try? store.positions()) ?? [:]
        let (catalog, diags) = library.loadCatalog(countingBlocksOf: Set(started.keys))
        var s = StartUp(catalog: catalog, language: language, size: Size(width: 80, height: 24), screen: start)
        // Said once, in the key bar: why Korean is not shown (with the fix), or how it is.
        s.message = [display.note.map { UIText.localeNote($0) }, storeWarning.map { UIText.storeNotice($0, language) }].compactMap { $0 }.joined(separator: " · ").nilIfEmpty
        do {
            s.readLessons = try store.readLessons(); s.cards = try store.cards()
            s.positions = try store.positions(); s.lastLesson = try store.lastOpenedLesson(); s.streak = try store.settings().streak
        } catch { s.message = "\(error)" }
        s.warnings = diags.filter { $0.severity == .error }.map(\.description)
        s.notSaving = store is MemoryProgressStore
        s.saving = store.saveState ?? .saved
        s.ascii = ascii || !utf8; s.englishOnly = !utf8
        let clock = SystemClock()
        s.now = clock.wallTime()
        s.utcOffset = utcOffset()
        let terminal = try Terminal(options: Terminal.Options(color: color, asciiOnly: !utf8, mouse: mouse))
        defer { terminal.shutdown() }
        s.size = terminal.size
        var runner = ShellEffects(library: library, store: store)
        runner.live = live
        var loop = AppLoop(state: AppState(start: s), backend: terminal, runner: runner, clock: clock)
        loop.currentSaving = { store.saveState ?? .saved }
        loop.run()
    }
}

/// The plain quiz on stdin and stdout; each answer is scheduled and stored as it is given.
public struct StdioQuiz: QuizConversation {
    let store: ProgressStore
    let fsrs: FSRS?
    let language: Language

    public init(store: ProgressStore, language: Language = .en) throws { self.store = store; fsrs = try store.settings().scheduler; self.language = language }
    public func say(_ line: String) { Console.out(line + "\n") }
    public func ask(_ prompt: String) -> String? {
        Console.out(prompt + " ")  // unbuffered: the prompt shows before the read
        return readLine(strippingNewline: true)
    }
    public func now() -> Double { SystemClock().wallTime() }
    public func record(_ attempt: Attempt) throws -> Card {
        let card = try store.record(attempt, scheduling: fsrs)!
        if let state = store.saveState, state != .saved { say(UIText.saveNote(state, language)) }
        return card
    }
    public func card(_ questionID: String) -> Card? { (try? store.cards())?[questionID] }
    public var saving: SaveState { store is MemoryProgressStore ? .notSaved : store.saveState ?? .saved }
}

extension UIText {
    /// A locale note in the words of `UIText+Locale.swift`.
    static func localeNote(_ note: DisplayLocale.Note) -> String {
        switch note {
        case .borrowedUTF8(let setting): koreanWithFallback(setting: setting)
        case .koreanUnavailable(let setting, let installed): koreanUnavailable(setting: setting, utf8Installed: installed)
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension UIText {
    /// A store notice in the learner's language (the file name and the reason stay as they are).
    static func storeNotice(_ notice: StoreNotice, _ l: Language) -> String {
        switch notice {
        case .damaged(let aside, _, let copied, let lost): storeDamaged(aside: aside, copied: copied, lost: lost, l)
        case .unusable(let reason): notSavingPlain(l) + " (\(reason))"
        case .journalSkipped(let n): journalSkipped(n, l)
        }
    }
}
