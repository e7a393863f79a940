import Testing
@testable import TutorCLI

@Suite("Help, usage and the man page from the command tree")
struct HelpTextTests {
    @Test("A command's help: overview, usage, its argument and options, then the global ones")
    func commandHelp() {
        #expect(tree.help(at: ["read"], program: "tool") == """
            OVERVIEW: Print a lesson.

            USAGE: tool read <id> [<options>]

            ARGUMENTS:
              <id>                    Lesson id.

            OPTIONS:
              --plain                 Plain text.
              --width <width>         Columns.
              -h, --help              Show help information.

            GLOBAL OPTIONS (before or after the subcommand):
              --lang <lang>           Language. (values: ko, en)
              --ascii                 ASCII only.
              --data-dir <folder>     Folder.

            """)
    }

    @Test("The root's help lists the subcommands, the default marked, and the exit statuses")
    func rootHelp() {
        let help = tree.help(at: [], program: "tool")
        #expect(help.hasPrefix("OVERVIEW: A tool.\n\nExit status: 0 done; 64 usage error.\n\nUSAGE: tool <subcommand> [<options>]\n"))
        #expect(help.contains("\nSUBCOMMANDS:\n  tui (default)           Open the tutor.\n  read                    Print a lesson.\n"))
        #expect(help.contains("  --version               Show the version.\n"))
        #expect(help.hasSuffix("\n  See 'tool help <subcommand>' for detailed help.\n"))
    }

    @Test("Long help wraps at 80 columns under its column; a long name puts its help on the next line")
    func wrapping() {
        let long = OptionSpec.value("generate-completion-script", String(repeating: "word ", count: 20), valueName: "shell")
        let row = CommandSpec.optionRow(long)
        let lines = row.split(separator: "\n")
        #expect(lines[0] == "  --generate-completion-script <shell>")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 26) + "word") && $0.count <= 80 })
        #expect(lines.count == 3)
    }

    @Test("A usage error shows the message, the command's usage and where to read more")
    func errorText() {
        #expect(tree.errorText(UsageError("Unknown option '--x'", path: ["export", "anki"]), program: "tool") == """
            Unknown option '--x'
            Usage: tool export anki [<options>]
              See 'tool export anki --help' for more information.
            """)
    }

    @Test("The man page names the program, every subcommand (nested ones with their group) and the exit statuses")
    func manual() {
        let page = tree.manualPage(program: "tool", date: "December 7, 2026", exitStatus: "Exit status: 0 done; 64 usage error.")
        let lines = page.split(separator: "\n")
        #expect(lines.prefix(5) == [".Dd December 7, 2026", ".Dt TOOL 1", ".Os", ".Sh NAME", ".Nm tool"])
        for sub in ["tui", "read", "cwnd", "export", "export anki", "journey"] { #expect(lines.contains(Substring(".It Em \(sub)")), "\(sub)") }
        #expect(lines.contains(".It Fl -width Ar width") && lines.contains(".It Fl i , Fl -interface Ar interface"))
        #expect(page.hasSuffix(".Sh EXIT STATUS\nExit status: 0 done; 64 usage error.\n"))
    }

    @Test("roff: backslashes escaped, a line starting with a dot or quote is not a request")
    func roff() {
        #expect(CommandSpec.roff("a\\b") == "a\\eb")
        #expect(CommandSpec.roff(".Sh X\n'quote\nok") == "\\&.Sh X\n\\&'quote\nok")
        #expect(CommandSpec.roff("One. Two, e.g. three? 4 ok. .five") == "One.\nTwo, e.g.\\& three?\n4 ok.\\& .five")
        #expect(CommandSpec.roff("End. .Sh") == "End.\\& .Sh")
    }

    @Test("The bash script walks to the command, completes option values, options, subcommands and dynamic ids")
    func bashScript() {
        let s = CompletionScript.script("bash", for: tree, program: "tool")
        #expect(s.hasPrefix("_tool() {\n") && s.hasSuffix("complete -F _tool tool\n"))
        #expect(s.contains("      'export/anki') path=\"export anki\";;\n"))
        #expect(s.contains("    */--lang) COMPREPLY=($(compgen -W 'ko en' -- \"$cur\")); return;;\n"))
        #expect(s.contains("    'read') COMPREPLY=($(compgen -W \"$(\"${COMP_WORDS[0]}\" --complete lessons -- "))
        #expect(s.contains("    '') COMPREPLY=($(compgen -W 'tui read cwnd export journey help' -- \"$cur\"));;\n"))
        #expect(CompletionScript.script("zsh", for: tree, program: "tool").hasPrefix("#compdef tool\nautoload -U +X bashcompinit && bashcompinit\n_tool() {"))
    }

    @Test("The fish script offers subcommands in their group and options after their command")
    func fishScript() {
        let s = CompletionScript.script("fish", for: tree, program: "tool")
        #expect(s.contains("complete -c tool -n '__fish_use_subcommand' -a read -d 'Print a lesson.'\n"))
        #expect(s.contains("complete -c tool -n '__fish_seen_subcommand_from export; and not __fish_seen_subcommand_from anki' -a anki -d 'Anki.'\n"))
        #expect(s.contains("complete -c tool -n '__fish_seen_subcommand_from read' -l width -x -d 'Columns.'\n"))
        #expect(s.contains("complete -c tool -n '__fish_seen_subcommand_from read' -a '(tool --complete lessons -- (commandline -opc) (commandline -ct))'\n"))
    }
}
