import ArgumentParser
import Foundation
import TutorApp

struct Lessons: Command {
    static let configuration = CommandConfiguration(abstract: "List the lessons.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON (one array of lessons).") var json = false

    func execute() throws {
        let (catalog, diags) = try global.library().loadCatalog()
        for d in diags { printError(d.description) }
        guard json else { return Output.write(LessonText.list(catalog, language: global.language)) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        Output.write(String(decoding: try encoder.encode(LessonText.entries(catalog, language: global.language)), as: UTF8.self) + "\n")
    }
}
