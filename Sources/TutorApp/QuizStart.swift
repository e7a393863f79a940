import TutorCore
import TutorQuiz

extension QuizRequest {
    /// What `SessionPlanner` is asked for (the TUI's interview round has five questions).
    public var plan: SessionPlanner.Request {
        switch self {
        case .lesson(let id): .lesson(id)
        case .review: .review(lesson: nil)
        case .interview: .interview(count: 5)
        }
    }

    /// The answer to `.startQuiz(self)` once the shell has planned `session`: the quiz with its
    /// title, or a message when there is nothing to ask.
    public func answer(_ session: QuizSession, _ context: AppContext) -> AppAction {
        let language = context.language
        if session.items.isEmpty {
            guard case .review = self else { return .quizFailed(UIText.nothingToDoShort[language]) }
            // The same figures as the home screen and the dashboard: nothing is due *now*.
            let due = StudyFigures.Due(context.cards.values, now: context.now, utcOffset: context.utcOffset)
            return .quizFailed(UIText.nothingDueNow(due, now: context.now, language))
        }
        var title = session.mode.title(language)
        if case .lesson(let id) = self { title += ": " + (context.catalog.meta(id: id, language: language)?.title ?? id) }
        return .quizReady(session, title: title)
    }
}
