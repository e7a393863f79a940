import TutorCore
import TutorQuiz

/// The I/O `PlainQuiz` needs: the shell's conformer uses stdin, stdout, the clock and the
/// store; a test's conformer is a script.
public protocol QuizConversation {
    func say(_ line: String)
    /// Shows `prompt` and reads one line; nil at the end of input.
    func ask(_ prompt: String) -> String?
    /// Seconds since the epoch.
    func now() -> Double
    /// Stores the answer and gives back the question's card after it (scheduled).
    func record(_ attempt: Attempt) throws -> Card
}

/// `nettutor quiz --plain`: the session as lines of text, one answer a line (for scripts and
/// screen readers). Typed answers become responses by the same `AnswerInput` rules as the TUI.
public struct PlainQuiz {
    public private(set) var session: QuizSession
    let language: Language

    public init(session: QuizSession, language: Language) { self.session = session; self.language = language }

    public static func nothingToDo(_ language: Language) -> String {
        UIText.nothingToDo[language]
    }

    func t(_ l: Localized) -> String { l[language] }

    public mutating func run(_ io: some QuizConversation) throws {
        guard !session.items.isEmpty else { io.say(Self.nothingToDo(language)); return }
        let total = session.items.count
        io.say(UIText.plainIntro(total, language))
        while let item = session.current {
            let q = item.question
            io.say("")
            io.say("[\(session.index + 1)/\(total)] \(q.kind.rawValue) · \(q.id)")
            io.say(t(item.prompt))
            let started = io.now()
            guard let response = read(item, io) else { io.say(t(UIText.stopping)); break }
            let now = io.now(), elapsed = now - started
            let grade = session.answer(response)
            for line in grade.feedback { io.say(t(line)) }
            if session.mode == .interview && elapsed > QuizSession.interviewSeconds {
                io.say(UIText.overTime(Int(elapsed), limit: Int(QuizSession.interviewSeconds), language))
            }
            io.say(t(UIText.why) + t(item.explain))
            let card = try io.record(Attempt(questionID: q.id, lesson: q.lesson, kind: q.kind.rawValue, answeredAt: now, correct: grade.correct,
                                             score: grade.score, rating: grade.rating, durationMS: Int(elapsed * 1000),
                                             response: response.recordText, source: session.mode.source))
            io.say(t(UIText.nextReview) + dueText(card.due - now))
        }
        io.say("")
        io.say(UIText.plainResult(session.correctCount, session.grades.count, language))
    }

    func dueText(_ seconds: Double) -> String {
        if seconds < 3600 { return UIText.inMinutes(Int((seconds / 60).rounded()), language) }
        if seconds < 86_400 { return UIText.inHours(Int((seconds / 3600).rounded()), language) }
        let d = Int((seconds / 86_400).rounded())
        return UIText.inDays(d, language)
    }

    /// Reads one answer for the item; nil means stop (end of input or "q").
    func read(_ item: QuizItem, _ io: some QuizConversation) -> Response? {
        let q = item.question
        func line(_ prompt: String) -> String? {
            guard let l = io.ask(prompt), l.trimmingSpaces().lowercased() != "q" else { return nil }
            return l
        }
        switch q.answer {
        case .choices(let choices):
            for (i, c) in choices.enumerated() { io.say("  \(i + 1)) \(t(c.text))") }
            let multi = q.kind == .multi
            guard let text = line(t(multi ? UIText.numbersPrompt : UIText.numberPrompt)) else { return nil }
            return AnswerInput.choices(typed: text, multi: multi)
        case .trueFalse:
            guard let text = line(t(UIText.trueFalsePrompt)) else { return nil }
            return AnswerInput.trueFalse(typed: text)
        case .short, .numeric, .generated:
            guard let text = line(t(UIText.answer) + ":") else { return nil }
            return AnswerInput.text(text)
        case .cloze(let template):
            let parts = Cloze.parts(template[language])
            io.say(parts.text.enumerated().map { i, s in s + (i < parts.blanks.count ? "[\(i + 1)]" : "") }.joined())
            var blanks: [String] = []
            for i in 0..<parts.blanks.count {
                guard let text = line(UIText.blank(i + 1, language) + ":") else { return nil }
                blanks.append(text)
            }
            return AnswerInput.blanks(blanks)
        case .order(let items):
            let list = items[language]
            let shown = AnswerInput.shownOrder(count: list.count, seed: item.seed)
            for (i, k) in shown.enumerated() { io.say("  \(i + 1)) \(list[k])") }
            guard let text = line(t(UIText.orderPrompt)) else { return nil }
            return AnswerInput.order(typed: text, shown: shown)
        case .open(let rubric, let model):
            if session.mode == .interview { io.say(t(UIText.twoMinutes)) }
            guard let text = line(t(UIText.openPrompt)) else { return nil }
            io.say(t(UIText.modelAnswer) + t(model))
            for (i, point) in rubric.enumerated() { io.say("  \(i + 1)) \(t(point))") }
            guard let coveredText = line(t(UIText.coveredPrompt)) else { return nil }
            let covered = AnswerInput.points(typed: coveredText, count: rubric.count)
            let suggested = Grader.ratingName(Grader.suggestedRating(share: rubric.isEmpty ? 0 : Double(covered.count) / Double(rubric.count)))
            guard let ratingText = line(UIText.ratingPrompt(t(suggested), language)) else { return nil }
            return .open(text: text, covered: covered, rating: AnswerInput.rating(typed: ratingText))
        }
    }
}
