import Foundation
import Testing
import TutorCore
import TutorQuiz
@testable import TutorProgress

/// The SQLite store computes the dashboard with SQL over its indexes; `Dashboard.compute` over
/// every row in memory is the model. These fill a store and compare the two exactly.
@Suite("Dashboard by SQL equals the in-memory model")
struct DashboardSQLTests {
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
        mutating func int(_ r: Range<Int>) -> Int { r.lowerBound + Int(next() % UInt64(r.count)) }
        mutating func chance(_ p: Double) -> Bool { unit() < p }
    }

    static let lessons = (0..<8).map { "lesson-\($0)" }
    static let questions: [QuestionLesson] = (0..<40).map { ("lesson-\($0 % 8)/q\($0)", "lesson-\($0 % 8)") }
    static let topics = Topic.allCases
    static var catalog: LessonCatalog {
        LessonCatalog(lessons.enumerated().map { i, id in
            LessonMeta(id: id, language: .en, title: id, topic: topics[i % topics.count], order: i, summary: "")
        })
    }

    /// Offsets of real zones: whole hours either side, half and three-quarter hours.
    static let offsets: [Double] = [0, 32_400, -25_200, 19_800, 20_700, -34_200, 50_400, -43_200]

    /// A store filled from `seed`: about 120 days of answers on random days (some days left out,
    /// so the streak meets forgiven days and due days without answers), cards due from before
    /// the review to weeks after, reviews without answers, answers without cards, answers in
    /// the future, times exactly on local midnights and a ulp before them, and impossible rows
    /// (a date before 2000 or after 2100, a negative duration, a due date past 2200, a card
    /// with impossible memory) that the dashboard leaves out.
    static func filled(seed: UInt64) throws -> (store: SQLiteProgressStore, now: Double, offset: Double) {
        var rng = SplitMix(state: seed)
        let store = try SQLiteProgressStore(path: tempPath())
        let offset = offsets[Int(seed % UInt64(offsets.count))]
        let now = 1_767_225_600 + Double(rng.int(0..<86_400)) + rng.unit()
        let today = Dashboard.dayIndex(now, utcOffset: offset)
        let activeShare = [0.5, 0.8, 0.95][rng.int(0..<3)]
        // Half the stores schedule far ahead, so most days without answers have nothing due and
        // the streak turns on exactly which day a card fell due.
        let farAhead = rng.chance(0.5), pool = farAhead ? 3 : questions.count
        var extra = ProgressExport()
        func answer(_ q: QuestionLesson, at t: Double, duration: Int? = nil, card: Bool = true, due: Double? = nil) throws {
            let rating = Rating(rawValue: rng.int(1..<5))!
            let a = Attempt(questionID: q.id, lesson: q.lesson, kind: "truefalse", answeredAt: t, correct: rng.chance(0.7), score: 1, rating: rating,
                            durationMS: duration ?? rng.int(0..<90_000), response: "", source: "quiz")
            let intervals = farAhead ? [86_400 * (3 + rng.unit() * 27)]
                : [-3_600.0, 60, 600, 86_400 * rng.unit() * 3, 86_400 * rng.unit() * 20]
            var c = Card(state: .review, step: nil, stability: 1 + rng.unit() * 30, difficulty: 1 + rng.unit() * 9,
                         due: due ?? t + intervals[rng.int(0..<intervals.count)], lastReview: t)
            if rng.chance(0.02) { c.stability = 1e308 }  // impossible memory: the card is left out
            try store.record(a, card: card ? c : nil)
        }
        for day in (today - 120)...today where day == today ? rng.chance(0.5) : rng.chance(farAhead ? activeShare * 0.6 : activeShare) {
            for _ in 0..<rng.int(1..<7) {
                let t = Dashboard.dayStart(day, utcOffset: offset) + rng.unit() * 86_399
                try answer(questions[rng.int(0..<pool)], at: t, card: rng.chance(0.85))
            }
        }
        // On local midnight and a ulp before it: the day boundaries must agree to the last bit.
        for k in 0..<6 {
            let midnight = Dashboard.dayStart(today - rng.int(0..<90), utcOffset: offset)
            try answer(questions[k], at: k % 2 == 0 ? midnight : midnight.nextDown)
        }
        for w in Dashboard.weeks(now: now, utcOffset: offset).prefix(3) { try answer(questions[7], at: w.start) }
        try answer(questions[8], at: now + 3 * 86_400)                 // answered in the future
        try answer(questions[9], at: 500_000_000)                       // 1985: left out
        try answer(questions[10], at: 5_000_000_000)                    // 2128: left out
        try answer(questions[11], at: now - 86_400, duration: -5)       // negative duration: left out
        try answer(questions[12], at: now - 2 * 86_400, due: 1e10)      // due past 2200: the review is left out
        for _ in 0..<(farAhead ? 3 : 20) {  // reviews without answers (an import), some far back
            let q = questions[rng.int(0..<questions.count)], t = now - rng.unit() * 200 * 86_400
            let card = Card(state: .review, step: nil, stability: 5, difficulty: 5, due: t + rng.unit() * 10 * 86_400, lastReview: t)
            extra.reviews.append(ReviewEntry(questionID: q.id, rating: .good, reviewedAt: t, durationMS: 1000, card: card))
        }
        try store.merge(extra)
        try store.markRead(lessonID: lessons[1], at: Date(timeIntervalSince1970: now - 1000))
        return (store, now, offset)
    }

    /// The model on the same rows: everything read back, the impossible rows filtered in Swift.
    static func model(_ store: SQLiteProgressStore, now: Double, offset: Double) throws -> DashboardData {
        var topics: [String: String] = [:]
        for id in catalog.ids { topics[id] = catalog.meta(id: id, language: .en)!.topic.rawValue }
        let settings = try store.settings()
        return Dashboard.compute(questions: questions, lessonTopics: topics, topicOrder: Topic.allCases.map(\.rawValue), readLessons: try store.readLessons(),
                                 cards: try store.cards().filter { ProgressImport.isUsable($0.value) },
                                 attempts: try store.attempts().filter { ProgressImport.dates.contains($0.answeredAt) && $0.durationMS >= 0 },
                                 reviews: try store.reviews().filter { ProgressImport.dates.contains($0.reviewedAt) && ProgressImport.dueDates.contains($0.due) }
                                    .map { ($0.questionID, $0.reviewedAt, $0.due) },
                                 now: now, utcOffset: offset, newPerDay: settings.newPerDay, fsrs: settings.scheduler)
    }

    @Test("Heatmap, streak, weeks, minutes, mastery and due counts by SQL equal Dashboard.compute on 40 random stores",
          arguments: 1...40)
    func sqlEqualsModel(seed: Int) throws {
        let (store, now, offset) = try Self.filled(seed: UInt64(seed))
        let sql = try store.dashboard(catalog: Self.catalog, questions: Self.questions, now: now, utcOffset: offset)
        let model = try Self.model(store, now: now, offset: offset)
        #expect(sql.heatmap == model.heatmap, "heatmap")
        #expect(sql.streak == model.streak, "streak")
        #expect(sql.accuracyByWeek == model.accuracyByWeek && sql.minutesThisWeek == model.minutesThisWeek, "weeks")
        #expect(sql == model)
        // The activity figures themselves; the SQL reads the last answer of carded questions only.
        var reference = try store.activityFromAllRows(now: now, utcOffset: offset)
        let carded = try store.cards()
        reference.lastRight = reference.lastRight.filter { carded[$0.key] != nil }
        #expect(try store.dashboardActivity(now: now, utcOffset: offset) == reference)
    }

    @Test("The random stores reach every branch of the streak: long runs, breaks on a due day, forgiven days")
    func storesCoverTheStreak() throws {
        var streaks: [Int] = []
        for seed in 1...40 {
            let (store, now, offset) = try Self.filled(seed: UInt64(seed))
            streaks.append(try Self.model(store, now: now, offset: offset).streak)
        }
        #expect(streaks.contains { $0 >= 10 } && streaks.contains { $0 <= 2 } && Set(streaks).count >= 6, "\(streaks)")
    }

    static let t0 = 1_767_225_600.0  // 2026-01-01 00:00 UTC
    static func attempt(_ q: String, _ t: Double) -> Attempt {
        Attempt(questionID: q, lesson: "lesson-0", kind: "truefalse", answeredAt: t, correct: true, score: 1, rating: .good, durationMS: 1000, response: "", source: "quiz")
    }

    @Test("Streak rule: a past day with something due and no answers ends it; with nothing due it is forgiven; today never breaks it")
    func streakRule() throws {
        let day = 86_400.0, now = Self.t0 + 10 * day + 3600
        func streak(dueOnGap: Bool) throws -> (sql: Int, model: Int) {
            let store = try SQLiteProgressStore(path: tempPath())
            // Answers on days 5, 6, 8, 9 (not 7, not today 10); the card answered on day 6 is due on day 7 or on day 8.
            for d in [5, 6, 8, 9] {
                let t = Self.t0 + Double(d) * day + 100
                let due = d == 6 ? t + (dueOnGap ? 1 : 2) * day : t + 30 * day
                try store.record(Self.attempt("lesson-0/q\(d)", t), card: Card(state: .review, step: nil, stability: 3, difficulty: 5, due: due, lastReview: t))
            }
            try store.record(Self.attempt("lesson-0/q6", Self.t0 + 8 * day + 200), card: Card(state: .review, step: nil, stability: 3, difficulty: 5,
                                                                                              due: Self.t0 + 40 * day, lastReview: Self.t0 + 8 * day + 200))
            let sql = try store.dashboard(catalog: Self.catalog, questions: Self.questions, now: now, utcOffset: 0).streak
            return (sql, try Self.model(store, now: now, offset: 0).streak)
        }
        let broken = try streak(dueOnGap: true), forgiven = try streak(dueOnGap: false)
        #expect(broken.sql == 2 && broken.model == 2, "days 8 and 9; day 7 was due: \(broken)")
        #expect(forgiven.sql == 4 && forgiven.model == 4, "days 5, 6, 8, 9; day 7 had nothing due: \(forgiven)")
    }

    @Test("A streak longer than the heatmap: 300 days, answers on the first or last instant of each local day, one forgiven gap",
          arguments: [0.0, 32_400, -25_200, 20_700])
    func longStreak(offset: Double) throws {
        let store = try SQLiteProgressStore(path: tempPath())
        let now = Self.t0 + 300 * 86_400 + 5_000, today = Dashboard.dayIndex(now, utcOffset: offset)
        for d in (today - 299)...today where d != today - 150 {
            // The first instant of the day, or its last: a day's bounds must match to the ulp.
            let t = d % 2 == 0 ? Dashboard.dayStart(d, utcOffset: offset) : Dashboard.dayStart(d + 1, utcOffset: offset).nextDown
            try store.record(Self.attempt("lesson-0/q\(d % 5)", t), card: Card(state: .review, step: nil, stability: 3, difficulty: 5, due: t + 86_400 * 10, lastReview: t))
        }
        let sql = try store.dashboard(catalog: Self.catalog, questions: Self.questions, now: now, utcOffset: offset)
        let model = try Self.model(store, now: now, offset: offset)
        #expect(sql == model)
        #expect(model.streak == 299, "the gap had nothing due: \(model.streak)")
    }
}
