import GRDB
import TutorCore
import TutorQuiz

/// The dashboard's activity figures by SQL over the v4 indexes and aggregates
/// (`StoreSchema`), so the dashboard costs about the same at 100,000 answers as at 100: no
/// answer or review row is loaded, only counts over index ranges. `Dashboard.Activity(attempts:
/// reviews:…)` is the model these queries must match (a test checks it on random stores).
/// Days are compared by `Dashboard.dayStart`, the exact first instant of a local day, so a
/// time falls on the same day here as under `Dashboard.dayIndex`.
extension SQLiteProgressStore {
    /// An attempt `Dashboard` counts (`ProgressImport.dates`, a duration not below zero).
    static func usableAttempt(_ t: String = "") -> String {
        "\(t)answered_at BETWEEN \(ProgressImport.dates.lowerBound) AND \(ProgressImport.dates.upperBound) AND \(t)duration_ms >= 0"
    }
    /// A review `Dashboard` reads (`ProgressImport.dates`, `ProgressImport.dueDates`).
    static func usableReview(_ t: String = "") -> String {
        "\(t)reviewed_at BETWEEN \(ProgressImport.dates.lowerBound) AND \(ProgressImport.dates.upperBound)"
            + " AND \(t)due BETWEEN \(ProgressImport.dueDates.lowerBound) AND \(ProgressImport.dueDates.upperBound)"
    }

    /// `Dashboard.dayIndex` in SQL, the offset as parameter 3: Swift's `(t + offset) / 86400` is
    /// the same IEEE operation here; CAST truncates toward zero, so below zero one is taken off.
    static func localDay(_ column: String) -> String {
        let x = "((\(column) + ?3) / 86400.0)"
        return "(CAST(\(x) AS INTEGER) - (\(x) < CAST(\(x) AS INTEGER)))"
    }

    /// A review's due date `Dashboard` reads (`ProgressImport.dueDates`).
    static func usableDue(_ t: String) -> String {
        "\(t)due BETWEEN \(ProgressImport.dueDates.lowerBound) AND \(ProgressImport.dueDates.upperBound)"
    }

    /// `from <= t < to` for a possible date (`ProgressImport.dates`) as one bound on each side:
    /// SQLite ranges an index by one lower and one upper bound, and checks any other bound row
    /// by row, so two upper bounds could walk the whole index.
    static func dates(from: Double, to: Double) -> [Double] {
        [max(from, ProgressImport.dates.lowerBound), min(to, ProgressImport.dates.upperBound.nextUp)]
    }

    public func dashboardActivity(now: Double, utcOffset: Double) throws -> Dashboard.Activity {
        try wrap { try pool.read { db in try Self.activity(db, now: now, utcOffset: utcOffset) } }
    }

    static func activity(_ db: Database, now: Double, utcOffset: Double) throws -> Dashboard.Activity {
        let today = Dashboard.dayIndex(now, utcOffset: utcOffset)
        func start(_ d: Int) -> Double { Dashboard.dayStart(d, utcOffset: utcOffset) }
        var a = Dashboard.Activity()
        if let row = try Row.fetchOne(db, sql: "SELECT answers, duration_ms FROM attempt_total") { a.answered = row[0]; a.durationMS = row[1] }

        // Counting index entries is cheap, evaluating an expression on each is not (5x here): the
        // day and week figures are plain COUNTs with conditions, only "this week" sums.
        func statement(_ what: String, _ condition: String = "") throws -> Statement {
            try db.cachedStatement(sql: "SELECT \(what) FROM attempt INDEXED BY attempt_by_time WHERE answered_at >= ? AND answered_at < ? AND duration_ms >= 0\(condition)")
        }
        let answers = try statement("COUNT(*)"), passed = try statement("COUNT(*)", " AND rating IN (2, 3, 4)"), minutes = try statement("SUM(duration_ms)")
        func value(_ s: Statement, _ from: Double, _ to: Double) throws -> Int { try Int.fetchOne(s, arguments: StatementArguments(dates(from: from, to: to))) ?? 0 }
        a.heatmap = try (today - 83...today).map { try value(answers, start($0), start($0 + 1)) }
        a.weeks = try Dashboard.weeks(now: now, utcOffset: utcOffset).map { w in
            .init(answered: try value(answers, w.start, w.end), passed: try value(passed, w.start, w.end))
        }
        a.durationMSThisWeek = try value(minutes, Dashboard.thisWeekStart(now: now, utcOffset: utcOffset), .infinity)

        // The latest answer of each question with a card (the only ones the dashboard asks about).
        for row in try Row.fetchAll(db, sql: """
            SELECT question_id, (SELECT correct FROM attempt INDEXED BY attempt_by_question
                                 WHERE attempt.question_id = card.question_id AND \(usableAttempt("attempt.")) ORDER BY answered_at DESC LIMIT 1)
            FROM card
            """) {
            if let right: Bool = row[1] { a.lastRight[row[0]] = right }
        }
        // Questions whose first review was today: reviewed today and not before.
        a.startedToday = try Int.fetchOne(db, sql: """
            SELECT COUNT(DISTINCT question_id) FROM review_log AS r WHERE r.reviewed_at >= ? AND r.reviewed_at < ? AND \(usableDue("r."))
              AND NOT EXISTS (SELECT 1 FROM review_log AS p INDEXED BY review_by_question
                              WHERE p.question_id = r.question_id AND p.reviewed_at >= ? AND p.reviewed_at < ? AND \(usableDue("p.")))
            """, arguments: StatementArguments(dates(from: start(today), to: .infinity) + dates(from: -.infinity, to: start(today)))) ?? 0
        a.streak = try streak(db, today: today, now: now, utcOffset: utcOffset, heatmap: a.heatmap, start: start)
        return a
    }

