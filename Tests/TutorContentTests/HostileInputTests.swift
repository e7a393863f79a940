import Foundation
import Testing
import TutorCore
@testable import TutorContent

/// Attacks from issue 15, shared with the fuzz corpus (Tests/Fuzz/corpus): each must be a
/// `file:line` diagnostic, fast, and leave the rest of the library loading.
enum Hostile {
    /// Nine-fold aliases `levels` deep: 9^levels nodes once expanded.
    static func laughs(levels: Int) -> String {
        var yaml = "l0: &l0 [" + Array(repeating: "\"lol\"", count: 9).joined(separator: ",") + "]\n"
        for n in 1...levels { yaml += "l\(n): &l\(n) [" + Array(repeating: "*l\(n - 1)", count: 9).joined(separator: ",") + "]\n" }
        return yaml
    }
    static let deepFlow = "scenes: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
    static let deepBlock = (0..<200).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x\n"
    static let deepCompactBlock = String(repeating: "- ", count: 5_000) + "x\n"
    static let deepQuote = String(repeating: "> ", count: 50_000) + "deep\n"
    static let deepEmphasis = String(repeating: "*a ", count: 5_000) + "x" + String(repeating: " a*", count: 5_000) + "\n"
}

@Suite("Hostile content")
struct HostileInputTests {
    func lesson(front extra: String = "", body: String = "본문") -> LessonParser.Result {
        LessonParser.parse(lessonText(extra: extra, body: body), file: "Content/ko/sample.md", language: .ko, knownScenes: scenes)
    }

    @Test("Billion laughs in front matter is refused at its line, without expanding it")
    func billionLaughs() {
        let r = lesson(front: Hostile.laughs(levels: 8))
        #expect(r.lesson == nil)
        #expect(r.diagnostics.map(\.description).contains { $0.hasPrefix("Content/ko/sample.md:") && $0.contains("expands to more than") }, "\(r.diagnostics)")
        // A few aliases are fine.
        #expect(lesson(front: Hostile.laughs(levels: 2)).lesson != nil)
    }

    /// Found by `make soak` (Tests/Fuzz/crashes/frontmatter/): Yams' Constructor force-unwraps
    /// a mapping key that is not text.
    @Test("A mapping key that is a list or a mapping is a file:line error, not a crash")
    func nonScalarKeys() {
        for extra in ["extra: [[a]: b]\n", "? [a, b]\n: c\n", "extra: {{a: 1}: 2}\n", "l0: &l0 [x]\nextra: [*l0: y]\n"] {
            let r = lesson(front: extra)
            #expect(r.lesson == nil, "\(extra)")
            #expect(r.diagnostics.contains { $0.description.contains("a mapping key must be text") }, "\(extra): \(r.diagnostics)")
        }
        #expect(lesson(front: "extra: [{a: 1}, b]\n").lesson != nil)  // a mapping as a value is fine
    }

    @Test("Deep YAML nesting (flow and block) is refused at its line in lessons, quizzes and the glossary")
    func deepYAML() {
        let flow = lesson(front: Hostile.deepFlow)
        #expect(flow.diagnostics.map(\.description) == ["Content/ko/sample.md:7: YAML nested too deeply (more than \(ContentLimits.yamlDepth) levels of [ or {)"])
        #expect(lesson(front: "x:\n" + Hostile.deepBlock).diagnostics.contains { $0.message.contains("nested too deeply") })
        #expect(lesson(front: "x:\n" + Hostile.deepCompactBlock).diagnostics.contains { $0.message.contains("nested too deeply") })
        let quiz = QuizParser.parse("lesson: a\nquestions: " + Hostile.deepFlow.dropFirst(8), file: "Quizzes/a.yaml", knownScenes: scenes, knownGenerators: [])
        #expect(quiz.diagnostics.map(\.description) == ["Quizzes/a.yaml:2: YAML nested too deeply (more than \(ContentLimits.yamlDepth) levels of [ or {)"])
        let (entries, diags) = GlossaryParser.parse("- term: ACK\n  ko: a\n  en: " + Hostile.deepFlow.dropFirst(8), file: "Content/glossary.yaml")
        #expect(entries.isEmpty && diags.map(\.line) == [3])
        // Balanced brackets inside quoted strings, and any inside block scalars, are text.
        let text = "x: \"" + String(repeating: "[a] {{b}} ", count: 50) + "\"\ny: |\n" + "  " + String(repeating: "{", count: 100) + "\n"
        #expect(lesson(front: text).lesson != nil)
    }

