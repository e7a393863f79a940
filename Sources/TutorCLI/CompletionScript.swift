/// Shell completion scripts from the command tree. Dynamic values (lesson ids) are asked of the
/// program at completion time: `PROGRAM --complete KIND -- WORDS…` prints one candidate a line.
public enum CompletionScript {
    public static let shells = ["bash", "zsh", "fish"]

    public static func script(_ shell: String, for root: CommandSpec, program: String) -> String {
        switch shell {
        case "fish": fish(root, program)
        // zsh runs the bash function through its bash-completion emulation.
        case "zsh": "#compdef \(program)\nautoload -U +X bashcompinit && bashcompinit\n" + bash(root, program)
        default: bash(root, program)
        }
    }

    /// Every command path with its spec, the root first (`""`, `"export"`, `"export anki"`).
    static func paths(_ spec: CommandSpec, _ prefix: [String] = []) -> [([String], CommandSpec)] {
        [(prefix, spec)] + spec.subcommands.flatMap { paths($0, prefix + [$0.name]) }
    }

    static func bashWords(_ kind: CompletionKind, _ program: String) -> String {
        switch kind {
        case .none: "COMPREPLY=()"
        case .file: "COMPREPLY=($(compgen -f -- \"$cur\"))"
        case .list(let values): "COMPREPLY=($(compgen -W '\(values.joined(separator: " "))' -- \"$cur\"))"
        case .dynamic(let name): "COMPREPLY=($(compgen -W \"$(\"${COMP_WORDS[0]}\" --complete \(name) -- \"${COMP_WORDS[@]:0:COMP_CWORD+1}\" 2>/dev/null)\" -- \"$cur\"))"
        }
    }

    static func bash(_ root: CommandSpec, _ program: String) -> String {
        let all = paths(root), fn = "_" + program.filter { $0.isLetter || $0.isNumber || $0 == "_" }
        let valueOptions = Set(all.flatMap { $0.1.options.filter(\.takesValue).map { "--\($0.long)" } }).sorted()
        var s = "\(fn)() {\n  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" path=\"\" i w\n"
        s += "  for ((i=1; i<COMP_CWORD; i++)); do\n    w=\"${COMP_WORDS[i]}\"\n    case \"$w\" in \(valueOptions.joined(separator: "|"))) ((i++)); continue;; esac\n"
        s += "    case \"$path/$w\" in\n"
        for (path, spec) in all where !spec.subcommands.isEmpty {
            for sub in spec.subcommands { s += "      '\(path.joined(separator: " "))/\(sub.name)') path=\"\((path + [sub.name]).joined(separator: " "))\";;\n" }
        }
        s += "    esac\n  done\n  case \"$path/$prev\" in\n"
        for (path, spec) in all {
            for o in spec.options where o.takesValue {
                let key = path.isEmpty ? "*" : "'\(path.joined(separator: " "))'"
                s += "    \(key)/--\(o.long)) \(bashWords(o.completion, program)); return;;\n"
            }
        }
        s += "  esac\n  if [[ \"$cur\" == -* ]]; then\n    case \"$path\" in\n"
        for (path, spec) in all {
            let names = (spec.options + root.options).map { "--\($0.long)" } + ["--help"] + (path.isEmpty ? ["--version"] : [])
            s += "      '\(path.joined(separator: " "))') COMPREPLY=($(compgen -W '\(Set(names).sorted().joined(separator: " "))' -- \"$cur\"));;\n"
        }
        s += "    esac\n    return\n  fi\n  case \"$path\" in\n"
        for (path, spec) in all {
            let words: CompletionKind? = !spec.subcommands.isEmpty ? .list(spec.subcommands.map(\.name) + (path.isEmpty ? ["help"] : [])) : spec.arguments.first?.completion
            if let words { s += "    '\(path.joined(separator: " "))') \(bashWords(words, program));;\n" }
        }
        s += "  esac\n}\ncomplete -F \(fn) \(program)\n"
        return s
    }

    static func fish(_ root: CommandSpec, _ program: String) -> String {
        func quoted(_ t: String) -> String { "'" + t.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "\\'") + "'" }
        // `option`: the words follow an option that needs a value (-x: exclusive, -r: required).
        func values(_ kind: CompletionKind, option: Bool) -> String {
            switch kind {
            case .none: option ? " -x" : ""
            case .file: (option ? " -r" : "") + " -F"
            case .list(let v): (option ? " -x" : "") + " -a " + quoted(v.joined(separator: " "))
            case .dynamic(let name): (option ? " -x" : "") + " -a " + quoted("(\(program) --complete \(name) -- (commandline -opc) (commandline -ct))")
            }
        }
        var s = "complete -c \(program) -f\n"
        for (path, spec) in paths(root) {
            let seen = path.isEmpty ? "__fish_use_subcommand" : "__fish_seen_subcommand_from \(path.last!)"
            for sub in spec.subcommands {
                let condition = path.isEmpty ? seen : "\(seen); and not __fish_seen_subcommand_from \(spec.subcommands.map(\.name).joined(separator: " "))"
                s += "complete -c \(program) -n \(quoted(condition)) -a \(sub.name) -d \(quoted(sub.abstract))\n"
            }
            for o in spec.options {
                let condition = path.isEmpty ? "" : " -n " + quoted(seen)
                s += "complete -c \(program)\(condition) -l \(o.long)" + (o.short.map { " -s \($0)" } ?? "")
                s += (o.takesValue ? values(o.completion, option: true) : "") + " -d \(quoted(o.help))\n"
            }
            if spec.subcommands.isEmpty, let a = spec.arguments.first, a.completion != .none {
                s += "complete -c \(program) -n \(quoted(seen))" + values(a.completion, option: false) + "\n"
            }
        }
        return s
    }
}
