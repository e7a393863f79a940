import TutorShell
import ArgumentParser
import NetSim
import TutorContent
import TutorQuiz

struct Check: Command {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate lessons; print file:line diagnostics; exit 1 on any error.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A content folder (holding Content/) or one lesson file. Default: the installed content.") var path: String?

    func execute() throws {
        let diags = try path.map { try ContentLibrary.check(path: $0, knownScenes: Set(SceneCatalog.ids), knownGenerators: QuestionGenerators.names, index: ContentLibrary.commandLineIndex()) }
            ?? global.library().check()
        for d in diags { Output.write(d.description + "\n") }
        let errors = diags.filter { $0.severity == .error }.count
        if errors > 0 {
            printError("\(errors) problem\(errors == 1 ? "" : "s") found")
            throw ExitCode(ExitStatus.failure)
        }
        printError("content OK")
    }
}
