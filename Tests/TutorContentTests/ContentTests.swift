import Foundation
import NetSim
import Testing
import TutorCore
@testable import TutorContent

let scenes = Set(SceneCatalog.ids)
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func lessonText(id: String = "sample", title: String = "제목", topic: String = "transport", extra: String = "", body: String = "본문") -> String {
    "---\nid: \(id)\ntitle: \(title)\ntopic: \(topic)\norder: 1\nsummary: 요약\n\(extra)---\n\(body)\n"
}

/// A temporary content root with the given files (path relative to the root -> text).
func makeRoot(_ files: [String: String]) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("nt-\(UUID().uuidString)")
    for (path, text) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    try FileManager.default.createDirectory(at: root.appendingPathComponent("Quizzes"), withIntermediateDirectories: true)
    return root
}

@Suite("Lesson parsing")
struct LessonParserTests {
    @Test("Front matter and body become a typed lesson")
    func parsesWholeLesson() throws {
        let body = """
        ## 제목 둘

        **굵게** 그리고 `code` 와 [링크](https://example.com).

        - 하나
        - 둘

        1. 첫째

        > 인용

        ```swift
        let x = 1
        ```

        | 구분 | IPv4 |
        |:--|--:|
        | 길이 | 32비트 |

        ```scene tcp-3way
        ```

        ---
        """
        let r = LessonParser.parse(lessonText(extra: "scenes: [tcp-3way]\nsources: [\"RFC 9293 §3.5\"]\n", body: body), file: "x.md", language: .ko, knownScenes: scenes)
        #expect(r.diagnostics.isEmpty)
        let lesson = try #require(r.lesson)
        #expect(lesson.meta.title == "제목" && lesson.meta.topic == .transport && lesson.meta.scenes == ["tcp-3way"])
        #expect(lesson.meta.sources == ["RFC 9293 §3.5"])
        let b = lesson.blocks
        #expect(b.count == 9)
        #expect(b[0] == .heading(level: 2, [.text("제목 둘")]))
        #expect(b[1] == .paragraph([.strong([.text("굵게")]), .text(" 그리고 "), .code("code"), .text(" 와 "),
                                    .link(text: [.text("링크")], destination: "https://example.com"), .text(".")]))
        #expect(b[2] == .list(ordered: false, start: 0, items: [[.paragraph([.text("하나")])], [.paragraph([.text("둘")])]]))
        #expect(b[3] == .list(ordered: true, start: 1, items: [[.paragraph([.text("첫째")])]]))
        #expect(b[4] == .quote([.paragraph([.text("인용")])]))
        #expect(b[5] == .code(language: "swift", text: "let x = 1"))
        #expect(b[6] == .table(alignments: [.left, .right], header: [[.text("구분")], [.text("IPv4")]], rows: [[[.text("길이")], [.text("32비트")]]]))
        #expect(b[7] == .scene(id: "tcp-3way"))
        #expect(b[8] == .rule)
    }

    @Test("Text is NFC-normalized: decomposed Hangul becomes syllables")
    func nfc() throws {
        let decomposed = "\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}"  // 한글 as jamo
        let r = LessonParser.parse(lessonText(title: decomposed, body: decomposed), file: "x.md", language: .ko, knownScenes: scenes)
        let lesson = try #require(r.lesson)
        #expect(lesson.meta.title == "한글")
        #expect(lesson.meta.title.unicodeScalars.count == 2)
        #expect(lesson.blocks == [.paragraph([.text("한글")])])
    }

    @Test("Control characters and escape sequences are shown escaped, never raw")
    func controlsEscaped() throws {
        let r = LessonParser.parse(lessonText(title: "\"a\\e[31mb\"", body: "x\u{1B}[2Jy \u{9B}z\n\n```\nc\u{7}d\n```"), file: "x.md", language: .en, knownScenes: scenes)
        let lesson = try #require(r.lesson)
        #expect(lesson.meta.title == "a^[[31mb")
        #expect(lesson.blocks[0] == .paragraph([.text("x^[[2Jy \\u{9B}z")]))
        #expect(lesson.blocks[1] == .code(language: "", text: "c^Gd"))
        for block in lesson.blocks { #expect(!"\(block)".unicodeScalars.contains { $0.value == 0x1B }) }
    }

    @Test("Bad YAML is reported with its line")
    func badYAML() {
        let text = "---\nid: x\ntitle: [unclosed\ntopic: web\n---\nbody"
        let r = LessonParser.parse(text, file: "Content/en/x.md", language: .en, knownScenes: scenes)
        #expect(r.lesson == nil)
        #expect(r.diagnostics.count == 1)
        #expect(r.diagnostics[0].description.hasPrefix("Content/en/x.md:"))
        #expect(r.diagnostics[0].message.contains("bad YAML"))
        #expect(r.diagnostics[0].line >= 3)
    }

    @Test("Missing front matter and missing fields are named")
    func missingFields() {
        let none = LessonParser.parse("# just markdown", file: "a.md", language: .en, knownScenes: scenes)
        #expect(none.diagnostics.map(\.message) == ["missing front matter: the file must start with a '---' line and close it with another"])
        let r = LessonParser.parse("---\nid: a\ntitle: A\n---\nbody", file: "a.md", language: .en, knownScenes: scenes)
        #expect(Set(r.diagnostics.map(\.message)) == ["missing field 'topic' in front matter", "missing field 'order' in front matter", "missing field 'summary' in front matter"])
    }

    @Test("Unknown topic and unknown scene ids point at their lines")
    func unknownTopicAndScene() {
        let text = lessonText(topic: "cooking", extra: "scenes: [tcp-3way, warp-drive]\n", body: "hi\n\n```scene teleport\n```")
        let r = LessonParser.parse(text, file: "a.md", language: .en, knownScenes: scenes)
        let d = r.diagnostics.map(\.description)
        #expect(d.contains("a.md:4: unknown topic 'cooking' (expected one of: foundations, transport, web, infrastructure, programming)"))
        #expect(d.contains("a.md:7: unknown scene id 'warp-drive'"))
        let body = LessonParser.parse(lessonText(body: "hi\n\n```scene teleport\n```"), file: "b.md", language: .en, knownScenes: scenes)
        #expect(body.diagnostics.map(\.description) == ["b.md:10: unknown scene id 'teleport' in scene block"])
    }
}

