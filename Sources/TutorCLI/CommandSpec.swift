/// The command line as data: every command, its arguments and options with their help. The
/// parser, `--help`, the man page and the completion scripts are all read from this one tree,
/// so they cannot disagree (DECISIONS 39: no reflection at start-up).
public struct CommandSpec: Sendable {
    public var name: String
    public var abstract: String
    public var discussion: String
    public var arguments: [ArgumentSpec]
    public var options: [OptionSpec]
    public var subcommands: [CommandSpec]
    /// The subcommand run when none is named (`nettutor` alone opens the TUI).
    public var defaultSubcommand: String?

    public init(_ name: String, abstract: String, discussion: String = "", arguments: [ArgumentSpec] = [], options: [OptionSpec] = [],
                subcommands: [CommandSpec] = [], defaultSubcommand: String? = nil) {
        self.name = name; self.abstract = abstract; self.discussion = discussion; self.arguments = arguments
        self.options = options; self.subcommands = subcommands; self.defaultSubcommand = defaultSubcommand
    }

    public func subcommand(_ name: String) -> CommandSpec? { subcommands.first { $0.name == name } }
}

/// A positional argument (`<id>`).
public struct ArgumentSpec: Sendable {
    public var name: String
    public var help: String
    public var isOptional: Bool
    /// The default as `--help` shows it ("default: https://www.example.com/").
    public var defaultText: String?
    public var completion: CompletionKind

    public init(_ name: String, help: String, optional: Bool = false, defaultText: String? = nil, completion: CompletionKind = .none) {
        self.name = name; self.help = help; self.isOptional = optional || defaultText != nil; self.defaultText = defaultText; self.completion = completion
    }
}

/// An option: a flag (`--plain`) or one taking a value (`--width <width>`).
public struct OptionSpec: Sendable {
    public enum Kind: Sendable, Equatable {
        case flag
        /// `choices`: the only values accepted (matched in any case when `anyCase`), listed in help.
        case value(name: String, choices: [String], anyCase: Bool)
    }
    public var long: String
    public var short: Character?
    public var help: String
    public var kind: Kind
    public var defaultText: String?
    public var completion: CompletionKind

    public static func flag(_ long: String, _ help: String) -> OptionSpec {
        OptionSpec(long: long, short: nil, help: help, kind: .flag, defaultText: nil, completion: .none)
    }
    public static func value(_ long: String, _ help: String, short: Character? = nil, valueName: String? = nil, choices: [String] = [], anyCase: Bool = false,
                             default defaultText: String? = nil, completion: CompletionKind = .none) -> OptionSpec {
        let completion = choices.isEmpty ? completion : .list(choices)
        return OptionSpec(long: long, short: short, help: help, kind: .value(name: valueName ?? long, choices: choices, anyCase: anyCase),
                          defaultText: defaultText, completion: completion)
    }

    public var takesValue: Bool { kind != .flag }
    /// `--width <width>`, as in usage lines and messages.
    public var synopsis: String {
        guard case .value(let name, _, _) = kind else { return "--\(long)" }
        return "--\(long) <\(name)>"
    }
}

/// What the shell offers for a value.
public enum CompletionKind: Sendable, Equatable {
    case none
    case file
    case list([String])
    /// Asked of the program at completion time (`nettutor --complete KIND -- WORDS…`), e.g. the
    /// lesson ids of the library the typed command would use.
    case dynamic(String)
}

extension OptionSpec {
    /// An option whose values are an enumeration's cases (matched in any case: `--algo Reno`).
    public static func choice<T: CaseIterable & RawRepresentable>(_ long: String, _ help: String, _ type: T.Type, default fallback: T? = nil) -> OptionSpec
    where T.RawValue == String {
        value(long, help, choices: T.allCases.map(\.rawValue), anyCase: true, default: fallback?.rawValue)
    }
}
