import TutorCore

extension Dashboard {
    /// What the dashboard reads from the answers and the review log. Computed here in memory
    /// from every row (the reference), or by the SQLite store with SQL over its indexes;
    /// `Dashboard.assemble` turns either into the same `DashboardData`.
    public struct Activity: Sendable, Equatable {
        /// Answers per local day (`Dashboard.dayIndex`), the last 84 days, oldest first.
        public var heatmap: [Int] = Array(repeating: 0, count: 84)
        /// `Dashboard.streak`.
        public var streak = 0
        public var answered = 0
        public var durationMS = 0
        /// Of answers at or after `Dashboard.thisWeekStart`.
        public var durationMSThisWeek = 0
        /// Answers and passed answers in each of `Dashboard.weeks`.
        public var weeks: [WeekCount] = Array(repeating: WeekCount(), count: 8)
        /// Whether each question's latest answer was right (the dashboard reads questions with a card).
        public var lastRight: [String: Bool] = [:]
        /// `StudyFigures.startedToday`.
        public var startedToday = 0
        public init() {}

        public struct WeekCount: Sendable, Equatable {
            public var answered = 0
            public var passed = 0
            public init(answered: Int = 0, passed: Int = 0) { self.answered = answered; self.passed = passed }
        }

        /// The reference: every attempt and review in memory (already without impossible rows).
        public init(attempts: [Attempt], reviews: [(questionID: String, reviewedAt: Double, due: Double)], now: Double, utcOffset: Double) {
            func dayIndex(_ t: Double) -> Int { Dashboard.dayIndex(t, utcOffset: utcOffset) }
            let today = dayIndex(now)
            var perDay: [Int: Int] = [:]
            for a in attempts { perDay[dayIndex(a.answeredAt), default: 0] += 1 }
            heatmap = (0..<84).map { perDay[today - 83 + $0] ?? 0 }
            answered = attempts.count
            durationMS = attempts.map(\.durationMS).reduce(0, +)
            let weekStart = Dashboard.thisWeekStart(now: now, utcOffset: utcOffset)
            durationMSThisWeek = attempts.filter { $0.answeredAt >= weekStart }.map(\.durationMS).reduce(0, +)
            weeks = Dashboard.weeks(now: now, utcOffset: utcOffset).map { w in
                let inWeek = attempts.filter { $0.answeredAt >= w.start && $0.answeredAt < w.end }
                return WeekCount(answered: inWeek.count, passed: inWeek.filter(\.passed).count)
            }
            lastRight = StudyFigures.lastAnswerRight(attempts)
            startedToday = StudyFigures.startedToday(reviews.map { ($0.questionID, $0.reviewedAt) }, now: now, utcOffset: utcOffset)

            // Days on which something was due: from each review's due date until the next review
            // of its question, or now (only the streak's reach is ever asked).
            var dueDays = Set<Int>()
            for (_, list) in Dictionary(grouping: reviews, by: \.questionID) {
                let sorted = list.sorted { $0.reviewedAt < $1.reviewedAt }
                for (i, r) in sorted.enumerated() {
                    let until = i + 1 < sorted.count ? sorted[i + 1].reviewedAt : now
                    guard r.due < until else { continue }
                    let from = max(dayIndex(r.due), today - Dashboard.streakReach), to = min(dayIndex(until), today)
                    if from <= to { for d in from...to { dueDays.insert(d) } }
                }
            }
            streak = Dashboard.streak(today: today, firstDay: perDay.keys.min(), hasAnswers: { perDay[$0] != nil }, isDue: dueDays.contains)
        }
    }
}
