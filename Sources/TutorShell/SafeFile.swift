import Foundation

/// The one way an export writes a file (`export anki --out`, `progress --export`): never over
/// an existing file without `force`, never through a symbolic link, never over anything but a
/// regular, writable file (a FIFO, a device, a directory); the text goes to a temporary file in
/// the same folder (O_EXCL|O_NOFOLLOW) that is renamed over the target, so a failed write
/// leaves the old file whole. `-` is standard output.
public enum SafeFile {
    public static func write(_ text: String, to path: String, force: Bool) throws {
        if path == "-" { return Console.out(text) }
        var st = stat()
        if lstat(path, &st) == 0 {
            let kind = st.st_mode & S_IFMT
            if kind == S_IFLNK { throw CLIError("\(path) is a symbolic link; not writing through it", code: ExitStatus.failure) }
            if kind != S_IFREG { throw CLIError("\(path) is not a regular file; not replacing it", code: ExitStatus.failure) }
            // No write bit counts even for root (who passes access(2)): the owner marked it read-only.
            if access(path, W_OK) != 0 || st.st_mode & 0o222 == 0 { throw CLIError("cannot write \(path): it is read-only", code: ExitStatus.failure) }
            if !force { throw CLIError("\(path) exists; add --force to overwrite it", code: ExitStatus.usage) }
        } else if errno != ENOENT {
            throw failure(path, errno)
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var temp = "", fd: Int32 = -1
        for _ in 0..<100 where fd < 0 {
            temp = folder + "/." + url.lastPathComponent + "." + String(UInt32.random(in: .min ... .max), radix: 36) + ".tmp"
            fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if fd < 0 && errno != EEXIST { throw failure(path, errno) }
        }
        if fd < 0 { throw failure(path, EEXIST) }
        var ok = false
        defer { if !ok { unlink(temp) } }
        if let code = Console.write(fd, text) { close(fd); throw failure(path, code) }
        if fsync(fd) != 0 { let code = errno; close(fd); throw failure(path, code) }
        if close(fd) != 0 { throw failure(path, errno) }
        if rename(temp, path) != 0 { throw failure(path, errno) }
        ok = true
    }

    static func failure(_ path: String, _ code: Int32) -> CLIError {
        CLIError("cannot write \(path): \(Console.reason(code))", code: ExitStatus.failure)
    }
}
