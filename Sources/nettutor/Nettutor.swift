import Foundation
import TutorCLI
import TutorShell

@main
enum Nettutor {
    static let version = "0.1.0"
    /// Every command that runs, by its path ("export anki"); the tree below is built from them.
    static let commands: [any Command.Type] = [TUI.self, Lessons.self, Read.self, Quiz.self, Progress.self, Play.self, Cwnd.self, Journey.self,
                                               TraceCommand.self, Export.Anki.self, Reset.self, Check.self, Import.self, Glossary.self]
    static let root = CommandSpec("nettutor", abstract: "A terminal tutor for computer networking (Korean and English).", discussion: ExitStatus.help,
                                  options: GlobalOptions.options,
                                  subcommands: [TUI.spec, Lessons.spec, Read.spec, Quiz.spec, Progress.spec, Play.spec, Cwnd.spec, Journey.spec,
                                                TraceCommand.spec, Export.spec, Reset.spec, Check.spec, Import.spec, Glossary.spec],
                                  defaultSubcommand: TUI.spec.name)

    /// Parses, runs, and ends with one exit status: 64 for a usage error (with the usage and
    /// where to read more), else the error's own (DESIGN §6); output is flushed and checked.
    static func main() {
        do {
            switch try root.parse(Array(CommandLine.arguments.dropFirst())) {
            case .run(let parsed):
                let name = parsed.path.joined(separator: " ")
                guard let command = commands.first(where: { $0.path == name }) else { fatalError("no command for '\(name)'") }
                try command.init(parsed).execute()
            case .help(let path): Console.out(root.help(at: path, program: root.name))
            case .version: Console.out(version + "\n")
            case .completionScript(let shell): Console.out(CompletionScript.script(shell, for: root, program: root.name))
            case .complete(let kind, let words): Console.out(Completion.candidates(kind, words: words).map { $0 + "\n" }.joined())
            case .manual: Console.out(root.manualPage(program: root.name, date: CommandSpec.manualDate(), exitStatus: ExitStatus.help))
            }
            Console.finish(0)
        } catch let e as UsageError {
            Console.error(root.errorText(e, program: root.name)); Console.finish(ExitStatus.usage)
        } catch let e as Exit {
            Console.finish(e.code)
        } catch {
            Console.error(ExitStatus.message(for: error)); Console.finish(ExitStatus.of(error) ?? ExitStatus.failure)
        }
    }
}
