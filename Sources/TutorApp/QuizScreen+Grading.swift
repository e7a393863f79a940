import NetSim
import TutorCore
import TutorQuiz
import TutorRender

/// The views after an answer that can be taller than the screen: grading an interview answer
/// (the model answer, the rubric points, the rating) and the feedback. The text scrolls;
/// the rating and the interval of each rating key stay pinned at the bottom, so they are always
/// on screen. The same layout serves `reduce` (where ↑↓ and the pages go) and `render`.
struct GradingView {
    /// The scrolling part, wrapped to the width.
    var lines: [Line]
    /// The line range of each rubric point in `lines`.
    var points: [Range<Int>] = []
    /// Always shown, under the scrolling part.
    var pinned: [Line] = []
    /// The area the view fills.
    var area: Rect

    var height: Int { max(1, area.height - pinned.count) }
    var maxScroll: Int { max(0, lines.count - height) }

    // MARK: building

    /// The question's kind, level and scene, then its prompt.
    static func header(_ item: QuizItem, _ ctx: AppContext, width: Int) -> [Line] {
        let q = item.question, language = ctx.language, glyphs = ctx.glyphs
        let scene = q.scene.map { "  \(glyphs.play) \(SceneCatalog.title($0, language))" } ?? ""
        return Wrap.wrap("\(UIText.kindTitle(q.kind)[language]) \(glyphs.bullet) \(UIText.level[language]) \(q.level)\(scene)", width: width, style: Style(.dim))
            + Wrap.wrap(item.prompt[language], width: width, style: Style(.heading, bold: true)) + [[]]
    }

    static func rubric(_ s: QuizScreen.State, _ item: QuizItem, _ ctx: AppContext) -> GradingView {
        let area = QuizScreen.contentArea(ctx.size), width = area.width - 1  // the last column shows ↑↓
        let language = ctx.language
        guard case .open(let rubric, let model) = item.question.answer else { return GradingView(lines: [], area: area) }
        var lines = header(item, ctx, width: width)
        func add(_ text: String, _ style: Style = .plain) { lines += Wrap.wrap(text, width: width, style: style) }
        if s.timedOut {
            add(UIText.timeUp(Int(QuizSession.interviewSeconds), language), Style(.warning, bold: true))
            lines.append([])
        }
        add(UIText.yourAnswer[language] + (s.input.text.isEmpty ? "-" : s.input.text), Style(.dim))
        lines.append([])
        add(UIText.modelAnswer[language] + model[language])
        lines.append([])
        add(UIText.markCovered[language], Style(.emphasis, bold: true))
        var points: [Range<Int>] = []
        for (i, p) in rubric.enumerated() {
            let start = lines.count
            add("\(s.picked.contains(i) ? "[x]" : "[ ]") \(i + 1). \(p[language])", i == s.cursor ? Style(.selection, reverse: true) : .plain)
            points.append(start..<lines.count)
        }
        let share = rubric.isEmpty ? 0 : Double(s.picked.count) / Double(rubric.count)
        let current = s.rating ?? Grader.suggestedRating(share: share)
        var pinned: [Line] = [[]]
        pinned += Wrap.wrap(UIText.rating[language] + Grader.ratingName(current)[language] + (s.rating == nil ? UIText.suggestedMark[language] : ""),
                            width: width, style: Style(.accent, bold: true))
        // Each rating key with when the card would come back, as Anki shows them.
        let intervals = Scheduling.intervals(ctx.cards[item.question.id], at: ctx.now, fsrs: s.session.scheduler)
        var keys: Line = []
        for (n, r) in Rating.allCases.enumerated() {
            if n > 0 { keys.append(Span(" \(ctx.glyphs.bullet) ", Style(.dim))) }
            let text = "\(n + 1) \(UIText.ratingKey(r)[language]) \(UIText.interval(intervals[r] ?? 0, language))"
            keys.append(Span(text, r == current ? Style(.selection, bold: true, reverse: true) : Style(.dim)))
        }
        pinned += Wrap.wrap(keys, width: width)
        return GradingView(lines: lines, points: points, pinned: pinned, area: area)
    }