    /// Quotes the scan could misread: inside a plain scalar a quote is text, and `''` is an
    /// escaped quote, so brackets after them are real nesting (each of these nests 100 deep in
    /// libyaml, checked with PyYAML's event parser).
    @Test("Quote tricks cannot hide nesting from the scan")
    func quoteTricks() {
        let attacks = [
            "x: " + String(repeating: "[ a 'y, ']', ", count: 100),
            "x: " + String(repeating: "[ 'a'' ] ', x', ", count: 100),
            "a: b\n \"x\nc: " + String(repeating: "[ \"]]]]\", ", count: 100),
        ]
        for attack in attacks { #expect(YAMLGuard.scan(attack)?.message.contains("nested too deeply") == true, "\(attack.prefix(40))") }
        let fine = "a: it's \"quoted\" [x]\nb: {\"k\":\"v\", 'it''s': [1, [2]]}\nc: !t \"[\"\nd: &a '[['\n"
        #expect(YAMLGuard.scan(fine) == nil)
    }

    @Test("Deep Markdown nesting is refused at its line instead of overflowing the stack")
    func deepMarkdown() {
        for body in [Hostile.deepQuote, "ok\n\n" + Hostile.deepEmphasis] {
            let r = lesson(body: body)
            #expect(r.lesson == nil)
            #expect(r.diagnostics.contains { $0.line >= 8 && $0.message.contains("Markdown nested too deeply") }, "\(r.diagnostics)")
        }
        #expect(lesson(body: String(repeating: "> ", count: 10) + "fine\n").lesson != nil)
    }

    /// Found by `make soak` (Tests/Fuzz/crashes/lesson/timeout-…): cmark's time grows with
    /// depth times brackets, so a line opening too many containers is refused before cmark.
    @Test("30,000 quotes then 4,000 brackets on one line is refused at its line by the pre-scan, before cmark")
    func deepQuoteWithBrackets() {
        let r = lesson(body: "intro\n\n" + String(repeating: "> ", count: 30_000) + String(repeating: "[", count: 4_000) + "\n")
        // Refused by the pre-scan (its own wording), not by the walk of a tree cmark took seconds to build.
        #expect(r.diagnostics.contains { $0.line == 10 && $0.message.contains("opened on one line") }, "\(r.diagnostics)")
        #expect(MarkdownGuard.deepMarkerLine(Array((String(repeating: "- ", count: 40) + "x\n").utf8)) == 1)
        #expect(MarkdownGuard.deepMarkerLine(Array((String(repeating: "- ", count: 40) + "\n").utf8)) == nil)  // a rule
        #expect(MarkdownGuard.deepMarkerLine(Array("> > 1. - quoted list\n* item\n".utf8)) == nil)
        // Inside a fenced code block the markers are text (the importer keeps deep sections so).
        let fenced = "````\n" + String(repeating: "> ", count: 40) + "\n```\nstill code\n````\n"
        #expect(MarkdownGuard.deepMarkerLine(Array(fenced.utf8)) == nil)
        #expect(MarkdownGuard.deepMarkerLine(Array((fenced + String(repeating: "> ", count: 40) + "x\n").utf8)) == 6)
    }

    /// Found by the adversarial review: each bypassed the YAML scan and crashed Yams' recursion.
    @Test("A '[' in a plain scalar or a line break libyaml knows (CR, NEL, LS, PS) cannot hide nesting from the scan")
    func scanBypasses() {
        let blockAfterBracket = "x: a[\ny:\n" + String(repeating: "- ", count: 20_000) + "z\n"
        let r = lesson(front: blockAfterBracket)
        #expect(r.lesson == nil && r.diagnostics.contains { $0.message.contains("nested too deeply") }, "\(r.diagnostics.prefix(2))")
        for br in ["\r", "\u{85}", "\u{2028}", "\u{2029}"] {
            let hidden = "x: #" + br + "  " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "\n"
            let r = lesson(front: hidden)
            #expect(r.lesson == nil && r.diagnostics.contains { $0.message.contains("nested too deeply") }, "\(br.unicodeScalars.first!.value): \(r.diagnostics.prefix(2))")
        }
        let quiz = QuizParser.parse("lesson: x\nx: a[\nquestions:\n" + String(repeating: "- ", count: 20_000) + "z\n", file: "q.yaml", knownScenes: [], knownGenerators: [])
        #expect(quiz.diagnostics.contains { $0.message.contains("nested too deeply") })
    }

    @Test("A table of 10,000 columns and 5,000 rows is refused before cmark fills 50 million cells")
    func hugeTable() {
        let body = "|" + String(repeating: "a|", count: 10_000) + "\n|" + String(repeating: "-|", count: 10_000) + "\n" + String(repeating: "|x\n", count: 5_000)
        let r = lesson(body: "intro\n\n" + body)
        #expect(r.diagnostics.contains { $0.line == 11 && $0.message.contains("table too large") }, "\(r.diagnostics)")
        #expect(lesson(body: "| a | b |\n|---|:-:|\n| 1 | 2 |\n").lesson != nil)
    }

    @Test("A FIFO in a content folder is reported, not waited on; a file name's escapes are escaped in check")
    func fifoAndNames() throws {
        let root = try makeRoot(["Content/en/good.md": lessonText(id: "good"), "Content/ko/good.md": lessonText(id: "good")])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(mkfifo(root.appendingPathComponent("Content/en/fifo.md").path, 0o644) == 0)
        let evil = root.appendingPathComponent("Content/en/x\u{1B}]0;PWN\u{07}\ny.md")
        try "not a lesson".write(to: evil, atomically: true, encoding: .utf8)
        let diags = ContentLibrary(root: root, knownScenes: scenes).check().map(\.description)
        #expect(diags.contains { $0.contains("fifo.md:1: not a regular file") }, "\(diags)")
        #expect(!diags.joined().unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x0A }, "\(diags.map { $0.debugDescription })")
        #expect(diags.contains { $0.contains("x^[]0;PWN^G^Jy.md") }, "\(diags)")
    }

    @Test("One hostile lesson is reported by check and the rest of the library still loads")
    func oneBadFile() throws {
        let root = try makeRoot([
            "Content/ko/good.md": lessonText(id: "good"), "Content/en/good.md": lessonText(id: "good"),
            "Content/ko/bad.md": lessonText(id: "bad", extra: Hostile.laughs(levels: 8)),
            "Content/en/bad.md": lessonText(id: "bad", body: Hostile.deepQuote),
            "Content/glossary.yaml": "- " + Hostile.deepFlow,
        ])
        let library = ContentLibrary(root: root, knownScenes: scenes)
        #expect(library.loadCatalog().0.lessons(in: .ko).map(\.id) == ["good"])
        let files = Set(library.check().map(\.file))
        #expect(files == ["Content/ko/bad.md", "Content/en/bad.md", "Content/glossary.yaml"])
    }

    @Test("A file over the size limit is refused before it is read whole")
    func tooLarge() throws {
        let root = try makeRoot(["Content/ko/big.md": lessonText(id: "big", body: String(repeating: "x", count: ContentLimits.fileBytes))])
        let diags = ContentLibrary(root: root, knownScenes: scenes).check(file: root.appendingPathComponent("Content/ko/big.md"))
        #expect(diags.map(\.description) == ["Content/ko/big.md:1: file too large (more than \(ContentLimits.fileBytes) bytes)"])
    }

    @Test("Numeric questions need a finite answer and a finite, non-negative tolerance")
    func nonFiniteNumbers() {
        for (answer, tolerance) in [(".nan", "0"), (".inf", "0"), ("1", ".inf"), ("1", ".nan"), ("1", "-1")] {
            let yaml = "lesson: a\nquestions:\n  - id: a/n\n    kind: numeric\n    level: 1\n    prompt: {ko: p, en: p}\n    answer: \(answer)\n    tolerance: \(tolerance)\n    explain: {ko: e, en: e}\n"
            let r = QuizParser.parse(yaml, file: "Quizzes/a.yaml", knownScenes: [], knownGenerators: [])
            #expect(r.bank == nil && r.diagnostics.map(\.line) == [7], "answer \(answer) tolerance \(tolerance): \(r.diagnostics)")
        }
    }

    @Test("CRLF line endings and a byte order mark load like LF files")
    func crlfAndBOM() throws {
        func crlf(_ s: String) -> String { s.replacingOccurrences(of: "\n", with: "\r\n") }
        let r = LessonParser.parse("\u{FEFF}" + crlf(lessonText(body: "# 제목\n\n본문 줄\n")), file: "a.md", language: .ko, knownScenes: scenes)
        let lesson = try #require(r.lesson, "\(r.diagnostics)")
        #expect(lesson.meta.title == "제목" && lesson.meta.id == "sample")
        #expect(lesson.blocks == [.heading(level: 1, [.text("제목")]), .paragraph([.text("본문 줄")])])
        let quiz = "lesson: a\r\nquestions:\r\n  - id: a/t\r\n    kind: truefalse\r\n    level: 1\r\n    prompt: {ko: p, en: p}\r\n    answer: true\r\n    explain: {ko: e, en: e}\r\n"
        #expect(QuizParser.parse("\u{FEFF}" + quiz, file: "q.yaml", knownScenes: [], knownGenerators: []).bank?.questions.map(\.id) == ["a/t"])
        let (entries, diags) = GlossaryParser.parse("\u{FEFF}- term: ACK\r\n  ko: 확인\r\n  en: ack\r\n", file: "g.yaml")
        #expect(diags.isEmpty && entries.map(\.definition.en) == ["ack"])
        let notes = NotesImporter.parse("\u{FEFF}" + crlf("# Notes\n\n## First part\n\nBody text here.\n\n- Why?\n\n    Because.\n"))
        #expect(notes.title == "Notes" && notes.sections.map(\.title) == ["First part"])
        let all = notes.sections.flatMap { [$0.title] + $0.body + $0.toggles.flatMap { [$0.question, $0.answer] } }
        #expect(!all.contains { $0.contains("^M") || $0.contains("\r") }, "\(all)")
    }
}
