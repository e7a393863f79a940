import Foundation
import GRDB
import TutorCore

/// What the app remembers between runs. This issue needs only which lessons were read; quizzes
/// and reviews extend it.
public protocol ProgressStore: AnyObject {
    func readLessons() throws -> Set<String>
    func markRead(lessonID: String, at date: Date) throws
}

public enum ProgressError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case locked(path: String)
    case failed(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open the progress database at \(path): \(reason)"
        case .locked(let path): "the progress database at \(path) is locked by another process; try again when it exits"
        case .failed(let reason): "progress database error: \(reason)"
        }
    }
}

/// The in-memory store: same contract, for tests and for when the database cannot be used.
public final class MemoryProgressStore: ProgressStore, @unchecked Sendable {
    private var read: [String: Date] = [:]
    public init() {}
    public func readLessons() throws -> Set<String> { Set(read.keys) }
    public func markRead(lessonID: String, at date: Date) throws {
        if read[lessonID] == nil { read[lessonID] = date }
    }
}

/// The SQLite store (GRDB). Schema changes go through the migrator, never by hand.
public final class SQLiteProgressStore: ProgressStore, @unchecked Sendable {
    private let queue: DatabaseQueue
    public let path: String

    /// `busyTimeout`: how long to wait for another process's write before reporting "locked".
    public init(path: String, busyTimeout: Double = 2) throws {
        self.path = path
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            var config = Configuration()
            config.busyMode = busyTimeout > 0 ? .timeout(busyTimeout) : .immediateError
            queue = try DatabaseQueue(path: path, configuration: config)
            try Self.migrator.migrate(queue)
        } catch let e as DatabaseError where e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED {
            throw ProgressError.locked(path: path)
        } catch let e as DatabaseError {
            throw ProgressError.cannotOpen(path: path, reason: e.message ?? "\(e.resultCode)")
        } catch {
            throw ProgressError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-lesson-reads") { db in
            try db.create(table: "lesson_read") { t in
                t.primaryKey("lesson_id", .text)
                t.column("first_read_at", .datetime).notNull()
            }
        }
        return m
    }

    public func readLessons() throws -> Set<String> {
        try wrap { try queue.read { db in Set(try String.fetchAll(db, sql: "SELECT lesson_id FROM lesson_read")) } }
    }

    public func markRead(lessonID: String, at date: Date) throws {
        try wrap {
            try queue.write { db in
                try db.execute(sql: "INSERT OR IGNORE INTO lesson_read (lesson_id, first_read_at) VALUES (?, ?)", arguments: [lessonID, date])
            }
        }
    }

    private func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as DatabaseError where e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED {
            throw ProgressError.locked(path: path)
        } catch let e as DatabaseError {
            throw ProgressError.failed(e.message ?? "\(e.resultCode)")
        }
    }
}
