import TutorApp
import TutorCLI
import TutorShell

enum Export {
    static let spec = CommandSpec("export", abstract: "Export questions for other tools.", subcommands: [Anki.spec])

    struct Anki: Command {
        static let path = "export anki"
        static let spec = CommandSpec("anki", abstract: "A tab-separated file Anki imports (File > Import), with its header lines.",
            options: [.value("out", "Output file ('-' or none: standard output).", valueName: "file", completion: .file),
                      .flag("force", "Overwrite the output file if it exists (a regular file only).")])
        let global: GlobalOptions, out: String?, force: Bool
        init(_ p: ParsedCommand) throws { global = try GlobalOptions(p); out = p.string("out"); force = p.flag("force") }

        func execute() throws {
            let (banks, _) = try global.library().loadQuizzes()
            let file = AnkiExport.file(banks, language: global.language)
            try SafeFile.write(file.text, to: out ?? "-", force: force)
            guard let out, out != "-" else { return }
            printError("wrote \(file.notes) notes to \(out)")  // what was written: generated questions are left out
        }
    }
}
