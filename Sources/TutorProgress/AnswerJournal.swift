import Foundation
import TutorCore

/// Answers the database could not take yet (locked by another process, disk full), one JSON
/// object a line in `pending-answers.jsonl` next to it. Each line is appended and fsync'd
/// before the answer counts as kept; a line torn by a crash is skipped when read back.
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
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw WriteError.cannotWrite(String(cString: strerror(errno))) }
        defer { close(fd) }
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(fd) == 0 else {
            // A short write leaves a torn line, which `read` skips; the next append starts a new one.
            _ = write(fd, "\n", 1)
            throw WriteError.cannotWrite(String(cString: strerror(errno)))
        }
    }

    /// The entries in the file, in the order given, and the file's size when read.
    public func read() -> (entries: [Entry], size: Int) {
        guard let data = FileManager.default.contents(atPath: path) else { return ([], 0) }
        let decoder = JSONDecoder()
        let entries = data.split(separator: 0x0A).compactMap { try? decoder.decode(Entry.self, from: Data($0)) }
        return (entries, data.count)
    }

    /// Empties the file once every entry is in the database (only if nothing was added since).
    public func clear(ifSize size: Int) {
        let now = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        guard let now, now == size else { return }
        truncate(path, 0)
    }
}
