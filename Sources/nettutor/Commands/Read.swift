import TutorApp
import TutorRender
import TutorCLI
import TutorShell
import TutorTerminal

struct Read: Command {
    static let spec = CommandSpec("read", abstract: "Print a lesson, wrapped by display columns.",
        arguments: [.init("id", help: "Lesson id (see 'nettutor lessons').", completion: Completion.lessons)],
        options: [.flag("plain", "Plain text: no colours or styles even on a terminal."),
                  .value("width", "Wrap to this many columns (default: the terminal width, or 80).")])
    let global: GlobalOptions, id: String, plain: Bool, width: Int?

    init(_ p: ParsedCommand) throws {
        global = try GlobalOptions(p); id = p.argument("id")!; plain = p.flag("plain"); width = try p.value("width")
        if let width, width < 20 || width > 1000 { throw UsageError("--width must be between 20 and 1000", path: p.path) }
    }

    func execute() throws {
        let lesson = try global.library().findLesson(id: id, language: global.language)
        let tty = TerminalInfo.stdoutIsTerminal, styled = tty && !plain && global.useColor
        // On a terminal the first screenful is written as soon as it is laid out; the rest follows in one write.
        var pending: [Line] = [], screen = tty ? TerminalInfo.rows() ?? 24 : Int.max
        LessonText.printed(lesson, width: width ?? (tty ? TerminalInfo.columns() ?? 80 : 80), glyphs: global.ascii ? .ascii : .unicode) { lines in
            pending += lines
            if pending.count >= screen { Output.write(ANSI.text(pending, styled: styled), styled: styled); pending = []; screen = .max }
        }
        Output.write(ANSI.text(pending, styled: styled), styled: styled)
    }
}
