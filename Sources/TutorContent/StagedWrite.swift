import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a set of files under a folder all or nothing, never through a symbolic link: every
/// folder below `dir` is opened with O_NOFOLLOW, each file is created exclusively in a staging
/// folder inside `dir` and renamed into place, and any failure puts back what was there.
/// (`nettutor import --out` may point at a folder someone else can write to.)
enum StagedWrite {
    struct Failure: Error, Equatable { var why: String }

    /// Paths that exist (a link counts, even a dangling one): without `overwrite` nothing is written.
    struct Conflict: Error, Equatable { var paths: [String] }

    /// `files`: paths relative to `dir` and their text; `folders` are made too (even if empty).

    static func commit(_ files: [(path: String, text: String)], folders: [String] = [], into dir: URL, overwrite: Bool) throws {
        do { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        catch { throw Failure(why: "\(dir.path): \(error.localizedDescription)") }
        let root = open(dir.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { throw Failure(why: "\(dir.path): \(String(cString: strerror(errno)))") }
        let fds = Folders(root: root)
        defer { fds.closeAll() }

        // Check everything before writing anything.
        var existing: [String] = []
        for (path, _) in files {
            let (parts, name) = split(path)
            guard let parent = try fds.open(parts, create: false, path: path) else { continue }
            var st = stat()
            if fstatat(parent, name, &st, AT_SYMLINK_NOFOLLOW) == 0 {
                if (st.st_mode & S_IFMT) == S_IFDIR { throw Failure(why: "\(path) is a folder") }
                existing.append(path)
            }
        }
        for folder in folders { _ = try fds.open(split(folder + "/x").0, create: false, path: folder) }
        if !existing.isEmpty && !overwrite { throw Conflict(paths: existing) }

        let stageName = ".nettutor-import-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard mkdirat(root, stageName, 0o700) == 0 else { throw Failure(why: "\(stageName): \(String(cString: strerror(errno)))") }
        let stage = openat(root, stageName, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        defer {
            // What is left in the staging folder: the new files after a failure, the old ones after success.
            for n in 0..<files.count { unlinkat(stage, "f\(n)", 0); unlinkat(stage, "o\(n)", 0) }
            close(stage); unlinkat(root, stageName, AT_REMOVEDIR)
        }
        guard stage >= 0 else { throw Failure(why: "\(stageName): \(String(cString: strerror(errno)))") }
        do {
            for (n, file) in files.enumerated() { try create(stage, "f\(n)", file.text, path: file.path) }
            for folder in folders { _ = try fds.open(split(folder + "/x").0, create: true, path: folder) }
            for (n, file) in files.enumerated() {
                let (parts, name) = split(file.path)
                let parent = try fds.open(parts, create: true, path: file.path)!
                if existing.contains(file.path) {
                    guard renameat(parent, name, stage, "o\(n)") == 0 else { throw Failure(why: "\(file.path): \(String(cString: strerror(errno)))") }
                    fds.undo.append { renameat(stage, "o\(n)", parent, name) }
                }
                guard renameat(stage, "f\(n)", parent, name) == 0 else { throw Failure(why: "\(file.path): \(String(cString: strerror(errno)))") }
                fds.undo.append { renameat(parent, name, stage, "f\(n)") }
            }
        } catch {
            for step in fds.undo.reversed() { step() }
            throw error
        }
    }

    static func split(_ path: String) -> ([String], String) {
        var parts = path.split(separator: "/").map(String.init)
        let name = parts.removeLast()
        return (parts, name)
    }

    /// Open folder descriptors below the output folder, and how to undo the folders made.
    final class Folders {
        let root: Int32
        var opened: [Int32] = []
        var undo: [() -> Void] = []
        init(root: Int32) { self.root = root }
        func closeAll() { for fd in opened { close(fd) }; close(root) }

        /// Opens `parts` one by one without following links; nil when one is missing and
        /// `create` is false. A link or a file in the way is a `Failure`.
        func open(_ parts: [String], create: Bool, path: String) throws -> Int32? {
            var fd = root
            for part in parts {
                var next = openat(fd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if next < 0, errno == ENOENT {
                    guard create else { return nil }
                    if mkdirat(fd, part, 0o755) == 0 { let parent = fd; undo.append { unlinkat(parent, part, AT_REMOVEDIR) } }
                    next = openat(fd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                }
                if next < 0 {
                    let why = errno == ELOOP || errno == ENOTDIR ? "is a symbolic link or a file, not a folder" : String(cString: strerror(errno))
                    throw Failure(why: "\(path): '\(part)' \(why)")
                }
                opened.append(next); fd = next
            }
            return fd
        }
    }

    /// A new file (O_EXCL: never an existing one, O_NOFOLLOW: never through a link), synced.
    static func create(_ dir: Int32, _ name: String, _ text: String, path: String) throws {
        let fd = openat(dir, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(why: "\(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw Failure(why: "\(path): \(String(cString: strerror(errno)))") }
            bytes = bytes.dropFirst(n)
        }
        guard fsync(fd) == 0 else { throw Failure(why: "\(path): \(String(cString: strerror(errno)))") }
    }
}
