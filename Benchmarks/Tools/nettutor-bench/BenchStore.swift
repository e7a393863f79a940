import Foundation
import NetSim
import TutorContent
import TutorCore
import TutorProgress
import TutorQuiz

/// `nettutor-bench store --data-dir DIR [--rows N] [--content DIR] [--keep]`: a store with many
/// review-log rows, and what a day's scheduling and the dashboard cost on it. The store is
/// written in one transaction (`merge`) into a fresh `DIR/progress.sqlite`; with `--keep` it is
/// left there for `nettutor progress --json --data-dir DIR`, else removed.
enum BenchStore {
    static func run(_ args: Arguments) throws {
        do {
            let rows = args.int("rows", 100_000)
            guard let library = args.library(), let dataDir = args.value("data-dir") else { throw BenchError("bench store needs --data-dir and the content") }
            let path = dataDir + "/progress.sqlite"
            for suffix in ["", "-wal", "-shm", ".checked"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            let keep = args.flag("keep")
            try fillAndMeasure(path: path, rows: rows, library: library)
            // Removed after the store is closed (its last act stamps the file as checked).
            if !keep { for suffix in ["", "-wal", "-shm", ".checked"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        } catch let e as BenchError { FileHandle.standardError.write((e.message + "\n").data(using: .utf8)!); exit(2) }
    }

    static func fillAndMeasure(path: String, rows: Int, library: ContentLibrary) throws {
        do {
            let (banks, _) = library.loadQuizzes()
            let questions = banks.flatMap(\.questions)
            var writer: SQLiteProgressStore? = try SQLiteProgressStore(path: path)
            let clock = ContinuousClock()
            func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
            // A year of history: every question reviewed again and again with the real scheduler.
            var data = ProgressExport()
            let fsrs = FSRS()
            var rng = SeededRandom(seed: 7)
            let start = Date().timeIntervalSince1970 - 365 * 86_400
            var cards: [String: Card] = [:]
            let fill = clock.measure {
                for i in 0..<rows {
                    let q = questions[i % questions.count]
                    let t = start + Double(i) * (365 * 86_400 / Double(rows))
                    let r = rng.next() % 10
                    let rating: Rating = r < 1 ? .again : r < 2 ? .hard : r < 9 ? .good : .easy
                    let card = fsrs.review(cards[q.id] ?? Card(due: t), rating: rating, at: t)
                    cards[q.id] = card
                    data.attempts.append(Attempt(questionID: q.id, lesson: q.lesson, kind: q.kind.rawValue, answeredAt: t, correct: rating != .again,
                                                 score: rating == .again ? 0 : 1, rating: rating, durationMS: 8000, response: "", source: "review"))
                    data.reviews.append(ReviewEntry(questionID: q.id, rating: rating, reviewedAt: t, durationMS: 8000, card: card))
                }
                data.cards = cards
            }
            var failure: Error?
            let write = clock.measure { do { try writer?.merge(data) } catch { failure = error } }
            if let failure { throw BenchError("cannot write the store: \(failure)") }
            // Closed and opened again, as the next run of nettutor finds it (the WAL checkpointed).
            writer = nil
            let store = try SQLiteProgressStore(path: path)
            let now = Date().timeIntervalSince1970
            var session: QuizSession?
            let schedule = clock.measure {
                session = try? store.session(.review(lesson: nil), banks: banks, newPerDay: 10, now: now, utcOffset: 0)
            }
            var dash: DashboardData?
            // The content is loaded outside the timing: the dashboard's own cost is the store's.
            let catalog = library.loadCatalog().0, refs = questions.map { ($0.id, $0.lesson) }
            let dashboard = clock.measure { dash = try? store.dashboard(catalog: catalog, questions: refs, now: now, utcOffset: 0) }
            // Again with the database's pages in memory: what each later call costs.
            let warm = clock.measure { dash = try? store.dashboard(catalog: catalog, questions: refs, now: now, utcOffset: 0) }
            print(String(format: "store with %d answers (and as many review-log rows): generated in %.0f ms, written in %.0f ms (one transaction)",
                         try store.answerCount(), ms(fill), ms(write)))
            print(String(format: "a day's review session (%d questions) scheduled in %.1f ms; dashboard computed in %.1f ms, %.1f ms warm (%d answers)",
                         session?.items.count ?? 0, ms(schedule), ms(dashboard), ms(warm), dash?.answered ?? 0))
        } catch let e as BenchError { FileHandle.standardError.write((e.message + "\n").data(using: .utf8)!); exit(2) }
    }
}
