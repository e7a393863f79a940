import ArgumentParser
import Foundation
import TutorContent

struct Import: Command {
    static let configuration = CommandConfiguration(
        abstract: "Turn Markdown study notes (Notion export) into lessons and open questions.",
        discussion: "Sections come from headings, bold title lines, titles after source links and table-of-contents entries; bullets with an indented body become questions. The result passes 'nettutor check' and can be browsed with 'nettutor --content DIR'.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The notes file (Markdown).") var notes: String
    @Option(help: "Output folder (gets Content/ and Quizzes/).") var out = "imported-notes"
    @Flag(help: "Overwrite files that already exist.") var force = false

    func execute() throws {
        guard let data = FileManager.default.contents(atPath: notes) else { throw CLIError("cannot read \(notes)", code: ExitStatus.usage) }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(notes) is not UTF-8 text", code: ExitStatus.usage) }
        let parsed = NotesImporter.parse(text)
        let written: NotesImporter.Written
        do { written = try NotesImporter.write(parsed, language: global.lang ?? .ko, to: URL(fileURLWithPath: out), force: force) }
        catch let e as NotesImporter.ImportError { throw CLIError(e.description, code: ExitStatus.failure) }
        Output.write(NotesImporter.summary(parsed, written, folder: out))
    }
}
