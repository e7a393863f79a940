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
    /// The question's card as stored now (nil: never answered), for the intervals shown.
    func card(_ questionID: String) -> Card?
    /// Whether answers reach the disk now (the intro says it).
    var saving: SaveState { get }
}

extension QuizConversation {
    public var saving: SaveState { .saved }
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
        io.say(UIText.plainIntro(total, io.saving, language))
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
            io.say(t(UIText.nextReview) + UIText.after(card.due - now, language))
        }
        io.say("")
        io.say(UIText.plainResult(session.correctCount, session.grades.count, language))
    }

    /// Reads one answer for the item; nil means stop (end of input or "q"). An answer it cannot
    /// take (`240` of four options, `maybe` for true or false) is asked again, saying why.
    func read(_ item: QuizItem, _ io: some QuizConversation) -> Response? {
        let q = item.question
        func line(_ prompt: String) -> String? {
            guard let l = io.ask(prompt), l.trimmingSpaces().lowercased() != "q" else { return nil }
            return l
        }
        func ask<T>(_ prompt: String, _ parse: (String) -> Result<T, AnswerInput.Problem>) -> T? {
            while let text = line(prompt) {
                switch parse(text) {
                case .success(let value): return value
                case .failure(let problem): io.say(UIText.problem(problem, language))
                }
            }
            return nil
        }
        switch q.answer {
        case .choices:
            // Shown shuffled, like the TUI; the response names the options as authored.
            for (i, c) in item.shownChoices.enumerated() { io.say("  \(i + 1)) \(t(c.text))") }
            let multi = q.kind == .multi
            return ask(t(multi ? UIText.numbersPrompt : UIText.numberPrompt)) { AnswerInput.choices(typed: $0, multi: multi, shown: item.choiceOrder) }
        case .trueFalse:
            return ask(t(UIText.trueFalsePrompt)) { AnswerInput.trueFalse(typed: $0) }
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
            return ask(t(UIText.orderPrompt)) { AnswerInput.order(typed: $0, shown: shown) }
        case .open(let rubric, let model):
            if session.mode == .interview { io.say(t(UIText.twoMinutes)) }
            guard let text = line(t(UIText.openPrompt)) else { return nil }
            io.say(t(UIText.modelAnswer) + t(model))
            for (i, point) in rubric.enumerated() { io.say("  \(i + 1)) \(t(point))") }
            guard let covered = ask(t(UIText.coveredPrompt), { AnswerInput.points(typed: $0, count: rubric.count) }) else { return nil }
            let suggested = Grader.suggestedRating(share: rubric.isEmpty ? 0 : Double(covered.count) / Double(rubric.count))
            // Each rating with when the card would come back, before one is chosen.
            let intervals = Scheduling.intervals(io.card(q.id), at: io.now(), fsrs: session.scheduler)
            io.say(Rating.allCases.map { "\(t(UIText.ratingKey($0))) \(UIText.interval(intervals[$0] ?? 0, language))" }.joined(separator: " · "))
            guard let rating = ask(UIText.ratingPrompt(t(Grader.ratingName(suggested)), language), { AnswerInput.rating(typed: $0) }) else { return nil }
            return .open(text: text, covered: covered, rating: rating)
        }
    }
}
