import TutorCore
import TutorQuiz

/// What the app asks of the store beyond single rows: an answer scheduled and stored, a quiz
/// session planned on the stored cards, and the dashboard computed from everything stored.
extension ProgressStore {
    /// Stores an answer; with a scheduler, its card after FSRS reviews it at the answer's time.
    @discardableResult
    public func record(_ attempt: Attempt, scheduling fsrs: FSRS?) throws -> Card? {
        let card = try fsrs.map { Scheduling.next(try cards()[attempt.questionID], rating: attempt.rating, at: attempt.answeredAt, fsrs: $0) }
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

    /// The dashboard (`Dashboard.compute`) of the stored progress over `catalog` and `banks`.
    public func dashboard(catalog: LessonCatalog, banks: [QuizBank], now: Double, utcOffset: Double) throws -> DashboardData {
        var topics: [String: String] = [:]
        for id in catalog.ids { if let m = catalog.meta(id: id, language: .en) ?? catalog.meta(id: id, language: .ko) { topics[id] = m.topic.rawValue } }
        let reviews = try reviews().map { (questionID: $0.questionID, reviewedAt: $0.reviewedAt, due: $0.due) }
        return Dashboard.compute(questions: banks.flatMap(\.questions), lessonTopics: topics, topicOrder: Topic.allCases.map(\.rawValue),
                                 readLessons: try readLessons(), cards: try cards(), attempts: try attempts(),
                                 reviews: reviews, now: now, utcOffset: utcOffset, newPerDay: try settings().newPerDay, fsrs: try settings().scheduler)
    }
}
