import TutorCore

/// Which questions a quiz asks, and with which scheduler: the policy the TUI, `nettutor quiz`
/// and the benchmarks share. Pure: the store's cards and today's count of new cards come in.
public enum SessionPlanner {
    public enum Request: Sendable, Equatable {
        /// A lesson's questions, in file order.
        case lesson(String)
        /// Today's reviews: due cards, then new questions (of one lesson, if given).
        case review(lesson: String?)
        /// `count` open questions across lessons, with a countdown each.
        case interview(count: Int)
    }

    public enum PlanError: Error, Equatable, CustomStringConvertible {
        case noQuiz(lesson: String, close: [String], all: [String])
        case countOutOfRange
        case newPerDayOutOfRange
        case retentionOutOfRange
        public var description: String {
            switch self {
            case .noQuiz(let lesson, let close, let all):
                "no quiz for '\(lesson)'; \(close.isEmpty ? "lessons with quizzes: \(all.joined(separator: ", "))" : "did you mean: \(close.joined(separator: ", "))?")"
            case .countOutOfRange: "--count must be between 1 and 50"
            case .newPerDayOutOfRange: "--new-per-day must be between 0 and 500"
            case .retentionOutOfRange: "--retention must be between 0.7 and 0.99"
            }
        }
    }

    public static let interviewCounts = 1...50
    public static let newPerDayRange = 0...500
    public static let retentionRange = 0.7...0.99
    public static let defaultRetention = 0.9
    public static let defaultNewPerDay = 10

    /// The local day number of `now` (days since the epoch, shifted by the UTC offset).
    public static func day(_ now: Double, utcOffset: Double) -> Int { Int(((now + utcOffset) / 86_400).rounded(.down)) }
    /// When the local day of `now` began, in seconds since the epoch.
    public static func startOfDay(_ now: Double, utcOffset: Double) -> Double { Double(day(now, utcOffset: utcOffset)) * 86_400 - utcOffset }

    /// The scheduler for a stored desired retention, clamped to what FSRS is tuned for.
    public static func scheduler(desiredRetention: Double?) -> FSRS {
        FSRS(desiredRetention: min(max(desiredRetention ?? defaultRetention, retentionRange.lowerBound), retentionRange.upperBound))
    }

    /// The session for `request`. `newStartedToday`: questions whose first review was today
    /// (they count against today's allowance of `newPerDay`). New questions come from the
    /// lessons in `readLessons` first, in `lessonOrder` (the catalog's reading order).
    public static func plan(_ request: Request, banks: [QuizBank], cards: [String: Card], newStartedToday: Int,
                            newPerDay: Int, now: Double, utcOffset: Double,
                            lessonOrder: [String] = [], readLessons: Set<String> = []) throws -> QuizSession {
        let day = day(now, utcOffset: utcOffset)
        switch request {
        case .interview(let count):
            guard interviewCounts.contains(count) else { throw PlanError.countOutOfRange }
            return QuizSession.interview(banks.flatMap(\.questions), count: count, seed: UInt64(bitPattern: Int64(day)))
        case .lesson(let lesson):
            guard let bank = banks.first(where: { $0.lesson == lesson }) else {
                let all = banks.map(\.lesson)
                throw PlanError.noQuiz(lesson: lesson, close: all.filter { editDistance($0, lesson) <= 3 || $0.contains(lesson) }, all: all)
            }
            return QuizSession.lesson(bank, day: day, cards: cards)
        case .review(let lesson):
            guard newPerDayRange.contains(newPerDay) else { throw PlanError.newPerDayOutOfRange }
            var questions = banks.flatMap(\.questions)
            if let lesson { questions = questions.filter { $0.lesson == lesson } }
            return QuizSession.review(questions, cards: cards, now: now, newPerDay: newPerDay, newStartedToday: newStartedToday, day: day,
                                      lessonOrder: lessonOrder, readLessons: readLessons)
        }
    }
}
