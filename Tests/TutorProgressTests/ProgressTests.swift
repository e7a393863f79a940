import Foundation
import GRDB
import Testing
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
