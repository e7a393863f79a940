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

    /// Applies an editing key; false when the key is not an editing key.
    mutating func edit(_ key: Key, limit: Int = 400) -> Bool {
        switch key {
        case .char(let c) where !c.isNewline:
            guard characters.count < limit else { return true }
            characters.insert(c, at: cursor); cursor += 1
        case .backspace: if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .delete: if cursor < characters.count { characters.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        default: return false
        }
        return true
    }
}

/// The quiz: one question at a time, every kind, feedback with the explanation, a summary.
public enum QuizScreen {
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
        public var returnTo: AppState.Screen
        public var title: String

        public init(session: QuizSession, title: String, now: Double, returnTo: AppState.Screen) {
            self.session = session; self.title = title; shownAt = now; self.returnTo = returnTo
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

    /// Keys on the quiz screen (text entry takes printable keys first).
    static func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var s = state.quiz else { return [] }
        defer { if state.screen == .quiz { state.quiz = s } }
        if key == .escape || (key == .char("q") && !s.isTyping) {
            state.screen = s.returnTo
            state.quiz = nil
            return s.returnTo == .home && state.playerOnly ? [.quit] : []
        }
        guard let item = s.phase == .feedback ? s.answered : s.item else {
            if key == .enter { state.screen = s.returnTo; state.quiz = nil; return s.returnTo == .home && state.playerOnly ? [.quit] : [] }
            return []
        }
        let q = item.question
        switch s.phase {
        case .summary:
            if key == .enter { state.screen = s.returnTo; state.quiz = nil; return s.returnTo == .home && state.playerOnly ? [.quit] : [] }
            return []
        case .feedback:
            if key == .enter || key == .char(" ") || key == .right {
                s.shownAt = state.now
                s.prepare()
            } else if key == .char("v"), let scene = q.scene.flatMap(SceneID.init(rawValue:)) {
                state.quiz = s
                return openScene(&state, scene)  // returns to .quiz, the current screen
            }
            return []
        case .rubric:
            guard case .open(let rubric, _) = q.answer else { return [] }
            switch key {
            case .up: s.cursor = max(0, s.cursor - 1)
            case .down: s.cursor = min(rubric.count - 1, s.cursor + 1)
            case .char(" "): if s.picked.contains(s.cursor) { s.picked.remove(s.cursor) } else { s.picked.insert(s.cursor) }
            case .char("1"): s.rating = .again
            case .char("2"): s.rating = .hard
            case .char("3"): s.rating = .good
            case .char("4"): s.rating = .easy
            case .enter: return submit(&s, .open(text: s.input.text, covered: s.picked, rating: s.rating), now: state.now)
            default: break
            }
            return []
        case .answering:
            break
        }
        if key == .tab && !s.isTyping { return [] }
        switch q.answer {
        case .choices(let choices):
            switch key {
            case .up: s.cursor = max(0, s.cursor - 1)
            case .down: s.cursor = min(choices.count - 1, s.cursor + 1)
            case .char(let c) where c.isNumber:
                let i = (c.wholeNumberValue ?? 0) - 1
                guard choices.indices.contains(i) else { break }
                s.cursor = i
                if q.kind == .multi { if s.picked.contains(i) { s.picked.remove(i) } else { s.picked.insert(i) } }
                else { return submit(&s, .choice(i), now: state.now) }
            case .char(" ") where q.kind == .multi:
                if s.picked.contains(s.cursor) { s.picked.remove(s.cursor) } else { s.picked.insert(s.cursor) }
            case .enter:
                return submit(&s, q.kind == .multi ? .multi(s.picked) : .choice(s.cursor), now: state.now)
            default: break
            }
        case .trueFalse:
            switch key {
            case .up, .down, .left, .right: s.cursor = 1 - s.cursor
            case .char("t"), .char("o"), .char("y"): return submit(&s, .trueFalse(true), now: state.now)
            case .char("f"), .char("x"), .char("n"): return submit(&s, .trueFalse(false), now: state.now)
            case .enter: return submit(&s, .trueFalse(s.cursor == 0), now: state.now)
            default: break
            }
        case .order:
            switch key {
            case .up, .down:
                let target = key == .up ? s.cursor - 1 : s.cursor + 1
                guard s.arrangement.indices.contains(target) else { break }
                if s.grabbed { s.arrangement.swapAt(s.cursor, target) }
                s.cursor = target
            case .char(" "): s.grabbed.toggle()
            case .enter: return submit(&s, .order(s.arrangement), now: state.now)
            default: break
            }
        case .cloze:
            switch key {
            case .tab, .down: s.blank = (s.blank + 1) % s.blanks.count
            case .backTab, .up: s.blank = (s.blank + s.blanks.count - 1) % s.blanks.count
            case .enter:
                if s.blank < s.blanks.count - 1 { s.blank += 1 }
                else { return submit(&s, AnswerInput.blanks(s.blanks.map(\.text)), now: state.now) }
            default: _ = s.blanks[s.blank].edit(key)
            }
        case .open:
            if key == .enter { s.phase = .rubric; s.cursor = 0 } else { _ = s.input.edit(key) }
        case .short, .numeric, .generated:
            if key == .enter {
                return submit(&s, AnswerInput.text(s.input.text), now: state.now)
            }
            _ = s.input.edit(key)
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

    static func render(_ state: AppState, into grid: inout CellGrid) {
        guard let s = state.quiz else { return }
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
            add(language == .ko ? "끝났습니다" : "Finished", Style(.heading, bold: true))
            blankLine()
            let n = s.session.grades.count
            add(language == .ko ? "\(n)문제 중 \(s.session.correctCount)개 정답." : "\(s.session.correctCount) of \(n) correct.")
            let missed = zip(s.session.items, s.session.grades).filter { !$0.1.correct }
            if !missed.isEmpty {
                blankLine()
                add(language == .ko ? "다시 볼 문제:" : "To look at again:", Style(.emphasis, bold: true))
                for (item, _) in missed.prefix(8) { add("\(glyphs.loss) " + item.prompt[language], Style(.dim)) }
            }
            blankLine()
            add(language == .ko ? "답은 모두 저장되었습니다. 틀린 문제는 곧 다시 나옵니다." : "Every answer is saved; the ones you missed come back soon.", Style(.dim))
            Paragraph(lines: lines).render(into: &grid, area: area)
            renderBottomBar(state, into: &grid, bindings: KeyBindings.quizSummary)
            return
        }
        let item = s.phase == .feedback ? s.answered! : s.item!
        let q = item.question
        let kindName = kindTitle(q.kind)[language]
        add("\(kindName) \(glyphs.bullet) \(language == .ko ? "난이도" : "level") \(q.level)\(q.scene != nil ? "  \(glyphs.play) \(SceneTitles.title(q.scene!, language))" : "")", Style(.dim))
        add(item.prompt[language], Style(.heading, bold: true))
        blankLine()
        var cursor: (x: Int, y: Int)?

        if s.phase == .feedback, let g = s.grade {
            let head = g.correct ? (g.close ? "\(glyphs.check) " : "\(glyphs.check) ") : "\(glyphs.loss) "
            for (i, f) in g.feedback.enumerated() {
                add((i == 0 ? head : "  ") + f[language], i == 0 ? Style(g.correct ? .success : .loss, bold: true) : .plain)
            }
            blankLine()
            add((language == .ko ? "설명: " : "Why: ") + item.explain[language])
        } else {
            switch q.answer {
            case .choices(let choices):
                for (i, c) in choices.enumerated() {
                    let mark = q.kind == .multi ? (s.picked.contains(i) ? "[x]" : "[ ]") : (i == s.cursor ? "(\(glyphs.bullet))" : "( )")
                    let line = Wrap.wrap("\(mark) \(i + 1). \(c.text[language])", width: area.width, style: i == s.cursor ? Style(.selection, reverse: true) : .plain)
                    lines += line
                }
            case .trueFalse:
                let labels = language == .ko ? ["참 (t)", "거짓 (f)"] : ["True (t)", "False (f)"]
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
                    let label = language == .ko ? "빈칸 \(i + 1): " : "Blank \(i + 1): "
                    lines.append([Span(label, Style(.accent, bold: i == s.blank)), Span(b.text, Style(.normal, underline: i == s.blank))])
                    if i == s.blank { cursor = (TextWidth.width(of: label) + TextWidth.width(of: String(b.characters.prefix(b.cursor))), lines.count - 1) }
                }
            case .open(let rubric, let model):
                if s.phase == .rubric {
                    add((language == .ko ? "내 답: " : "Your answer: ") + (s.input.text.isEmpty ? "-" : s.input.text), Style(.dim))
                    blankLine()
                    add((language == .ko ? "모범 답안: " : "Model answer: ") + model[language])
                    blankLine()
                    add(language == .ko ? "다룬 항목을 Space로 고르세요:" : "Mark the points you covered with Space:", Style(.emphasis, bold: true))
                    for (i, p) in rubric.enumerated() {
                        lines += Wrap.wrap("\(s.picked.contains(i) ? "[x]" : "[ ]") \(p[language])", width: area.width, style: i == s.cursor ? Style(.selection, reverse: true) : .plain)
                    }
                    let share = rubric.isEmpty ? 0 : Double(s.picked.count) / Double(rubric.count)
                    let suggested = Grader.suggestedRating(share: share)
                    blankLine()
                    add((language == .ko ? "평가: " : "Rating: ") + Grader.ratingName(s.rating ?? suggested)[language]
                        + (s.rating == nil ? (language == .ko ? " (제안)" : " (suggested)") : ""), Style(.accent, bold: true))
                } else {
                    fallthrough
                }
            default:
                let label = language == .ko ? "답: " : "Answer: "
                lines.append([Span(label, Style(.accent, bold: true)), Span(s.input.text, Style(.normal, underline: true))])
                cursor = (TextWidth.width(of: label) + TextWidth.width(of: String(s.input.characters.prefix(s.input.cursor))), lines.count - 1)
                if let unit = item.generated?.unit ?? { if case .numeric(_, _, let u) = q.answer { return u } else { return nil } }() {
                    add(language == .ko ? "(단위: \(unit))" : "(unit: \(unit))", Style(.dim))
                }
            }
        }
        // Keep the cursor's line on screen.
        let top = max(0, (cursor?.y ?? 0) - area.height + 2)
        Paragraph(lines: lines, scroll: top).render(into: &grid, area: area)
        if let c = cursor, c.y - top < area.height { grid.cursor = (area.x + c.x, area.y + c.y - top) }
        let bindings: [KeyBinding]
        switch s.phase {
        case .feedback: bindings = KeyBindings.quizFeedback
        case .rubric: bindings = KeyBindings.quizRubric
        default: bindings = s.isTyping ? KeyBindings.quizTyping : KeyBindings.quizChoosing
        }
        renderBottomBar(state, into: &grid, bindings: bindings, includeGlobal: !s.isTyping)
    }

    static func kindTitle(_ k: QuestionKind) -> Localized {
        switch k {
        case .choice: Localized(ko: "객관식", en: "Choice")
        case .multi: Localized(ko: "복수 선택", en: "Select all")
        case .truefalse: Localized(ko: "참/거짓", en: "True or false")
        case .short: Localized(ko: "단답형", en: "Short answer")
        case .cloze: Localized(ko: "빈칸 채우기", en: "Fill in the blanks")
        case .order: Localized(ko: "순서 맞추기", en: "Put in order")
        case .numeric: Localized(ko: "계산", en: "Numeric")
        case .open: Localized(ko: "면접 질문", en: "Interview question")
        case .generated: Localized(ko: "시뮬레이터 문제", en: "From the simulator")
        }
    }
}
