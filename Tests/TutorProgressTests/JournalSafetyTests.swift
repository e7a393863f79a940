import Foundation
import GRDB
import Testing
import TutorCore
@testable import TutorProgress

/// Adversarial QA on the journal (issue 15b): a link planted in the data folder never makes the
/// program write or truncate outside it, and a hostile journal line never reaches the database.
@Suite("Answer journal safety")
struct JournalSafetyTests {
    static let t0 = 1_750_000_000.0

    static func setUp(linkTo target: String?) throws -> (db: String, journal: String, outside: String) {
        let db = tempPath(), dir = (db as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let outside = dir + "-outside.txt"
        let journal = dir + "/" + AnswerJournal.fileName
        if let target { try target.write(toFile: outside, atomically: false, encoding: .utf8); symlink(outside, journal) }
        return (db, journal, outside)
    }

    @Test("A journal that is a symlink is never appended to: the answer stays in memory, not saved")
    func appendRefusesLink() throws {
        let (db, _, outside) = try Self.setUp(linkTo: "")
        _ = try SQLiteProgressStore(path: db)
        let other = try JournalTests.lock(db)
        let (store, _) = try ProgressFiles.open(path: db, busyTimeout: 0.05)
        try store.record(attempt("q/1", at: Self.t0), card: nil)
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "")
        #expect(store.saving == .notSaved)
        #expect(try store.attempts().count == 1)
        try other.inDatabase { try $0.execute(sql: "ROLLBACK") }
    }

    @Test("A journal that is a symlink is never truncated, at open nor by reset")
    func clearRefusesLink() throws {
        let (db, journal, outside) = try Self.setUp(linkTo: "")
        // As long as the link's own text: the old size check (lstat) matched and truncate followed.
        let precious = String(repeating: "p", count: outside.utf8.count - 1) + "\n"
        try precious.write(toFile: outside, atomically: false, encoding: .utf8)
        let (store, _) = try ProgressFiles.open(path: db)
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == precious)
        try store.reset()
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == precious)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: journal)) == outside)
    }

    @Test("A FIFO as the quick_check stamp does not block opening")
    func stampFIFO() throws {
        let (db, _, _) = try Self.setUp(linkTo: nil)
        _ = try SQLiteProgressStore(path: db)
        #expect(mkfifo(StoreRepair.stampPath(db), 0o600) == 0)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread { _ = try? ProgressFiles.open(path: db); done.signal() }
        #expect(done.wait(timeout: .now() + 5) == .success)
    }

    @Test("Journal lines with impossible values or escape sequences are skipped and counted; the export still imports")
    func hostileLines() throws {
        let (db, journal, _) = try Self.setUp(linkTo: nil)
        _ = try SQLiteProgressStore(path: db)
        let good = #"{"attempt":{"questionID":"q/1","lesson":"q","kind":"choice","answeredAt":1750000000,"correct":true,"score":1,"rating":3,"durationMS":10,"response":"0","source":"quiz"}}"#
        let card = #""card":{"state":2,"step":1,"stability":2,"difficulty":5,"due":1750000600,"lastReview":1750000000}"#
        var bad = [good.replacingOccurrences(of: "1750000000", with: "1e300"),
                   good.replacingOccurrences(of: #""q/1""#, with: #""x\u001b]0;PWN\u0007""#),
                   good.replacingOccurrences(of: #""lesson":"q""#, with: #""lesson":"x\u009b2J""#)]
        for (field, value) in [("due", "1e308"), ("lastReview", "1e300"), ("stability", "1e308"), ("step", "\(Int.max)")] {
            let c = card.replacingOccurrences(of: #"(?<="\#(field)":)[0-9]+"#, with: value, options: .regularExpression)
            bad.append(good.replacingOccurrences(of: "}}", with: "}," + c + "}"))
        }
        let goodWithCard = good.replacingOccurrences(of: "q/1", with: "q/2").replacingOccurrences(of: "}}", with: "}," + card + "}")
        try ([good, goodWithCard] + bad).joined(separator: "\n").appending("\n").write(toFile: journal, atomically: false, encoding: .utf8)
        let (store, notice) = try ProgressFiles.open(path: db)
        #expect(try store.base.attempts().map(\.questionID) == ["q/1", "q/2"])
        #expect(try store.base.cards().count == 1)
        #expect(notice == .journalSkipped(bad.count))
        #expect(notice?.description == "7 unreadable answers in the journal were skipped (dropped once the others are saved)")
        #expect(AnswerJournal(path: journal).read().size == 0)
        #expect(try ProgressImport.decode(ProgressFiles.exportData(store)).attempts.count == 2)
    }
}