@Suite("Content library and check")
struct ContentLibraryTests {
    @Test("check reports duplicate ids, a lesson missing in one language, and id/file mismatches")
    func checkFindsProblems() throws {
        let root = try makeRoot([
            "Content/ko/a.md": lessonText(id: "a"),
            "Content/en/a.md": lessonText(id: "a", title: "A"),
            "Content/ko/b.md": lessonText(id: "a"),
            "Content/en/only-en.md": lessonText(id: "only-en"),
        ])
        let d = ContentLibrary(root: root, knownScenes: scenes).check().map(\.description)
        #expect(d.contains("Content/ko/b.md:2: id 'a' does not match the file name 'b.md'"))
        #expect(d.contains("Content/ko/b.md:2: duplicate id 'a' (also in Content/ko/a.md)"))
        #expect(d.contains("Content/en/only-en.md:1: lesson 'only-en' has no Korean version (Content/ko/only-en.md)"))
        #expect(d.contains("Content/ko/b.md:1: lesson 'b' has no English version (Content/en/b.md)"))
        #expect(d.count == 4)
    }

    @Test("A lesson broken in one language is still paired by file name")
    func brokenLessonStillPaired() throws {
        let root = try makeRoot([
            "Content/en/x.md": lessonText(id: "x", topic: "cooking"),
        ])
        let d = ContentLibrary(root: root, knownScenes: scenes).check().map(\.description)
        #expect(d == ["Content/en/x.md:1: lesson 'x' has no Korean version (Content/ko/x.md)",
                      "Content/en/x.md:4: unknown topic 'cooking' (expected one of: foundations, transport, web, infrastructure, programming)"])
    }

    @Test("The catalog skips a broken lesson and reports it, keeping the others")
    func catalogSkipsBroken() throws {
        let root = try makeRoot([
            "Content/ko/good.md": lessonText(id: "good"),
            "Content/ko/bad.md": "---\nid: bad\n---\n",
            "Content/en/good.md": lessonText(id: "good", title: "Good"),
        ])
        let (catalog, diags) = ContentLibrary(root: root, knownScenes: scenes).loadCatalog()
        #expect(catalog.ids == ["good"])
        #expect(!diags.isEmpty && diags.allSatisfy { $0.file == "Content/ko/bad.md" })
    }

    @Test("The catalog counts blocks only of the lessons asked for (started ones): other bodies are not parsed")
    func catalogCountsOnlyStarted() throws {
        let root = try makeRoot([
            "Content/en/a.md": lessonText(id: "a", body: "one\n\ntwo\n\nthree"),
            "Content/en/b.md": lessonText(id: "b", body: "one\n\ntwo"),
        ])
        let library = ContentLibrary(root: root, knownScenes: scenes)
        #expect(library.loadCatalog().0.lessons(in: .en).map(\.blockCount) == [0, 0])
        #expect(library.loadCatalog(countingBlocksOf: ["a"]).0.lessons(in: .en).map(\.blockCount) == [3, 0])
    }

    @Test("Content root lookup: flag, then environment, then an ancestor holding Content/ and Quizzes/")
    func locate() throws {
        let root = try makeRoot(["Content/ko/a.md": lessonText(id: "a")])
        let nested = root.appendingPathComponent("deep/er")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        #expect(ContentLibrary.locate(explicit: "/x", environment: ["NETTUTOR_CONTENT": "/y"], executable: "/bin/true", workingDirectory: "/")?.path == "/x")
        #expect(ContentLibrary.locate(explicit: nil, environment: ["NETTUTOR_CONTENT": "/y"], executable: "/bin/true", workingDirectory: "/")?.path == "/y")
        let found = ContentLibrary.locate(explicit: nil, environment: [:], executable: "/bin/true", workingDirectory: nested.path)
        #expect(found?.standardizedFileURL.path == root.standardizedFileURL.path)
    }

    /// The content lint: every shipped lesson loads with no diagnostic at all.
    @Test("Every shipped lesson passes check and exists in both languages")
    func shippedContentIsClean() throws {
        let library = ContentLibrary(root: repoRoot, knownScenes: scenes, knownGenerators: generators)
        let diags = library.check()  // warnings too: no give-away choice, no Korean style slip
        #expect(diags.isEmpty, "\(diags.map(\.description).joined(separator: "\n"))")
        let (catalog, _) = library.loadCatalog()
        for id in ["tcp-handshake", "tcp-vs-udp", "ipv4-vs-ipv6"] {
            for language in Language.allCases {
                let lesson = try library.loadLesson(id: id, language: language).get()
                #expect(!lesson.blocks.isEmpty)
                #expect(catalog.meta(id: id, language: language)?.language == language)
            }
        }
    }

    @Test("Korean and English versions of a lesson have the same structure (same scene cards, tables and headings)")
    func languagesMatchStructurally() throws {
        let library = ContentLibrary(root: repoRoot, knownScenes: scenes)
        func shape(_ l: Lesson) -> [String] {
            l.blocks.compactMap { b in
                switch b {
                case .heading(let level, _): "h\(level)"
                case .table(_, let header, let rows): "table \(header.count)x\(rows.count)"
                case .scene(let id): "scene \(id)"
                case .code: "code"
                default: nil
                }
            }
        }
        for id in library.loadCatalog().0.ids {
            let ko = try library.loadLesson(id: id, language: .ko).get()
            let en = try library.loadLesson(id: id, language: .en).get()
            #expect(shape(ko) == shape(en), "\(id)")
            #expect(ko.meta.scenes == en.meta.scenes && ko.meta.topic == en.meta.topic && ko.meta.order == en.meta.order)
        }
    }
}

