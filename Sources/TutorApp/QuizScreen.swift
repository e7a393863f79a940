import NetSim
import TutorCore
import TutorQuiz
import TutorRender

/// A line of text being typed: the cursor moves by character, so Backspace removes a whole
/// Hangul syllable.
public struct TextInput: Sendable, Equatable {
    public var characters: [Character] = []
    public var cursor = 0
    public init(_ text: String = "") { characters = Array(text); cursor = characters.count }
    public var text: String { String(characters) }

    mutating func insert(_ c: Character, limit: Int = 400) {
        guard !c.isNewline, characters.count < limit else { return }
        characters.insert(c, at: cursor); cursor += 1
    }

    /// Applies an editing command; false when it is not one.
    mutating func edit(_ command: Command) -> Bool {
        switch command {
        case .deleteBackward: if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .deleteForward: if cursor < characters.count { characters.remove(at: cursor) }
        case .cursorLeft: cursor = max(0, cursor - 1)
        case .cursorRight: cursor = min(characters.count, cursor + 1)
        case .lineStart: cursor = 0
        case .lineEnd: cursor = characters.count
        default: return false
        }
        return true
    }
}

/// The quiz: one question at a time, every kind, feedback with the explanation, a summary.
public enum QuizScreen: ScreenModel {
    public enum Phase: Sendable, Equatable { case answering, rubric, feedback, summary }

    public struct State: Sendable, Equatable {
        public var session: QuizSession
        public var phase: Phase = .answering
        /// The highlighted option, item or rubric point.
        public var cursor = 0
        /// Picked options (multi) or rubric points covered (open).
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
        /// When the current question appeared (AppState.now), for durations and the countdown.
        public var shownAt: Double
        public var title: String

        public init(session: QuizSession, title: String, now: Double) {
            self.session = session; self.title = title; shownAt = now
            prepare()
        }

        var item: QuizItem? { session.current }

        /// Resets the answer area for the current question.
        mutating func prepare() {
            phase = session.isFinished ? .summary : .answering
            cursor = 0; picked = []; input = TextInput(); grabbed = false; rating = nil; grade = nil; blank = 0
            guard let item else { return }
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
        default: break
        }
        return []
    }

