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
        language == .ko ? "지금 풀 문제가 없습니다. 오늘 복습할 카드도 새 문제도 없습니다." : "Nothing to do now: no reviews are due and no new questions are left."
    }

    func t(_ l: Localized) -> String { l[language] }
    var ko: Bool { language == .ko }

    public mutating func run(_ io: some QuizConversation) throws {
        guard !session.items.isEmpty else { io.say(Self.nothingToDo(language)); return }
        let total = session.items.count
        io.say(ko ? "문제 \(total)개. 빈 줄은 건너뛰기, q는 그만두기(답한 것은 저장됨)." : "\(total) questions. An empty line skips, q stops (answers given are saved).")
        while let item = session.current {
            let q = item.question
            io.say("")
            io.say("[\(session.index + 1)/\(total)] \(q.kind.rawValue) · \(q.id)")
            io.say(t(item.prompt))
            let started = io.now()
            guard let response = read(item, io) else { io.say(ko ? "그만둡니다." : "Stopping."); break }
            let now = io.now(), elapsed = now - started
            let grade = session.answer(response)
            for line in grade.feedback { io.say(t(line)) }
            if session.mode == .interview && elapsed > QuizSession.interviewSeconds {
                io.say(ko ? "시간 초과: \(Int(elapsed))초(제한 \(Int(QuizSession.interviewSeconds))초)." : "Over time: \(Int(elapsed)) s (limit \(Int(QuizSession.interviewSeconds)) s).")
            }
            io.say((ko ? "설명: " : "Why: ") + t(item.explain))
            let card = try io.record(Attempt(questionID: q.id, lesson: q.lesson, kind: q.kind.rawValue, answeredAt: now, correct: grade.correct,
                                             score: grade.score, rating: grade.rating, durationMS: Int(elapsed * 1000),
                                             response: response.recordText, source: session.mode.source))
            io.say((ko ? "다음 복습: " : "Next review: ") + dueText(card.due - now))
        }
        io.say("")
        io.say(ko ? "결과: \(session.grades.count)문제 중 \(session.correctCount)개 정답." : "Done: \(session.correctCount) of \(session.grades.count) correct.")
    }

    func dueText(_ seconds: Double) -> String {
        if seconds < 3600 { return ko ? "\(Int((seconds / 60).rounded()))분 뒤" : "in \(Int((seconds / 60).rounded())) min" }
        if seconds < 86_400 { return ko ? "\(Int((seconds / 3600).rounded()))시간 뒤" : "in \(Int((seconds / 3600).rounded())) h" }
        let d = Int((seconds / 86_400).rounded())
        return ko ? "\(d)일 뒤" : "in \(d) day\(d == 1 ? "" : "s")"
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
            guard let text = line(multi ? (ko ? "번호들(예: 1 3):" : "Numbers (e.g. 1 3):") : (ko ? "번호:" : "Number:")) else { return nil }
            return AnswerInput.choices(typed: text, multi: multi)
        case .trueFalse:
            guard let text = line(ko ? "참/거짓 (t/f):" : "True or false (t/f):") else { return nil }
            return AnswerInput.trueFalse(typed: text)
        case .short, .numeric, .generated:
            guard let text = line(ko ? "답:" : "Answer:") else { return nil }
            return AnswerInput.text(text)
        case .cloze(let template):
            let parts = Cloze.parts(template[language])
            io.say(parts.text.enumerated().map { i, s in s + (i < parts.blanks.count ? "[\(i + 1)]" : "") }.joined())
            var blanks: [String] = []
            for i in 0..<parts.blanks.count {
                guard let text = line(ko ? "빈칸 \(i + 1):" : "Blank \(i + 1):") else { return nil }
                blanks.append(text)
            }
            return AnswerInput.blanks(blanks)
        case .order(let items):
            let list = items[language]
            let shown = AnswerInput.shownOrder(count: list.count, seed: item.seed)
            for (i, k) in shown.enumerated() { io.say("  \(i + 1)) \(list[k])") }
            guard let text = line(ko ? "올바른 순서의 번호(예: 3 1 2):" : "The numbers in the right order (e.g. 3 1 2):") else { return nil }
            return AnswerInput.order(typed: text, shown: shown)
        case .open(let rubric, let model):
            if session.mode == .interview { io.say(ko ? "(제한 시간 2분)" : "(two minutes)") }
            guard let text = line(ko ? "답(한 줄, 빈 줄은 건너뛰기):" : "Your answer (one line; empty skips):") else { return nil }
            io.say((ko ? "모범 답안: " : "Model answer: ") + t(model))
            for (i, point) in rubric.enumerated() { io.say("  \(i + 1)) \(t(point))") }
            guard let coveredText = line(ko ? "다룬 항목 번호(예: 1 3, 없으면 빈 줄):" : "Points you covered (e.g. 1 3; empty for none):") else { return nil }
            let covered = AnswerInput.points(typed: coveredText, count: rubric.count)
            let suggested = Grader.ratingName(Grader.suggestedRating(share: rubric.isEmpty ? 0 : Double(covered.count) / Double(rubric.count)))
            guard let ratingText = line(ko ? "평가 again/hard/good/easy (Enter: \(t(suggested))):" : "Rating again/hard/good/easy (Enter: \(t(suggested))):") else { return nil }
            return .open(text: text, covered: covered, rating: AnswerInput.rating(typed: ratingText))
        }
    }
}
