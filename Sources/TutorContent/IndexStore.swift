import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the content index lives and how its files are read and written. One file per content
/// folder and kind (`lessons-<hash>.idx`, `quizzes-<hash>.idx`), so the built-in library's
/// index serves every `--content` combination. Any failure here only costs speed: a file that
/// cannot be read, parsed or written is ignored, never reported.
public struct IndexLocation: Sendable, Hashable {
    /// The folder holding the index files (created on the first write).
    public var directory: String
    /// Identifies the program that wrote an index (its build); another one starts afresh.
    public var fingerprint: String

    public init(directory: String, fingerprint: String) { self.directory = directory; self.fingerprint = fingerprint }

    /// `$XDG_CACHE_HOME/nettutor` (an absolute path), else `~/.cache/nettutor`; the fingerprint
    /// is the executable's size and mtime. Nil without a usable folder.
    public static func standard(environment: [String: String], executable: String) -> IndexLocation? {
        let base: String
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { base = xdg }
        else if let home = environment["HOME"], home.hasPrefix("/") { base = home + "/.cache" }
        else { return nil }
        var st = stat()
        let build = stat(executable, &st) == 0 ? "\(st.st_size):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)" : "unknown"
        return IndexLocation(directory: base + "/nettutor", fingerprint: build)
    }

    /// Bigger than any real index (the generated 1,386-lesson library needs about 2 MB).
    static let maxBytes = 64 << 20

    enum Kind: String { case lessons, quizzes }

    func path(root: String, kind: Kind) -> String {
        "\(directory)/\(kind.rawValue)-\(String(IndexChecksum.fnv1a(Array(root.utf8)), radix: 16)).idx"
    }

    /// The first record of every file: which format, program, content and folder it is for.
    func header(root: String, kind: Kind, scenes: Set<String>, generators: Set<String>) -> String {
        "nettutor content index \(ContentIndex.formatVersion) \(kind.rawValue)\n\(fingerprint)\n\(root)\n"
            + scenes.sorted().joined(separator: ",") + "\n" + generators.sorted().joined(separator: ",")
    }

    /// The index file's bytes, when there is one to read (`records` checks them).
    func file(root: String, kind: Kind) -> [UInt8]? { Self.readFile(path(root: root, kind: kind)) }

    /// The records of an index file (by path inside the folder), or empty when it is missing,
    /// unreadable, too large, truncated, corrupt or for another header.
    static func records<R>(_ bytes: [UInt8]?, header: String, record: (inout IndexReader) -> R?) -> [String: R] {
        guard let bytes, var r = IndexReader(sealed: bytes), r.string() == header, let n = r.count() else { return [:] }
        var out: [String: R] = [:]
        out.reserveCapacity(n)
        for _ in 0..<n {
            guard let key = r.string(), let rec = record(&r) else { return [:] }
            out[key] = rec
        }
        return r.atEnd ? out : [:]
    }

    /// Writes the records atomically (a temporary file renamed over the old one), silently
    /// giving up when the folder cannot be made or written, or the index would be too large.
    func save<R>(_ records: [String: R], root: String, kind: Kind, header: String, write: (R, inout IndexWriter) -> Void) {
        var w = IndexWriter()
        w.string(header)
        w.uint(UInt64(records.count))
        for key in records.keys.sorted() { w.string(key); write(records[key]!, &w) }
        let bytes = w.sealed()
        guard bytes.count <= Self.maxBytes, Self.makeDirectory(directory) else { return }
        let target = path(root: root, kind: kind)
        let temp = "\(target).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        var ok = true, done = 0
        bytes.withUnsafeBytes { buf in
            while done < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + done, buf.count - done)
                if n < 0 { if errno == EINTR { continue }; ok = false; break }
                done += n
            }
        }
        if close(fd) != 0 { ok = false }
        if !ok || rename(temp, target) != 0 { unlink(temp) }
    }

    /// `mkdir -p` with 0700 for what it creates.
    static func makeDirectory(_ path: String) -> Bool {
        var st = stat()
        if stat(path, &st) == 0 { return st.st_mode & S_IFMT == S_IFDIR }
        let parent = (path as NSString).deletingLastPathComponent
        guard parent != path, !parent.isEmpty, makeDirectory(parent) else { return false }
        return mkdir(path, 0o700) == 0 || errno == EEXIST
    }

    /// A regular file's bytes, at most `maxBytes` (a FIFO or a device is not waited on).
    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_size <= maxBytes else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return nil }   // shrank while read, or failed: not this time
            done += n
        }
        return bytes
    }
}

/// Content files found by readdir and stat (FileManager cost more than the index saves).
enum ContentFiles {
    struct Found: Sendable { var id: String; var path: String; var stamp: ContentIndex.Stamp? }

    /// The `.ext` files of `dir` and of its subfolders one level down (namespaces), with their
    /// ids (`cors`, `notes/cors`), sorted by id. A name ending in `.ext` is listed whatever it
    /// is (reading it then says what is wrong); other names are looked into when folders.
    static func list(_ dir: String, ext: String) -> [Found] {
        var out: [Found] = []
        let suffix = "." + ext
        for (name, st) in entries(in: dir) {
            if name.hasSuffix(suffix) {
                out.append(Found(id: String(name.dropLast(suffix.count)), path: dir + "/" + name, stamp: st.map(stamp)))
            } else if !name.hasPrefix("."), let st, st.st_mode & S_IFMT == S_IFDIR {
                for (inner, ist) in entries(in: dir + "/" + name) where inner.hasSuffix(suffix) {
                    out.append(Found(id: "\(name)/\(inner.dropLast(suffix.count))", path: dir + "/" + name + "/" + inner, stamp: ist.map(stamp)))
                }
            }
        }
        return out.sorted { $0.id < $1.id }
    }

    static func stamp(_ st: stat) -> ContentIndex.Stamp {
        ContentIndex.Stamp(size: Int64(st.st_size), seconds: Int64(st.st_mtim.tv_sec), nanoseconds: Int64(st.st_mtim.tv_nsec), inode: UInt64(st.st_ino))
    }

    /// The names in `dir` with their `stat` (nil when it failed), each taken relative to the
    /// open folder: a path walk per file was most of a warm start's system time.
    static func entries(in dir: String) -> [(name: String, stat: stat?)] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        let fd = dirfd(d)
        var out: [(String, stat?)] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var st = stat()
            out.append((name, fstatat(fd, name, &st, 0) == 0 ? st : nil))
        }
        return out
    }
}
