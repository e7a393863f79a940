import Foundation
import GRDB

/// Damage that opening does not notice (a bad page deep in the file fails only the query that
/// reads it): `PRAGMA quick_check` when the file changed since its last clean check (about
/// 0.1 s on a 100,000-answer store, so not on every start), and after any SQLITE_CORRUPT. A
/// damaged file is kept aside and whatever rows still read are copied into a fresh database.
enum StoreRepair {
    static let tables = ["lesson_read", "lesson_open", "attempt", "card", "review_log", "scene_run", "setting"]

    /// The file's size and modification time when it last passed the check.
    static func stampPath(_ path: String) -> String { path + ".checked" }

    static func stamp(_ path: String) -> String? {
        guard let a = try? FileManager.default.attributesOfItem(atPath: path), let size = a[.size] as? Int,
              let mtime = a[.modificationDate] as? Date else { return nil }
        return "\(size) \(mtime.timeIntervalSince1970)"
    }

    static func needsCheck(_ path: String) -> Bool {
        guard let now = stamp(path) else { return true }
        return NoFollowFile.read(stampPath(path)).map { String(decoding: $0, as: UTF8.self) } != now
    }

    /// Through `NoFollowFile`: a stamp file planted as a link or FIFO is replaced, never followed.
    static func markClean(_ path: String) { if let s = stamp(path) { NoFollowFile.replace(stampPath(path), with: s) } }

    /// After a SQLITE_CORRUPT: the next open checks again.
    static func forget(_ path: String) { try? FileManager.default.removeItem(atPath: stampPath(path)) }

    /// The first problem `quick_check` reports, or nil for a sound file.
    static func problem(_ pool: DatabasePool) -> String? {
        do {
            let rows = try pool.read { try String.fetchAll($0, sql: "PRAGMA quick_check") }
            return rows == ["ok"] ? nil : rows.first ?? "quick_check failed"
        } catch let e as DatabaseError {
            return e.message ?? "\(e.resultCode)"
        } catch { return "\(error)" }
    }

    /// Copies every row of `damaged` that still reads into the migrated database at `fresh`,
    /// table by table in rowid order, skipping past pages that fail. Returns rows copied and
    /// whether some could not be read.
    static func salvage(from damaged: String, into fresh: DatabaseQueue) -> (copied: Int, lost: Bool) {
        var config = Configuration()
        config.readonly = true
        guard let old = try? DatabaseQueue(path: damaged, configuration: config) else { return (0, true) }
        defer { try? old.close() }
        var copied = 0, lost = false
        for table in tables {
            guard let columns = try? old.read({ try $0.columns(in: table).map(\.name) }), !columns.isEmpty else { lost = true; continue }
            let insert = "INSERT OR IGNORE INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
            var after = Int64.min, skip: Int64 = 1
            while true {
                var batch: [[DatabaseValue]] = [], failed = false
                do {
                    try old.read { db in
                        let cursor = try Row.fetchCursor(db, sql: "SELECT rowid, \(columns.joined(separator: ", ")) FROM \(table) WHERE rowid > ? ORDER BY rowid LIMIT 1000",
                                                         arguments: [after])
                        while let row = try cursor.next() { batch.append(Array(row.databaseValues)) }
                    }
                } catch { failed = true }
                if !batch.isEmpty {
                    try? fresh.write { db in for values in batch { try db.execute(sql: insert, arguments: StatementArguments(values.dropFirst())) } }
                    copied += batch.count
                    after = Int64.fromDatabaseValue(batch.last![0]) ?? after
                }
                if failed {
                    // A damaged page: look further on, a little more each time it fails again.
                    lost = true
                    guard skip < 1 << 32 else { break }
                    after = after == Int64.min ? 0 : after + skip
                    skip *= 2
                    continue
                }
                if batch.count < 1000 { break }
                skip = 1
            }
        }
        return (copied, lost)
    }
}

extension SQLiteProgressStore {
    /// Checks a just-opened store (when the file changed since its last clean check); a damaged
    /// one is moved aside, salvaged into a fresh file and reopened, with a message for the user.
    static func checked(_ store: SQLiteProgressStore, busyTimeout: Double, now: Date) throws -> (SQLiteProgressStore, StoreNotice?) {
        let path = store.path
        guard StoreRepair.needsCheck(path) else { store.knownSound = true; return (store, nil) }
        guard let problem = StoreRepair.problem(store.pool) else { StoreRepair.markClean(path); store.knownSound = true; return (store, nil) }
        try? store.pool.close()
        let aside = try moveAside(path, now: now)
        let fresh = try DatabaseQueue(path: path)
        try migrator.migrate(fresh)
        let (copied, lost) = StoreRepair.salvage(from: aside, into: fresh)
        try fresh.close()
        let reopened = try SQLiteProgressStore(path: path, busyTimeout: busyTimeout)
        StoreRepair.markClean(path)
        reopened.knownSound = true
        return (reopened, .damaged(aside: aside, problem: problem, copied: copied, lost: lost))
    }

    /// Renames the file (and its -wal and -shm) to `<path>.corrupt-<time>`; never deletes it.
    static func moveAside(_ path: String, now: Date) throws -> String {
        let aside = "\(path).corrupt-\(Int(now.timeIntervalSince1970))"
        try FileManager.default.moveItem(atPath: path, toPath: aside)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try? FileManager.default.moveItem(atPath: path + suffix, toPath: aside + suffix)
        }
        StoreRepair.forget(path)
        return aside
    }
}
