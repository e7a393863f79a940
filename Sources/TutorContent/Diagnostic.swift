import TutorRender

/// A problem found in a content file, printed as `file:line: message`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible, Comparable {
    public enum Severity: String, Sendable { case error, warning }
    public var file: String
    public var line: Int
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int, _ message: String, severity: Severity = .error) {
        self.file = file; self.line = line; self.message = message; self.severity = severity
    }

    /// Escaped even into a pipe: a file name (and an id taken from it) was never loaded through
    /// `Sanitize`, and it can hold an escape sequence or a newline.
    public var description: String {
        TerminalText.escaped("\(file):\(line): \(severity == .warning ? "warning: " : "")\(message)")
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.file, a.line, a.message) < (b.file, b.line, b.message)
    }
}

/// Why a lesson could not be loaded: every diagnostic found.
public struct ContentError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
