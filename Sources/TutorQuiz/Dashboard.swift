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

/// A question as the dashboard needs it: its id and lesson (the content index has both
/// without parsing quiz files).
public typealias QuestionLesson = (id: String, lesson: String)

public enum Dashboard {
    static let day = 86_400.0
    static let week = 7 * day
    /// Days the streak looks back over, today included.
    public static let streakReach = 3650

    /// `utcOffset`: the local time zone's offset in seconds, so days start at local midnight.
    /// Each figure is defined in `StudyFigures`. The reference model: the SQLite store computes
    /// the same `Activity` with SQL and must give the same dashboard.
    public static func compute(questions: [QuestionLesson], lessonTopics: [String: String], topicOrder: [String],
                               readLessons: Set<String>, cards: [String: Card], attempts: [Attempt],
                               reviews: [(questionID: String, reviewedAt: Double, due: Double)],
                               now: Double, utcOffset: Double = 0, newPerDay: Int = SessionPlanner.defaultNewPerDay,
                               fsrs: FSRS = FSRS()) -> DashboardData {
        assemble(Activity(attempts: attempts, reviews: reviews, now: now, utcOffset: utcOffset), questions: questions, lessonTopics: lessonTopics,
                 topicOrder: topicOrder, readLessons: readLessons, cards: cards, now: now, utcOffset: utcOffset, newPerDay: newPerDay, fsrs: fsrs)
    }

    /// The same over parsed questions (tests and callers holding quiz banks).
    public static func compute(questions: [Question], lessonTopics: [String: String], topicOrder: [String],
                               readLessons: Set<String>, cards: [String: Card], attempts: [Attempt],
                               reviews: [(questionID: String, reviewedAt: Double, due: Double)],
                               now: Double, utcOffset: Double = 0, newPerDay: Int = SessionPlanner.defaultNewPerDay,
                               fsrs: FSRS = FSRS()) -> DashboardData {
        compute(questions: questions.map { ($0.id, $0.lesson) }, lessonTopics: lessonTopics, topicOrder: topicOrder, readLessons: readLessons,
                cards: cards, attempts: attempts, reviews: reviews, now: now, utcOffset: utcOffset, newPerDay: newPerDay, fsrs: fsrs)
    }

    /// The local day of `t`: days since the epoch, shifted by the UTC offset, rounded down.
    public static func dayIndex(_ t: Double, utcOffset: Double) -> Int { Int(((t + utcOffset) / day).rounded(.down)) }

    /// The first instant of local day `d`: the least time `t` with `dayIndex(t) >= d`, found
    /// from `d * 86400 - utcOffset` by stepping one ulp at a time, so that comparing a time with
    /// it decides the same day as `dayIndex` does, rounding included (the store's SQL relies on it).
    public static func dayStart(_ d: Int, utcOffset: Double) -> Double {
        var t = Double(d) * day - utcOffset
        while dayIndex(t, utcOffset: utcOffset) >= d { t = t.nextDown }
        while dayIndex(t, utcOffset: utcOffset) < d { t = t.nextUp }
        return t
    }

    /// When today's local day ends, in seconds since the epoch.
    public static func endOfToday(_ now: Double, utcOffset: Double) -> Double { Double(dayIndex(now, utcOffset: utcOffset) + 1) * day - utcOffset }

    /// The 8 weeks of `accuracyByWeek`, oldest first: answers at or after `start`, before `end`.
    public static func weeks(now: Double, utcOffset: Double) -> [(start: Double, end: Double)] {
        let endOfToday = endOfToday(now, utcOffset: utcOffset)
        return (0..<8).map { k in let end = endOfToday - Double(7 - k) * week; return (end - week, end) }
    }

    /// Where "this week" of `minutesThisWeek` begins: the last 7 local days, today included.
    public static func thisWeekStart(now: Double, utcOffset: Double) -> Double { endOfToday(now, utcOffset: utcOffset) - week }

    /// The dashboard from the activity figures, the content (questions, lessons by topic) and
    /// the cards (one per question answered, so few enough to read whole).
    public static func assemble(_ activity: Activity, questions: [QuestionLesson], lessonTopics: [String: String], topicOrder: [String],
                                readLessons: Set<String>, cards: [String: Card], now: Double, utcOffset: Double,
                                newPerDay: Int, fsrs: FSRS) -> DashboardData {
        let lastRight = activity.lastRight
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
        let newToday = StudyFigures.newToday(unstarted: unstarted, newPerDay: newPerDay, startedToday: activity.startedToday)
        let accuracy: [Double?] = activity.weeks.map { $0.answered == 0 ? nil : Double($0.passed) / Double($0.answered) }
        return DashboardData(topics: topics, due: StudyFigures.Due(cards.values, now: now, utcOffset: utcOffset), newUnstarted: unstarted, newToday: newToday,
                             heatmap: activity.heatmap, streak: activity.streak, accuracyByWeek: accuracy, answered: activity.answered,
                             minutesStudied: Double(activity.durationMS) / 60_000, minutesThisWeek: Double(activity.durationMSThisWeek) / 60_000)
    }

    /// Days in a row with answers, back from today; a day with nothing due and no answers is
    /// forgiven, a day before the first answer ever ends it. Asked day by day, latest first, so
    /// the store can answer each question with an index seek.
    public static func streak(today: Int, firstDay: Int?, hasAnswers: (Int) throws -> Bool, isDue: (Int) throws -> Bool) rethrows -> Int {
        var streak = 0
        var d = today
        let firstDay = firstDay ?? today
        while d > today - streakReach {
            // Today is not over yet; before the first answer ever, or on a day something was due,
            // a day without answers ends it (the first asked first: "due" is the costly question);
            // a day with nothing due is forgiven.
            if try hasAnswers(d) { streak += 1 }
            else if d != today, try d < firstDay || isDue(d) { break }
            d -= 1
        }
        return streak
    }
}
