import Foundation
import TutorCore

/// Opening the store for the TUI, and the JSON file of `nettutor progress --export/--import`.
public enum ProgressFiles {
    /// The data folder (DESIGN §6): the flag, `$NETTUTOR_DATA_DIR`, `$XDG_DATA_HOME/nettutor`,
    /// `~/.local/share/nettutor`.
    public static func dataDirectory(flag: String?, environment: [String: String]) -> String {
        if let flag { return flag }
        if let d = environment["NETTUTOR_DATA_DIR"], !d.isEmpty { return d }
        if let x = environment["XDG_DATA_HOME"], !x.isEmpty { return x + "/nettutor" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share/nettutor"
    }

    /// Why a data folder cannot be used, or nil: an empty one (`--data-dir ""`) would put the
    /// database at `/progress.sqlite`, and the root folder is nobody's data folder.
    public static func dataDirectoryProblem(_ dir: String) -> String? {
        if dir.allSatisfy(\.isWhitespace) { return "--data-dir must name a folder (it is empty)" }
        // Without Foundation's URL standardizing (ICU at start-up): by its spelling ("/x/.." is
        // the root even when x does not exist yet: it would be made), then through its symlinks.
        var parts: [Substring] = []
        for part in dir.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        let root = "--data-dir must not be the root folder (\(dir))"
        if dir.hasPrefix("/") && parts.isEmpty { return root }
        guard let resolved = realpath(dir, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved) == "/" ? root : nil
    }

    /// The SQLite store, a corrupt file moved aside and a fresh one started (with a message).
    /// When the database is locked or the folder cannot be written, an in-memory store plus a
    /// warning: the app still works, says it is not saving, and nothing on disk is touched.
    public static func openForApp(path: String) -> (ProgressStore, StoreNotice?) {
        do { return try open(path: path, busyTimeout: appBusyTimeout) }
        catch { return (MemoryProgressStore(), .unusable(reason: "\(error)")) }
    }

    /// How long the quiz waits for another process's lock before journaling the answer.
    public static let appBusyTimeout = 0.25

    /// The database with its answer journal beside it (`AnswerJournal.fileName`): what an
    /// earlier run journaled is written now, if the database takes it.
    public static func open(path: String, busyTimeout: Double = 5) throws -> (JournaledStore, StoreNotice?) {
        let journal = (path as NSString).deletingLastPathComponent + "/" + AnswerJournal.fileName
        do {
            let (db, message) = try SQLiteProgressStore.openMovingCorruptAside(path: path, busyTimeout: busyTimeout)
            let store = JournaledStore(base: db, journalPath: journal)
            return (store, message ?? skipped(store))
        } catch ProgressError.locked {
            // Another process holds the write lock: read what is stored, journal the answers,
            // and open for writing once the lock is gone.
            let reader = try SQLiteProgressStore(path: path, busyTimeout: busyTimeout, readOnly: true)
            let store = JournaledStore(base: reader, journalPath: journal) {
                try? SQLiteProgressStore(path: path, busyTimeout: busyTimeout)
            }
            return (store, skipped(store))
        }
    }

    /// Said once, at open: a damaged database is the more important notice when both happen.
    static func skipped(_ store: JournaledStore) -> StoreNotice? { store.skippedAtOpen > 0 ? .journalSkipped(store.skippedAtOpen) : nil }

    public enum FileError: Error, CustomStringConvertible {
        case cannotWrite(path: String, reason: String)
        case cannotRead(path: String)
        case notAnExport(path: String, reason: String)
        public var description: String {
            switch self {
            case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
            case .cannotRead(let path): "cannot read \(path)"
            case .notAnExport(let path, let reason): "\(path) is not a nettutor progress export: \(reason)"
            }
        }
    }

    /// Writes everything `store` holds to `path` as JSON.
    public static func export(_ store: ProgressStore, to path: String) throws {
        let data = try exportData(store)
        do { try data.write(to: URL(fileURLWithPath: path)) } catch { throw FileError.cannotWrite(path: path, reason: error.localizedDescription) }
    }

    /// The JSON of everything `store` holds (the command line writes it with `SafeFile`, maybe
    /// to a terminal: `JSONText.escaped`, so an imported response's C1 bytes stay escaped).
    public static func exportData(_ store: ProgressStore) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return Data(JSONText.escaped(String(decoding: try encoder.encode(try store.export()), as: UTF8.self)).utf8)
    }

    /// Merges the export at `path` into `store`; returns how many answers were new.
    public static func importExport(from path: String, into store: ProgressStore) throws -> Int {
        guard let data = FileManager.default.contents(atPath: path) else { throw FileError.cannotRead(path: path) }
        let incoming: ProgressExport
        do { incoming = try ProgressImport.decode(data) } catch { throw FileError.notAnExport(path: path, reason: "\(error)") }
        let before = try store.answerCount()
        try store.merge(incoming)
        return try store.answerCount() - before
    }
}
