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

    /// The dashboard (`Dashboard.compute`) of the stored progress over `catalog` and `banks`.
    public func dashboard(catalog: LessonCatalog, banks: [QuizBank], now: Double, utcOffset: Double) throws -> DashboardData {
        var topics: [String: String] = [:]
        for id in catalog.ids { if let m = catalog.meta(id: id, language: .en) ?? catalog.meta(id: id, language: .ko) { topics[id] = m.topic.rawValue } }
        // Rows with impossible dates or memory (see ProgressImport) are left out, not drawn.
        let reviews = try reviews().filter { ProgressImport.dates.contains($0.reviewedAt) && ProgressImport.dueDates.contains($0.due) }
            .map { (questionID: $0.questionID, reviewedAt: $0.reviewedAt, due: $0.due) }
        return Dashboard.compute(questions: banks.flatMap(\.questions), lessonTopics: topics, topicOrder: Topic.allCases.map(\.rawValue),
                                 readLessons: try readLessons(), cards: try cards().filter { ProgressImport.isUsable($0.value) },
                                 attempts: try attempts().filter { ProgressImport.dates.contains($0.answeredAt) && $0.durationMS >= 0 },
                                 reviews: reviews, now: now, utcOffset: utcOffset, newPerDay: try settings().newPerDay, fsrs: try settings().scheduler)
    }
}
