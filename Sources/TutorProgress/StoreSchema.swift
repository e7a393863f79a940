import GRDB

/// The store's schema: every change is a new migration; an old one is never edited (a store
/// created by it has already run it).
extension SQLiteProgressStore {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-lesson-reads") { db in
            try db.create(table: "lesson_read") { t in
                t.primaryKey("lesson_id", .text)
                t.column("first_read_at", .datetime).notNull()
            }
        }
        m.registerMigration("v2-quiz-progress") { db in
            try db.create(table: "lesson_open") { t in
                t.primaryKey("lesson_id", .text)
                t.column("first_opened_at", .double).notNull()
                t.column("position", .integer)
            }
            try db.create(table: "attempt") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("question_id", .text).notNull().indexed()
                t.column("lesson", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("answered_at", .double).notNull().indexed()
                t.column("correct", .boolean).notNull()
                t.column("score", .double).notNull()
                t.column("rating", .integer).notNull()
                t.column("duration_ms", .integer).notNull()
                t.column("response", .text).notNull()
                t.column("source", .text).notNull()
                t.uniqueKey(["question_id", "answered_at"])
            }
            try db.create(table: "card") { t in
                t.primaryKey("question_id", .text)
                t.column("state", .integer).notNull()
                t.column("step", .integer)
                t.column("stability", .double)
                t.column("difficulty", .double)
                t.column("due", .double).notNull().indexed()
                t.column("last_review", .double)
            }
            try db.create(table: "review_log") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("question_id", .text).notNull().indexed()
                t.column("rating", .integer).notNull()
                t.column("reviewed_at", .double).notNull().indexed()
                t.column("duration_ms", .integer).notNull()
                t.column("state", .integer).notNull()
                t.column("stability", .double)
                t.column("difficulty", .double)
                t.column("due", .double).notNull()
                t.uniqueKey(["question_id", "reviewed_at"])
            }
            try db.create(table: "scene_run") { t in
                t.column("scene", .text).notNull()
                t.column("at", .double).notNull()
                t.uniqueKey(["scene", "at"])
            }
            try db.create(table: "setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
        }
        m.registerMigration("v3-lesson-last-opened") { db in
            try db.alter(table: "lesson_open") { t in t.add(column: "last_opened_at", .double) }
        }
        m.registerMigration("v4-dashboard-aggregates", migrate: Self.dashboardAggregates)
        return m
    }

    /// What the dashboard's SQL (`DashboardQueries`) reads instead of every row: covering
    /// indexes by time and by question; each review's next review of its question
    /// (`next_reviewed_at`, NULL for the last) so the days something was due need no window
    /// over the whole log; the count and minutes of all answers in `attempt_total`. Triggers
    /// keep both up to date on insert and delete (rows are never updated), so a bulk import
    /// and a repaired copy get them too. Only rows `Dashboard` counts (`usableAttempt`,
    /// `usableReview`: `ProgressImport`'s bounds) take part; changing those bounds needs a
    /// new migration that rebuilds these.
    static func dashboardAggregates(_ db: Database) throws {

        try db.execute(sql: """
            DROP INDEX attempt_on_answered_at;
            DROP INDEX attempt_on_question_id;
            DROP INDEX review_log_on_question_id;
            CREATE INDEX attempt_by_time ON attempt(answered_at, duration_ms, rating);
            CREATE INDEX attempt_by_question ON attempt(question_id, answered_at, duration_ms, correct);
            CREATE INDEX review_by_question ON review_log(question_id, reviewed_at, due);

            CREATE TABLE attempt_total (id INTEGER PRIMARY KEY CHECK (id = 1), answers INTEGER NOT NULL, duration_ms INTEGER NOT NULL);
            INSERT INTO attempt_total SELECT 1, COUNT(*), COALESCE(SUM(duration_ms), 0) FROM attempt WHERE \(usableAttempt());
            CREATE TRIGGER attempt_total_insert AFTER INSERT ON attempt WHEN \(usableAttempt("NEW.")) BEGIN
              UPDATE attempt_total SET answers = answers + 1, duration_ms = duration_ms + NEW.duration_ms;
            END;
            CREATE TRIGGER attempt_total_delete AFTER DELETE ON attempt WHEN \(usableAttempt("OLD.")) BEGIN
              UPDATE attempt_total SET answers = answers - 1, duration_ms = duration_ms - OLD.duration_ms;
            END;

            ALTER TABLE review_log ADD COLUMN next_reviewed_at REAL;
            UPDATE review_log SET next_reviewed_at = n.next
              FROM (SELECT id, LEAD(reviewed_at) OVER (PARTITION BY question_id ORDER BY reviewed_at) AS next
                    FROM review_log WHERE \(usableReview())) AS n
              WHERE review_log.id = n.id;
            CREATE INDEX review_by_next ON review_log(next_reviewed_at, due, reviewed_at);
            CREATE TRIGGER review_next_insert AFTER INSERT ON review_log WHEN \(usableReview("NEW.")) BEGIN
              UPDATE review_log SET next_reviewed_at = (
                SELECT p.reviewed_at FROM review_log AS p INDEXED BY review_by_question
                WHERE p.question_id = NEW.question_id AND p.reviewed_at > NEW.reviewed_at AND \(usableReview("p.")) ORDER BY p.reviewed_at LIMIT 1)
              WHERE id = NEW.id;
              UPDATE review_log SET next_reviewed_at = NEW.reviewed_at WHERE id = (
                SELECT p.id FROM review_log AS p INDEXED BY review_by_question
                WHERE p.question_id = NEW.question_id AND p.reviewed_at < NEW.reviewed_at AND \(usableReview("p.")) ORDER BY p.reviewed_at DESC LIMIT 1);
            END;
            CREATE TRIGGER review_next_delete AFTER DELETE ON review_log WHEN \(usableReview("OLD.")) BEGIN
              UPDATE review_log SET next_reviewed_at = OLD.next_reviewed_at WHERE id = (
                SELECT p.id FROM review_log AS p INDEXED BY review_by_question
                WHERE p.question_id = OLD.question_id AND p.reviewed_at < OLD.reviewed_at AND \(usableReview("p.")) ORDER BY p.reviewed_at DESC LIMIT 1);
            END;
            """)
    }
}
