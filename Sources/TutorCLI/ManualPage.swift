#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The man page (mdoc) of the command tree: the same words as `--help`.
extension CommandSpec {
    /// Today (UTC) as a `.Dd` line shows it, e.g. "December 7, 2026".
    public static func manualDate() -> String {
        var t = time(nil), parts = tm()
        gmtime_r(&t, &parts)
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(months[Int(parts.tm_mon)]) \(parts.tm_mday), \(1900 + parts.tm_year)"
    }

    /// `date`: as the page's `.Dd` line shows it ("December 7, 2026").
    public func manualPage(program: String, date: String, exitStatus: String) -> String {
        var out = [".Dd \(date)", ".Dt \(program.uppercased()) 1", ".Os", ".Sh NAME", ".Nm \(program)", ".Nd \(Self.roff(abstract))",
                   ".Sh SYNOPSIS", ".Nm", ".Op Ar options", ".Ar subcommand", ".Sh DESCRIPTION"]
        if !discussion.isEmpty && discussion != exitStatus { out.append(Self.roff(discussion)) }
        out.append(".Ss Global options (before or after the subcommand)")
        out += Self.optionList(options + [Self.versionOption, Self.completionOption, Self.helpOption])
        out.append(".Ss Subcommands")
        out.append(".Bl -tag -width 6n")
        for sub in subcommands { out += Self.entry(sub, prefix: "") }
        out.append(".El")
        out += [".Sh EXIT STATUS", Self.roff(exitStatus)]
        return out.joined(separator: "\n") + "\n"
    }

    /// One subcommand: `.It Em read` with its text, arguments, options and nested commands.
    static func entry(_ spec: CommandSpec, prefix: String) -> [String] {
        var out = [".It Em \(prefix)\(spec.name)", roff(spec.abstract)]
        if !spec.discussion.isEmpty { out += [".Pp", roff(spec.discussion)] }
        if !spec.arguments.isEmpty || !spec.options.isEmpty {
            out.append(".Bl -tag -width 6n")
            for a in spec.arguments { out += [".It Ar \(a.name)" + (a.isOptional ? " (optional)" : ""), roff(described(a.help, defaultText: a.defaultText, choices: []))] }
            out += optionItems(spec.options)
            out.append(".El")
        }
        if !spec.subcommands.isEmpty {
            out.append(".Bl -tag -width 6n")
            for sub in spec.subcommands { out += entry(sub, prefix: prefix + spec.name + " ") }
            out.append(".El")
        }
        return out
    }

    static func optionList(_ options: [OptionSpec]) -> [String] { [".Bl -tag -width 6n"] + optionItems(options) + [".El"] }

    static func optionItems(_ options: [OptionSpec]) -> [String] {
        options.flatMap { o -> [String] in
            var head = ".It Fl -\(o.long)"
            if let s = o.short { head = ".It Fl \(s) , Fl -\(o.long)" }
            guard case .value(let name, let choices, _) = o.kind else { return [head, roff(o.help)] }
            return [head + " Ar \(name)", roff(described(o.help, defaultText: o.defaultText, choices: choices))]
        }
    }

    /// Text safe in a roff line: backslashes escaped, each sentence on a line of its own (as
    /// mdoc wants), a period inside one ("e.g.") marked as not ending it, no line starting as a request.
    static func roff(_ text: String) -> String {
        let escaped = String(text.flatMap { $0 == "\\" ? ["\\", "e"] : [$0] })
        return escaped.split(separator: "\n", omittingEmptySubsequences: false).flatMap(sentences).map { line in
            line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : line
        }.joined(separator: "\n")
    }

    static func sentences(_ line: Substring) -> [String] {
        var lines: [String] = [], current = ""
        let words = line.split(separator: " ", omittingEmptySubsequences: false)
        for (i, word) in words.enumerated() {
            current += (current.isEmpty ? "" : " ") + word
            guard i + 1 < words.count, let end = word.last(where: { !")'\"".contains($0) }), ".?!".contains(end), let next = words[i + 1].first else { continue }
            if next.isUppercase || next.isNumber || next == "'" || next == "(" { lines.append(current); current = "" } else { current += "\\&" }
        }
        return lines + [current]
    }
}
