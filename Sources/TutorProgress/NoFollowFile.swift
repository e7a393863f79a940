import Foundation

/// Files in the data folder opened by us, never through a symlink and never anything but a
/// regular file: a link planted as `pending-answers.jsonl` would otherwise have answers
/// appended to, or a file truncated, wherever it points; a FIFO would block the read.
enum NoFollowFile {
    /// `open` with O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, then fstat: the fd of a regular file,
    /// or nil (and nothing created or changed when it is not one).
    static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o600) -> (fd: Int32, size: Int)? {
        let fd = Glibc.open(path, flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, mode)
        guard fd >= 0 else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { close(fd); return nil }
        return (fd, Int(st.st_size))
    }

    /// The whole file when it is a regular one; nil when it is missing or anything else.
    static func read(_ path: String) -> Data? {
        guard let (fd, size) = open(path, O_RDONLY) else { return nil }
        defer { close(fd) }
        var data = Data(), chunk = [UInt8](repeating: 0, count: max(4096, min(size, 1 << 20)))
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            data.append(contentsOf: chunk[0..<n])
        }
        return data
    }

    /// Writes `text` to a new temporary file beside `path` and renames it over `path` (a link
    /// there is replaced, never followed).
    static func replace(_ path: String, with text: String) {
        let temp = path + ".tmp-\(getpid())"
        let fd = Glibc.open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        let bytes = Array(text.utf8)
        let ok = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count
        close(fd)
        if !ok || rename(temp, path) != 0 { unlink(temp) }
    }
}
