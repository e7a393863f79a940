import Foundation
import TutorCore

/// Answers the database could not take yet (locked by another process, disk full), one JSON
/// object a line in `pending-answers.jsonl` next to it. Each line is appended and fsync'd
/// before the answer counts as kept; a line torn by a crash is skipped when read back. The
/// file is only ever used when it is a regular file (`NoFollowFile`): a symlink or anything
/// else there makes the journal unwritable, and it is never read, written or truncated.
public struct AnswerJournal: Sendable {
    public struct Entry: Codable, Sendable, Equatable {
        public var attempt: Attempt
        public var card: Card?
    }

    public static let fileName = "pending-answers.jsonl"
    public let path: String
    public init(path: String) { self.path = path }

    public enum WriteError: Error { case cannotWrite(String) }

    /// Appends one entry and waits until it is on the disk.
    public func append(_ entry: Entry) throws {
        var line = try JSONEncoder().encode(entry)
        line.append(0x0A)
        guard let (fd, _) = NoFollowFile.open(path, O_WRONLY | O_APPEND | O_CREAT) else {
            throw WriteError.cannotWrite("\(path) cannot be opened as a regular file")
        }
        defer { close(fd) }
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(fd) == 0 else {
            // A short write leaves a torn line, which `read` skips; the next append starts a new one.
            _ = write(fd, "\n", 1)
            throw WriteError.cannotWrite(String(cString: strerror(errno)))
        }
    }

    /// The entries in the file, in the order given, the file's size when read, and how many
    /// lines were skipped: torn, or holding a value the import would reject (a date in the
    /// year 10^292, an id with an escape sequence), which would otherwise reach the database
    /// unchecked and make the next export one that `--import` refuses.
    public func read() -> (entries: [Entry], size: Int, skipped: Int) {
        guard let data = NoFollowFile.read(path) else { return ([], 0, 0) }
        let decoder = JSONDecoder()
        var entries: [Entry] = [], skipped = 0
        for line in data.split(separator: 0x0A) {
            if let e = try? decoder.decode(Entry.self, from: Data(line)), ProgressImport.isUsable(e) { entries.append(e) } else { skipped += 1 }
        }
        return (entries, data.count, skipped)
    }

    /// Empties the file once every entry is in the database (only if nothing was added since).
    /// Skipped lines go with it. The size is checked and the file cut through the same fd.
    public func clear(ifSize size: Int) {
        guard let (fd, now) = NoFollowFile.open(path, O_WRONLY) else { return }
        defer { close(fd) }
        if now == size { _ = ftruncate(fd, 0) }
    }
}
