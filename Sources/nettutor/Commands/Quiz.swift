import TutorCLI
import TutorQuiz
import TutorShell

struct Quiz: Command {
    static let spec = CommandSpec("quiz",
        abstract: "Interview-style quizzes: a lesson's questions, today's reviews, or an interview round.",
        discussion: "--plain is a line-oriented quiz on standard input and output (for scripts and screen readers). Every answer is saved as it is given (while another program locks the database, in a journal beside it, written later).",
        arguments: [.init("lesson", help: "A lesson id (default: today's reviews).", optional: true, completion: Completion.lessons)],
        options: [.flag("due", "Today's reviews: due cards, then new questions."),
                  .flag("interview", "Interview mode: open questions across lessons, two minutes each."),
                  .value("count", "Interview mode: how many questions.", default: "5"),
                  .value("new-per-day", "New questions a day in reviews."),
                  .flag("plain", "Line-oriented quiz on stdin/stdout (the default when not on a terminal).")])
    let global: GlobalOptions, lesson: String?, due: Bool, interview: Bool, count: Int, newPerDay: Int?, plain: Bool

    init(_ p: ParsedCommand) throws {
        global = try GlobalOptions(p); lesson = p.argument("lesson"); due = p.flag("due"); interview = p.flag("interview")
        count = try p.value("count", default: 5); newPerDay = try p.value("new-per-day"); plain = p.flag("plain")
        if !(1...50).contains(count) { throw UsageError(SessionPlanner.PlanError.countOutOfRange.description, path: p.path) }
    }

    func execute() throws {
        let request: SessionPlanner.Request = interview ? .interview(count: count) : lesson.map { due ? .review(lesson: $0) : .lesson($0) } ?? .review(lesson: nil)
        if let shown = try QuizRequest.run(global.library(), dataDirectory: global.dataDirectory, request: request, newPerDay: newPerDay,
                                           plain: plain, language: global.language, languageFlag: global.lang) { try global.show(shown) }
    }
}
