import TutorApp
import TutorCLI
import TutorShell

struct Glossary: Command {
    static let spec = CommandSpec("glossary",
        abstract: "Look up the glossary: terms with their Korean and English definitions.",
        discussion: "TERM matches the start of a term or of a word in its definitions, in any case, Hangul or English. Without TERM every term is printed. Exit 1 when nothing matches (as grep), 64 for a usage error.",
        arguments: [.init("term", help: "A term or the start of one (e.g. ACK, slow, 혼잡).", optional: true)],
        options: [.flag("json", "Print JSON (an array of {term, ko, en}).")])
    let global: GlobalOptions, term: String?, json: Bool
    init(_ p: ParsedCommand) throws { global = try GlobalOptions(p); term = p.argument("term"); json = p.flag("json") }

    func execute() throws {
        let library = try global.library()
        let (entries, diags) = library.loadGlossary()
        for d in diags { printError(d.description) }
        let found = GlossaryText.lookup(entries, term: term)
        if found.isEmpty, let term { throw CLIError(GlossaryText.noMatch(term), code: ExitStatus.failure) }
        Output.write(json ? try GlossaryText.jsonText(found) : GlossaryText.text(found, language: global.language))
    }
}
