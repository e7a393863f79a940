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
            let text = AnkiExport.tsv(banks, language: global.language)
            guard let out else { return Output.write(text) }
            do { try text.write(toFile: out, atomically: true, encoding: .utf8) } catch { throw CLIError("cannot write \(out): \(error.localizedDescription)", code: 1) }
            printError("wrote \(banks.reduce(0) { $0 + $1.questions.count }) notes to \(out)")
        }
    }
}
