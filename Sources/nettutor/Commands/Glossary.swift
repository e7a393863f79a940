import TutorShell
import ArgumentParser
import Foundation
import TutorApp

struct Glossary: Command {
    static let configuration = CommandConfiguration(commandName: "glossary", 
        abstract: "Look up the glossary: terms with their Korean and English definitions.",
        discussion: "TERM matches the start of a term or of a word in its definitions, in any case, Hangul or English. Without TERM every term is printed. Exit 1 when nothing matches (as grep), 64 for a usage error.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A term or the start of one (e.g. ACK, slow, 혼잡).") var term: String?
    @Flag(help: "Print JSON (an array of {term, ko, en}).") var json = false

    func execute() throws {
        let library = try global.library()
        let (entries, diags) = library.loadGlossary()
        for d in diags { printError(d.description) }
        let found = GlossaryText.lookup(entries, term: term)
        if found.isEmpty, let term { throw CLIError(GlossaryText.noMatch(term), code: ExitStatus.failure) }
        Output.write(json ? try GlossaryText.jsonText(found) : GlossaryText.text(found, language: global.language))
    }
}
