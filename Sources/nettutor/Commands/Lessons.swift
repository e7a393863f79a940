import TutorApp
import TutorCLI
import TutorShell

struct Lessons: Command {
    static let spec = CommandSpec("lessons", abstract: "List the lessons.", options: [.flag("json", "Print JSON (one array of lessons).")])
    let global: GlobalOptions, json: Bool
    init(_ p: ParsedCommand) throws { global = try GlobalOptions(p); json = p.flag("json") }

    func execute() throws {
        let (catalog, diags) = try global.library().loadCatalog()
        for d in diags { printError(d.description) }
        guard json else { return Output.write(LessonText.list(catalog, language: global.language)) }
        Output.write(Output.jsonText(written: LessonText.json(LessonText.entries(catalog, language: global.language))))
    }
}
