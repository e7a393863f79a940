import TutorShell
import ArgumentParser

@main
struct Nettutor: ParsableCommand {
    /// ArgumentParser's own loop, except that its messages go through `Console` (escaped, as
    /// they may echo an argument; one `nettutor:` prefix) and output is flushed and checked.
    static func main() {
        let args = GlobalArguments.movedToLeaf(Array(CommandLine.arguments.dropFirst()), tree: tree(Nettutor.self))
        do {
            var command = try parseAsRoot(args)
            try command.run()
            Console.finish(0)
        } catch {
            let code = exitCode(for: error).rawValue, message = fullMessage(for: error)
            if code == 0 { Console.out(message.isEmpty ? "" : message + "\n") }
            else if !message.isEmpty { Console.error(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message) }
            Console.finish(code)
        }
    }

    static func tree(_ command: ParsableCommand.Type) -> GlobalArguments.Tree {
        let subs = command.configuration.subcommands
        return .init(children: Dictionary(subs.map { ($0._commandName, tree($0)) } + (command == Nettutor.self ? [("help", .init(children: [:]))] : []), uniquingKeysWith: { a, _ in a }))
    }

    static let version = "0.1.0"
    static let configuration = CommandConfiguration(
        commandName: "nettutor",
        abstract: "A terminal tutor for computer networking (Korean and English).",
        discussion: ExitStatus.help,
        version: version,
        subcommands: [TUI.self, Lessons.self, Read.self, Quiz.self, Progress.self, Play.self, Cwnd.self, Journey.self, TraceCommand.self, Export.self, Reset.self, Check.self, Import.self, Glossary.self],
        defaultSubcommand: TUI.self)
}
