import ArgumentParser
import Foundation
import TutorApp

struct Glossary: Command {
    static let configuration = CommandConfiguration(
        abstract: "Look up the glossary: terms with their Korean and English definitions.",
        discussion: "TERM matches the start of a term or of a word in its definitions, in any case, Hangul or English. Without TERM every term is printed. Exit 2 when nothing matches.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A term or the start of one (e.g. ACK, slow, 혼잡).") var term: String?
    @Flag(help: "Print JSON (an array of {term, ko, en}).") var json = false

    func execute() throws {
        let library = try global.library()
        let (entries, diags) = library.loadGlossary()
        for d in diags { printError(d.description) }
        let found = GlossaryText.lookup(entries, term: term)
        if found.isEmpty, let term { throw CLIError(GlossaryText.noMatch(term), code: 2) }
        guard json else { return Output.write(GlossaryText.text(found, language: global.language)) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        Output.write(String(data: try encoder.encode(GlossaryText.json(found)), encoding: .utf8)! + "\n")
    }
}
