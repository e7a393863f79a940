import ArgumentParser
import Foundation
import TutorApp
import TutorContent
import TutorCore
import TutorTerminal

struct Read: Command {
    static let configuration = CommandConfiguration(abstract: "Print a lesson, wrapped by display columns.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Lesson id (see 'nettutor lessons').") var id: String
    @Flag(help: "Plain text: no colours or styles even on a terminal.") var plain = false
    @Option(help: "Wrap to this many columns (default: the terminal width, or 80).") var width: Int?

    func validate() throws {
        if let width, width < 20 || width > 1000 { throw ValidationError("--width must be between 20 and 1000") }
    }

    func execute() throws {
        let lesson = try Self.find(id: id, language: global.language, in: try global.library())
        let tty = TerminalInfo.stdoutIsTerminal
        let lines = LessonText.printed(lesson, width: width ?? (tty ? TerminalInfo.columns() ?? 80 : 80), glyphs: global.ascii ? .ascii : .unicode)
        Output.write(ANSI.text(lines, styled: tty && !plain && global.useColor))
    }

    /// The lesson in `language`, else in the other language; an unknown id is exit code 2 with
    /// close matches. Loads one file, not the catalog, when the id exists.
    static func find(id: String, language: Language, in library: ContentLibrary) throws -> Lesson {
        // Ids are file names; anything else (a path, "..") is simply not a lesson.
        let safe = !id.isEmpty && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        for l in [language, language.other] where safe && FileManager.default.fileExists(atPath: library.lessonURL(id: id, language: l).path) {
            switch library.loadLesson(id: id, language: l) {
            case .success(let lesson): return lesson
            case .failure(let e): throw CLIError(e.description, code: 1)
            }
        }
        let close = library.loadCatalog().0.closeMatches(to: id)
        throw CLIError("no lesson '\(id)'; \(close.isEmpty ? "run 'nettutor lessons' to list them" : "did you mean: \(close.joined(separator: ", "))?")", code: 2)
    }
}
