import Testing
@testable import TutorCLI

/// A small tree shaped like nettutor's: global options, a default subcommand, a nested group.
let tree = CommandSpec("tool", abstract: "A tool.", discussion: "Exit status: 0 done; 64 usage error.",
    options: [.value("lang", "Language.", choices: ["ko", "en"]), .flag("ascii", "ASCII only."), .value("data-dir", "Folder.", valueName: "folder")],
    subcommands: [
        CommandSpec("tui", abstract: "Open the tutor."),
        CommandSpec("read", abstract: "Print a lesson.", arguments: [.init("id", help: "Lesson id.", completion: .dynamic("lessons"))],
                    options: [.flag("plain", "Plain text."), .value("width", "Columns.")]),
        CommandSpec("cwnd", abstract: "The lab.", options: [.value("algo", "Algorithm.", choices: ["reno", "cubic"], anyCase: true, default: "reno"),
                                                         .value("loss", "Loss."), .value("interface", "Interface.", short: "i")]),
        CommandSpec("export", abstract: "Export.", subcommands: [CommandSpec("anki", abstract: "Anki.", options: [.value("out", "File.", completion: .file)])]),
        CommandSpec("journey", abstract: "Journey.", arguments: [.init("url", help: "URL.", defaultText: "https://example.com/")]),
    ], defaultSubcommand: "tui")

func parsed(_ args: String) throws -> ParsedCommand {
    guard case .run(let p) = try tree.parse(args.split(separator: " ").map(String.init)) else { throw UsageError("not a run: \(args)") }
    return p
}

func usageError(_ args: String) -> String? {
    do { _ = try tree.parse(args.split(separator: " ").map(String.init)); return nil } catch { return error.message }
}

@Suite("The command line parser")
struct ArgumentParsingTests {
    @Test("A command's flags, options and argument; a value by '=' or as the next word")
    func values() throws {
        let p = try parsed("read tcp-handshake --plain --width=72")
        #expect(p.path == ["read"] && p.argument("id") == "tcp-handshake" && p.flag("plain") && p.string("width") == "72")
        #expect(try p.value("width", as: Int.self) == 72)
        #expect(try parsed("read x --width 90").string("width") == "90")
        #expect(try parsed("read x").flag("plain") == false)
    }

    @Test("Global options come before or after the subcommand, even between a group and its command")
    func globalsAnywhere() throws {
        #expect(try parsed("--lang ko read x").string("lang") == "ko")
        #expect(try parsed("read x --lang ko").string("lang") == "ko")
        let anki = try parsed("--ascii export --lang en anki --out f.tsv")
        #expect(anki.path == ["export", "anki"] && anki.flag("ascii") && anki.string("lang") == "en" && anki.string("out") == "f.tsv")
    }

    @Test("No subcommand runs the default one, with the global options given")
    func defaultSubcommand() throws {
        #expect(try parsed("").path == ["tui"])
        #expect(try parsed("--lang en").path == ["tui"])
    }

    @Test("A group without its command shows the group's help; help NAME and --help anywhere show that command's")
    func help() throws {
        #expect(try tree.parse(["export"]) == .help(["export"]))
        #expect(try tree.parse(["help", "export", "anki"]) == .help(["export", "anki"]))
        #expect(try tree.parse(["read", "x", "--help"]) == .help(["read"]))
        #expect(try tree.parse(["-h"]) == .help([]))
        #expect(try tree.parse(["--version"]) == .version)
    }

    @Test("Choices are checked at parse time, in any case when the option allows it")
    func choices() throws {
        #expect(try parsed("cwnd --algo Cubic").string("algo") == "cubic")
        #expect(usageError("cwnd --algo vegas") == "The value 'vegas' is invalid for '--algo <algo>'; it is one of: reno, cubic")
        #expect(usageError("--lang KO") == "The value 'KO' is invalid for '--lang <lang>'; it is one of: ko, en")
    }

    @Test("A negative number is a value, not an option; '-' is an argument; after '--' everything is")
    func numbersAndDashes() throws {
        #expect(try parsed("cwnd --loss -0.5").string("loss") == "-0.5")
        #expect(try parsed("read -").argument("id") == "-")
        #expect(try parsed("read -- --plain").argument("id") == "--plain")
        #expect(try parsed("cwnd -i eth0").string("interface") == "eth0")
    }

    @Test("Every mistake is a usage error that names what was wrong")
    func mistakes() {
        #expect(usageError("read x --no-such-flag") == "Unknown option '--no-such-flag'")
        #expect(usageError("--plain read x") == "Unknown option '--plain'")  // a command's option follows its name
        #expect(usageError("read") == "Missing expected argument '<id>'")
        #expect(usageError("read a b") == "Unexpected argument 'b'")
        #expect(usageError("read x --width") == "Missing value for '--width <width>'")
        #expect(usageError("read x --width --plain") == "Missing value for '--width <width>'")
        #expect(usageError("read x --plain=yes") == "Option '--plain' takes no value")
        #expect(usageError("raed x") == "Unknown command 'raed'; the commands are tui, read, cwnd, export, journey")
        #expect(usageError("export ankii") == "Unknown command 'ankii'; the commands are anki")
        #expect(usageError("help nope") == "Unknown command 'nope'; see 'tool --help'")
    }

    @Test("A value that does not convert is a usage error naming its option")
    func conversion() throws {
        let p = try parsed("read x --width wide")
        #expect(throws: UsageError("The value 'wide' is invalid for '--width <width>'", path: ["read"])) { try p.value("width", as: Int.self) }
        #expect(try parsed("journey").argument("url") == nil)
    }

    @Test("The root's own requests: completion scripts, dynamic completions, the manual")
    func builtIns() throws {
        #expect(try tree.parse(["--generate-completion-script", "fish"]) == .completionScript("fish"))
        #expect(usageError("--generate-completion-script tcsh") == "--generate-completion-script needs a shell: bash, zsh, fish")
        #expect(try tree.parse(["--complete", "lessons", "--", "tool", "read", "tcp-"]) == .complete(kind: "lessons", words: ["tool", "read", "tcp-"]))
        #expect(try tree.parse(["--generate-manual"]) == .manual)
    }
}
