import Foundation
import GRDB
import TutorCore

/// The SQLite store (GRDB, WAL). Schema changes go through the migrator, never by hand.
public final class SQLiteProgressStore: ProgressStore, @unchecked Sendable {
    let pool: DatabasePool
    public let path: String
    /// Opened for reading only because another process held the write lock: a write is "locked".
    public let readOnlyWhileLocked: Bool
    /// Passed `quick_check` at open and met no damage since: closing stamps the file as checked,
    /// so our own writes do not make the next start check it again.
    var knownSound = false
    private var damaged = false

    deinit {
        guard knownSound && !damaged && !readOnlyWhileLocked else { return }
        try? pool.close()
        StoreRepair.markClean(path)
    }

    /// `busyTimeout`: how long to wait for another process's write before reporting "locked".
    /// `readOnly`: for a database locked by another process (opening for writing sets up the
    /// WAL with a write, which waits for the lock; reading needs none).
    /// Each connection's page cache, in KiB.
    static let cacheKiB = 256

    public init(path: String, busyTimeout: Double = 5, readOnly: Bool = false) throws {
        self.path = path
        readOnlyWhileLocked = readOnly
        let dir = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw ProgressError.readOnly(path: path)
        }
        if !FileManager.default.isWritableFile(atPath: dir) { throw ProgressError.readOnly(path: path) }
        do {
            var config = Configuration()
            config.busyMode = busyTimeout > 0 ? .timeout(busyTimeout) : .immediateError
            config.readonly = readOnly
            // The aggregates scan each table once, so a large page cache only adds memory
            // (each connection keeps its own; SQLite's default is 2 MiB).
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -\(Self.cacheKiB)") }
            pool = try DatabasePool(path: path, configuration: config)  // WAL: readers never block the writer
            // Migrating takes the write lock; a store already migrated opens (and reads) while
            // another process holds it, so answers can wait in the journal instead.
            if try !pool.read({ try Self.migrator.hasCompletedMigrations($0) }) {
                if readOnly { throw ProgressError.locked(path: path) }
                try Self.migrator.migrate(pool)
            }
        } catch let e as ProgressError {
            throw e
        } catch let e as DatabaseError where e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED {
            throw ProgressError.locked(path: path)
        } catch let e as DatabaseError where e.resultCode == .SQLITE_NOTADB || e.resultCode == .SQLITE_CORRUPT {
            throw ProgressError.cannotOpen(path: path, reason: "the file is not a valid database (\(e.message ?? "corrupt"))")
        } catch let e as DatabaseError {
            throw ProgressError.cannotOpen(path: path, reason: e.message ?? "\(e.resultCode)")
        } catch {
            throw ProgressError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// Opens the store; a corrupt file is moved aside to `progress.sqlite.corrupt-<time>` (never
    /// deleted) and a fresh one started. Returns the store and a message for the user, if any.
    public static func openMovingCorruptAside(path: String, busyTimeout: Double = 5, now: Date = Date()) throws -> (SQLiteProgressStore, StoreNotice?) {
        do {
            return try checked(try SQLiteProgressStore(path: path, busyTimeout: busyTimeout), busyTimeout: busyTimeout, now: now)
        } catch ProgressError.cannotOpen(_, let reason) where reason.contains("not a valid database") {
            let aside = try moveAside(path, now: now)
            return (try SQLiteProgressStore(path: path, busyTimeout: busyTimeout), .damaged(aside: aside, problem: nil, copied: nil, lost: true))
        }
    }

    public func readLessons() throws -> Set<String> {
        try wrap { try pool.read { db in Set(try String.fetchAll(db, sql: "SELECT lesson_id FROM lesson_read")) } }
    }

    public func markRead(lessonID: String, at date: Date) throws {
        try write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO lesson_read (lesson_id, first_read_at) VALUES (?, ?)", arguments: [lessonID, date])
        }
    }

