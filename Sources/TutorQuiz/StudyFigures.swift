import TutorCore

/// Every figure of progress, defined once. The home screen, the dashboard, `nettutor progress`
/// and the review message read these definitions instead of filtering cards themselves, so
/// "due" and "recall" mean the same thing everywhere they appear.
public enum StudyFigures {
    static let day = 86_400.0

    /// A card is due now once its due time has come: a review (`r`) asks these first.
    public static func isDueNow(_ card: Card, at now: Double) -> Bool { card.due <= now }

    /// Reviews by when they fall due; the buckets do not overlap.
    public struct Due: Sendable, Hashable, Codable {
        /// Due time passed: what a review asks now (the home screen's figure).
        public var now = 0
        /// Due after now but before local midnight.
        public var laterToday = 0
        public var tomorrow = 0
        /// Due 2 to 6 days after today.
        public var inTwoToSixDays = 0
        /// The earliest due time after now, if any.
        public var next: Double?
        public init() {}

        public init(_ cards: some Collection<Card>, now t: Double, utcOffset: Double) {
            let endOfToday = SessionPlanner.startOfDay(t, utcOffset: utcOffset) + day
            for card in cards {
                if isDueNow(card, at: t) { now += 1; continue }
                next = min(next ?? card.due, card.due)
                if card.due <= endOfToday { laterToday += 1 }
                else if card.due <= endOfToday + day { tomorrow += 1 }
                else if card.due <= endOfToday + 6 * day { inTwoToSixDays += 1 }
            }
        }
    }

    /// Whether each answered question's latest answer was right (ties in time: the later one).
    public static func lastAnswerRight(_ attempts: [Attempt]) -> [String: Bool] {
        var latest: [String: (Double, Bool)] = [:]
        for a in attempts where (latest[a.questionID]?.0 ?? -.infinity) <= a.answeredAt { latest[a.questionID] = (a.answeredAt, a.correct) }
        return latest.mapValues(\.1)
    }

    /// The chance of answering a question right now: FSRS's retrievability of its card when
    /// its last answer was right, 0 when it was wrong (right after a wrong answer FSRS still
    /// says 100%, which read as "recall 100%" after 6 wrong answers of 15).
    public static func recall(_ card: Card?, lastRight: Bool?, now: Double, fsrs: FSRS) -> Double {
        guard let card, lastRight == true else { return 0 }
        return fsrs.retrievability(card, at: now)
    }

    /// New questions a review adds today: the daily allowance left, at most the unstarted ones.
    public static func newToday(unstarted: Int, newPerDay: Int, startedToday: Int) -> Int {
        max(0, min(unstarted, newPerDay - startedToday))
    }

    /// Questions whose first review was today (they use up today's allowance).
    public static func startedToday(_ reviews: [(questionID: String, reviewedAt: Double)], now: Double, utcOffset: Double) -> Int {
        let start = SessionPlanner.startOfDay(now, utcOffset: utcOffset)
        var first: [String: Double] = [:]
        for r in reviews { first[r.questionID] = min(first[r.questionID] ?? r.reviewedAt, r.reviewedAt) }
        return first.values.filter { $0 >= start }.count
    }
}
