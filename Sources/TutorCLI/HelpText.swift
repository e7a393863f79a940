/// `--help` and the usage lines of error messages, laid out for an 80-column terminal.
extension CommandSpec {
    static let helpOption = OptionSpec(long: "help", short: "h", help: { "Show help information." }, kind: .flag)
    static let versionOption = OptionSpec.flag("version", "Show the version.")
    static let completionOption = OptionSpec.value("generate-completion-script", "Print the completion script for a shell.", valueName: "shell",
                                                   choices: CompletionScript.shells)

    /// The help of the command at `path` (the root's is the overview of every subcommand).
    public func help(at path: [String], program: String) -> String {
        guard let node = spec(at: path) else { return help(at: [], program: program) }
        let isRoot = path.isEmpty
        var out = "OVERVIEW: \(node.abstract)\n\n"
        if !node.discussion.isEmpty { out += Self.wrap(node.discussion, indent: 0) + "\n\n" }
        out += "USAGE: \(usage(at: path, program: program))\n\n"
        if !node.arguments.isEmpty {
            out += "ARGUMENTS:\n" + node.arguments.map { Self.row("<\($0.name)>", Self.described($0.help, defaultText: $0.defaultText, choices: [])) }.joined() + "\n"
        }
        let own = isRoot ? [Self.versionOption, Self.completionOption] : node.options
        if !own.isEmpty || !isRoot { out += "OPTIONS:\n" + own.map(Self.optionRow).joined() + (isRoot ? "" : Self.optionRow(Self.helpOption)) + "\n" }
        out += "GLOBAL OPTIONS (before or after the subcommand):\n" + options.map(Self.optionRow).joined()
        if isRoot { out += Self.optionRow(Self.helpOption) }
        if !node.subcommands.isEmpty {
            out += "\nSUBCOMMANDS:\n" + node.subcommands.map { Self.row($0.name + ($0.name == node.defaultSubcommand ? " (default)" : ""), $0.abstract) }.joined()
            out += "\n  See '\(program) help \((path + ["<subcommand>"]).joined(separator: " "))' for detailed help.\n"
        }
        return out
    }

    /// `nettutor read <id> [<options>]`.
    public func usage(at path: [String], program: String) -> String {
        guard let node = spec(at: path) else { return program }
        var words = [program] + path
        if !node.subcommands.isEmpty { words.append("<subcommand>") }
        words += node.arguments.map { $0.isOptional ? "[<\($0.name)>]" : "<\($0.name)>" }
        words.append("[<options>]")
        return words.joined(separator: " ")
    }

    /// An error as the user sees it: the message, the usage, where to look.
    public func errorText(_ error: UsageError, program: String) -> String {
        let path = spec(at: error.path) == nil ? [] : error.path
        return "\(error.message)\nUsage: \(usage(at: path, program: program))\n  See '\(([program] + path).joined(separator: " ")) --help' for more information."
    }

    static func optionRow(_ o: OptionSpec) -> String {
        let name = (o.short.map { "-\($0), " } ?? "") + o.synopsis
        guard case .value(_, let choices, _) = o.kind else { return row(name, o.help) }
        return row(name, described(o.help, defaultText: o.defaultText, choices: choices))
    }

    static func described(_ help: String, defaultText: String?, choices: [String]) -> String {
        var notes: [String] = []
        if !choices.isEmpty { notes.append("values: " + choices.joined(separator: ", ")) }
        if let defaultText { notes.append("default: " + defaultText) }
        return notes.isEmpty ? help : "\(help) (\(notes.joined(separator: "; ")))"
    }

    /// Two columns: the name at 2, its help at 26 (on the next line when the name is long).
    static func row(_ name: String, _ help: String) -> String {
        let lead = "  " + name
        let text = wrap(help, indent: 26)
        if lead.count <= 24 { return lead + String(repeating: " ", count: 26 - lead.count) + text.dropFirst(26) + "\n" }
        return lead + "\n" + text + "\n"
    }

    /// Words filled to 80 columns, every line indented (help text is ASCII: one column a character).
    static func wrap(_ text: String, indent: Int, width: Int = 80) -> String {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty, indent + line.count + 1 + word.count > width { lines.append(pad + line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(pad + line)
        return lines.joined(separator: "\n")
    }
}
