import ArgumentParser
import Foundation
import TutorApp
import TutorContent
import TutorCore
import TutorProgress
import TutorShell

/// Options every command takes (DESIGN §6), and where content and progress are found.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Language: ko or en (default from LC_ALL, LC_MESSAGES or LANG).") var lang: Language?
    @Flag(help: "Draw with ASCII only (for terminals that draw box characters wide).") var ascii = false
    @Flag(help: "No colour (also when NO_COLOR is set).") var noColor = false
    @Option(help: "A folder holding Content/ (and Quizzes/) whose lessons are added to the built-in ones (e.g. from 'nettutor import').") var content: String?
    @Flag(help: "With --content: use only that folder, not the built-in lessons too.") var contentOnly = false
    @Option(help: "Folder for the progress database.") var dataDir: String?
    @Flag(help: "No mouse: the wheel and clicks are left to the terminal (its own text selection).") var noMouse = false

    var environment: [String: String] { ProcessInfo.processInfo.environment }
    var language: Language { lang ?? Language.fromLocale(lcAll: environment["LC_ALL"], lcMessages: environment["LC_MESSAGES"], lang: environment["LANG"]) }
    var useColor: Bool { !noColor && (environment["NO_COLOR"] ?? "").isEmpty }

    /// The content library, or a clear error naming where we looked.
    func library() throws -> ContentLibrary { try ContentLibrary.forCommandLine(explicit: content, only: contentOnly) }

    var dataDirectory: String { ProgressFiles.dataDirectory(flag: dataDir, environment: environment) }
    func validate() throws { if let problem = ProgressFiles.dataDirectoryProblem(dataDirectory) { throw ValidationError(problem) } }  // exit 64

    /// The interactive tutor, on `start` alone when it is not home; leaving it quits.
    func runTUI(_ start: StartUp.StartScreen = .home) throws { try show(.player(start)) }
    func session() throws -> TUISession {
        try TUISession(library: library(), dataDirectory: dataDirectory, language: language, ascii: ascii, color: useColor, languageFlag: lang, mouse: !noMouse)
    }
    /// Text printed, or the TUI started on its screen.
    func show(_ shown: Shown) throws { try shown.show(session) }

    /// The store for a command: a corrupt file is moved aside (with a message); an unusable
    /// folder is an error.
    func store() throws -> ProgressStore {
        let (store, message) = try ProgressFiles.open(path: dataDirectory + "/progress.sqlite")
        if let message { printError("\(message)") }
        return store
    }
}

func printError(_ message: String) { Console.error(message) }

/// A subcommand whose errors for the user become a message and an exit code.
protocol Command: ParsableCommand { func execute() throws }
extension Command { func run() throws { try handlingErrors(execute) } }

/// Runs a command body, turning every error into a plain sentence and its exit status (what
/// ArgumentParser itself throws, an exit code or a usage error, passes through).
func handlingErrors(_ body: () throws -> Void) throws {
    do { try body() } catch let e as ExitCode { throw e } catch let e as ValidationError { throw e } catch {
        printError(ExitStatus.message(for: error))
        throw ExitCode(ExitStatus.of(error) ?? ExitStatus.failure)
    }
}
