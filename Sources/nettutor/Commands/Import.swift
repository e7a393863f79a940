import TutorShell
import ArgumentParser

struct Import: Command {
    static let configuration = CommandConfiguration(commandName: "import", 
        abstract: "Turn Markdown study notes (Notion export) into lessons and open questions.",
        discussion: "Sections come from headings, bold title lines, titles after source links and table-of-contents entries; bullets with an indented body become questions. Lessons get ids in the 'notes/' namespace (romanized when a title has no ASCII word), so they never take a built-in lesson's id; each lesson and question names the built-in lesson (and question) on its topic, since the notes' answers may be wrong. The result passes 'nettutor check' and 'nettutor --content DIR' adds it to the built-in lessons.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The notes file (Markdown).") var notes: String
    @Option(help: "Output folder (gets Content/ and Quizzes/).") var out = "imported-notes"
    @Flag(help: "Overwrite files that already exist.") var force = false

    func execute() throws {
        Output.write(try NotesImport.run(notes: notes, out: out, force: force, language: global.lang ?? .ko, library: try? global.library()))
    }
}
