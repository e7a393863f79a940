import Foundation
import TutorRender

/// Every line the command line prints goes through here: to a terminal it is escaped
/// (`TerminalText`), and a failed write (a full disk, a closed pipe) is never lost silently:
/// the message goes to stderr and the exit status is 1.
public enum Console {
    nonisolated(unsafe) static let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
    nonisolated(unsafe) static let stderrIsTerminal = isatty(STDERR_FILENO) == 1

    /// Prints to standard output. `styled` text carries our own SGR codes (its content was
    /// escaped when it was loaded), so only it goes out unescaped.
    public static func out(_ text: String, styled: Bool = false) {
        let shown = stdoutIsTerminal && !styled ? TerminalText.escaped(text, keepNewlines: true) : text
        // What `print` buffered goes first, so the order stays the order of the calls.
        if fflush(nil) != 0 { failOutput(errno) }
        if let code = write(STDOUT_FILENO, shown) { failOutput(code) }
    }

    /// `nettutor: MESSAGE` on standard error, escaped (it may quote a file name or an argument).
    public static func error(_ message: String) {
        _ = write(STDERR_FILENO, "nettutor: " + TerminalText.escaped(message, keepNewlines: true) + "\n")
    }

    /// Flushes what `print` buffered and closes standard output, checking both,
    /// then exits with `status`, or 1 when the output was lost.
    public static func finish(_ status: Int32) -> Never {
        if fflush(nil) != 0 { failOutput(errno) }
        if close(STDOUT_FILENO) != 0 && errno != EBADF { failOutput(errno) }
        exit(status)
    }

    /// Writes all of `text` to `fd`, retrying short and interrupted writes; the errno on failure.
    static func write(_ fd: Int32, _ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { buffer -> Int32? in
            var done = 0
            while done < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 { if errno == EINTR { continue }; return errno }
                done += n
            }
            return nil
        }
    }

    static func failOutput(_ code: Int32) -> Never {
        // A reader that went away (`| head -1`) is not an error worth a message.
        if code == EPIPE { _exit(128 + SIGPIPE) }
        error("cannot write to standard output: \(reason(code))")
        _exit(ExitStatus.failure)
    }

    /// strerror's sentence in lower case: "no space left on device".
    public static func reason(_ code: Int32) -> String {
        let s = String(cString: strerror(code))
        return s.prefix(1).lowercased() + s.dropFirst()
    }
}
