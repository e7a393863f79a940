import Foundation
import GRDB
import Testing
import TutorCore
@testable import TutorProgress

/// Issue 15: damage deep in a large file (three late 4 KB pages overwritten) is found at open,
/// the file kept aside, what still reads salvaged into a fresh store, and said once.
@Suite("Corruption in later pages")
struct CorruptionTests {
    static func damagedStore() throws -> String {
        let path = tempPath()
        let store = try SQLiteProgressStore(path: path)
        let rows = (0..<6000).map { attempt("l\($0 % 20)/q\($0)", at: 1_750_000_000 + Double($0) * 60) }
        try store.pool.write { db in for a in rows { try SQLiteProgressStore.insert(a, db) } }
        try store.pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try store.pool.close()
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        let pages = size / 4096
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        for page in [pages - 3, pages - 40, pages - 90] {
            try handle.seek(toOffset: UInt64(page * 4096))
            handle.write(Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }))
        }
        try handle.close()
        return path
    }

    @Test("The damaged file is moved aside, readable rows are kept, export and reset work, and it is said once")
    func salvaged() throws {
        let path = try Self.damagedStore()
        let (store, message) = try SQLiteProgressStore.openMovingCorruptAside(path: path, now: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(message?.description.contains("moved to \(path).corrupt-1800000000") == true)
        #expect(FileManager.default.fileExists(atPath: "\(path).corrupt-1800000000"))
        let kept = try store.export().attempts.count
        #expect(kept > 3000 && kept < 6000)
        try store.reset()
        let (_, again) = try SQLiteProgressStore.openMovingCorruptAside(path: path)
        #expect(again == nil)  // said once: the new file is sound
    }

    @Test("A sound file passes the check once and is not checked again until it changes")
    func checkedOnce() throws {
        let path = tempPath()
        do {
            let (store, _) = try SQLiteProgressStore.openMovingCorruptAside(path: path)
            try store.markRead(lessonID: "x", at: Date())  // our own write, checkpointed at close
        }
        #expect(!StoreRepair.needsCheck(path))
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: path + ".other"))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile(); handle.write(Data(count: 4096)); try handle.close()  // changed by someone else
        #expect(StoreRepair.needsCheck(path))
    }
}
