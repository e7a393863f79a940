import Foundation
import Testing
import TutorCore
@testable import TutorApp

/// `lessons --json` is written by `PrettyJSON`, not `JSONEncoder` (its Codable machinery was
/// 20 ms of 2,772 lessons); the rule is that the bytes are the encoder's, whatever the text.
@Suite("lessons --json: PrettyJSON writes what JSONEncoder writes")
struct LessonJSONTests {
    func encoder(_ entries: [LessonText.Entry]) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(entries), as: UTF8.self)
    }

    @Test("Byte for byte: quotes, backslashes, slashes, every C0 control, DEL, Hangul, emoji, empty lists and no lessons")
    func sameBytes() throws {
        let c0 = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        let entries = [
            LessonText.Entry(id: "tcp-handshake", title: "TCP 3-way \"handshake\" \\ a/b", topic: "transport", summary: c0 + "\u{7F}끝",
                             order: 10, scenes: [], sources: ["RFC 9293 §3.5", "https://www.rfc-editor.org/rfc/rfc9293"], languages: ["ko", "en"]),
            LessonText.Entry(id: "notes/혼합", title: "이모지 👩‍💻 e\u{301}", topic: "web", summary: "", order: -3,
                             scenes: ["tcp-3way", "tcp-4way"], sources: [], languages: []),
        ]
        #expect(LessonText.json(entries) == (try encoder(entries)))
        #expect(LessonText.json([]) == (try encoder([])))
        #expect(LessonText.json(Array(entries.prefix(1))) == (try encoder(Array(entries.prefix(1)))))
    }

    @Test("A catalog of fixture lessons in both languages: the same bytes as the encoder")
    func shipped() throws {
        let entries = LessonText.entries(LessonCatalog(Fixtures.all.map(\.meta)), language: .en)
        #expect(!entries.isEmpty)
        #expect(LessonText.json(entries) == (try encoder(entries)))
    }
}