@Suite("Catalog")
struct CatalogTests {
    @Test("Close matches suggest the intended id")
    func closeMatches() {
        let c = LessonCatalog([LessonMeta(id: "tcp-handshake", language: .en, title: "", topic: .transport, order: 1, summary: ""),
                               LessonMeta(id: "tcp-vs-udp", language: .en, title: "", topic: .transport, order: 2, summary: ""),
                               LessonMeta(id: "ipv4-vs-ipv6", language: .en, title: "", topic: .infrastructure, order: 3, summary: "")])
        #expect(c.closeMatches(to: "tcp-handshak").first == "tcp-handshake")
        #expect(c.closeMatches(to: "ipv6").contains("ipv4-vs-ipv6"))
        #expect(c.closeMatches(to: "zzzzzzzzzzzzzzzzzzz").isEmpty)
    }

    @Test("Language comes from LC_ALL, then LC_MESSAGES, then LANG")
    func languageFromLocale() {
        #expect(Language.fromLocale(lcAll: nil, lcMessages: nil, lang: "ko_KR.UTF-8") == .ko)
        #expect(Language.fromLocale(lcAll: "en_US.UTF-8", lcMessages: nil, lang: "ko_KR.UTF-8") == .en)
        #expect(Language.fromLocale(lcAll: "", lcMessages: "ko_KR", lang: "C") == .ko)
        #expect(Language.fromLocale(lcAll: nil, lcMessages: nil, lang: nil) == .en)
    }
}
