import TutorCLI
import TutorShell

struct Import: Command {
    static let spec = CommandSpec("import",
        abstract: "Turn Markdown study notes (Notion export) into lessons and open questions.",
        discussion: "Sections come from headings, bold title lines, titles after source links and table-of-contents entries; bullets with an indented body become questions. Lessons get ids in the 'notes/' namespace (romanized when a title has no ASCII word), so they never take a built-in lesson's id; each lesson and question names the built-in lesson (and question) on its topic, since the notes' answers may be wrong. The result passes 'nettutor check' and 'nettutor --content DIR' adds it to the built-in lessons.",
        arguments: [.init("notes", help: "The notes file (Markdown).", completion: .file)],
        options: [.value("out", "Output folder (gets Content/ and Quizzes/).", valueName: "folder", default: "imported-notes", completion: .file),
                  .flag("force", "Overwrite files that already exist.")])
    let global: GlobalOptions, notes: String, out: String, force: Bool
    init(_ p: ParsedCommand) throws { global = try GlobalOptions(p); notes = p.argument("notes")!; out = p.string("out") ?? "imported-notes"; force = p.flag("force") }

    func execute() throws {
        Output.write(try NotesImport.run(notes: notes, out: out, force: force, language: global.lang ?? .ko, library: try? global.library()))
    }
}
