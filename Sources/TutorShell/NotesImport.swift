import Foundation
import NetSim
import TutorContent
import TutorCore

/// `nettutor import`: reads the notes (a pipe too: `import <(…)`), links them to the built-in
/// lessons it can find, writes all files or none, and returns the summary to print.
public enum NotesImport {
    public static func run(notes: String, out: String, force: Bool, language: Language, library: ContentLibrary?) throws -> String {
        let text: String
        switch ContentText.read(path: notes, limit: ContentLimits.notesBytes, pipes: true) {
        case .success(let t): text = t
        case .failure(.notUTF8): throw CLIError("\(notes) is not UTF-8 text", code: ExitStatus.usage)
        case .failure(.tooLarge(let limit)): throw CLIError("\(notes) is larger than \(limit) bytes", code: ExitStatus.usage)
        case .failure(.unreadable), .failure(.notRegular): throw CLIError("cannot read \(notes)", code: ExitStatus.usage)
        }
        let parsed = NotesImporter.parse(text)
        // The built-in lessons to link to (none found: the import still works, without links).
        let builtIn = library.map { l in
            RelatedContent.lessons(catalog: l.loadCatalog().0, banks: l.loadQuizzes().0).filter { !$0.id.contains("/") }
        } ?? []
        do {
            let written = try NotesImporter.write(parsed, language: language, to: URL(fileURLWithPath: out), force: force, builtIn: builtIn,
                                                  knownScenes: library?.knownScenes ?? Set(SceneCatalog.ids))
            return NotesImporter.summary(parsed, written, folder: out)
        } catch let e as NotesImporter.ImportError { throw CLIError(e.description, code: ExitStatus.failure) }
    }
}
