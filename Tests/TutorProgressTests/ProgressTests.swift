import Foundation
import Dispatch
import GRDB
import Testing
import TutorCore
@testable import TutorProgress

func tempPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("nt-progress-\(UUID().uuidString)/progress.sqlite").path
}

@Suite("Progress store contract")
struct ProgressTests {
    /// The same contract for both stores: reads start empty, marking is idempotent.
    @Test("SQLite and in-memory stores behave alike", arguments: ["memory", "sqlite"])
    func contract(kind: String) throws {
        let store: ProgressStore = kind == "memory" ? MemoryProgressStore() : try SQLiteProgressStore(path: tempPath())
        #expect(try store.readLessons().isEmpty)
        try store.markRead(lessonID: "tcp-handshake", at: Date())
        try store.markRead(lessonID: "tcp-handshake", at: Date())
        try store.markRead(lessonID: "tcp-vs-udp", at: Date())
        #expect(try store.readLessons() == ["tcp-handshake", "tcp-vs-udp"])
    }

    @Test("Reads survive reopening the database")
    func persists() throws {
        let path = tempPath()
        try SQLiteProgressStore(path: path).markRead(lessonID: "ipv4-vs-ipv6", at: Date())
        #expect(try SQLiteProgressStore(path: path).readLessons() == ["ipv4-vs-ipv6"])
    }

    @Test("A corrupt database file is a clear error and is left untouched")
    func corruptIsClearError() throws {
        let path = tempPath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let garbage = Data(repeating: 0x41, count: 4096)
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try SQLiteProgressStore(path: path)
        } throws: { error in
            "\(error)".contains("cannot open the progress database at \(path)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    @Test("A database locked by another writer is reported as locked")
    func lockedIsReported() throws {
        let path = tempPath()
        let store = try SQLiteProgressStore(path: path, busyTimeout: 0)
        // Another connection holds an exclusive lock, as a second nettutor mid-write would.
        var config = Configuration()
        config.allowsUnsafeTransactions = true  // keep the lock across accesses on purpose
        let other = try DatabaseQueue(path: path, configuration: config)
        try other.inDatabase { try $0.execute(sql: "BEGIN EXCLUSIVE") }
        #expect {
            try store.markRead(lessonID: "x", at: Date())
        } throws: { error in
            "\(error)".contains("is locked by another process")
        }
        try other.inDatabase { try $0.execute(sql: "COMMIT") }
        try store.markRead(lessonID: "x", at: Date())
        #expect(try store.readLessons() == ["x"])
    }
}

func attempt(_ id: String, at t: Double, rating: Rating = .good) -> Attempt {
    Attempt(questionID: id, lesson: String(id.split(separator: "/")[0]), kind: "choice", answeredAt: t, correct: rating != .again,
            score: rating == .again ? 0 : 1, rating: rating, durationMS: 4200, response: "0", source: "quiz")
}

@Suite("Progress store: quiz data")
struct QuizProgressTests {
    @Test("Both stores keep attempts, cards, the review log, positions, scene runs and settings alike", arguments: ["memory", "sqlite"])
    func contract(kind: String) throws {
        let store: ProgressStore = kind == "memory" ? MemoryProgressStore() : try SQLiteProgressStore(path: tempPath())
        var card = Card(due: 0)
        card.state = .review; card.step = nil; card.stability = 3.2; card.difficulty = 5.1; card.due = 1000 + 3 * 86_400; card.lastReview = 1000
        try store.record(attempt("tcp/a", at: 1000), card: card)
        try store.record(attempt("tcp/b", at: 1001, rating: .again), card: nil)  // a prediction: not scheduled
        #expect(try store.attempts().map(\.questionID) == ["tcp/a", "tcp/b"])
        #expect(try store.cards() == ["tcp/a": card])
        #expect(try store.reviews().map(\.questionID) == ["tcp/a"])
        #expect(try store.reviews()[0].stability == 3.2)
        try store.markOpened(lessonID: "tcp", at: Date(timeIntervalSince1970: 5))
        try store.setPosition(lessonID: "tcp", block: 7)
        #expect(try store.position(lessonID: "tcp") == 7 && store.positions() == ["tcp": 7])
        try store.recordSceneRun(scene: "tcp-3way", at: Date(timeIntervalSince1970: 9))
        #expect(try store.settings() == ProgressSettings(), "defaults before anything is set")
        try store.save(ProgressSettings(streak: true, desiredRetention: 0.85, newPerDay: 3))
        #expect(try store.settings() == ProgressSettings(streak: true, desiredRetention: 0.85, newPerDay: 3))
        let e = try store.export()
        #expect(e.attempts.count == 2 && e.cards.count == 1 && e.sceneRuns.count == 1 && e.positions["tcp"] == 7)
        try store.reset()
        #expect(try store.attempts().isEmpty && store.cards().isEmpty && store.readLessons().isEmpty)
    }