    /// `Dashboard.streak` with its two questions asked of the index: the days with answers are
    /// found latest first, one index seek per day (`answered_at < start of the day`); whether a
    /// day without answers had something due looks only at reviews whose next review (or now)
    /// comes on or after that day.
    static func streak(_ db: Database, today: Int, now: Double, utcOffset: Double, heatmap: [Int], start: (Int) -> Double) throws -> Int {
        // Days with answers below `day`, latest first, down to `stop`: each step one seek in SQL
        // (localDay below is the exact `Dashboard.dayIndex`; the bound a second above the day's
        // start only narrows the range).
        let hops = try db.cachedStatement(sql: """
            WITH RECURSIVE hop(day) AS (
              SELECT ?1
              UNION ALL
              SELECT (SELECT \(localDay("answered_at")) FROM attempt INDEXED BY attempt_by_time
                      WHERE answered_at >= \(ProgressImport.dates.lowerBound) AND answered_at < min(hop.day * 86400.0 - ?3 + 1.0, \(ProgressImport.dates.upperBound.nextUp))
                        AND duration_ms >= 0 AND \(localDay("answered_at")) < hop.day
                      ORDER BY answered_at DESC LIMIT 1)
              FROM hop WHERE hop.day > ?2)
            SELECT day FROM hop WHERE day IS NOT NULL AND day < ?1
            """)
        let dueUntilNext = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM review_log INDEXED BY review_by_next "
                                                  + "WHERE next_reviewed_at >= ? AND due < ? AND due < next_reviewed_at AND \(usableReview()))")
        let dueUntilNow = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM review_log INDEXED BY review_by_next "
                                                 + "WHERE next_reviewed_at IS NULL AND due < ? AND due < ? AND \(usableReview()))")
        let firstDay = try Double.fetchOne(db, sql: "SELECT answered_at FROM attempt INDEXED BY attempt_by_time WHERE \(usableAttempt()) ORDER BY answered_at LIMIT 1")
            .map { Dashboard.dayIndex($0, utcOffset: utcOffset) }
        // Days below the heatmap are fetched 120 at a time as the walk goes down (most streaks
        // end within the first).
        let heatmapStart = today - heatmap.count + 1
        var answerDays = Set<Int>(), knownDown = heatmapStart
        func hasAnswers(_ d: Int) throws -> Bool {
            if d >= heatmapStart { return heatmap[d - heatmapStart] > 0 }
            while d < knownDown {
                let stop = knownDown - 120
                answerDays.formUnion(try Int.fetchAll(hops, arguments: [knownDown, stop, utcOffset]))
                knownDown = stop + 1
            }
            return answerDays.contains(d)
        }
        func isDue(_ d: Int) throws -> Bool {
            try Bool.fetchOne(dueUntilNext, arguments: [start(d), start(d + 1)])!
                || (now >= start(d) && Bool.fetchOne(dueUntilNow, arguments: [start(d + 1), now])!)
        }
        return try Dashboard.streak(today: today, firstDay: firstDay, hasAnswers: hasAnswers, isDue: isDue)
    }
}
