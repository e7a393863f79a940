import ArgumentParser
import Foundation
import NetSim
import TutorContent
import TutorCore
import TutorQuiz

/// Options every command takes (DESIGN §6).
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Language: ko or en (default from LC_ALL, LC_MESSAGES or LANG).")
    var lang: LanguageOption?

    @Flag(name: .long, help: "Draw with ASCII only (for terminals that draw box characters wide).")
    var ascii = false

    @Flag(name: .long, help: "No colour (also when NO_COLOR is set).")
    var noColor = false

    @Option(name: .long, help: "Folder holding Content/ and Quizzes/.")
    var content: String?

    @Option(name: .long, help: "Folder for the progress database.")
    var dataDir: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var language: Language {
        if let lang { return lang.language }
        let env = environment
        return Language.fromLocale(lcAll: env["LC_ALL"], lcMessages: env["LC_MESSAGES"], lang: env["LANG"])
    }

    var useColor: Bool { !noColor && (environment["NO_COLOR"] ?? "").isEmpty }

    /// The content library, or a clear error naming where we looked.
    func library() throws -> ContentLibrary {
        let exe = CommandLine.arguments.first.map { arg -> String in
            if arg.contains("/") { return arg }
            return ProcessInfo.processInfo.arguments.first ?? arg
        } ?? ""
        let exePath = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? exe
        guard let root = ContentLibrary.locate(explicit: content, environment: environment,
                                               executable: exePath, workingDirectory: FileManager.default.currentDirectoryPath) else {
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
        let env = environment
        if let d = env["NETTUTOR_DATA_DIR"], !d.isEmpty { return d }
        if let x = env["XDG_DATA_HOME"], !x.isEmpty { return x + "/nettutor" }
        return (env["HOME"] ?? NSHomeDirectory()) + "/.local/share/nettutor"
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

func printError(_ message: String) {
    FileHandle.standardError.write(("nettutor: " + message + "\n").data(using: .utf8)!)
}

/// Runs a command body, turning `CLIError` into a message and exit code.
func handlingErrors(_ body: () throws -> Void) throws {
    do { try body() } catch let e as CLIError {
        printError(e.message)
        throw ExitCode(e.code)
    }
}
