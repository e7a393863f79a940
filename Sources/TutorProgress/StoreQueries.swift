import TutorCore
import TutorQuiz

/// What the app asks of the store beyond single rows: an answer scheduled and stored, a quiz
/// session planned on the stored cards, and the dashboard computed from everything stored.
extension ProgressStore {
    /// Stores an answer; with a scheduler, its card after FSRS reviews it at the answer's time.
    @discardableResult
    public func record(_ attempt: Attempt, scheduling fsrs: FSRS?) throws -> Card? {
        // A stored card with impossible values (from an old import, a damaged row) is started again.
        let stored = try cards()[attempt.questionID].flatMap { ProgressImport.isUsable($0) ? $0 : nil }
        let card = try fsrs.map { Scheduling.next(stored, rating: attempt.rating, at: attempt.answeredAt, fsrs: $0) }
        try record(attempt, card: card)
        return card
    }

    /// `request` planned by `SessionPlanner` on the cards stored now (they also reshuffle the
    /// options), with the stored scheduler; new questions in `lessonOrder`, read lessons first.
    public func session(_ request: SessionPlanner.Request, banks: [QuizBank], newPerDay: Int, now: Double, utcOffset: Double,
                        lessonOrder: [String] = []) throws -> QuizSession {
        var newToday = 0, read: Set<String> = []
        let cards = try self.cards()
        if case .review = request, SessionPlanner.newPerDayRange.contains(newPerDay) {
            newToday = try newCardsStarted(since: SessionPlanner.startOfDay(now, utcOffset: utcOffset))
            read = try readLessons()
        }
        var session = try SessionPlanner.plan(request, banks: banks, cards: cards, newStartedToday: newToday, newPerDay: newPerDay, now: now,
                                              utcOffset: utcOffset, lessonOrder: lessonOrder, readLessons: read)
        session.scheduler = try settings().scheduler
        return session
    }

    /// The dashboard of the stored progress over `catalog`'s lessons and `questions` (id and
    /// lesson: no parsed quiz needed). Its activity figures come from `dashboardActivity`: SQL
    /// aggregates in the SQLite store, `Dashboard.Activity` over every row elsewhere.
    public func dashboard(catalog: LessonCatalog, questions: [QuestionLesson], now: Double, utcOffset: Double) throws -> DashboardData {
        var topics: [String: String] = [:]
        for id in catalog.ids { if let m = catalog.meta(id: id, language: .en) ?? catalog.meta(id: id, language: .ko) { topics[id] = m.topic.rawValue } }
        let settings = try settings()
        return Dashboard.assemble(try dashboardActivity(now: now, utcOffset: utcOffset), questions: questions, lessonTopics: topics,
                                  topicOrder: Topic.allCases.map(\.rawValue), readLessons: try readLessons(),
                                  cards: try cards().filter { ProgressImport.isUsable($0.value) }, now: now, utcOffset: utcOffset,
                                  newPerDay: settings.newPerDay, fsrs: settings.scheduler)
    }

    /// The activity figures computed in memory from every stored row: the reference the SQL
    /// must match, and what a store without SQL uses. Rows with impossible dates or memory (see
    /// `ProgressImport`) are left out, not drawn.
    public func activityFromAllRows(now: Double, utcOffset: Double) throws -> Dashboard.Activity {
        let reviews = try reviews().filter { ProgressImport.dates.contains($0.reviewedAt) && ProgressImport.dueDates.contains($0.due) }
            .map { (questionID: $0.questionID, reviewedAt: $0.reviewedAt, due: $0.due) }
        return Dashboard.Activity(attempts: try attempts().filter { ProgressImport.dates.contains($0.answeredAt) && $0.durationMS >= 0 },
                                  reviews: reviews, now: now, utcOffset: utcOffset)
    }

    public func dashboardActivity(now: Double, utcOffset: Double) throws -> Dashboard.Activity {
        try activityFromAllRows(now: now, utcOffset: utcOffset)
    }

    public func answerCount() throws -> Int { try attempts().count }
}
