import ArgumentParser
import Foundation
import NetSim
import TutorContent
import TutorCore
import TutorProgress
import TutorQuiz

/// Options every command takes (DESIGN §6), and where content and progress are found.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Language: ko or en (default from LC_ALL, LC_MESSAGES or LANG).") var lang: LanguageOption?
    @Flag(help: "Draw with ASCII only (for terminals that draw box characters wide).") var ascii = false
    @Flag(help: "No colour (also when NO_COLOR is set).") var noColor = false
    @Option(help: "Folder holding Content/ and Quizzes/.") var content: String?
    @Option(help: "Folder for the progress database.") var dataDir: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }
    var language: Language {
        lang?.language ?? Language.fromLocale(lcAll: environment["LC_ALL"], lcMessages: environment["LC_MESSAGES"], lang: environment["LANG"])
    }
    var useColor: Bool { !noColor && (environment["NO_COLOR"] ?? "").isEmpty }

    /// The content library, or a clear error naming where we looked.
    func library() throws -> ContentLibrary {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        guard let root = ContentLibrary.locate(explicit: content, environment: environment, executable: exe,
                                               workingDirectory: FileManager.default.currentDirectoryPath) else {
            throw CLIError("cannot find the lessons: no Content/ and Quizzes/ folders next to the program or above the working directory; pass --content DIR or set NETTUTOR_CONTENT", code: 1)
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("Content").path, isDirectory: &isDir), isDir.boolValue else {
            throw CLIError("no Content/ folder in \(root.path)", code: 1)
        }
        return ContentLibrary(root: root, knownScenes: Set(SceneCatalog.ids), knownGenerators: QuestionGenerators.names)
    }

    /// Data folder (DESIGN §6): flag, $NETTUTOR_DATA_DIR, $XDG_DATA_HOME/nettutor, ~/.local/share/nettutor.
    var dataDirectory: String {
        if let dataDir { return dataDir }
        if let d = environment["NETTUTOR_DATA_DIR"], !d.isEmpty { return d }
        if let x = environment["XDG_DATA_HOME"], !x.isEmpty { return x + "/nettutor" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share/nettutor"
    }

    /// The store for a command: a corrupt file is moved aside (with a message); an unusable
    /// folder is an error.
    func store() throws -> ProgressStore {
        do {
            let (store, message) = try SQLiteProgressStore.openMovingCorruptAside(path: dataDirectory + "/progress.sqlite")
            if let message { printError(message) }
            return store
        } catch let e as ProgressError { throw CLIError(e.description, code: 1) }
    }
}

enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case ko, en
    var language: Language { self == .ko ? .ko : .en }
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

/// Runs a command body, turning `CLIError` (and bad scene or quiz options: exit 2) into a message and exit code.
func handlingErrors(_ body: () throws -> Void) throws {
    do { try body() } catch let e as CLIError {
        printError(e.message)
        throw ExitCode(e.code)
    } catch let e as SceneError {
        printError(e.description)
        throw ExitCode(2)
    } catch let e as SessionPlanner.PlanError {
        printError(e.description)
        throw ExitCode(2)
    }
}
