import NetSim
import TutorCore
import TutorQuiz
import TutorRender

/// The quiz: one question at a time, every kind, feedback with the explanation, a summary.
/// Options are shown shuffled (`QuizItem.choiceOrder`) and none is chosen at first, so Enter
/// alone never answers; responses name options as authored.
public enum QuizScreen: ScreenModel {
    public enum Phase: Sendable, Equatable { case answering, rubric, feedback, summary }

    public struct State: Sendable, Equatable {
        public var session: QuizSession
        public var phase: Phase = .answering
        /// The highlighted multi option, order item or rubric point.
        public var cursor = 0
        /// choice and true/false: the shown position chosen (0 is true); nil until one is.
        public var selection: Int?
        /// Picked multi options (shown positions) or rubric points covered (open).
        public var picked: Set<Int> = []
        public var input = TextInput()
        public var blanks: [TextInput] = []
        public var blank = 0
        /// order: the items as currently arranged (indices of the correct order); `grabbed` moves one.
        public var arrangement: [Int] = []
        public var grabbed = false
        public var rating: Rating?
        public var grade: Grade?
        /// The question just answered (feedback shows it while the session has moved on).
        public var answered: QuizItem?
        /// Seconds from the answer until the card comes back (shown with the feedback).
        public var returnsIn: Double?
        /// The first line shown of a grading or feedback view taller than the screen.
        public var scroll = 0
        /// The interview countdown ran out: the answer was handed in as it stood.
        public var timedOut = false
        /// When the current question appeared (AppState.now), for durations and the countdown.
        public var shownAt: Double
        public var title: String
        /// What the stop key says about saving (`AppContext.saving`, kept up to date by the router).
        public var saving = SaveState.saved

        public init(session: QuizSession, title: String, now: Double) {
            self.session = session; self.title = title; shownAt = now
            prepare()
        }

        var item: QuizItem? { session.current }

        /// Resets the answer area for the current question.
        mutating func prepare() {
            phase = session.isFinished ? .summary : .answering
            cursor = 0; selection = nil; picked = []; grabbed = false; rating = nil; grade = nil; blank = 0
            scroll = 0; timedOut = false; returnsIn = nil
            guard let item else { return }
            input = TextInput(limit: item.question.kind == .open ? 4000 : 400)
            switch item.question.answer {
            case .cloze(let t): blanks = Array(repeating: TextInput(), count: max(1, Cloze.parts(t.en).blanks.count))
            case .order(let items):
                arrangement = AnswerInput.shownOrder(count: items.en.count, seed: item.seed)
            default: blanks = []; arrangement = []
            }
        }

        /// Text is being typed: printable keys are text, not commands.
        var isTyping: Bool {
            guard phase == .answering, let item else { return false }
            switch item.question.kind {
            case .short, .numeric, .generated, .cloze, .open: return true
            default: return false
            }
        }

        public var isInterview: Bool { session.mode == .interview }
        /// Seconds left on the interview countdown.
        func remaining(now: Double) -> Double { max(0, QuizSession.interviewSeconds - (now - shownAt)) }
    }

    static func reduce(_ s: inout State, _ input: ScreenInput, _ ctx: inout AppContext) -> [Outcome] {
        switch input {
        case .command(let command): return reduce(&s, command, &ctx)
        case .text(let c):
            if case .cloze = s.item?.question.answer { s.blanks[s.blank].insert(c) } else { s.input.insert(c) }
        case .tick: timeUp(&s, ctx)
        default: break
        }
        return []
    }

    /// At 0:00 an interview answer is handed in as it stands and grading begins (the countdown
    /// stops there: it ticks only while answering).
    static func timeUp(_ s: inout State, _ ctx: AppContext) {
        guard s.isInterview, s.phase == .answering, s.remaining(now: ctx.now) <= 0, s.item?.question.kind == .open else { return }
        s.timedOut = true
        s.phase = .rubric; s.cursor = 0; s.scroll = 0
    }

    /// The keymap of the current phase and kind of answer.
    static func bindings(_ s: State) -> [KeyBinding] { KeyBindings.saving(phaseBindings(s), s.saving) }

    static func phaseBindings(_ s: State) -> [KeyBinding] {
        switch s.phase {
        case .summary: return KeyBindings.quizSummary
        case .feedback:
            // `v` only for a question that has a scene to replay.
            return s.answered?.question.scene == nil ? KeyBindings.quizFeedback.filter { $0.command != .replayScene } : KeyBindings.quizFeedback
        case .rubric: return KeyBindings.quizRubric
        case .answering:
            guard let q = s.item?.question else { return KeyBindings.quizSummary }
            switch q.kind {
            case .choice: return KeyBindings.quizChoice
            case .multi: return KeyBindings.quizMulti
            case .truefalse: return KeyBindings.quizTrueFalse
            case .order: return KeyBindings.quizOrder
            case .cloze: return KeyBindings.quizCloze
            case .open: return KeyBindings.quizOpenTyping
            case .short, .numeric, .generated: return KeyBindings.quizTyping
            }
        }
    }
    static func helpSection(_ s: State) -> Localized { UIText.quizSection }
    static func capturesText(_ s: State) -> Bool { s.isTyping }
    /// The interview countdown ticks once a second while an answer is being written, never
    /// while it is graded.
    static func tickInterval(_ s: State) -> Int? { s.isInterview && s.phase == .answering ? 1000 : nil }

