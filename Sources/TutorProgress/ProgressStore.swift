import Foundation
import TutorCore
import TutorQuiz

/// One review as the scheduler saw it (FSRS review log).
public struct ReviewEntry: Sendable, Hashable, Codable {
    public var questionID: String
    public var rating: Rating
    public var reviewedAt: Double
    public var durationMS: Int
    public var state: CardState
    public var stability: Double?
    public var difficulty: Double?
    public var due: Double
    public init(questionID: String, rating: Rating, reviewedAt: Double, durationMS: Int, card: Card) {
        self.questionID = questionID; self.rating = rating; self.reviewedAt = reviewedAt; self.durationMS = durationMS
        state = card.state; stability = card.stability; difficulty = card.difficulty; due = card.due
    }
}

/// Everything the store holds, for `progress --export/--import` (merging is idempotent).
public struct ProgressExport: Sendable, Hashable, Codable {
    public var version = 1
    public var lessonsRead: [String: Double] = [:]
    public var lessonsOpened: [String: Double] = [:]
    public var positions: [String: Int] = [:]
    public var attempts: [Attempt] = []
    public var cards: [String: Card] = [:]
    public var reviews: [ReviewEntry] = []
    public var sceneRuns: [SceneRun] = []
    public var settings: [String: String] = [:]
    public init() {}
}

public struct SceneRun: Sendable, Hashable, Codable {
    public var scene: String
    public var at: Double
    public init(scene: String, at: Double) { self.scene = scene; self.at = at }
}

/// What the app remembers between runs. Every write is its own transaction, committed before
/// it returns: an answer given is never lost when the program is killed afterwards.
public protocol ProgressStore: AnyObject {
    func readLessons() throws -> Set<String>
    func markRead(lessonID: String, at date: Date) throws
    func markOpened(lessonID: String, at date: Date) throws
    /// The lesson opened most recently (home offers to resume it).
    func lastOpenedLesson() throws -> String?
    func setPosition(lessonID: String, block: Int) throws
    func position(lessonID: String) throws -> Int?
    func positions() throws -> [String: Int]
    /// An answer, with the card after it (nil: not scheduled, e.g. a prediction in the player).
    func record(_ attempt: Attempt, card: Card?) throws
    func cards() throws -> [String: Card]
    func attempts() throws -> [Attempt]
    func reviews() throws -> [ReviewEntry]
    /// How many questions had their first review at or after `t` (new cards started today).
    func newCardsStarted(since t: Double) throws -> Int
    /// The dashboard's figures from answers and reviews (`Dashboard.Activity`); by default
    /// computed from every row (`activityFromAllRows`), by SQL in the SQLite store.
    func dashboardActivity(now: Double, utcOffset: Double) throws -> Dashboard.Activity
    /// How many answers are stored (by default `attempts().count`).
    func answerCount() throws -> Int
    func recordSceneRun(scene: String, at date: Date) throws
    func settings() throws -> ProgressSettings
    func save(_ settings: ProgressSettings) throws
    func export() throws -> ProgressExport
    /// Adds what is not there yet (same attempt or review: same question and time).
    func merge(_ data: ProgressExport) throws
    /// Deletes everything (only `nettutor reset --yes` calls it).
    func reset() throws
}

public enum ProgressError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case locked(path: String)
    case failed(String)
    case readOnly(path: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open the progress database at \(path): \(reason)"
        case .locked(let path): "the progress database at \(path) is locked by another process; try again when it exits"
        case .failed(let reason): "progress database error: \(reason)"
        case .readOnly(let path): "the data folder \((path as NSString).deletingLastPathComponent) is not writable"
        }
    }
}

extension ProgressExport {
    /// `other` merged into this one: what is new is added; cards keep the most recent review.
    mutating func merge(_ other: ProgressExport) {
        for (k, v) in other.lessonsRead { lessonsRead[k] = min(lessonsRead[k] ?? v, v) }
        for (k, v) in other.lessonsOpened { lessonsOpened[k] = min(lessonsOpened[k] ?? v, v) }
        for (k, v) in other.positions where positions[k] == nil { positions[k] = v }
        let seenAttempts = Set(attempts.map { "\($0.questionID)@\($0.answeredAt)" })
        attempts += other.attempts.filter { !seenAttempts.contains("\($0.questionID)@\($0.answeredAt)") }
        attempts.sort { $0.answeredAt < $1.answeredAt }
        let seenReviews = Set(reviews.map { "\($0.questionID)@\($0.reviewedAt)" })
        reviews += other.reviews.filter { !seenReviews.contains("\($0.questionID)@\($0.reviewedAt)") }
        reviews.sort { $0.reviewedAt < $1.reviewedAt }
        for (k, c) in other.cards where (cards[k]?.lastReview ?? -1) < (c.lastReview ?? -1) { cards[k] = c }
        let seenRuns = Set(sceneRuns)
        sceneRuns += other.sceneRuns.filter { !seenRuns.contains($0) }
        for (k, v) in other.settings where settings[k] == nil { settings[k] = v }
    }
}
