import TutorCore

/// What the dashboard shows, computed from the store's contents at a moment in time.
public struct DashboardData: Sendable, Hashable, Codable {
    public struct Topic: Sendable, Hashable, Codable {
        public var topic: String
        public var lessons: Int
        public var lessonsRead: Int
        public var questions: Int
        /// Questions answered at least once.
        public var questionsAnswered: Int
        /// Answered questions whose latest answer was right.
        public var lastRight: Int
        /// Mean `StudyFigures.recall` over the answered questions (0 when none).
        public var recall: Double
        /// 0...1: half the share of lessons read, half the recall summed over all questions.
        public var mastery: Double
    }
    public var topics: [Topic]
    public var due: StudyFigures.Due
    /// Questions never answered.
    public var newUnstarted: Int
    /// New questions a review adds today (`StudyFigures.newToday`).
    public var newToday: Int
    /// Answers per day for the last 84 days (12 weeks), oldest first; the last is today.
    public var heatmap: [Int]
    /// Days in a row with answers; a day with nothing due and no answers neither breaks nor counts.
    public var streak: Int
    /// Share of correct answers per week, the last 8 weeks (nil: no answers that week).
    public var accuracyByWeek: [Double?]
    public var answered: Int
    public var minutesStudied: Double
    public var minutesThisWeek: Double
}

public enum Dashboard {
    static let day = 86_400.0

    /// `utcOffset`: the local time zone's offset in seconds, so days start at local midnight.
    /// Each figure is defined in `StudyFigures`.
    public static func compute(questions: [Question], lessonTopics: [String: String], topicOrder: [String],
                               readLessons: Set<String>, cards: [String: Card], attempts: [Attempt],
                               reviews: [(questionID: String, reviewedAt: Double, due: Double)],
                               now: Double, utcOffset: Double = 0, newPerDay: Int = SessionPlanner.defaultNewPerDay,
                               fsrs: FSRS = FSRS()) -> DashboardData {
        func dayIndex(_ t: Double) -> Int { Int(((t + utcOffset) / day).rounded(.down)) }
        let today = dayIndex(now)
        let endOfToday = Double(today + 1) * day - utcOffset
        let lastRight = StudyFigures.lastAnswerRight(attempts)

        var topics: [DashboardData.Topic] = []
        for topic in topicOrder {
            let lessons = lessonTopics.filter { $0.value == topic }.map(\.key)
            guard !lessons.isEmpty else { continue }
            let qs = questions.filter { lessonTopics[$0.lesson] == topic }
            let answered = qs.filter { cards[$0.id] != nil }
            let recall = answered.map { StudyFigures.recall(cards[$0.id], lastRight: lastRight[$0.id], now: now, fsrs: fsrs) }.reduce(0, +)
            let read = lessons.filter(readLessons.contains).count
            let readShare = Double(read) / Double(lessons.count)
            topics.append(.init(topic: topic, lessons: lessons.count, lessonsRead: read, questions: qs.count, questionsAnswered: answered.count,
                                lastRight: answered.filter { lastRight[$0.id] == true }.count,
                                recall: answered.isEmpty ? 0 : recall / Double(answered.count),
                                mastery: (readShare + (qs.isEmpty ? 0 : recall / Double(qs.count))) / 2))
        }

        let unstarted = questions.filter { cards[$0.id] == nil }.count
        let startedToday = StudyFigures.startedToday(reviews.map { ($0.questionID, $0.reviewedAt) }, now: now, utcOffset: utcOffset)
        let newToday = StudyFigures.newToday(unstarted: unstarted, newPerDay: newPerDay, startedToday: startedToday)

        var perDay: [Int: Int] = [:]
        for a in attempts { perDay[dayIndex(a.answeredAt), default: 0] += 1 }
        let heatmap = (0..<84).map { perDay[today - 83 + $0] ?? 0 }

        // Days on which something was due: from each review's due date until the next review.
        var dueDays = Set<Int>()
        for (_, list) in Dictionary(grouping: reviews, by: \.questionID) {
            let sorted = list.sorted { $0.reviewedAt < $1.reviewedAt }
            for (i, r) in sorted.enumerated() {
                let until = i + 1 < sorted.count ? sorted[i + 1].reviewedAt : now
                guard r.due < until else { continue }
                for d in dayIndex(r.due)...dayIndex(until) { dueDays.insert(d) }
            }
        }
        var streak = 0
        var d = today
        let firstDay = perDay.keys.min() ?? today
        while d > today - 3650 {
            if (perDay[d] ?? 0) > 0 { streak += 1 }
            else if d == today || !dueDays.contains(d) {
                // Today is not over yet; a day with nothing due is forgiven.
                if d != today && d < firstDay { break }  // before the first answer ever
            } else { break }
            d -= 1
        }

        let week = 7 * day
        let accuracy: [Double?] = (0..<8).map { k in
            let end = endOfToday - Double(7 - k) * week, start = end - week
            let inWeek = attempts.filter { $0.answeredAt >= start && $0.answeredAt < end }
            return inWeek.isEmpty ? nil : Double(inWeek.filter(\.passed).count) / Double(inWeek.count)
        }
        let minutes = Double(attempts.map(\.durationMS).reduce(0, +)) / 60_000
        let minutesWeek = Double(attempts.filter { $0.answeredAt >= endOfToday - week }.map(\.durationMS).reduce(0, +)) / 60_000
        return DashboardData(topics: topics, due: StudyFigures.Due(cards.values, now: now, utcOffset: utcOffset), newUnstarted: unstarted, newToday: newToday,
                             heatmap: heatmap, streak: streak, accuracyByWeek: accuracy, answered: attempts.count,
                             minutesStudied: minutes, minutesThisWeek: minutesWeek)
    }
}