    static func reduce(_ s: inout State, _ command: Command, _ ctx: inout AppContext) -> [Outcome] {
        if command == .back { return [.pop] }
        timeUp(&s, ctx)  // a key after 0:00 (before the tick) finds the answer handed in
        guard let item = s.phase == .feedback ? s.answered : s.item else { return [] }
        let q = item.question
        func toggle(_ i: Int) { if s.picked.contains(i) { s.picked.remove(i) } else { s.picked.insert(i) } }
        func submitted(_ r: Response) -> [Outcome] { submit(&s, r, ctx).map { .effect($0) } }
        switch s.phase {
        case .summary: return []
        case .feedback:
            switch command {
            case .nextQuestion:
                s.shownAt = ctx.now
                s.prepare()
            case .replayScene:
                if let scene = q.scene.flatMap(SceneCatalog.spec) { return openScene(scene, &ctx) }  // above the quiz; back returns here
            case .up, .down, .pageUp, .pageDown:
                let view = GradingView.feedback(s, item, ctx)
                s.scroll = view.scrolled(s.scroll, by: command)
            default: break
            }
            return []
        case .rubric:
            guard case .open(let rubric, _) = q.answer else { return [] }
            let view = GradingView.rubric(s, item, ctx)
            switch command {
            case .up, .down: (s.cursor, s.scroll) = view.step(cursor: s.cursor, scroll: s.scroll, down: command == .down, count: rubric.count)
            case .pageUp, .pageDown: s.scroll = view.scrolled(s.scroll, by: command)
            case .toggleOption: toggle(s.cursor); s.scroll = view.reveal(point: s.cursor, scroll: s.scroll)
            case .rate(let n): s.rating = Rating.allCases[n - 1]
            case .submit: return submitted(.open(text: s.input.text, covered: s.picked, rating: s.rating))
            default: break
            }
            return []
        case .answering:
            break
        }
        switch q.answer {
        case .choices(let choices):
            let order = item.choiceOrder
            switch command {
            case .up where q.kind == .multi: s.cursor = max(0, s.cursor - 1)
            case .down where q.kind == .multi: s.cursor = min(choices.count - 1, s.cursor + 1)
            case .up: s.selection = max(0, (s.selection ?? choices.count) - 1)
            case .down: s.selection = min(choices.count - 1, (s.selection ?? -1) + 1)
            case .pick(let i):
                guard choices.indices.contains(i) else { break }
                if q.kind == .multi { s.cursor = i; toggle(i) } else { s.selection = i; return submitted(.choice(order[i])) }
            case .toggleOption where q.kind == .multi: toggle(s.cursor)
            case .submit where q.kind == .multi:
                guard !s.picked.isEmpty else { ctx.message = UIText.markFirst[ctx.language]; break }
                return submitted(.multi(Set(s.picked.map { order[$0] })))
            case .submit:
                guard let chosen = s.selection else { ctx.message = UIText.chooseFirst[ctx.language]; break }
                return submitted(.choice(order[chosen]))
            default: break
            }
        case .trueFalse:
            switch command {
            case .toggleOption: s.selection = s.selection == 0 ? 1 : 0
            case .answerTrue: return submitted(.trueFalse(true))
            case .answerFalse: return submitted(.trueFalse(false))
            case .submit:
                guard let chosen = s.selection else { ctx.message = UIText.chooseTrueFalse[ctx.language]; break }
                return submitted(.trueFalse(chosen == 0))
            default: break
            }
        case .order:
            switch command {
            case .up, .down:
                let target = command == .up ? s.cursor - 1 : s.cursor + 1
                guard s.arrangement.indices.contains(target) else { break }
                if s.grabbed { s.arrangement.swapAt(s.cursor, target) }
                s.cursor = target
            case .toggleOption: s.grabbed.toggle()
            case .submit: return submitted(.order(s.arrangement))
            default: break
            }
        case .cloze:
            switch command {
            case .nextBlank: s.blank = (s.blank + 1) % s.blanks.count
            case .previousBlank: s.blank = (s.blank + s.blanks.count - 1) % s.blanks.count
            case .submit:
                if s.blank < s.blanks.count - 1 { s.blank += 1 }
                else { return submitted(AnswerInput.blanks(s.blanks.map(\.text))) }
            default: _ = s.blanks[s.blank].edit(command)
            }
        case .open:
            if command == .submit { s.phase = .rubric; s.cursor = 0; s.scroll = 0 }
            else { _ = s.input.edit(command, width: editorWidth(ctx.size)) }
        case .short, .numeric, .generated:
            if command == .submit { return submitted(AnswerInput.text(s.input.text)) }
            _ = s.input.edit(command)
        }
        return []
    }

    /// Grades the answer, works out when the card returns (the shell's FSRS does the same on
    /// the stored card) and asks the shell to record it.
    static func submit(_ s: inout State, _ response: Response, _ ctx: AppContext) -> [Effect] {
        guard let item = s.item else { return [] }
        let q = item.question, now = ctx.now
        let grade = s.session.answer(response)
        s.grade = grade
        s.answered = item
        s.phase = .feedback
        s.scroll = 0
        s.returnsIn = Scheduling.next(ctx.cards[q.id], rating: grade.rating, at: now, fsrs: s.session.scheduler).due - now
        let attempt = Attempt(questionID: q.id, lesson: q.lesson, kind: q.kind.rawValue, answeredAt: now, correct: grade.correct,
                              score: grade.score, rating: grade.rating, durationMS: Int(max(0, now - s.shownAt) * 1000),
                              response: response.recordText, source: s.session.mode.source)
        return [.recordAnswer(attempt, schedule: true)]
    }

    /// Where questions are drawn: inside the title and key bars, one column of margin.
    static func contentArea(_ size: Size) -> Rect { Rect(x: 1, y: 2, width: size.width - 2, height: size.height - 4) }
    /// The interview answer's wrapping width (the editor spans the content area).
    static func editorWidth(_ size: Size) -> Int { contentArea(size).width }

    static func kindTitle(_ k: QuestionKind) -> Localized { UIText.kindTitle(k) }
}
