import TutorApp
import TutorContent
import TutorCore
import TutorProgress
import TutorQuiz

/// `nettutor quiz`: today's session planned from the store and the banks, then run line by line
/// on standard input and output, or handed to the TUI (`.player`), or there is nothing to do.
public enum QuizRequest {
    public static func run(_ library: ContentLibrary, dataDirectory: String, request: SessionPlanner.Request, newPerDay: Int?,
                           plain: Bool, language: Language, languageFlag: Language?) throws -> Shown? {
        let (banks, diags) = library.loadQuizzes()
        for d in diags where d.severity == .error { Console.error(d.description) }
        // Like the TUI: an unusable data folder still quizzes, saying plainly that nothing is kept.
        let (store, storeWarning) = ProgressFiles.openForApp(path: dataDirectory + "/progress.sqlite")
        if let storeWarning { Console.error("\(storeWarning)") }
        let session = try store.session(request, banks: banks, newPerDay: newPerDay ?? (try? store.settings())?.newPerDay ?? SessionPlanner.defaultNewPerDay,
                                        now: SystemClock().wallTime(), utcOffset: utcOffset(), lessonOrder: library.loadCatalog().0.ids)
        guard try Output(plain: plain, json: false, mermaid: false) == .tui else {
            if store is MemoryProgressStore { Output.write(UIText.notSavingPlain(language) + "\n") }
            var quiz = PlainQuiz(session: session, language: language)
            try quiz.run(StdioQuiz(store: store, language: language))
            return nil
        }
        guard !session.items.isEmpty else { return .text(PlainQuiz.nothingToDo(language) + "\n") }
        let title = session.mode.title(TUISession.displayLocale(language: language, languageFlag: languageFlag).utf8 ? language : .en)
        return .player(.quiz(session, title: title))
    }
}
