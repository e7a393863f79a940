import ArgumentParser
import TutorQuiz
import TutorShell

struct Quiz: Command {
    static let configuration = CommandConfiguration(commandName: "quiz", 
        abstract: "Interview-style quizzes: a lesson's questions, today's reviews, or an interview round.",
        discussion: "--plain is a line-oriented quiz on standard input and output (for scripts and screen readers). Every answer is saved as it is given (while another program locks the database, in a journal beside it, written later).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A lesson id (default: today's reviews).", completion: Completion.lessons) var lesson: String?
    @Flag(help: "Today's reviews: due cards, then new questions.") var due = false
    @Flag(help: "Interview mode: open questions across lessons, two minutes each.") var interview = false
    @Option(help: "Interview mode: how many questions.") var count = 5
    @Option(help: "New questions a day in reviews.") var newPerDay: Int?
    @Flag(help: "Line-oriented quiz on stdin/stdout (the default when not on a terminal).") var plain = false

    func validate() throws {
        if !(1...50).contains(count) { throw ValidationError(SessionPlanner.PlanError.countOutOfRange.description) }
    }

    func execute() throws {
        let request: SessionPlanner.Request = interview ? .interview(count: count) : lesson.map { due ? .review(lesson: $0) : .lesson($0) } ?? .review(lesson: nil)
        if let shown = try QuizRequest.run(global.library(), dataDirectory: global.dataDirectory, request: request, newPerDay: newPerDay,
                                           plain: plain, language: global.language, languageFlag: global.lang) { try global.show(shown) }
    }
}
