import Testing
import TutorApp
import TutorCore

@Suite("Anki export")
struct AnkiExportTests {
    static func q(_ id: String, _ prompt: String, _ answer: Answer, kind: QuestionKind = .short) -> Question {
        Question(id: id, lesson: "l", kind: kind, level: 1, prompt: Localized(ko: prompt, en: prompt),
                 explain: Localized(ko: "e", en: "See `RFC 9293` and [the RFC](https://www.rfc-editor.org/rfc/rfc9293)."), answer: answer)
    }

    /// `export anki` once said "wrote 302 notes" and wrote 299: generated questions were counted.
    @Test("Count what is written: a generated question is left out and not counted")
    func countsWhatIsWritten() {
        let bank = QuizBank(lesson: "l", questions: [
            Self.q("l/a", "a", .short(accept: LocalizedList(ko: ["x"], en: ["x"]))),
            Self.q("l/g", "g", .generated(generator: "tcp-handshake-numbers"), kind: .generated),
            Self.q("l/b", "b", .trueFalse(true), kind: .truefalse),
        ])
        let file = AnkiExport.file([bank], language: .en)
        let notes = file.text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(file.notes == 2 && notes.count == 2)
    }

    /// The file declares `#html:true`, so Markdown marks left in it showed as backticks in Anki.
    @Test("Inline Markdown becomes HTML: code, strong, emphasis and links; the rest is escaped")
    func inlineMarkdownIsHTML() {
        #expect(AnkiExport.html("Use `a<b>` **now** and *then*, [RFC](https://example.com/a?b=1&c=2)")
                == "Use <code>a&lt;b&gt;</code> <strong>now</strong> and <em>then</em>, <a href=\"https://example.com/a?b=1&amp;c=2\">RFC</a>")
        #expect(AnkiExport.html("2 * 3 = 6, snake_case_name, AT&T") == "2 * 3 = 6, snake_case_name, AT&amp;T")
        #expect(AnkiExport.html("tab\there") == "tab here")
        let text = AnkiExport.file([QuizBank(lesson: "l", questions: [Self.q("l/a", "What does `SYN` do?", .short(accept: LocalizedList(ko: ["x"], en: ["x"])))])],
                                   language: .en).text
        #expect(!text.contains("`") && text.contains("<code>SYN</code>") && text.contains("<code>RFC 9293</code>"))
    }
}
