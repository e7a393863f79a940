import Foundation
import TutorApp
import TutorCLI
import TutorContent
import TutorCore
import TutorProgress

/// Options every command takes (DESIGN §6), and where content and progress are found.
public struct GlobalOptions {
    public static let options: [OptionSpec] = [
        .choice("lang", "Language: ko or en (default from LC_ALL, LC_MESSAGES or LANG).", Language.self),
        .flag("ascii", "Draw with ASCII only (for terminals that draw box characters wide)."),
        .flag("no-color", "No colour (also when NO_COLOR is set)."),
        .value("content", "A folder holding Content/ (and Quizzes/) whose lessons are added to the built-in ones (e.g. from 'nettutor import').",
               valueName: "folder", completion: .file),
        .flag("content-only", "With --content: use only that folder, not the built-in lessons too."),
        .value("data-dir", "Folder for the progress database.", valueName: "folder", completion: .file),
        .flag("no-mouse", "No mouse: the wheel and clicks are left to the terminal (its own text selection)."),
    ]
    public let lang: Language?, ascii: Bool, noColor: Bool, content: String?, contentOnly: Bool, dataDir: String?, noMouse: Bool

    public init(_ p: ParsedCommand) throws {
        lang = try p.choice("lang"); ascii = p.flag("ascii"); noColor = p.flag("no-color"); content = p.string("content")
        contentOnly = p.flag("content-only"); dataDir = p.string("data-dir"); noMouse = p.flag("no-mouse")
        if let problem = ProgressFiles.dataDirectoryProblem(dataDirectory) { throw UsageError(problem, path: p.path) }
    }

    private var environment: [String: String] { ShellEnvironment.variables }
    public var language: Language { lang ?? Language.fromLocale(lcAll: environment["LC_ALL"], lcMessages: environment["LC_MESSAGES"], lang: environment["LANG"]) }
    public var useColor: Bool { !noColor && (environment["NO_COLOR"] ?? "").isEmpty }

    /// The content library, or a clear error naming where we looked.
    public func library() throws -> ContentLibrary { try ContentLibrary.forCommandLine(explicit: content, only: contentOnly) }

    public var dataDirectory: String { ProgressFiles.dataDirectory(flag: dataDir, environment: environment) }

    /// The interactive tutor, on `start` alone when it is not home; leaving it quits.
    public func runTUI(_ start: StartUp.StartScreen = .home) throws { try show(.player(start)) }
    public func session() throws -> TUISession {
        try TUISession(library: library(), dataDirectory: dataDirectory, language: language, ascii: ascii, color: useColor, languageFlag: lang, mouse: !noMouse)
    }
    /// Text printed, or the TUI started on its screen.
    public func show(_ shown: Shown) throws { try shown.show(session) }

    /// The store for a command: a corrupt file is moved aside (with a message); an unusable
    /// folder is an error.
    public func store() throws -> ProgressStore {
        let (store, message) = try ProgressFiles.open(path: dataDirectory + "/progress.sqlite")
        if let message { Console.error("\(message)") }
        return store
    }
}
