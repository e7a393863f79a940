import TutorCLI
import TutorShell

struct TUI: Command {
    static let spec = CommandSpec("tui", abstract: "Open the interactive tutor (the default).")
    let global: GlobalOptions
    init(_ p: ParsedCommand) throws { global = try GlobalOptions(p) }

    func execute() throws { try global.runTUI() }
}
