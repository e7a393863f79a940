import TutorShell
import ArgumentParser
import Foundation
import NetSim
import TutorContent

struct Import: Command {
    static let configuration = CommandConfiguration(
        abstract: "Turn Markdown study notes (Notion export) into lessons and open questions.",
        discussion: "Sections come from headings, bold title lines, titles after source links and table-of-contents entries; bullets with an indented body become questions. Lessons get ids in the 'notes/' namespace (romanized when a title has no ASCII word), so they never take a built-in lesson's id; each lesson and question names the built-in lesson (and question) on its topic, since the notes' answers may be wrong. The result passes 'nettutor check' and 'nettutor --content DIR' adds it to the built-in lessons.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The notes file (Markdown).") var notes: String
    @Option(help: "Output folder (gets Content/ and Quizzes/).") var out = "imported-notes"
    @Flag(help: "Overwrite files that already exist.") var force = false

    func execute() throws {
        let text: String
        switch ContentText.read(path: notes, limit: ContentLimits.notesBytes, pipes: true) {
        case .success(let t): text = t
        case .failure(.notUTF8): throw CLIError("\(notes) is not UTF-8 text", code: ExitStatus.usage)
        case .failure(.tooLarge(let limit)): throw CLIError("\(notes) is larger than \(limit) bytes", code: ExitStatus.usage)
        case .failure(.unreadable), .failure(.notRegular): throw CLIError("cannot read \(notes)", code: ExitStatus.usage)
        }
        let parsed = NotesImporter.parse(text)
        let written: NotesImporter.Written
        // The built-in lessons to link to (none found: the import still works, without links).
        let library = try? global.library()
        let builtIn = library.map { l in
            RelatedContent.lessons(catalog: l.loadCatalog().0, banks: l.loadQuizzes().0).filter { !$0.id.contains("/") }
        } ?? []
        do { written = try NotesImporter.write(parsed, language: global.lang ?? .ko, to: URL(fileURLWithPath: out), force: force, builtIn: builtIn,
                                                 knownScenes: library?.knownScenes ?? Set(SceneCatalog.ids)) }
        catch let e as NotesImporter.ImportError { throw CLIError(e.description, code: ExitStatus.failure) }
        Output.write(NotesImporter.summary(parsed, written, folder: out))
    }
}
