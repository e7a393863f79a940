import TutorShell
import ArgumentParser

struct Reset: Command {
    static let configuration = CommandConfiguration(commandName: "reset", abstract: "Delete all study progress (reads, answers, reviews). Needs --yes.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Really delete everything.") var yes = false

    func execute() throws {
        guard yes else { throw CLIError("this deletes all progress in \(global.dataDirectory); run 'nettutor reset --yes' to do it (consider 'nettutor progress --export FILE' first)", code: ExitStatus.usage) }
        try global.store().reset()
        printError("progress deleted")
    }
}
