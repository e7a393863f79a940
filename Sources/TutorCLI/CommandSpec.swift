/// The command line as data: every command, its arguments and options with their help. The
/// parser, `--help`, the man page and the completion scripts are all read from this one tree,
/// so they cannot disagree (DECISIONS 39: no reflection at start-up).
public struct CommandSpec: Sendable {
    public var name: String
    public var abstract: String
    /// Computed when shown: some are built from catalogs (play's list of scenes), and a parse
    /// should not pay for help it does not print.
    let discussionText: @Sendable () -> String
    public var discussion: String { discussionText() }
    public var arguments: [ArgumentSpec]
    public var options: [OptionSpec]
    public var subcommands: [CommandSpec]
    /// The subcommand run when none is named (`nettutor` alone opens the TUI).
    public var defaultSubcommand: String?

    public init(_ name: String, abstract: String, discussion: @autoclosure @escaping @Sendable () -> String = "", arguments: [ArgumentSpec] = [], options: [OptionSpec] = [],
                subcommands: [CommandSpec] = [], defaultSubcommand: String? = nil) {
        self.name = name; self.abstract = abstract; self.discussionText = discussion; self.arguments = arguments
        self.options = options; self.subcommands = subcommands; self.defaultSubcommand = defaultSubcommand
    }

    public func subcommand(_ name: String) -> CommandSpec? { subcommands.first { $0.name == name } }
}

/// A positional argument (`<id>`).
public struct ArgumentSpec: Sendable {
    public var name: String
    let helpText: @Sendable () -> String
    public var help: String { helpText() }
    public var isOptional: Bool
    /// The default as `--help` shows it ("default: https://www.example.com/").
    public var defaultText: String?
    public var completion: CompletionKind

    public init(_ name: String, help: @autoclosure @escaping @Sendable () -> String, optional: Bool = false, defaultText: String? = nil, completion: CompletionKind = .none) {
        self.name = name; self.helpText = help; self.isOptional = optional || defaultText != nil; self.defaultText = defaultText; self.completion = completion
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
    let helpText: @Sendable () -> String
    public var help: String { helpText() }
    public var kind: Kind
    public var defaultText: String?
    public var completion: CompletionKind

    init(long: String, short: Character? = nil, help: @escaping @Sendable () -> String, kind: Kind, defaultText: String? = nil, completion: CompletionKind = .none) {
        self.long = long; self.short = short; self.helpText = help; self.kind = kind; self.defaultText = defaultText; self.completion = completion
    }

    public static func flag(_ long: String, _ help: @autoclosure @escaping @Sendable () -> String) -> OptionSpec {
        OptionSpec(long: long, help: help, kind: .flag)
    }
    public static func value(_ long: String, _ help: @autoclosure @escaping @Sendable () -> String, short: Character? = nil, valueName: String? = nil, choices: [String] = [], anyCase: Bool = false,
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
    @inlinable public static func choice<T: CaseIterable & RawRepresentable>(_ long: String, _ help: @autoclosure @escaping @Sendable () -> String, _ type: T.Type,
                                                                  default fallback: T? = nil) -> OptionSpec where T.RawValue == String {
        value(long, help(), choices: T.allCases.map { $0.rawValue }, anyCase: true, default: fallback?.rawValue)
    }
}
