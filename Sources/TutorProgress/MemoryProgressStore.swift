import Foundation
import TutorCore

/// The in-memory store: same contract, for tests and for when the database cannot be used.
public final class MemoryProgressStore: ProgressStore, @unchecked Sendable {
    private var data = ProgressExport()
    public init() {}
    public func readLessons() throws -> Set<String> { Set(data.lessonsRead.keys) }
    public func markRead(lessonID: String, at date: Date) throws {
        if data.lessonsRead[lessonID] == nil { data.lessonsRead[lessonID] = date.timeIntervalSince1970 }
    }
    public func markOpened(lessonID: String, at date: Date) throws {
        if data.lessonsOpened[lessonID] == nil { data.lessonsOpened[lessonID] = date.timeIntervalSince1970 }
        lastOpened = lessonID
    }
    /// The export keeps first opens only; the last one is kept beside it.
    private var lastOpened: String?
    public func lastOpenedLesson() throws -> String? { lastOpened }
    public func setPosition(lessonID: String, block: Int) throws { data.positions[lessonID] = block }
    public func position(lessonID: String) throws -> Int? { data.positions[lessonID] }
    public func positions() throws -> [String: Int] { data.positions }
    public func record(_ attempt: Attempt, card: Card?) throws {
        data.attempts.append(attempt)
        if let card {
            data.cards[attempt.questionID] = card
            data.reviews.append(ReviewEntry(questionID: attempt.questionID, rating: attempt.rating, reviewedAt: attempt.answeredAt,
                                            durationMS: attempt.durationMS, card: card))
        }
    }
    public func cards() throws -> [String: Card] { data.cards }
    public func attempts() throws -> [Attempt] { data.attempts }
    public func reviews() throws -> [ReviewEntry] { data.reviews }
    public func newCardsStarted(since t: Double) throws -> Int {
        Dictionary(grouping: data.reviews, by: \.questionID).values.filter { $0.map(\.reviewedAt).min()! >= t }.count
    }
    public func recordSceneRun(scene: String, at date: Date) throws { data.sceneRuns.append(SceneRun(scene: scene, at: date.timeIntervalSince1970)) }
    public func settings() throws -> ProgressSettings { ProgressSettings(rows: data.settings) }
    public func save(_ settings: ProgressSettings) throws { data.settings.merge(settings.rows) { $1 } }
    public func export() throws -> ProgressExport { data }
    public func merge(_ other: ProgressExport) throws { data.merge(other) }
    public func reset() throws { data = ProgressExport(); lastOpened = nil }
}
