/// What the command line asks for.
public enum Invocation: Equatable {
    case run(ParsedCommand)
    /// `--help`, `-h`, `help CMD`, or a command that only groups others: the help of this path.
    case help([String])
    case version
    /// `--generate-completion-script SHELL`.
    case completionScript(String)
    /// `--complete KIND -- WORDS…`: the candidates of a dynamic completion (the scripts call it).
    case complete(kind: String, words: [String])
    /// `--generate-manual`: the man page (make man).
    case manual
}

/// A mistake in the command line: the message, and the command whose usage it shows.
public struct UsageError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var path: [String]
    public init(_ message: String, path: [String] = []) { self.message = message; self.path = path }
    public var description: String { message }
}

extension CommandSpec {
    /// The spec at a path of subcommand names (the root for `[]`).
    public func spec(at path: [String]) -> CommandSpec? {
        var node = self
        for name in path { guard let next = node.subcommand(name) else { return nil }; node = next }
        return node
    }

    /// Reads the arguments (without the program name). The root's options are global: they may
    /// come anywhere, before or after a subcommand's name; a command's own options follow its name.
    public func parse(_ args: [String]) throws(UsageError) -> Invocation {
        if let first = args.first, let builtIn = try builtIn(first, args.dropFirst()) { return builtIn }
        var path: [String] = [], node = self
        var values: [String: String] = [:], flags: Set<String> = [], positionals: [String] = []
        var i = 0, onlyPositionals = false
        while i < args.count {
            let a = args[i]; i += 1
            if onlyPositionals { positionals.append(a); continue }
            if a == "--" { onlyPositionals = true; continue }
            if a == "-h" || a == "--help" { return .help(path) }
            if a == "--version", path.isEmpty { return .version }
            if Self.looksLikeOption(a) {
                let (name, inline) = Self.split(a)
                guard let option = (node.options + (path.isEmpty ? [] : options)).first(where: { name == "--\($0.long)" || (name.count == 2 && $0.short.map { "-\($0)" } == name) })
                else { throw UsageError("Unknown option '\(a)'", path: path) }
                guard case .value(_, let choices, let anyCase) = option.kind else {
                    if inline != nil { throw UsageError("Option '--\(option.long)' takes no value", path: path) }
                    flags.insert(option.long); continue
                }
                var value = inline
                if value == nil, i < args.count, !Self.looksLikeOption(args[i]) { value = args[i]; i += 1 }
                guard var value else { throw UsageError("Missing value for '\(option.synopsis)'", path: path) }
                if !choices.isEmpty {
                    guard let match = choices.first(where: { $0 == value || (anyCase && $0.lowercased() == value.lowercased()) }) else {
                        throw UsageError("The value '\(value)' is invalid for '\(option.synopsis)'; it is one of: \(choices.joined(separator: ", "))", path: path)
                    }
                    value = match
                }
                values[option.long] = value
                continue
            }
            if positionals.isEmpty, let sub = node.subcommand(a) { path.append(a); node = sub; continue }
            if path.isEmpty, positionals.isEmpty, a == "help" { return .help(try helpPath(Array(args[i...]))) }
            positionals.append(a)
        }
        while !node.subcommands.isEmpty {
            if let word = positionals.first {
                throw UsageError("Unknown command '\(word)'; the commands are \(node.subcommands.map(\.name).joined(separator: ", "))", path: path)
            }
            guard let name = node.defaultSubcommand, let sub = node.subcommand(name) else { return .help(path) }
            path.append(name); node = sub
        }
        var arguments: [String: String] = [:]
        for spec in node.arguments {
            if !positionals.isEmpty { arguments[spec.name] = positionals.removeFirst() }
            else if !spec.isOptional { throw UsageError("Missing expected argument '<\(spec.name)>'", path: path) }
        }
        if let extra = positionals.first { throw UsageError("Unexpected argument '\(extra)'", path: path) }
        return .run(ParsedCommand(path: path, options: node.options + options, values: values, flags: flags, arguments: arguments))
    }

    /// The root's own requests, recognised only as the first argument.
    private func builtIn(_ first: String, _ rest: ArraySlice<String>) throws(UsageError) -> Invocation? {
        switch first {
        case "--generate-completion-script":
            guard let shell = rest.first, CompletionScript.shells.contains(shell) else {
                throw UsageError("--generate-completion-script needs a shell: \(CompletionScript.shells.joined(separator: ", "))")
            }
            return .completionScript(shell)
        case "--complete":
            guard let kind = rest.first else { throw UsageError("--complete needs a kind") }
            return .complete(kind: kind, words: Array(rest.dropFirst().drop { $0 == "--" }))
        case "--generate-manual": return .manual
        default: return nil
        }
    }

    /// `help export anki`: that command's path, or an error naming what is not a command.
    private func helpPath(_ words: [String]) throws(UsageError) -> [String] {
        var node = self, path: [String] = []
        for word in words {
            guard let sub = node.subcommand(word) else { throw UsageError("Unknown command '\(word)'; see '\(name) --help'", path: path) }
            path.append(word); node = sub
        }
        return path
    }

    /// `-x` or `--xyz`, but not `-` (standard input) nor a negative number (a value).
    static func looksLikeOption(_ a: String) -> Bool {
        guard a.hasPrefix("-"), a.count > 1 else { return false }
        return Double(a) == nil
    }

    static func split(_ a: String) -> (String, String?) {
        guard a.hasPrefix("--"), let eq = a.firstIndex(of: "=") else { return (a, nil) }
        return (String(a[..<eq]), String(a[a.index(after: eq)...]))
    }
}
