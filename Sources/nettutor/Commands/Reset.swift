import TutorCLI
import TutorShell

struct Reset: Command {
    static let spec = CommandSpec("reset", abstract: "Delete all study progress (reads, answers, reviews). Needs --yes.",
                                  options: [.flag("yes", "Really delete everything.")])
    let global: GlobalOptions, yes: Bool
    init(_ p: ParsedCommand) throws { global = try GlobalOptions(p); yes = p.flag("yes") }

    func execute() throws {
        guard yes else { throw CLIError("this deletes all progress in \(global.dataDirectory); run 'nettutor reset --yes' to do it (consider 'nettutor progress --export FILE' first)", code: ExitStatus.usage) }
        try global.store().reset()
        printError("progress deleted")
    }
}
