/// A question's memory state for spaced repetition (FSRS), and the ratings of a review.
/// Times are seconds since the Unix epoch (UTC).

public enum Rating: Int, CaseIterable, Sendable, Hashable, Codable {
    case again = 1, hard, good, easy
}

/// A card never reviewed is `learning` at step 0 with no memory state yet ("new").
public enum CardState: Int, Sendable, Hashable, Codable {
    case learning = 1, review = 2, relearning = 3
}

public struct Card: Sendable, Hashable, Codable {
    public var state: CardState = .learning
    public var step: Int? = 0
    public var stability: Double?
    public var difficulty: Double?
    public var due: Double
    public var lastReview: Double?
    public init(due: Double) { self.due = due }
    public init(state: CardState, step: Int?, stability: Double?, difficulty: Double?, due: Double, lastReview: Double?) {
        self.state = state; self.step = step; self.stability = stability; self.difficulty = difficulty
        self.due = due; self.lastReview = lastReview
    }
    public var isNew: Bool { lastReview == nil }
}


/// One answer given: what the store records for every question answered.
public struct Attempt: Sendable, Hashable, Codable {
    public var questionID: String
    public var lesson: String
    public var kind: String
    /// Seconds since the epoch.
    public var answeredAt: Double
    public var correct: Bool
    public var score: Double
    public var rating: Rating
    public var durationMS: Int
    /// What was answered, as text (for the record and export).
    public var response: String
    /// Where it was answered: "quiz", "review", "interview", "predict".
    public var source: String

    public init(questionID: String, lesson: String, kind: String, answeredAt: Double, correct: Bool, score: Double,
                rating: Rating, durationMS: Int, response: String, source: String) {
        self.questionID = questionID; self.lesson = lesson; self.kind = kind; self.answeredAt = answeredAt
        self.correct = correct; self.score = score; self.rating = rating; self.durationMS = durationMS
        self.response = response; self.source = source
    }
}
