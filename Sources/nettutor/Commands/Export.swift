import TutorShell
import ArgumentParser
import TutorApp

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export questions for other tools.", subcommands: [Anki.self])

    struct Anki: Command {
        static let configuration = CommandConfiguration(abstract: "A tab-separated file Anki imports (File > Import), with its header lines.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Output file (default: standard output).") var out: String?

        func execute() throws {
            let (banks, _) = try global.library().loadQuizzes()
            let file = AnkiExport.file(banks, language: global.language)
            guard let out else { return Output.write(file.text) }
            do { try file.text.write(toFile: out, atomically: true, encoding: .utf8) } catch { throw CLIError("cannot write \(out): \(error.localizedDescription)", code: ExitStatus.failure) }
            printError("wrote \(file.notes) notes to \(out)")  // what was written: generated questions are left out
        }
    }
}
