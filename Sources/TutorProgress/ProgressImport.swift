import Foundation
import TutorCore
import TutorQuiz

/// `progress --import` as a pure function: the file's text to a validated export or an error
/// naming the field and the record. An impossible value (a date in the year 10^292, a stability
/// of 1e308, `new_per_day: "-5"`) would crash or wedge later readers, so the whole file is
/// rejected before anything is written. The fuzz target calls `decode` too.
public enum ProgressImport {
    public struct Invalid: Error, CustomStringConvertible, Equatable {
        /// Where: `attempts[3] (tcp-vs-udp/netflix)`.
        public var record: String
        public var field: String
        public var reason: String
        public var description: String { (field.isEmpty ? "\(record) " : "\(record): \(field) ") + "\(reason); nothing was imported" }
    }

    /// Dates a record may carry: 2000-01-01 to 2100-01-01 (UTC).
    public static let dates = 946_684_800.0...4_102_444_800.0
    /// A due date may lie one maximum interval (36,500 days) beyond the last date.
    public static let dueDates = dates.lowerBound...(dates.upperBound + 36_500 * 86_400)
    public static let stabilities = 0.001...1_000_000.0
    public static let difficulties = 1.0...10.0

    /// The text of an export, decoded and checked.
    public static func decode(_ data: Data) throws -> ProgressExport {
        let e: ProgressExport
        do { e = try JSONDecoder().decode(ProgressExport.self, from: data) } catch let d as DecodingError {
            throw describe(d)
        } catch {
            throw Invalid(record: "the file", field: "", reason: "cannot be read as JSON")
        }
        try validate(e)
        return e
    }

    public static func validate(_ e: ProgressExport) throws {
        guard e.version == 1 else { throw Invalid(record: "file", field: "version", reason: "is \(e.version), not 1") }
        for (id, t) in e.lessonsRead { try check(id: id, "lessonsRead[\(quoted(id))]"); try date(t, "lessonsRead[\(quoted(id))]", "date") }
        for (id, t) in e.lessonsOpened { try check(id: id, "lessonsOpened[\(quoted(id))]"); try date(t, "lessonsOpened[\(quoted(id))]", "date") }
        for (id, p) in e.positions {
            try check(id: id, "positions[\(quoted(id))]")
            guard (0...1_000_000).contains(p) else { throw Invalid(record: "positions[\(quoted(id))]", field: "position", reason: "is \(p), not 0 to 1000000") }
        }
        for (i, a) in e.attempts.enumerated() { try attempt(a, "attempts[\(i)] (\(quoted(a.questionID)))") }
        for (id, c) in e.cards {
            let r = "cards[\(quoted(id))]"
            try check(id: id, r)
            try card(c, r)
        }
        for (i, v) in e.reviews.enumerated() {
            let r = "reviews[\(i)] (\(quoted(v.questionID)))"
            try check(id: v.questionID, r)
            try date(v.reviewedAt, r, "reviewedAt")
            guard (0...86_400_000).contains(v.durationMS) else { throw Invalid(record: r, field: "durationMS", reason: "is \(v.durationMS), not 0 to 86400000") }
            try memory(v.stability, v.difficulty, r)
            try range(v.due, dueDates, r, "due")
        }
        for (i, s) in e.sceneRuns.enumerated() {
            let r = "sceneRuns[\(i)] (\(quoted(s.scene)))"
            try check(id: s.scene, r, field: "scene"); try date(s.at, r, "at")
        }
        for (k, v) in e.settings { try setting(k, v) }
    }

    /// A stored card fit for the scheduler (the import check and the quiz's guard agree).
    public static func isUsable(_ c: Card) -> Bool { (try? card(c, "")) != nil }

    /// A journal line passes the same checks as an imported attempt and card (`AnswerJournal.read`).
    public static func isUsable(_ e: AnswerJournal.Entry) -> Bool {
        (try? attempt(e.attempt, "")) != nil && (e.card.map(isUsable) ?? true)
    }

    /// The response is free text: any character is kept (`JSONText` escapes what a terminal
    /// would act on when it is written out again).
    static func attempt(_ a: Attempt, _ r: String) throws {
        try check(id: a.questionID, r); try check(id: a.lesson, r, field: "lesson"); try check(id: a.kind, r, field: "kind")
        try date(a.answeredAt, r, "answeredAt")
        try range(a.score, 0...1, r, "score")
        guard (0...86_400_000).contains(a.durationMS) else { throw Invalid(record: r, field: "durationMS", reason: "is \(a.durationMS), not 0 to 86400000") }
        guard a.response.utf8.count <= 100_000 else { throw Invalid(record: r, field: "response", reason: "is longer than 100000 bytes") }
        try check(id: a.source, r, field: "source")
    }

