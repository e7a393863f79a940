import ArgumentParser
import TutorApp
import TutorShell

struct Lessons: Command {
    static let configuration = CommandConfiguration(commandName: "lessons", abstract: "List the lessons.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON (one array of lessons).") var json = false

    func execute() throws {
        let (catalog, diags) = try global.library().loadCatalog()
        for d in diags { printError(d.description) }
        guard json else { return Output.write(LessonText.list(catalog, language: global.language)) }
        Output.write(Output.jsonText(written: LessonText.json(LessonText.entries(catalog, language: global.language))))
    }
}
