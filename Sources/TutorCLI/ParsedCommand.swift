/// One command's arguments as the user gave them; each accessor names what it reads, so a
/// value that does not convert is a usage error naming its option.
public struct ParsedCommand: Equatable {
    /// The subcommand names, e.g. `["export", "anki"]`.
    public var path: [String]
    var options: [OptionSpec]
    var values: [String: String]
    var flags: Set<String>
    var arguments: [String: String]

    public static func == (a: ParsedCommand, b: ParsedCommand) -> Bool {
        a.path == b.path && a.values == b.values && a.flags == b.flags && a.arguments == b.arguments
    }

    public func flag(_ long: String) -> Bool {
        assert(options.contains { $0.long == long && !$0.takesValue }, "no flag --\(long) in \(path)")
        return flags.contains(long)
    }

    /// An option's value, or nil when it was not given.
    public func string(_ long: String) -> String? {
        assert(options.contains { $0.long == long && $0.takesValue }, "no option --\(long) in \(path)")
        return values[long]
    }

    /// A positional argument, or nil when an optional one was not given.
    public func argument(_ name: String) -> String? { arguments[name] }

    /// A number (or any value with a text form) from an option; nil when not given.
    public func value<T: LosslessStringConvertible>(_ long: String, as type: T.Type = T.self) throws(UsageError) -> T? {
        guard let text = string(long) else { return nil }
        guard let value = T(text) else { throw invalid(text, long) }
        return value
    }

    public func value<T: LosslessStringConvertible>(_ long: String, default fallback: T) throws(UsageError) -> T {
        try value(long, as: T.self) ?? fallback
    }

    /// One of the option's choices (the parser already checked it is one).
    public func choice<T: RawRepresentable>(_ long: String, as type: T.Type = T.self) throws(UsageError) -> T? where T.RawValue == String {
        guard let text = string(long) else { return nil }
        guard let value = T(rawValue: text) else { throw invalid(text, long) }
        return value
    }

    private func invalid(_ text: String, _ long: String) -> UsageError {
        let synopsis = options.first { $0.long == long }?.synopsis ?? "--\(long)"
        return UsageError("The value '\(text)' is invalid for '\(synopsis)'", path: path)
    }
}