    static func card(_ c: Card, _ r: String) throws {
        try memory(c.stability, c.difficulty, r)
        if let step = c.step, !(0...100).contains(step) { throw Invalid(record: r, field: "step", reason: "is \(step), not 0 to 100") }
        try range(c.due, dueDates, r, "due")
        if let last = c.lastReview { try date(last, r, "lastReview") }
    }

    static func memory(_ s: Double?, _ d: Double?, _ r: String) throws {
        if let s { try range(s, stabilities, r, "stability") }
        if let d { try range(d, difficulties, r, "difficulty") }
    }

    static func setting(_ key: String, _ value: String) throws {
        let r = "settings[\(quoted(key))]"
        switch key {
        case ProgressSettings.Key.streak:
            guard value == "on" || value == "off" else { throw Invalid(record: r, field: "value", reason: "is \(quoted(value)), not \"on\" or \"off\"") }
        case ProgressSettings.Key.retention:
            guard let v = Double(value), SessionPlanner.retentionRange.contains(v) else {
                throw Invalid(record: r, field: "value", reason: "is \(quoted(value)), not a number from 0.7 to 0.99")
            }
        case ProgressSettings.Key.newPerDay:
            guard let v = Int(value), SessionPlanner.newPerDayRange.contains(v) else {
                throw Invalid(record: r, field: "value", reason: "is \(quoted(value)), not a whole number from 0 to 500")
            }
        default:
            throw Invalid(record: r, field: "key", reason: "is not a known setting (streak, desired_retention, new_per_day)")
        }
    }

    static func date(_ t: Double, _ r: String, _ field: String) throws {
        guard t.isFinite, dates.contains(t) else { throw Invalid(record: r, field: field, reason: "is \(t), not a date from 2000 to 2100 (seconds since 1970)") }
    }

    static func range(_ v: Double, _ allowed: ClosedRange<Double>, _ r: String, _ field: String) throws {
        guard v.isFinite, allowed.contains(v) else { throw Invalid(record: r, field: field, reason: "is \(v), not \(allowed.lowerBound) to \(allowed.upperBound)") }
    }

    /// Ids as the content spells them: letters, digits, `-`, `_`, `.` and `/`, at most 200.
    static func check(id: String, _ r: String, field: String = "id") throws {
        let ok = !id.isEmpty && id.utf8.count <= 200 && id.unicodeScalars.allSatisfy { s in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || "-_./".unicodeScalars.contains(s))
        }
        guard ok else { throw Invalid(record: r, field: field, reason: "is \(quoted(id)), not an id (letters, digits, - _ . /, at most 200)") }
    }

    static func quoted(_ s: String) -> String {
        let shown = s.count > 60 ? String(s.prefix(60)) + "…" : s
        return "\"" + shown.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined() + "\""
    }

    /// A decoding failure as a sentence naming where, without Foundation's wording.
    static func describe(_ e: DecodingError) -> Invalid {
        func path(_ c: [CodingKey]) -> String {
            let p = c.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return p.hasPrefix(".") ? String(p.dropFirst()) : p
        }
        switch e {
        case .dataCorrupted(let c) where c.codingPath.isEmpty:
            return Invalid(record: "the file", field: "", reason: "is not valid JSON")
        case .keyNotFound(let key, let c):
            return Invalid(record: c.codingPath.isEmpty ? "the file" : path(c.codingPath), field: "", reason: "lacks the field \"\(key.stringValue)\"")
        case .typeMismatch(let type, let c), .valueNotFound(let type, let c):
            return Invalid(record: path(c.codingPath), field: "", reason: "is not \(typeName(type))")
        case .dataCorrupted(let c):
            return Invalid(record: path(c.codingPath), field: "", reason: "has a value that cannot be read")
        @unknown default:
            return Invalid(record: "the file", field: "", reason: "is not a progress export")
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Int.Type: return "a number"
        case is String.Type: return "text"
        case is Bool.Type: return "true or false"
        default: return type is any Collection.Type ? "a list" : "an object of the export"
        }
    }
}
