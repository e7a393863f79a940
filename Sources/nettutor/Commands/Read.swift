import ArgumentParser
import TutorShell
import TutorApp
import TutorTerminal

struct Read: Command {
    static let configuration = CommandConfiguration(commandName: "read", abstract: "Print a lesson, wrapped by display columns.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Lesson id (see 'nettutor lessons').", completion: Completion.lessons) var id: String
    @Flag(help: "Plain text: no colours or styles even on a terminal.") var plain = false
    @Option(help: "Wrap to this many columns (default: the terminal width, or 80).") var width: Int?

    func validate() throws {
        if let width, width < 20 || width > 1000 { throw ValidationError("--width must be between 20 and 1000") }
    }

    func execute() throws {
        let lesson = try global.library().findLesson(id: id, language: global.language)
        let tty = TerminalInfo.stdoutIsTerminal
        let lines = LessonText.printed(lesson, width: width ?? (tty ? TerminalInfo.columns() ?? 80 : 80), glyphs: global.ascii ? .ascii : .unicode)
        let styled = tty && !plain && global.useColor
        Output.write(ANSI.text(lines, styled: styled), styled: styled)
    }
}