    public func markOpened(lessonID: String, at date: Date) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO lesson_open (lesson_id, first_opened_at, last_opened_at) VALUES (?, ?, ?)
                ON CONFLICT(lesson_id) DO UPDATE SET last_opened_at = excluded.last_opened_at
                """, arguments: [lessonID, date.timeIntervalSince1970, date.timeIntervalSince1970])
        }
    }

    public func lastOpenedLesson() throws -> String? {
        try wrap {
            try pool.read { db in
                try String.fetchOne(db, sql: "SELECT lesson_id FROM lesson_open ORDER BY COALESCE(last_opened_at, first_opened_at) DESC, rowid DESC LIMIT 1")
            }
        }
    }

    public func setPosition(lessonID: String, block: Int) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO lesson_open (lesson_id, first_opened_at, position) VALUES (?, ?, ?)
                ON CONFLICT(lesson_id) DO UPDATE SET position = excluded.position
                """, arguments: [lessonID, Date().timeIntervalSince1970, block])
        }
    }

    public func position(lessonID: String) throws -> Int? {
        try wrap { try pool.read { db in try Int.fetchOne(db, sql: "SELECT position FROM lesson_open WHERE lesson_id = ?", arguments: [lessonID]) } }
    }

    public func positions() throws -> [String: Int] {
        try wrap {
            try pool.read { db in
                var out: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT lesson_id, position FROM lesson_open WHERE position IS NOT NULL") { out[row["lesson_id"]] = row["position"] }
                return out
            }
        }
    }

    public func record(_ a: Attempt, card: Card?) throws {
        try write { db in
            try Self.insert(a, db)
            if let card {
                try Self.upsert(a.questionID, card, db)
                try Self.insert(ReviewEntry(questionID: a.questionID, rating: a.rating, reviewedAt: a.answeredAt, durationMS: a.durationMS, card: card), db)
            }
        }
    }

    static func insert(_ a: Attempt, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO attempt (question_id, lesson, kind, answered_at, correct, score, rating, duration_ms, response, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [a.questionID, a.lesson, a.kind, a.answeredAt, a.correct, a.score, a.rating.rawValue, a.durationMS, a.response, a.source])
    }

    static func upsert(_ id: String, _ c: Card, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO card (question_id, state, step, stability, difficulty, due, last_review) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(question_id) DO UPDATE SET state = excluded.state, step = excluded.step, stability = excluded.stability,
              difficulty = excluded.difficulty, due = excluded.due, last_review = excluded.last_review
              WHERE card.last_review IS NULL OR COALESCE(excluded.last_review, 0) >= card.last_review
            """).execute(arguments: [id, c.state.rawValue, c.step, c.stability, c.difficulty, c.due, c.lastReview])
    }

    static func insert(_ r: ReviewEntry, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO review_log (question_id, rating, reviewed_at, duration_ms, state, stability, difficulty, due)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [r.questionID, r.rating.rawValue, r.reviewedAt, r.durationMS, r.state.rawValue, r.stability, r.difficulty, r.due])
    }

    public func cards() throws -> [String: Card] {
        try wrap {
            try pool.read { db in
                var out: [String: Card] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT * FROM card") {
                    out[row["question_id"]] = Card(state: CardState(rawValue: row["state"]) ?? .learning, step: row["step"], stability: row["stability"],
                                                   difficulty: row["difficulty"], due: row["due"], lastReview: row["last_review"])
                }
                return out
            }
        }
    }

    public func attempts() throws -> [Attempt] {
        try wrap {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM attempt ORDER BY answered_at").map { row in
                    Attempt(questionID: row["question_id"], lesson: row["lesson"], kind: row["kind"], answeredAt: row["answered_at"],
                            correct: row["correct"], score: row["score"], rating: Rating(rawValue: row["rating"]) ?? .again,
                            durationMS: row["duration_ms"], response: row["response"], source: row["source"])
                }
            }
        }
    }

    public func reviews() throws -> [ReviewEntry] {
        try wrap {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM review_log ORDER BY reviewed_at").map { row in
                    ReviewEntry(questionID: row["question_id"], rating: Rating(rawValue: row["rating"]) ?? .again, reviewedAt: row["reviewed_at"],
                                durationMS: row["duration_ms"],
                                card: Card(state: CardState(rawValue: row["state"]) ?? .review, step: nil, stability: row["stability"],
                                           difficulty: row["difficulty"], due: row["due"], lastReview: row["reviewed_at"]))
                }
            }
        }
    }

    public func newCardsStarted(since t: Double) throws -> Int {
        try wrap {
            try pool.read { db in
                // Reviewed since `t` and not before: index seeks, not a pass over the whole log.
                try Int.fetchOne(db, sql: """
                    SELECT COUNT(DISTINCT question_id) FROM review_log AS r WHERE r.reviewed_at >= ?
                      AND NOT EXISTS (SELECT 1 FROM review_log AS p INDEXED BY review_by_question WHERE p.question_id = r.question_id AND p.reviewed_at < ?)
                    """, arguments: [t, t]) ?? 0
            }
        }
    }

    public func answerCount() throws -> Int {
        try wrap { try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attempt") ?? 0 } }
    }

    public func recordSceneRun(scene: String, at date: Date) throws {
        try write { db in try db.execute(sql: "INSERT OR IGNORE INTO scene_run (scene, at) VALUES (?, ?)", arguments: [scene, date.timeIntervalSince1970]) }
    }

    public func settings() throws -> ProgressSettings {
        try wrap { try pool.read { db in
            ProgressSettings(rows: Dictionary(try Row.fetchAll(db, sql: "SELECT key, value FROM setting").map { ($0["key"], $0["value"]) }) { $1 })
        } }
    }

    public func save(_ settings: ProgressSettings) throws {
        try write { db in
            for (key, value) in settings.rows {
                try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", arguments: [key, value])
            }
        }
    }

    public func export() throws -> ProgressExport {
        var e = ProgressExport()
        try wrap {
            try pool.read { db in
                for row in try Row.fetchAll(db, sql: "SELECT lesson_id, first_read_at FROM lesson_read") {
                    let date: Date = row["first_read_at"]
                    e.lessonsRead[row["lesson_id"]] = date.timeIntervalSince1970
                }
                for row in try Row.fetchAll(db, sql: "SELECT * FROM lesson_open") {
                    e.lessonsOpened[row["lesson_id"]] = row["first_opened_at"]
                    if let p: Int = row["position"] { e.positions[row["lesson_id"]] = p }
                }
                e.sceneRuns = try Row.fetchAll(db, sql: "SELECT * FROM scene_run").map { SceneRun(scene: $0["scene"], at: $0["at"]) }
                for row in try Row.fetchAll(db, sql: "SELECT * FROM setting") { e.settings[row["key"]] = row["value"] }
            }
        }
        e.attempts = try attempts()
        e.cards = try cards()
        e.reviews = try reviews()
        return e
    }

    /// One transaction of only the incoming rows, each kept or ignored by the rule of
    /// `ProgressExport.merge` (first read and open stay, attempts and reviews unique by question
    /// and time, a card replaced only by a later review), so nothing stored is read back first.
    public func merge(_ other: ProgressExport) throws {
        try write { db in
            // A large import touches every index at random places: a cache that holds them
            // (64 MiB at most, this connection only) keeps pages from being written twice.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            defer { try? db.execute(sql: "PRAGMA cache_size = -\(Self.cacheKiB)") }
            for (id, t) in other.lessonsRead {
                try db.execute(sql: "INSERT OR IGNORE INTO lesson_read (lesson_id, first_read_at) VALUES (?, ?)", arguments: [id, Date(timeIntervalSince1970: t)])
            }
            for (id, t) in other.lessonsOpened {
                try db.execute(sql: "INSERT OR IGNORE INTO lesson_open (lesson_id, first_opened_at, position) VALUES (?, ?, ?)", arguments: [id, t, other.positions[id]])
            }
            // By question, then time: neighbours in the indexes, and each review's trigger finds its
            // predecessor just written. Ties keep the file's order (the first of two equal rows wins).
            for (_, a) in other.attempts.enumerated().sorted(by: { ($0.1.questionID, $0.1.answeredAt, $0.0) < ($1.1.questionID, $1.1.answeredAt, $1.0) }) {
                try Self.insert(a, db)
            }
            for (_, r) in other.reviews.enumerated().sorted(by: { ($0.1.questionID, $0.1.reviewedAt, $0.0) < ($1.1.questionID, $1.1.reviewedAt, $1.0) }) {
                try Self.insert(r, db)
            }
            for (id, c) in other.cards {
                try db.cachedStatement(sql: """
                    INSERT INTO card (question_id, state, step, stability, difficulty, due, last_review) VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(question_id) DO UPDATE SET state = excluded.state, step = excluded.step, stability = excluded.stability,
                      difficulty = excluded.difficulty, due = excluded.due, last_review = excluded.last_review
                      WHERE COALESCE(card.last_review, -1) < COALESCE(excluded.last_review, -1)
                    """).execute(arguments: [id, c.state.rawValue, c.step, c.stability, c.difficulty, c.due, c.lastReview])
            }
            for run in other.sceneRuns { try db.execute(sql: "INSERT OR IGNORE INTO scene_run (scene, at) VALUES (?, ?)", arguments: [run.scene, run.at]) }
            for (k, v) in other.settings { try db.execute(sql: "INSERT OR IGNORE INTO setting (key, value) VALUES (?, ?)", arguments: [k, v]) }
        }
    }

    public func reset() throws {
        try write { db in
            for table in ["lesson_read", "lesson_open", "attempt", "card", "review_log", "scene_run", "setting"] {
                try db.execute(sql: "DELETE FROM \(table)")
            }
        }
    }

    private func write(_ body: (Database) throws -> Void) throws {
        try wrap { try pool.write { db in try body(db) } }
    }

    func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as DatabaseError where e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED {
            throw ProgressError.locked(path: path)
        } catch let e as DatabaseError where e.resultCode == .SQLITE_READONLY {
            throw readOnlyWhileLocked ? ProgressError.locked(path: path) : ProgressError.readOnly(path: path)
        } catch let e as DatabaseError where e.resultCode == .SQLITE_CORRUPT || e.resultCode == .SQLITE_NOTADB {
            damaged = true; StoreRepair.forget(path)  // the next start checks the file and salvages it
            throw ProgressError.failed("the database is damaged (\(e.message ?? "corrupt")); it is repaired the next time nettutor starts")
        } catch let e as DatabaseError {
            throw ProgressError.failed(e.message ?? "\(e.resultCode)")
        }
    }
}
