import Foundation
import TutorCore
import TutorQuiz

/// Whether answers reach the disk (the app's footer says which).
public enum Saving: Sendable, Equatable { case saved, savingLater, notSaved }

/// The store the app and the commands use: the database, with answers it cannot take right
/// now (another process holds a lock, the disk is full) kept in an `AnswerJournal` and written
/// in the background, oldest first. Replaying is idempotent (an attempt is unique by question
/// and time; a card only moves forward), so a journal replayed twice counts nothing twice.
public final class JournaledStore: ProgressStore, @unchecked Sendable {
    private var current: ProgressStore
    /// Opens the database for writing when `current` could only read it (nil: it can write).
    private var reopen: (() -> ProgressStore?)?
    let journal: AnswerJournal?
    private let lock = NSLock()
    private var pending: [AnswerJournal.Entry] = []
    private var journalFailed = false
    private var flushing = false
    private var retryScheduled = false
    /// Journal lines found unreadable or invalid at open (dropped when the journal is emptied).
    public private(set) var skippedAtOpen = 0
    /// Seconds between background retries.
    let retryInterval: Double

    /// Reads the journal left by an earlier run and writes it into `base` if it can.
    public init(base: ProgressStore, journalPath: String?, retryInterval: Double = 1, reopen: (() -> ProgressStore?)? = nil) {
        current = base; self.reopen = reopen; self.retryInterval = retryInterval
        journal = journalPath.map(AnswerJournal.init)
        let read = journal?.read()
        pending = read?.entries ?? []; skippedAtOpen = read?.skipped ?? 0
        flush()
    }

    public var saving: Saving {
        lock.lock(); defer { lock.unlock() }
        return journalFailed ? .notSaved : pending.isEmpty && reopen == nil ? .saved : .savingLater
    }

    /// The database as opened now.
    public var base: ProgressStore { lock.lock(); defer { lock.unlock() }; return current }

    /// Answers not yet in the database.
    public var pendingCount: Int { lock.lock(); defer { lock.unlock() }; return pending.count }

    /// Writes what waits into the database; true when nothing is left waiting.
    @discardableResult
    public func flush() -> Bool {
        lock.lock()
        guard !flushing else { lock.unlock(); return false }
        flushing = true
        let opener = reopen
        lock.unlock()
        // Opening and writing happen outside the lock, so an answer given meanwhile never waits
        // for them: it goes to the journal (`record` sees `flushing`).
        var writable: ProgressStore?
        if let opener {
            guard let opened = opener() else {
                lock.lock(); flushing = false; scheduleRetry(); lock.unlock()
                return false
            }
            writable = opened
        }
        lock.lock()
        if let writable { current = writable; reopen = nil }
        let batch = pending, base = current
        lock.unlock()
        var done = 0
        for entry in batch {
            do { try base.record(entry.attempt, card: entry.card); done += 1 } catch { break }
        }
        lock.lock(); defer { lock.unlock() }
        flushing = false
        pending.removeFirst(done)
        if pending.isEmpty {
            // Emptied only when the file holds just what was written (a line added meanwhile waits).
            if let journal { let size = journal.read().size; if done == batch.count { journal.clear(ifSize: size) } }
            journalFailed = false
            return true
        }
        scheduleRetry()
        return false
    }

    private func scheduleRetry() {  // under the lock
        guard !retryScheduled else { return }
        retryScheduled = true
        DispatchQueue.global().asyncAfter(deadline: .now() + retryInterval) { [weak self] in
            guard let self else { return }
            self.lock.lock(); self.retryScheduled = false; self.lock.unlock()
            self.flush()
        }
    }

    /// Never throws for a busy or failing database: the answer waits in the journal (or, when
    /// even that cannot be written, in memory, and `saving` says so).
    public func record(_ attempt: Attempt, card: Card?) throws {
        lock.lock(); defer { lock.unlock() }
        if pending.isEmpty && !flushing && reopen == nil, (try? current.record(attempt, card: card)) != nil { return }
        let entry = AnswerJournal.Entry(attempt: attempt, card: card)
        do {
            guard let journal else { throw AnswerJournal.WriteError.cannotWrite("no journal") }
            try journal.append(entry)
        } catch { journalFailed = true }
        pending.append(entry)
        scheduleRetry()
    }

    public func cards() throws -> [String: Card] {
        var out = try base.cards()
        for e in snapshot() { if let c = e.card, (out[e.attempt.questionID]?.lastReview ?? -.infinity) <= (c.lastReview ?? -.infinity) { out[e.attempt.questionID] = c } }
        return out
    }

    public func attempts() throws -> [Attempt] {
        let stored = try base.attempts()
        let seen = Set(stored.map { "\($0.questionID)@\($0.answeredAt)" })
        return (stored + snapshot().map(\.attempt).filter { !seen.contains("\($0.questionID)@\($0.answeredAt)") }).sorted { $0.answeredAt < $1.answeredAt }
    }

    public func reviews() throws -> [ReviewEntry] {
        let stored = try base.reviews()
        let seen = Set(stored.map { "\($0.questionID)@\($0.reviewedAt)" })
        let waiting = snapshot().compactMap { e in
            e.card.map { ReviewEntry(questionID: e.attempt.questionID, rating: e.attempt.rating, reviewedAt: e.attempt.answeredAt, durationMS: e.attempt.durationMS, card: $0) }
        }
        return (stored + waiting.filter { !seen.contains("\($0.questionID)@\($0.reviewedAt)") }).sorted { $0.reviewedAt < $1.reviewedAt }
    }

    private func snapshot() -> [AnswerJournal.Entry] { lock.lock(); defer { lock.unlock() }; return pending }

    public func readLessons() throws -> Set<String> { try base.readLessons() }
    public func markRead(lessonID: String, at date: Date) throws { try base.markRead(lessonID: lessonID, at: date) }
    public func markOpened(lessonID: String, at date: Date) throws { try base.markOpened(lessonID: lessonID, at: date) }
    public func lastOpenedLesson() throws -> String? { try base.lastOpenedLesson() }
    public func setPosition(lessonID: String, block: Int) throws { try base.setPosition(lessonID: lessonID, block: block) }
    public func position(lessonID: String) throws -> Int? { try base.position(lessonID: lessonID) }
    public func positions() throws -> [String: Int] { try base.positions() }
    public func newCardsStarted(since t: Double) throws -> Int { try base.newCardsStarted(since: t) }
    /// The database's SQL while nothing waits; with answers waiting, computed over both.
    public func dashboardActivity(now: Double, utcOffset: Double) throws -> Dashboard.Activity {
        snapshot().isEmpty ? try base.dashboardActivity(now: now, utcOffset: utcOffset) : try activityFromAllRows(now: now, utcOffset: utcOffset)
    }
    public func answerCount() throws -> Int { snapshot().isEmpty ? try base.answerCount() : try attempts().count }
    public func recordSceneRun(scene: String, at date: Date) throws { try base.recordSceneRun(scene: scene, at: date) }
    public func settings() throws -> ProgressSettings { try base.settings() }
    public func save(_ settings: ProgressSettings) throws { try base.save(settings) }
    public func export() throws -> ProgressExport {
        var e = try base.export()
        e.attempts = try attempts(); e.cards = try cards(); e.reviews = try reviews()
        return e
    }
    public func merge(_ data: ProgressExport) throws { try base.merge(data) }
    /// Forgets what waits too: `reset --yes` deletes everything.
    public func reset() throws {
        try base.reset()
        lock.lock(); defer { lock.unlock() }
        pending = []
        if let journal { journal.clear(ifSize: journal.read().size) }
    }
}