    static func feedback(_ s: QuizScreen.State, _ item: QuizItem, _ ctx: AppContext) -> GradingView {
        let area = QuizScreen.contentArea(ctx.size), width = area.width - 1
        let language = ctx.language, glyphs = ctx.glyphs
        var lines = header(item, ctx, width: width)
        func add(_ text: String, _ style: Style = .plain) { lines += Wrap.wrap(text, width: width, style: style) }
        if let g = s.grade {
            let head = g.correct ? "\(glyphs.check) " : "\(glyphs.loss) "
            for (i, f) in g.feedback.enumerated() {
                add((i == 0 ? head : "  ") + f[language], i == 0 ? Style(g.correct ? .success : .loss, bold: true) : .plain)
            }
        }
        if let back = s.returnsIn { add(UIText.nextReview[language] + UIText.after(back, language), Style(.accent)) }
        lines.append([])
        add(UIText.why[language] + item.explain[language])
        return GradingView(lines: lines, area: area)
    }

    // MARK: moving

    func clamp(_ scroll: Int) -> Int { min(max(0, scroll), maxScroll) }

    /// ↑↓ by a line, the pages by a screen less a line.
    func scrolled(_ scroll: Int, by command: Command) -> Int {
        switch command {
        case .up: clamp(scroll - 1)
        case .down: clamp(scroll + 1)
        case .pageUp: clamp(scroll - max(1, height - 1))
        case .pageDown: clamp(scroll + max(1, height - 1))
        default: clamp(scroll)
        }
    }

    /// The scroll that shows rubric point `point` whole (or its top when it is taller than the view).
    func reveal(point: Int, scroll: Int) -> Int {
        guard points.indices.contains(point) else { return clamp(scroll) }
        let p = points[point]
        if p.lowerBound < scroll { return clamp(p.lowerBound) }
        if p.upperBound > scroll + height { return clamp(min(p.lowerBound, p.upperBound - height)) }
        return clamp(scroll)
    }

    /// ↓ reads on until the highlighted point is in view, then moves to the next point; ↑ moves
    /// to the previous point, and above the first one scrolls back to the model answer.
    func step(cursor: Int, scroll: Int, down: Bool, count: Int) -> (cursor: Int, scroll: Int) {
        guard points.indices.contains(cursor) else { return (cursor, clamp(scroll)) }
        let p = points[cursor]
        let half = max(1, height / 2)
        if down {
            if p.upperBound > scroll + height { return (cursor, clamp(max(scroll + 1, min(scroll + half, p.upperBound - height)))) }
            guard cursor + 1 < count else { return (cursor, clamp(scroll + 1)) }
            return (cursor + 1, reveal(point: cursor + 1, scroll: scroll))
        }
        if cursor > 0 && p.lowerBound >= scroll { return (cursor - 1, reveal(point: cursor - 1, scroll: scroll)) }
        return (cursor, clamp(scroll - half))
    }

    // MARK: drawing

    func render(into grid: inout CellGrid, scroll: Int, glyphs: Glyphs) {
        let top = clamp(scroll)
        let body = Rect(x: area.x, y: area.y, width: area.width, height: height)
        Paragraph(lines: lines, scroll: top).render(into: &grid, area: body)
        let marker = Style(.accent, bold: true)
        if top > 0 { grid.put(glyphs.arrowUp, x: area.x + area.width - 1, y: body.y, style: marker) }
        if top < maxScroll { grid.put(glyphs.arrowDown, x: area.x + area.width - 1, y: body.y + body.height - 1, style: marker) }
        Paragraph(lines: pinned).render(into: &grid, area: Rect(x: area.x, y: body.y + body.height, width: area.width, height: pinned.count))
    }
}
