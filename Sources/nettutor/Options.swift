import TutorCLI
import TutorShell

func printError(_ message: String) { Console.error(message) }

/// A subcommand: its part of the command tree, its arguments read from the parse (a value that
/// does not convert, or fails a check, is a `UsageError`), and what it does.
protocol Command {
    static var spec: CommandSpec { get }
    init(_ p: ParsedCommand) throws
    func execute() throws
    /// Its names from the root, e.g. "export anki".
    static var path: String { get }
}
extension Command { static var path: String { spec.name } }

/// Ends a command with this status after it has said why (the message is already printed).
struct Exit: Error { var code: Int32 }
