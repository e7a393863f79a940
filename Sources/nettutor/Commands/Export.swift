import TutorShell
import ArgumentParser
import TutorApp

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export questions for other tools.", subcommands: [Anki.self])

    struct Anki: Command {
        static let configuration = CommandConfiguration(commandName: "anki", abstract: "A tab-separated file Anki imports (File > Import), with its header lines.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Output file ('-' or none: standard output).") var out: String?
        @Flag(help: "Overwrite the output file if it exists (a regular file only).") var force = false

        func execute() throws {
            let (banks, _) = try global.library().loadQuizzes()
            let file = AnkiExport.file(banks, language: global.language)
            try SafeFile.write(file.text, to: out ?? "-", force: force)
            guard let out, out != "-" else { return }
            printError("wrote \(file.notes) notes to \(out)")  // what was written: generated questions are left out
        }
    }
}