    /// The keymap of the current phase and kind of answer.
    static func bindings(_ s: State) -> [KeyBinding] {
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
    /// The interview countdown redraws once a second while a question is open.
    static func tickInterval(_ s: State) -> Int? { s.isInterview && (s.phase == .answering || s.phase == .rubric) ? 1000 : nil }

    static func reduce(_ s: inout State, _ command: Command, _ ctx: inout AppContext) -> [Outcome] {
        if command == .back { return [.pop] }
        guard let item = s.phase == .feedback ? s.answered : s.item else { return [] }
        let q = item.question
        func toggle(_ i: Int) { if s.picked.contains(i) { s.picked.remove(i) } else { s.picked.insert(i) } }
        func submitted(_ r: Response) -> [Outcome] { submit(&s, r, now: ctx.now).map { .effect($0) } }
        switch s.phase {
        case .summary: return []
        case .feedback:
            if command == .nextQuestion {
                s.shownAt = ctx.now
                s.prepare()
            } else if command == .replayScene, let scene = q.scene.flatMap(SceneCatalog.spec) {
                return openScene(scene, &ctx)  // above the quiz; back returns here
            }
            return []
        case .rubric:
            guard case .open(let rubric, _) = q.answer else { return [] }
            switch command {
            case .up: s.cursor = max(0, s.cursor - 1)
            case .down: s.cursor = min(rubric.count - 1, s.cursor + 1)
            case .toggleOption: toggle(s.cursor)
            case .rate(let n): s.rating = [Rating.again, .hard, .good, .easy][n - 1]
            case .submit: return submitted(.open(text: s.input.text, covered: s.picked, rating: s.rating))
            default: break
            }
            return []
        case .answering:
            break
        }
        switch q.answer {
        case .choices(let choices):
            switch command {
            case .up: s.cursor = max(0, s.cursor - 1)
            case .down: s.cursor = min(choices.count - 1, s.cursor + 1)
            case .pick(let i):
                guard choices.indices.contains(i) else { break }
                s.cursor = i
                if q.kind == .multi { toggle(i) } else { return submitted(.choice(i)) }
            case .toggleOption where q.kind == .multi: toggle(s.cursor)
            case .submit: return submitted(q.kind == .multi ? .multi(s.picked) : .choice(s.cursor))
            default: break
            }
        case .trueFalse:
            switch command {
            case .toggleOption: s.cursor = 1 - s.cursor
            case .answerTrue: return submitted(.trueFalse(true))
            case .answerFalse: return submitted(.trueFalse(false))
            case .submit: return submitted(.trueFalse(s.cursor == 0))
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
            if command == .submit { s.phase = .rubric; s.cursor = 0 } else { _ = s.input.edit(command) }
        case .short, .numeric, .generated:
            if command == .submit { return submitted(AnswerInput.text(s.input.text)) }
            _ = s.input.edit(command)
        }
        return []
    }

    /// Grades the answer and asks the shell to record it (it schedules the card).
    static func submit(_ s: inout State, _ response: Response, now: Double) -> [Effect] {
        guard let item = s.item else { return [] }
        let q = item.question
        let grade = s.session.answer(response)
        s.grade = grade
        s.answered = item
        s.phase = .feedback
        let attempt = Attempt(questionID: q.id, lesson: q.lesson, kind: q.kind.rawValue, answeredAt: now, correct: grade.correct,
                              score: grade.score, rating: grade.rating, durationMS: Int(max(0, now - s.shownAt) * 1000),
                              response: response.recordText, source: s.session.mode.source)
        return [.recordAnswer(attempt, schedule: true)]
    }


    // MARK: rendering

    static func render(_ s: State, _ state: AppContext, into grid: inout CellGrid, area: Rect) {
        let language = state.language, glyphs = state.glyphs
        let total = s.session.items.count
        var right = "\(min(s.session.index + (s.phase == .feedback ? 0 : 1), total))/\(total)  \(glyphs.check)\(s.session.correctCount)"
        if s.isInterview && (s.phase == .answering || s.phase == .rubric) {
            let left = Int(s.remaining(now: state.now).rounded(.up))
            right = "\(glyphs.pointer) \(left / 60):\(left % 60 < 10 ? "0" : "")\(left % 60)  " + right
        }
        renderTitleBar(state, into: &grid, title: s.title, right: right)
        let area = Rect(x: 1, y: 2, width: grid.width - 2, height: grid.height - 4)
        var lines: [Line] = []
        func add(_ text: String, _ style: Style = .plain) { lines += Wrap.wrap(text, width: area.width, style: style) }
        func blankLine() { lines.append([]) }

        if s.phase == .summary || (s.item == nil && s.phase != .feedback) {
            add(UIText.finished[language], Style(.heading, bold: true))
            blankLine()
            let n = s.session.grades.count
            add(UIText.correctOf(s.session.correctCount, n, language))
            let missed = zip(s.session.items, s.session.grades).filter { !$0.1.correct }
            if !missed.isEmpty {
                blankLine()
                add(UIText.lookAgain[language], Style(.emphasis, bold: true))
                for (item, _) in missed.prefix(8) { add("\(glyphs.loss) " + item.prompt[language], Style(.dim)) }
            }
            blankLine()
            add(UIText.allSaved[language], Style(.dim))
            Paragraph(lines: lines).render(into: &grid, area: area)
            renderBottomBar(state, into: &grid, bindings: bindings(s))
            return
        }
        let item = s.phase == .feedback ? s.answered! : s.item!
        let q = item.question
        let kindName = kindTitle(q.kind)[language]
        add("\(kindName) \(glyphs.bullet) \(UIText.level[language]) \(q.level)\(q.scene != nil ? "  \(glyphs.play) \(SceneCatalog.title(q.scene!, language))" : "")", Style(.dim))
        add(item.prompt[language], Style(.heading, bold: true))
        blankLine()
        var cursor: (x: Int, y: Int)?

        if s.phase == .feedback, let g = s.grade {
            let head = g.correct ? (g.close ? "\(glyphs.check) " : "\(glyphs.check) ") : "\(glyphs.loss) "
            for (i, f) in g.feedback.enumerated() {
                add((i == 0 ? head : "  ") + f[language], i == 0 ? Style(g.correct ? .success : .loss, bold: true) : .plain)
            }
            blankLine()
            add(UIText.why[language] + item.explain[language])
        } else {
            switch q.answer {
            case .choices(let choices):
                for (i, c) in choices.enumerated() {
                    let mark = q.kind == .multi ? (s.picked.contains(i) ? "[x]" : "[ ]") : (i == s.cursor ? "(\(glyphs.bullet))" : "( )")
                    let line = Wrap.wrap("\(mark) \(i + 1). \(c.text[language])", width: area.width, style: i == s.cursor ? Style(.selection, reverse: true) : .plain)
                    lines += line
                }
            case .trueFalse:
                let labels = [UIText.trueOption[language], UIText.falseOption[language]]
                for (i, l) in labels.enumerated() { lines.append([Span("  " + l + "  ", i == s.cursor ? Style(.selection, reverse: true) : .plain)]) }
            case .order(let items):
                let list = items[language]
                for (pos, k) in s.arrangement.enumerated() {
                    let here = pos == s.cursor
                    let grip = here && s.grabbed ? glyphs.arrowUp + glyphs.arrowDown : "  "
                    lines.append([Span("\(grip) \(pos + 1). \(list[k])", here ? Style(.selection, bold: s.grabbed, reverse: true) : .plain)])
                }
            case .cloze(let template):
                let parts = Cloze.parts(template[language])
                var text = ""
                for (i, piece) in parts.text.enumerated() {
                    text += piece
                    if i < parts.blanks.count { text += "[\(i + 1): \(s.blanks.indices.contains(i) ? s.blanks[i].text : "")]" }
                }
                add(text)
                blankLine()
                for (i, b) in s.blanks.enumerated() {
                    let label = UIText.blank(i + 1, language) + ": "
                    lines.append([Span(label, Style(.accent, bold: i == s.blank)), Span(b.text, Style(.normal, underline: i == s.blank))])
                    if i == s.blank { cursor = (TextWidth.width(of: label) + TextWidth.width(of: String(b.characters.prefix(b.cursor))), lines.count - 1) }
                }
            case .open(let rubric, let model):
                if s.phase == .rubric {
                    add(UIText.yourAnswer[language] + (s.input.text.isEmpty ? "-" : s.input.text), Style(.dim))
                    blankLine()
                    add(UIText.modelAnswer[language] + model[language])
                    blankLine()
                    add(UIText.markCovered[language], Style(.emphasis, bold: true))
                    for (i, p) in rubric.enumerated() {
                        lines += Wrap.wrap("\(s.picked.contains(i) ? "[x]" : "[ ]") \(p[language])", width: area.width, style: i == s.cursor ? Style(.selection, reverse: true) : .plain)
                    }
                    let share = rubric.isEmpty ? 0 : Double(s.picked.count) / Double(rubric.count)
                    let suggested = Grader.suggestedRating(share: share)
                    blankLine()
                    add(UIText.rating[language] + Grader.ratingName(s.rating ?? suggested)[language]
                        + (s.rating == nil ? UIText.suggestedMark[language] : ""), Style(.accent, bold: true))
                } else {
                    fallthrough
                }
            default:
                let label = UIText.answer[language] + ": "
                lines.append([Span(label, Style(.accent, bold: true)), Span(s.input.text, Style(.normal, underline: true))])
                cursor = (TextWidth.width(of: label) + TextWidth.width(of: String(s.input.characters.prefix(s.input.cursor))), lines.count - 1)
                if let unit = item.generated?.unit ?? { if case .numeric(_, _, let u) = q.answer { return u } else { return nil } }() {
                    add(UIText.unit(unit, language), Style(.dim))
                }
            }
        }
        // Keep the cursor's line on screen.
        let top = max(0, (cursor?.y ?? 0) - area.height + 2)
        Paragraph(lines: lines, scroll: top).render(into: &grid, area: area)
        if let c = cursor, c.y - top < area.height { grid.cursor = (area.x + c.x, area.y + c.y - top) }
        renderBottomBar(state, into: &grid, bindings: bindings(s), includeGlobal: !s.isTyping)
    }

    static func kindTitle(_ k: QuestionKind) -> Localized { UIText.kindTitle(k) }
}
