import TutorCore
import TutorQuiz
import TutorRender

/// Drawing the quiz: the title bar (position, score, the interview countdown while an answer is
/// written), the question as asked, the grading views and the summary.
extension QuizScreen {
    static func render(_ s: State, _ state: AppContext, into grid: inout CellGrid, area _: Rect) {
        let glyphs = state.glyphs
        let total = s.session.items.count
        var right = "\(min(s.session.index + (s.phase == .feedback ? 0 : 1), total))/\(total)  \(glyphs.check)\(s.session.correctCount)"
        if s.isInterview && s.phase == .answering {
            let left = Int(s.remaining(now: state.now).rounded(.up))
            right = "\(glyphs.pointer) \(left / 60):\(left % 60 < 10 ? "0" : "")\(left % 60)  " + right
        }
        renderTitleBar(state, into: &grid, title: s.title, right: right)
        defer { renderBottomBar(state, into: &grid, bindings: bindings(s), includeGlobal: !s.isTyping) }
        let area = contentArea(state.size)

        if s.phase == .summary || (s.item == nil && s.phase != .feedback) {
            Paragraph(lines: summary(s, state, width: area.width)).render(into: &grid, area: area)
            return
        }
        let item = s.phase == .feedback ? s.answered! : s.item!
        switch s.phase {
        case .feedback: GradingView.feedback(s, item, state).render(into: &grid, scroll: s.scroll, glyphs: glyphs)
        case .rubric: GradingView.rubric(s, item, state).render(into: &grid, scroll: s.scroll, glyphs: glyphs)
        default: renderAnswering(s, item, state, into: &grid, area: area)
        }
    }

    static func summary(_ s: State, _ state: AppContext, width: Int) -> [Line] {
        let language = state.language
        var lines: [Line] = []
        func add(_ text: String, _ style: Style = .plain) { lines += Wrap.wrap(text, width: width, style: style) }
        add(UIText.finished[language], Style(.heading, bold: true))
        lines.append([])
        add(UIText.correctOf(s.session.correctCount, s.session.grades.count, language))
        let missed = zip(s.session.items, s.session.grades).filter { !$0.1.correct }
        if !missed.isEmpty {
            lines.append([])
            add(UIText.lookAgain[language], Style(.emphasis, bold: true))
            for (item, _) in missed.prefix(8) { add("\(state.glyphs.loss) " + item.prompt[language], Style(.dim)) }
        }
        lines.append([])
        add(UIText.allSaved[language], Style(.dim))
        return lines
    }

    /// The question as asked: options in their shown order, none chosen until one is; typed
    /// answers with the terminal cursor on them.
    static func renderAnswering(_ s: State, _ item: QuizItem, _ state: AppContext, into grid: inout CellGrid, area: Rect) {
        let language = state.language, glyphs = state.glyphs
        let q = item.question
        var lines = GradingView.header(item, state, width: area.width)
        func add(_ text: String, _ style: Style = .plain) { lines += Wrap.wrap(text, width: area.width, style: style) }
        var cursor: (x: Int, y: Int)?
        switch q.answer {
        case .choices:
            for (i, c) in item.shownChoices.enumerated() {
                let here = q.kind == .multi ? i == s.cursor : i == s.selection
                let mark = q.kind == .multi ? (s.picked.contains(i) ? "[x]" : "[ ]") : (i == s.selection ? "(\(glyphs.bullet))" : "( )")
                lines += Wrap.wrap("\(mark) \(i + 1). \(c.text[language])", width: area.width, style: here ? Style(.selection, reverse: true) : .plain)
            }
        case .trueFalse:
            let labels = [UIText.trueOption[language], UIText.falseOption[language]]
            for (i, l) in labels.enumerated() { lines.append([Span("  " + l + "  ", i == s.selection ? Style(.selection, reverse: true) : .plain)]) }
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
            lines.append([])
            for (i, b) in s.blanks.enumerated() {
                let label = UIText.blank(i + 1, language) + ": "
                lines.append([Span(label, Style(.accent, bold: i == s.blank)), Span(b.text, Style(.normal, underline: i == s.blank))])
                if i == s.blank { cursor = (TextWidth.width(of: label) + TextWidth.width(of: String(b.characters.prefix(b.cursor))), lines.count - 1) }
            }
        case .open:
            // A multi-line editor below the prompt, as tall as the rest of the screen (at least 3 rows).
            lines.append([Span(UIText.answer[language] + ":", Style(.accent, bold: true))])
            let promptRows = min(lines.count, max(0, area.height - 3))
            Paragraph(lines: lines, scroll: lines.count - promptRows).render(into: &grid, area: Rect(x: area.x, y: area.y, width: area.width, height: promptRows))
            AnswerEditor(input: s.input, glyphs: glyphs)
                .render(into: &grid, area: Rect(x: area.x, y: area.y + promptRows, width: area.width, height: area.height - promptRows))
            return
        default:
            let label = UIText.answer[language] + ": "
            lines.append([Span(label, Style(.accent, bold: true)), Span(s.input.text, Style(.normal, underline: true))])
            cursor = (TextWidth.width(of: label) + TextWidth.width(of: String(s.input.characters.prefix(s.input.cursor))), lines.count - 1)
            if let unit = item.generated?.unit ?? { if case .numeric(_, _, let u) = q.answer { return u } else { return nil } }() {
                add(UIText.unit(unit, language), Style(.dim))
            }
        }
        // Keep the cursor's line on screen.
        let top = max(0, (cursor?.y ?? 0) - area.height + 2)
        Paragraph(lines: lines, scroll: top).render(into: &grid, area: area)
        if let c = cursor, c.y - top < area.height { grid.cursor = (area.x + min(c.x, area.width - 1), area.y + c.y - top) }
    }
}
