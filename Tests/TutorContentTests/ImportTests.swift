import Foundation
import NetSim
import Testing
import TutorCore
@testable import TutorContent

/// A verbatim copy of ../shared/seeds/000_ea95dd7a82c32cc6.txt, so the test runs from any clone.
let seedURL = repoRoot.appendingPathComponent("Tests/Fixtures/seed-notes.md")

@Suite("Notes import")
struct ImportTests {
    /// The seed notes: four bold titles announced by a table of contents, four bullet titles
    /// after source links, and five titles announced by a second table of contents.
    @Test("Finds every section title and both question toggles of the seed notes")
    func seedSections() throws {
        let text = try String(contentsOf: seedURL, encoding: .utf8)
        let notes = NotesImporter.parse(text)
        #expect(notes.title == "네트워크")
        #expect(notes.sections.map(\.title) == [
            "TCP 3-way-handshake & 4-way-handshake", "TCP 와 UDP", "HTTP 요청 방식 - GET, POST", "HTTP 와 HTTPS",
            "HTTP 1.1 VS HTTP 2.0", "CORS", "COOKIE & SESSION", "REST API",
            "DNS - round robin 방식", "웹 통신의 큰 흐름", "IPv4 VS IPv6", "로드밸런서",
            "Blocking/Nonblocking&Synchronous/Asynchronous",
        ])
        let toggles = notes.sections.flatMap { s in s.toggles.map { (s.title, $0.question) } }
        #expect(toggles.count == 2)
        #expect(toggles[0].0 == "TCP 3-way-handshake & 4-way-handshake" && toggles[0].1.hasSuffix("어떻게 될까요?"))
        #expect(toggles[1].0 == "TCP 와 UDP" && toggles[1].1 == "NETFLEX는 TCP일까 UDP일까?")
        #expect(notes.sections[1].toggles[0].answer.hasPrefix("TCP이다."))
        #expect(notes.sections[5].sources == ["https://velog.io/@ragnarok_code/Network-CORS%EB%9E%80"])
        #expect(notes.imagesDropped > 0)
        #expect(notes.sections.allSatisfy { s in !s.body.contains { $0.contains("![") } })
        // "Head-Of-Line Blocking" is not a TOC entry: a subheading inside the HTTP/2 section.
        #expect(notes.sections[4].body.contains("### Head-Of-Line Blocking"))
    }

    @Test("The imported lessons and questions pass check, in both languages")
    func importedContentPassesCheck() throws {
        let notes = NotesImporter.parse(try String(contentsOf: seedURL, encoding: .utf8))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nt-import-\(UUID().uuidString)")
        let written = try NotesImporter.write(notes, language: .ko, to: dir, force: false)
        #expect(written.lessons.count == 13)
        #expect(written.quizFiles == ["notes/tcp-3-way-handshake-4-way-handshake", "notes/tcp-udp"])
        #expect(written.lessons.contains("notes/wep-tongsinui-keun-heureum"))  // a Hangul-only title is romanized
        let library = ContentLibrary(root: dir, knownScenes: scenes, knownGenerators: generators)
        // Errors only: a style warning on the notes' own Korean (KoreanStyle) is advice for their author.
        #expect(library.check().filter { $0.severity == .error }.isEmpty, "\(library.check())")
        let (banks, _) = library.loadQuizzes()
        #expect(banks.flatMap(\.questions).map(\.kind) == [.open, .open])
        let en = try library.loadLesson(id: "notes/tcp-udp", language: .en).get()
        #expect(en.blocks.first == .quote([.paragraph([.text("This lesson was imported from notes written in Korean and is not translated yet.")])]))
    }

    @Test("Import never overwrites without --force, and then writes nothing")
    func noOverwrite() throws {
        let notes = NotesImporter.parse("# Notes\n\n## First\n\nBody text here.\n\n- Why?\n\n    Because.\n")
        #expect(notes.sections.map(\.title) == ["First"])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nt-import-\(UUID().uuidString)")
        _ = try NotesImporter.write(notes, language: .en, to: dir, force: false)
        let lesson = dir.appendingPathComponent("Content/en/notes/first.md")
        try "edited by hand".write(to: lesson, atomically: true, encoding: .utf8)
        #expect(throws: NotesImporter.ImportError.self) { try NotesImporter.write(notes, language: .en, to: dir, force: false) }
        #expect(try String(contentsOf: lesson, encoding: .utf8) == "edited by hand")
        _ = try NotesImporter.write(notes, language: .en, to: dir, force: true)
        #expect(try String(contentsOf: lesson, encoding: .utf8).hasPrefix("---\nid: notes/first"))
    }

    @Test("Notes without any section are an error, not an empty import")
    func nothingFound() {
        let notes = NotesImporter.parse("just a paragraph of text without structure.")
        #expect(throws: NotesImporter.ImportError.noSections) {
            try NotesImporter.write(notes, language: .ko, to: URL(fileURLWithPath: "/tmp/unused"), force: false)
        }
    }

    @Test("Titles become ASCII ids; Hangul-only titles are romanized; ids stay unique")
    func slugs() {
        var taken = Set<String>()
        #expect(NotesImporter.slug("TCP 와 UDP", index: 0, taken: &taken) == "tcp-udp")
        #expect(NotesImporter.slug("TCP & UDP", index: 1, taken: &taken) == "tcp-udp-2")
        #expect(NotesImporter.slug("로드밸런서", index: 11, taken: &taken) == "rodeubaelleonseo")
        #expect(NotesImporter.slug("!!", index: 12, taken: &taken) == "section-13")
    }
}