    @Test("Both stores know the lesson opened last (opening again moves it to the front)", arguments: ["memory", "sqlite"])
    func lastOpened(kind: String) throws {
        let store: ProgressStore = kind == "memory" ? MemoryProgressStore() : try SQLiteProgressStore(path: tempPath())
        #expect(try store.lastOpenedLesson() == nil)
        try store.markOpened(lessonID: "tcp", at: Date(timeIntervalSince1970: 5))
        try store.markOpened(lessonID: "udp", at: Date(timeIntervalSince1970: 6))
        #expect(try store.lastOpenedLesson() == "udp")
        try store.markOpened(lessonID: "tcp", at: Date(timeIntervalSince1970: 7))
        #expect(try store.lastOpenedLesson() == "tcp", "the last open counts, not the first")
        try store.reset()
        #expect(try store.lastOpenedLesson() == nil)
    }

    @Test("Settings: saved and read back typed, kept in the export, read from the rows older versions wrote", arguments: ["memory", "sqlite"])
    func settings(kind: String) throws {
        let store: ProgressStore = kind == "memory" ? MemoryProgressStore() : try SQLiteProgressStore(path: tempPath())
        var s = try store.settings()
        s.newPerDay = 25
        try store.save(s)
        s.streak = true
        try store.save(s)
        #expect(try store.settings() == ProgressSettings(streak: true, desiredRetention: 0.9, newPerDay: 25))
        #expect(try store.export().settings == ["streak": "on", "desired_retention": "0.9", "new_per_day": "25"])
        try store.reset()
        var old = ProgressExport()
        old.settings = ["desired_retention": "0.8", "new_per_day": "not a number"]
        try store.merge(old)
        #expect(try store.settings() == ProgressSettings(streak: false, desiredRetention: 0.8, newPerDay: 10))
        #expect(try store.settings().scheduler.desiredRetention == 0.8)
    }

    @Test("Import merges and is idempotent: importing twice adds nothing the second time")
    func mergeIdempotent() throws {
        let a = try SQLiteProgressStore(path: tempPath()), b = try SQLiteProgressStore(path: tempPath())
        try a.record(attempt("x/1", at: 10), card: Card(state: .review, step: nil, stability: 2, difficulty: 5, due: 99, lastReview: 10))
        try a.markRead(lessonID: "x", at: Date(timeIntervalSince1970: 10))
        try b.record(attempt("x/2", at: 20), card: nil)
        let data = try a.export()
        try b.merge(data)
        try b.merge(data)
        #expect(try b.attempts().map(\.questionID) == ["x/1", "x/2"])
        #expect(try b.readLessons() == ["x"] && b.cards().keys.sorted() == ["x/1"] && b.reviews().count == 1)
        // A JSON round trip (the export file) keeps everything.
        let json = try JSONEncoder().encode(data)
        #expect(try JSONDecoder().decode(ProgressExport.self, from: json) == data)
    }

