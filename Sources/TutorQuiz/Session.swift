import NetSim
import TutorCore

/// One question as asked: generated questions carry the concrete instance made from the seed.
public struct QuizItem: Sendable, Hashable {
    public var question: Question
    public var seed: UInt64
    public var generated: GeneratedQuestion?

    public init(_ question: Question, seed: UInt64) {
        self.question = question; self.seed = seed
        if case .generated(let name) = question.answer { generated = QuestionGenerators.make(name, seed: seed) }
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

    /// A lesson's quiz: every question, in the file's order.
    public static func lesson(_ bank: QuizBank, day: Int) -> QuizSession {
        QuizSession(mode: .lesson(bank.lesson), items: bank.questions.map { QuizItem($0, seed: seed($0.id, day: day)) })
    }

    /// Daily review: cards due now (most overdue first), then up to `newPerDay` new questions
    /// (fewer if some were already started today), in lesson order.
    public static func review(_ questions: [Question], cards: [String: Card], now: Double, newPerDay: Int = 10,
                              newStartedToday: Int = 0, day: Int) -> QuizSession {
        let due = questions.filter { q in cards[q.id].map { $0.due <= now } ?? false }
            .sorted { cards[$0.id]!.due < cards[$1.id]!.due }
        let fresh = questions.filter { cards[$0.id] == nil }.prefix(max(0, newPerDay - newStartedToday))
        return QuizSession(mode: .review, items: (due + fresh).map { QuizItem($0, seed: seed($0.id, day: day)) })
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
}
