import Foundation
import TutorApp
import TutorCore
import TutorQuiz
import TutorTerminal

/// Where a command that has both shows its result: the TUI on a terminal, else text.
public enum Output: Equatable {
    case tui, plain, json, mermaid

    /// A format asked for wins; then `--plain`; the TUI only when stdin and stdout are a terminal.
    public init(plain: Bool, json: Bool, mermaid: Bool) throws {
        if json && mermaid { throw CLIError("--trace and --export are two different outputs; pick one", code: ExitStatus.usage) }
        if json { self = .json } else if mermaid { self = .mermaid }
        else { self = plain || !TerminalInfo.isInteractive ? .plain : .tui }
    }

    public static func write(_ text: String, styled: Bool = false) { Console.out(text, styled: styled) }

    /// `--json` output: pretty-printed, keys sorted, a final newline; `JSONText.escaped`, so no
    /// control character (C0, DEL, C1, bidi) reaches the terminal raw.
    public static func jsonText(_ value: some Encodable) throws -> String {
        jsonText(written: String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// JSON already written in the encoder's format (`PrettyJSON`), escaped the same way.
    public static func jsonText(written json: String) -> String { JSONText.escaped(json) + "\n" }

    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
