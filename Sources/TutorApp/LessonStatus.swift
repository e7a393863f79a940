import TutorCore

/// Where the learner is with a lesson, from the progress the app loaded at start-up: how far
/// it was read (its saved block over its block count) and its quiz cards (answered, due now).
enum LessonStatus {
    /// Percent read of a started, unfinished lesson; nil when not started or read to the end.
    static func percentRead(_ id: String, _ ctx: AppContext) -> Int? {
        guard !ctx.readLessons.contains(id), let block = ctx.positions[id], block > 0,
              let meta = ctx.catalog.meta(id: id, language: ctx.language), meta.blockCount > 0 else { return nil }
        return min(99, max(1, block * 100 / meta.blockCount))
    }

    /// Questions of the lesson answered at least once, and those of them due now. A
    /// question's id starts with its lesson's (`check` enforces it).
    static func quiz(_ id: String, _ ctx: AppContext) -> (answered: Int, due: Int) {
        let cards = ctx.cards.filter { $0.key.hasPrefix(id + "/") }.values
        return (cards.count, cards.filter { $0.due <= ctx.now }.count)
    }

    /// The list row's column: "40%  퀴즈 3  복습 1", each part only when there is something.
    static func short(_ id: String, _ ctx: AppContext) -> String {
        let q = quiz(id, ctx)
        var parts: [String] = []
        if let p = percentRead(id, ctx) { parts.append("\(p)%") }
        if q.answered > 0 { parts.append(UIText.quizAnsweredShort(q.answered)[ctx.language]) }
        if q.due > 0 { parts.append(UIText.quizDueShort(q.due)[ctx.language]) }
        return parts.joined(separator: "  ")
    }

    /// The detail box's sentence, nil when nothing was done yet.
    static func long(_ id: String, _ ctx: AppContext) -> String? {
        let q = quiz(id, ctx), percent = percentRead(id, ctx)
        guard percent != nil || q.answered > 0 else { return nil }
        return UIText.lessonProgress(percent: percent, answered: q.answered, due: q.due)[ctx.language]
    }
}
