import NetSim
import TutorCLI
import TutorContent
import TutorQuiz
import TutorShell

struct Check: Command {
    static let spec = CommandSpec("check", abstract: "Validate lessons; print file:line diagnostics; exit 1 on any error.",
        arguments: [.init("path", help: "A content folder (holding Content/) or one lesson file. Default: the installed content.", optional: true, completion: .file)])
    let global: GlobalOptions, path: String?
    init(_ p: ParsedCommand) throws { global = try GlobalOptions(p); path = p.argument("path") }

    func execute() throws {
        let diags = try path.map { try ContentLibrary.check(path: $0, knownScenes: Set(SceneCatalog.ids), knownGenerators: QuestionGenerators.names, index: ContentLibrary.commandLineIndex()) }
            ?? global.library().check()
        for d in diags { Output.write(d.description + "\n") }
        let errors = diags.filter { $0.severity == .error }.count
        if errors > 0 {
            printError("\(errors) problem\(errors == 1 ? "" : "s") found")
            throw Exit(code: ExitStatus.failure)
        }
        printError("content OK")
    }
}