    @Test("A version 1 database (lesson reads only) migrates and keeps its reads")
    func migratesV1() throws {
        let path = tempPath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: path)
        try old.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v1-lesson-reads')")
            try db.execute(sql: "CREATE TABLE lesson_read (lesson_id TEXT PRIMARY KEY, first_read_at DATETIME NOT NULL)")
            try db.execute(sql: "INSERT INTO lesson_read VALUES ('tcp-handshake', '2026-01-01 00:00:00.000')")
        }
        try old.close()
        let store = try SQLiteProgressStore(path: path)
        #expect(try store.readLessons() == ["tcp-handshake"])
        try store.record(attempt("tcp-handshake/q", at: 1), card: nil)
        #expect(try store.attempts().count == 1)
    }

    @Test("Two connections writing at once lose nothing (WAL and a busy timeout)")
    func concurrentWriters() throws {
        let path = tempPath()
        let one = try SQLiteProgressStore(path: path), two = try SQLiteProgressStore(path: path)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let store = i == 0 ? one : two
            for k in 0..<150 { try? store.record(attempt("c/\(i)-\(k)", at: Double(i * 1000 + k)), card: Card(due: Double(k))) }
        }
        #expect(try one.attempts().count == 300 && two.cards().count == 300)
    }

    @Test("A corrupt database is moved aside with a clear message and a fresh one started; nothing is deleted")
    func corruptMovedAside() throws {
        let path = tempPath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let garbage = Data(repeating: 0x41, count: 8192)
        try garbage.write(to: URL(fileURLWithPath: path))
        let (store, message) = try SQLiteProgressStore.openMovingCorruptAside(path: path, now: Date(timeIntervalSince1970: 1_767_225_600))
        #expect(message?.description == "the progress database was damaged; it was moved to \(path).corrupt-1767225600 and a new one started")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + ".corrupt-1767225600")) == garbage)
        try store.markRead(lessonID: "x", at: Date())
        #expect(try store.readLessons() == ["x"])
    }

    @Test("A data folder that cannot be created or written is reported as not writable")
    func readOnlyFolder() {
        #expect {
            _ = try SQLiteProgressStore(path: "/proc/self/nettutor-test/progress.sqlite")
        } throws: { error in
            "\(error)" == "the data folder /proc/self/nettutor-test is not writable"
        }
    }

    @Test("An answer recorded is on disk at once: a second connection sees it without the first closing")
    func committedAtOnce() throws {
        let path = tempPath()
        let writer = try SQLiteProgressStore(path: path)
        try writer.record(attempt("k/1", at: 1), card: Card(due: 5))
        let reader = try SQLiteProgressStore(path: path)
        #expect(try reader.attempts().count == 1 && reader.cards()["k/1"]?.due == 5)
    }
}

@Suite("Progress store: new cards today")
struct NewCardsTests {
    @Test("Counts questions whose first review is at or after a time, alike in both stores", arguments: ["memory", "sqlite"])
    func newCardsStarted(kind: String) throws {
        let store: ProgressStore = kind == "memory" ? MemoryProgressStore() : try SQLiteProgressStore(path: tempPath())
        try store.record(attempt("n/old", at: 100), card: Card(due: 200))
        try store.record(attempt("n/old", at: 1000), card: Card(due: 2000))
        try store.record(attempt("n/new", at: 1000), card: Card(due: 2000))
        #expect(try store.newCardsStarted(since: 500) == 1)
        #expect(try store.newCardsStarted(since: 0) == 2)
    }
}

@Suite("Progress files")
struct ProgressFilesTests {
    @Test("An export file imports into another store once: the second import adds nothing; a bad file is named")
    func roundTrip() throws {
        let a = try SQLiteProgressStore(path: tempPath()), b = MemoryProgressStore()
        try a.record(attempt("x/1", at: 1_750_000_010), card: nil)  // a date the import accepts
        try a.record(attempt("x/2", at: 1_750_000_011), card: nil)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nt-export-\(UUID().uuidString).json").path
        try ProgressFiles.export(a, to: file)
        #expect(try ProgressFiles.importExport(from: file, into: b) == 2)
        #expect(try ProgressFiles.importExport(from: file, into: b) == 0)
        try "{}x".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: ProgressFiles.FileError.self) { try ProgressFiles.importExport(from: file, into: b) }
        #expect(throws: ProgressFiles.FileError.self) { try ProgressFiles.export(a, to: "/proc/nope/x.json") }
    }

    @Test("The app's store falls back to memory, with a warning, when the folder cannot be written")
    func fallBack() {
        let (store, warning) = ProgressFiles.openForApp(path: "/proc/self/nettutor-ro/progress.sqlite")
        #expect(store is MemoryProgressStore)
        #expect(warning?.description.hasSuffix("(progress is not saved this session)") == true)
    }
}
