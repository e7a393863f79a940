import Foundation
import Testing
import TutorCore
import TutorQuiz
@testable import TutorProgress

/// Hostile `progress --import` files (issue 15): each impossible value is named and nothing is
/// written; a bad value already stored never crashes a quiz.
@Suite("Import validation")
struct ImportValidationTests {
    static let t = 1_750_000_000.0

    static func export(_ edit: (inout ProgressExport) -> Void) -> Data {
        var e = ProgressExport()
        e.attempts = [Attempt(questionID: "tcp-vs-udp/netflix", lesson: "tcp-vs-udp", kind: "choice", answeredAt: t, correct: true, score: 1,
                              rating: .good, durationMS: 1200, response: "1", source: "quiz")]
        e.cards = ["tcp-vs-udp/netflix": Card(state: .learning, step: 1, stability: 2.3, difficulty: 5, due: t + 600, lastReview: t)]
        e.settings = ["new_per_day": "10"]
        edit(&e)
        return try! JSONEncoder().encode(e)
    }

    @Test("A valid export decodes")
    func valid() throws {
        #expect(try ProgressImport.decode(Self.export { _ in }).attempts.count == 1)
    }

    @Test("Each impossible value is rejected, naming the record and the field", arguments: [
        ("answeredAt", "attempts[0]"), ("stability", "cards[\"tcp-vs-udp/netflix\"]"), ("value", "settings[\"new_per_day\"]"),
    ])
    func rejected(field: String, record: String) throws {
        let data = Self.export { e in
            switch field {
            case "answeredAt": e.attempts[0].answeredAt = 1e300
            case "stability": e.cards["tcp-vs-udp/netflix"]!.stability = 1e308
            default: e.settings["new_per_day"] = "-5"
            }
        }
        #expect { _ = try ProgressImport.decode(data) } throws: { error in
            guard let e = error as? ProgressImport.Invalid else { return false }
            return e.field == field && e.record.hasPrefix(record)
        }
    }

    @Test("A file that is not an export is one plain sentence naming where, without Foundation's wording")
    func notAnExportMessages() {
        func message(_ text: String) -> String {
            do { _ = try ProgressImport.decode(Data(text.utf8)); return "decoded" } catch { return "\(error)" }
        }
        #expect(message("not json") == "the file is not valid JSON; nothing was imported")
        #expect(message("{}") == "the file lacks the field \"version\"; nothing was imported")
        #expect(message(#"{"version": "1"}"#) == "version is not a number; nothing was imported")
        for text in ["not json", "{}", #"{"version": "1"}"#, "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["] {
            #expect(!message(text).contains("given data") && !message(text).contains("Expected to decode"), "\(text)")
        }
    }

    @Test("A rejected file changes nothing in the store")
    func nothingWritten() throws {
        let path = tempPath()
        let store = try SQLiteProgressStore(path: path)
        let file = (path as NSString).deletingLastPathComponent + "/bad.json"
        try Self.export { $0.attempts[0].answeredAt = 1e300 }.write(to: URL(fileURLWithPath: file))
        #expect(throws: ProgressFiles.FileError.self) { _ = try ProgressFiles.importExport(from: file, into: store) }
        #expect(try store.attempts().isEmpty && store.cards().isEmpty)
    }

    @Test("A bad card already stored is started again, not a crash; a bad setting row is the default")
    func badStoredValues() throws {
        let store = try SQLiteProgressStore(path: tempPath())
        let a = Attempt(questionID: "q/1", lesson: "q", kind: "choice", answeredAt: Self.t, correct: true, score: 1, rating: .good,
                        durationMS: 1, response: "1", source: "quiz")
        try store.record(a, card: Card(state: .review, step: nil, stability: 1e308, difficulty: 5, due: Self.t, lastReview: Self.t - 86_400))
        var later = a; later.answeredAt += 86_400 * 3
        let card = try store.record(later, scheduling: FSRS())
        #expect(card?.stability.map { $0 < 100 } == true)
        #expect(FSRS().nextInterval(1e308) == FSRS().maximumInterval)
        #expect(ProgressSettings(rows: ["new_per_day": "-5", "desired_retention": "7"]) == ProgressSettings())
    }
}
