import Foundation
import GRDB
import Testing
import TutorCore
import TutorQuiz
@testable import TutorProgress

/// Issue 15: a locked or failing database never loses an answer, and never makes one wait long.
@Suite("Answer journal")
struct JournalTests {
    static let t0 = 1_750_000_000.0

    /// Another connection holding `BEGIN EXCLUSIVE`, as a second program mid-write would.
    static func lock(_ path: String) throws -> DatabaseQueue {
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: path, configuration: config)
        try other.inDatabase { try $0.execute(sql: "BEGIN EXCLUSIVE") }
        return other
    }

    @Test("20 answers under an exclusive lock: quick, journaled, all in the database after the lock goes, replaying twice counts once")
    func lockedAnswersKept() throws {
        let path = tempPath()
        _ = try SQLiteProgressStore(path: path)
        let other = try Self.lock(path)
        let (store, _) = try ProgressFiles.open(path: path, busyTimeout: ProgressFiles.appBusyTimeout)
        // The app waits at most its short busy timeout once, not 5 s an answer (timed by make bench, not here).
        #expect(ProgressFiles.appBusyTimeout < 1)
        for i in 0..<20 { try store.record(attempt("q/\(i)", at: Self.t0 + Double(i)), scheduling: FSRS()) }
        #expect(store.saving == .savingLater)
        #expect(try store.attempts().count == 20)  // counted while they wait
        let journal = AnswerJournal(path: (path as NSString).deletingLastPathComponent + "/" + AnswerJournal.fileName)
        let lines = try String(contentsOfFile: journal.path, encoding: .utf8)
        #expect(journal.read().entries.count == 20)
        try other.inDatabase { try $0.execute(sql: "ROLLBACK") }
        #expect(store.flush())
        #expect(store.saving == .saved)
        #expect(journal.read().size == 0)
        // The journal replayed again (a crash before it was emptied) adds nothing.
        try lines.write(toFile: journal.path, atomically: false, encoding: .utf8)
        let (again, _) = try ProgressFiles.open(path: path)
        #expect(try again.base.attempts().count == 20)
        #expect(try again.base.reviews().count == 20)
        #expect(journal.read().size == 0)
    }

    @Test("A full disk (SQLITE_FULL) journals the answers; they are written once there is room")
    func diskFull() throws {
        let path = tempPath()
        let db = try SQLiteProgressStore(path: path)
        let store = JournaledStore(base: db, journalPath: (path as NSString).deletingLastPathComponent + "/" + AnswerJournal.fileName, retryInterval: 3600)
        // No page may be added: every insert that needs one fails as on a full disk.
        try db.pool.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count")!
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
        var big = attempt("q/0", at: Self.t0); big.response = String(repeating: "x", count: 20_000)
        for i in 0..<5 { big.questionID = "q/\(i)"; big.answeredAt = Self.t0 + Double(i); try store.record(big, card: nil) }
        #expect(store.saving == .savingLater)
        #expect(store.pendingCount == 5)
        try db.pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA max_page_count = 1000000") }
        #expect(store.flush())
        #expect(try db.attempts().count == 5)
    }

    @Test("A line torn by kill -9 is skipped; the answers before it are replayed")
    func tornLine() throws {
        let path = tempPath()
        _ = try SQLiteProgressStore(path: path)
        let journal = AnswerJournal(path: (path as NSString).deletingLastPathComponent + "/" + AnswerJournal.fileName)
        try journal.append(.init(attempt: attempt("q/1", at: Self.t0), card: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journal.path))
        handle.seekToEndOfFile(); handle.write(Data(#"{"attempt":{"questionID":"q/2","les"#.utf8)); try handle.close()
        let (store, _) = try ProgressFiles.open(path: path)
        #expect(try store.base.attempts().map(\.questionID) == ["q/1"])
    }

    @Test("When not even the journal can be written, the answer stays in memory and the store says not saved")
    func notSaved() throws {
        let path = tempPath()
        let store = JournaledStore(base: try SQLiteProgressStore(path: path, busyTimeout: 0.05), journalPath: "/proc/self/nettutor-ro/journal.jsonl")
        let other = try Self.lock(path)
        try store.record(attempt("q/1", at: Self.t0), card: nil)
        #expect(store.saving == .notSaved)
        #expect(try store.attempts().count == 1)
        try other.inDatabase { try $0.execute(sql: "ROLLBACK") }
        #expect(store.flush())
        #expect(try store.base.attempts().count == 1)
    }
}
