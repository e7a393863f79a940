import ArgumentParser
import TutorApp
import TutorCore
import TutorProgress
import TutorQuiz
import TutorShell
import TutorTerminal

struct Quiz: Command {
    static let configuration = CommandConfiguration(commandName: "quiz", 
        abstract: "Interview-style quizzes: a lesson's questions, today's reviews, or an interview round.",
        discussion: "--plain is a line-oriented quiz on standard input and output (for scripts and screen readers). Every answer is saved as it is given (while another program locks the database, in a journal beside it, written later).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A lesson id (default: today's reviews).", completion: Completion.lessons) var lesson: String?
    @Flag(help: "Today's reviews: due cards, then new questions.") var due = false
    @Flag(help: "Interview mode: open questions across lessons, two minutes each.") var interview = false
    @Option(help: "Interview mode: how many questions.") var count = 5
    @Option(help: "New questions a day in reviews.") var newPerDay: Int?
    @Flag(help: "Line-oriented quiz on stdin/stdout (the default when not on a terminal).") var plain = false

    func validate() throws {
        if !(1...50).contains(count) { throw ValidationError(SessionPlanner.PlanError.countOutOfRange.description) }
    }

    func execute() throws {
        let library = try global.library()
        let (banks, diags) = library.loadQuizzes()
        for d in diags where d.severity == .error { printError(d.description) }
        // Like the TUI: an unusable data folder still quizzes, saying plainly that nothing is kept.
        let (store, storeWarning) = ProgressFiles.openForApp(path: global.dataDirectory + "/progress.sqlite")
        if let storeWarning { printError("\(storeWarning)") }
        let notSaving = store is MemoryProgressStore
        let request: SessionPlanner.Request = interview ? .interview(count: count) : lesson.map { due ? .review(lesson: $0) : .lesson($0) } ?? .review(lesson: nil)
        let session = try store.session(request, banks: banks, newPerDay: newPerDay ?? (try? store.settings())?.newPerDay ?? SessionPlanner.defaultNewPerDay,
                                         now: SystemClock().wallTime(), utcOffset: utcOffset(), lessonOrder: library.loadCatalog().0.ids)
        guard try Output(plain: plain) == .tui else {
            if notSaving { Output.write(UIText.notSavingPlain(global.language) + "\n") }
            var quiz = PlainQuiz(session: session, language: global.language)
            return try quiz.run(StdioQuiz(store: store, language: global.language))
        }
        guard !session.items.isEmpty else { return Output.write(PlainQuiz.nothingToDo(global.language) + "\n") }
        let title = session.mode.title(TUISession.displayLocale(language: global.language, languageFlag: global.lang).utf8 ? global.language : .en)
        try global.runTUI(.quiz(session, title: title))
    }
}
