import TutorShell
import ArgumentParser

/// Global options may come before the subcommand (`nettutor --lang ko read x`); ArgumentParser
/// only reads a subcommand's options after its name, so they are moved there.
enum GlobalArguments {
    static let withValue: Set<String> = ["--lang", "--content", "--data-dir"]
    static let flags: Set<String> = ["--ascii", "--no-color", "--content-only", "--no-mouse"]

    static func movedAfterSubcommand(_ args: [String]) -> [String] {
        let names = Set(Nettutor.configuration.subcommands.map { $0._commandName } + ["help"])
        var globals: [String] = [], i = 0
        while i < args.count {
            let a = args[i]
            if names.contains(a) { return [a] + globals + Array(args[(i + 1)...]) }
            let name = a.split(separator: "=", maxSplits: 1).first.map(String.init) ?? a
            if withValue.contains(name) {
                globals.append(a)
                if !a.contains("="), i + 1 < args.count { globals.append(args[i + 1]); i += 1 }
            } else if flags.contains(a) {
                globals.append(a)
            } else {
                return args  // something else first (e.g. --version, --help): leave it alone
            }
            i += 1
        }
        return args
    }
}

@main
struct Nettutor: ParsableCommand {
    static func main() { main(GlobalArguments.movedAfterSubcommand(Array(CommandLine.arguments.dropFirst()))) }
    static let version = "0.1.0"
    static let configuration = CommandConfiguration(
        commandName: "nettutor",
        abstract: "A terminal tutor for computer networking (Korean and English).",
        discussion: ExitStatus.help,
        version: version,
        subcommands: [TUI.self, Lessons.self, Read.self, Quiz.self, Progress.self, Play.self, Cwnd.self, Journey.self, Export.self, Reset.self, Check.self, Import.self, Glossary.self],
        defaultSubcommand: TUI.self)
}
