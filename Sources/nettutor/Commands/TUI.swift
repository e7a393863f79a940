import ArgumentParser

struct TUI: Command {
    static let configuration = CommandConfiguration(commandName: "tui", abstract: "Open the interactive tutor (the default).")
    @OptionGroup var global: GlobalOptions

    func execute() throws { try global.runTUI() }
}
