import Glibc
import TutorRender

/// What the commands ask about the terminal before choosing an output.
public enum TerminalInfo {
    /// Both stdin and stdout are terminals: the interactive interface can run.
    public static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }
    public static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    public static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Width of stdout in columns, when it is a terminal.
    public static func columns() -> Int? { size().map(\.columns) }
    /// Height of stdout in rows, when it is a terminal.
    public static func rows() -> Int? { size().map(\.rows) }

    static func size() -> (columns: Int, rows: Int)? {
        var ws = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 else { return nil }
        return (Int(ws.ws_col), Int(ws.ws_row))
    }

    /// Applies the user's locale and tells whether it is UTF-8 (ncursesw needs this to draw
    /// Hangul; otherwise the app falls back to ASCII glyphs and English).
    public static func localeIsUTF8() -> Bool {
        setlocale(LC_ALL, "")
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}

/// SGR styling for `nettutor read` on a terminal (bold, underline, dim and two colours only:
/// readable on any theme). Content was escaped at load time, so spans hold no raw controls.
public enum ANSI {
    public static func line(_ line: Line) -> String {
        var out = ""
        for span in line {
            var codes: [String] = []
            if span.style.bold { codes.append("1") }
            if span.style.dim || span.style.role == .dim { codes.append("2") }
            if span.style.underline { codes.append("4") }
            if span.style.role == .code { codes.append("36") }
            if span.style.role == .heading { codes.append("34") }
            out += codes.isEmpty ? span.text : "\u{1B}[\(codes.joined(separator: ";"))m\(span.text)\u{1B}[0m"
        }
        return out
    }

    /// Lines as text, styled or plain, without trailing blanks, one per line.
    public static func text(_ lines: [Line], styled: Bool) -> String {
        var out = ""
        for line in lines {
            var text = styled ? Self.line(line) : line.plainText
            while text.hasSuffix(" ") { text.removeLast() }
            out += text + "\n"
        }
        return out
    }
}
