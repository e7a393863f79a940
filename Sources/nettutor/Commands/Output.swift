import TutorCLI
import TutorShell

extension Output {
    /// `--trace json`: the machine-readable event list.
    static func traceOption(_ help: String) -> OptionSpec { .value("trace", help, valueName: "format", choices: ["json"]) }
    /// `--export mermaid`: a diagram for other tools.
    static func exportOption(_ help: String) -> OptionSpec { .value("export", help, valueName: "format", choices: ["mermaid"]) }

    /// What `--plain`, `--trace` and `--export` ask for (the commands without `--export` never have it set).
    init(_ p: ParsedCommand, plain: Bool, export: Bool = true) throws {
        try self.init(plain: plain, json: p.string("trace") == "json", mermaid: export && p.string("export") == "mermaid")
    }
}
