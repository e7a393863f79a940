import ArgumentParser
import Foundation
import NetSim
import TutorApp
import TutorContent
import TutorCore
import TutorProgress
import TutorQuiz
import TutorShell
import TutorTerminal

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
    func library() throws -> ContentLibrary {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        return try ContentLibrary.find(explicit: content, only: contentOnly, environment: environment, executable: exe,
                                       workingDirectory: FileManager.default.currentDirectoryPath,
                                       knownScenes: Set(SceneCatalog.ids), knownGenerators: QuestionGenerators.names)
    }

    var dataDirectory: String { ProgressFiles.dataDirectory(flag: dataDir, environment: environment) }

    /// The interactive tutor, on `start` alone when it is not home; leaving it quits.
    func runTUI(_ start: StartUp.StartScreen = .home) throws {
        try TUISession(library: library(), dataDirectory: dataDirectory, language: language, ascii: ascii, color: useColor, languageFlag: lang, mouse: !noMouse).run(start)
    }

    /// The store for a command: a corrupt file is moved aside (with a message); an unusable
    /// folder is an error.
    func store() throws -> ProgressStore {
        let (store, message) = try SQLiteProgressStore.openMovingCorruptAside(path: dataDirectory + "/progress.sqlite")
        if let message { printError(message) }
        return store
    }
}

/// An error for the user: one line on stderr and an exit code.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var code: Int32
    init(_ message: String, code: Int32) { self.message = message; self.code = code }
    var description: String { message }
}

func printError(_ message: String) { FileHandle.standardError.write(("nettutor: " + message + "\n").data(using: .utf8)!) }

/// A subcommand whose errors for the user become a message and an exit code.
protocol Command: ParsableCommand { func execute() throws }
extension Command { func run() throws { try handlingErrors(execute) } }

/// Exit statuses, one code per kind of outcome (listed in `--help` and the man page).
/// Usage errors use 64 (EX_USAGE, sysexits.h) because ArgumentParser already exits with it
/// for its own parse errors: ours join it, so a script tests one number.
enum ExitStatus {
    static let failure: Int32 = 1
    static let usage: Int32 = 64
    static let help = """
        Exit status: 0 done; 1 could not be done (a failed live fetch, content with errors, an \
        unwritable file); 64 usage error (an unknown option, id or value); 128+N ended by signal N.
        """
}

/// Runs a command body, turning errors for the user into a message and an exit code: usage
/// for what the user asked wrongly (bad options, unknown ids), failure for what could not be done.
func handlingErrors(_ body: () throws -> Void) throws {
    func fail(_ message: CustomStringConvertible, _ code: Int32) throws -> Never { printError(message.description); throw ExitCode(code) }
    do { try body() }
    catch let e as CLIError { try fail(e, e.code) }
    catch let e as SceneError { try fail(e, ExitStatus.usage) }
    catch let e as SessionPlanner.PlanError { try fail(e, ExitStatus.usage) }
    catch let e as ContentLibrary.LookupError { try fail(e, e.isUsage ? ExitStatus.usage : ExitStatus.failure) }
    catch let e as ProgressFiles.FileError { if case .cannotWrite = e { try fail(e, ExitStatus.failure) } else { try fail(e, ExitStatus.usage) } }
    catch let e as ProgressError { try fail(e, ExitStatus.failure) }
    catch let e as Terminal.InitError { try fail(e, ExitStatus.failure) }
}
