import NetSim
import TutorCore

/// One question as asked: generated questions carry the concrete instance made from the seed,
/// choice and multi questions the order their options are shown in.
public struct QuizItem: Sendable, Hashable {
    public var question: Question
    public var seed: UInt64
    public var generated: GeneratedQuestion?
    /// choice and multi: the authored index of the option at each shown position. Responses
    /// and records name options as authored; only the screen and the plain quiz see positions.
    public var choiceOrder: [Int] = []

    /// `presentation` tells this showing of the question from the last one (the card's last
    /// review time): the options are shuffled anew each time the card comes back.
    public init(_ question: Question, seed: UInt64, presentation: Double? = nil) {
        self.question = question; self.seed = seed
        if case .generated(let name) = question.answer { generated = QuestionGenerators.make(name, seed: seed) }
        if case .choices(let choices) = question.answer {
            choiceOrder = AnswerInput.shownChoices(count: choices.count, seed: Self.shuffleSeed(question.id, presentation: presentation))
        }
    }

    /// The seed of the options' order: the question and when its card was last reviewed.
    public static func shuffleSeed(_ id: String, presentation: Double?) -> UInt64 {
        QuizSession.seed(id, day: 0, salt: presentation.map { $0.bitPattern } ?? 0x5EED)
    }

    /// The options in the order shown (each keeps its `why`).
    public var shownChoices: [Choice] {
        guard case .choices(let choices) = question.answer else { return [] }
        return choiceOrder.map { choices[$0] }
    }

    public var prompt: Localized { generated?.prompt ?? question.prompt }
    public var explain: Localized { generated?.explain ?? question.explain }
}

public enum SessionMode: Sendable, Hashable {
    case lesson(String), review, interview
    public var source: String {
        switch self { case .lesson: "quiz"; case .review: "review"; case .interview: "interview" }
    }
}

/// A quiz session: the questions in the order they are asked and the grades so far.
public struct QuizSession: Sendable, Hashable {
    public var mode: SessionMode
    public var items: [QuizItem]
    public var grades: [Grade] = []
    /// The learner's scheduler (desired retention), for the intervals shown before and after rating.
    public var scheduler = FSRS()
    /// Seconds each interview question may take (the countdown).
    public static let interviewSeconds = 120.0

    public init(mode: SessionMode, items: [QuizItem]) { self.mode = mode; self.items = items }

    public var index: Int { grades.count }
    public var current: QuizItem? { index < items.count ? items[index] : nil }
    public var isFinished: Bool { index >= items.count }
    public var correctCount: Int { grades.filter(\.correct).count }

    /// A seed per question and day, so a generated question changes from review to review.
    public static func seed(_ id: String, day: Int, salt: UInt64 = 0) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h ^ (UInt64(bitPattern: Int64(day)) &* 0x9E37_79B9_7F4A_7C15) ^ salt
    }

    static func item(_ q: Question, day: Int, cards: [String: Card]) -> QuizItem {
        QuizItem(q, seed: seed(q.id, day: day), presentation: cards[q.id]?.lastReview)
    }

    /// A lesson's quiz: every question, in the file's order (`cards` reshuffle the options).
    public static func lesson(_ bank: QuizBank, day: Int, cards: [String: Card] = [:]) -> QuizSession {
        QuizSession(mode: .lesson(bank.lesson), items: bank.questions.map { item($0, day: day, cards: cards) })
    }

    /// Daily review: cards due now (most overdue first), then up to `newPerDay` new questions
    /// (fewer if some were already started today): those of lessons already read first, each
    /// group in curriculum order (`lessonOrder`, the catalog's reading order), file order within
    /// a lesson. Lessons missing from `lessonOrder` come last, in the order given.
    public static func review(_ questions: [Question], cards: [String: Card], now: Double, newPerDay: Int = 10,
                              newStartedToday: Int = 0, day: Int, lessonOrder: [String] = [], readLessons: Set<String> = []) -> QuizSession {
        let due = questions.filter { q in cards[q.id].map { $0.due <= now } ?? false }
            .sorted { cards[$0.id]!.due < cards[$1.id]!.due }
        let rank = Dictionary(lessonOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let fresh = questions.enumerated().filter { cards[$0.element.id] == nil }
            .sorted { a, b in
                let ka = (readLessons.contains(a.element.lesson) ? 0 : 1, rank[a.element.lesson] ?? Int.max, a.offset)
                let kb = (readLessons.contains(b.element.lesson) ? 0 : 1, rank[b.element.lesson] ?? Int.max, b.offset)
                return ka < kb
            }
            .map(\.element).prefix(max(0, newPerDay - newStartedToday))
        return QuizSession(mode: .review, items: (due + fresh).map { item($0, day: day, cards: cards) })
    }

    /// Interview mode: `count` open questions drawn across lessons (seeded), with a countdown each.
    public static func interview(_ questions: [Question], count: Int = 5, seed s: UInt64) -> QuizSession {
        var rng = SeededRandom(seed: s)
        let open = questions.filter { $0.kind == .open }.shuffled(using: &rng)
        return QuizSession(mode: .interview, items: open.prefix(count).map { QuizItem($0, seed: seed($0.id, day: 0, salt: s)) })
    }

    /// Grades the current question and moves on.
    public mutating func answer(_ response: Response) -> Grade {
        guard let item = current else { return Grader.grade(items.last!.question, .skipped) }
        let g = Grader.grade(item.question, response, generated: item.generated)
        grades.append(g)
        return g
    }
}

public enum Scheduling {
    /// The card after answering: a question never seen starts as a new card.
    public static func next(_ card: Card?, rating: Rating, at t: Double, fsrs: FSRS = FSRS()) -> Card {
        fsrs.review(card ?? Card(due: t), rating: rating, at: t)
    }

    /// Seconds until the card comes back for each rating, were it given at `t` (what the
    /// rating keys show before one is pressed, as Anki does).
    public static func intervals(_ card: Card?, at t: Double, fsrs: FSRS = FSRS()) -> [Rating: Double] {
        Dictionary(uniqueKeysWithValues: Rating.allCases.map { ($0, next(card, rating: $0, at: t, fsrs: fsrs).due - t) })
    }
}
