import Foundation
import Testing
import TutorCore
@testable import TutorContent

/// One Korean word per idea: the check's table is the document's, and it finds words, not
/// pieces of other words.
@Suite("Korean style")
struct KoreanStyleTests {
    @Test("The table in KoreanStyle is the 'not' column of docs/STYLE-ko.md, row by row")
    func tableMatchesTheDocument() throws {
        let doc = try String(contentsOf: repoRoot.appendingPathComponent("docs/STYLE-ko.md"), encoding: .utf8)
        var pairs: [String] = []
        for line in doc.split(separator: "\n") where line.hasPrefix("| ") && !line.hasPrefix("| idea") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4, cells[3] != "—" else { continue }
            let use = cells[2].components(separatedBy: " / ")
            for (i, avoid) in cells[3].components(separatedBy: ", ").enumerated() {
                // "송신자 / 수신자" against "송신측, 송신 측, 수신측, 수신 측": the first half
                // of the avoided words goes with the first word.
                let word = use.count == 1 ? use[0] : use[i < cells[3].components(separatedBy: ", ").count / 2 ? 0 : 1]
                pairs.append("\(avoid)->\(word.components(separatedBy: "(")[0])")
            }
        }
        #expect(pairs.sorted() == KoreanStyle.variants.map { "\($0.avoid)->\($0.use)" }.sorted())
    }

    @Test("A listed word is found with its particles and verb endings, never inside another word or in code")
    func findsWords() {
        #expect(KoreanStyle.findings(in: "SYN이 유실되면 다시 보냅니다").map(\.avoid) == ["유실"])
        #expect(KoreanStyle.findings(in: "패킷 유실을 줄입니다").map(\.avoid) == ["유실"])
        #expect(KoreanStyle.findings(in: "DHCP 리스가 끝나면").map(\.avoid) == ["리스"])
        #expect(KoreanStyle.findings(in: "리스트와 리스너, 리스크").isEmpty)
        #expect(KoreanStyle.findings(in: "`유실` 같은 토큰은 코드입니다").isEmpty)
        #expect(KoreanStyle.findings(in: "패킷 손실과 재전송").isEmpty)
        #expect(KoreanStyle.findings(in: "TCP 3-way handshake와").map(\.avoid) == ["handshake"])
        #expect(KoreanStyle.findings(in: "장면 tcp-handshake, 필터 tls.handshake.type").isEmpty)
    }

    @Test("The byte prefilter finds every listed word, inside Hangul text and at the very end")
    func prefilterFindsEveryWord() {
        for v in KoreanStyle.variants {
            #expect(KoreanStyle.mayContain("가나다 \(v.avoid)은 라마"), "\(v.avoid)")
            #expect(KoreanStyle.mayContain("라마\(v.avoid)"), "\(v.avoid) at the end")
            #expect(!KoreanStyle.mayContain(String(v.avoid.dropLast())), "\(v.avoid) cut short")
        }
        #expect(!KoreanStyle.mayContain("패킷 손실과 재전송, 혼잡 제어"))
        #expect(!KoreanStyle.mayContain(""))
    }

    @Test("A Korean lesson's prose is its title, summary and body outside code blocks")
    func lessonProse() {
        let text = "---\nid: x\ntitle: 유실\nsources: [\"유실\"]\n---\n본문\n```\n유실\n```\n끝"
        let lines = KoreanStyle.lessonProse(text)
        #expect(lines.map(\.line) == [3, 6, 10])
        #expect(KoreanStyle.diagnostics(lines, file: "f.md").map(\.line) == [3])
    }

    @Test("In YAML only the Korean side is read, even on a line that has both")
    func yamlKorean() {
        let lines = KoreanStyle.yamlKorean("  - {text: {ko: \"커넥션\", en: \"connection 유실\"}}\n  en: 유실\n  ko: 유실")
        #expect(KoreanStyle.diagnostics(lines, file: "q.yaml").map(\.line) == [1, 3])
    }

    @Test("nettutor check warns, file:line, on a Korean lesson, quiz and glossary that use a listed word")
    func checkWarns() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ko-style-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        for l in ["ko", "en"] { try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/\(l)"), withIntermediateDirectories: true) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Quizzes"), withIntermediateDirectories: true)
        let front = "---\nid: a\ntitle: A\ntopic: transport\norder: 1\nsummary: s\nscenes: []\nsources: []\n---\n"
        try (front + "# A\n\nSegment loss.\n").write(to: root.appendingPathComponent("Content/en/a.md"), atomically: true, encoding: .utf8)
        try (front + "# A\n\n세그먼트가 유실되면.\n").write(to: root.appendingPathComponent("Content/ko/a.md"), atomically: true, encoding: .utf8)
        try "lesson: a\nquestions:\n  - id: a/q\n    kind: truefalse\n    level: 1\n    prompt: {ko: \"커넥션?\", en: \"Connection?\"}\n    answer: true\n    explain: {ko: \"예\", en: \"Yes\"}\n"
            .write(to: root.appendingPathComponent("Quizzes/a.yaml"), atomically: true, encoding: .utf8)
        try "- term: Lease\n  ko: DHCP 리스는 주소를 빌려주는 기간입니다.\n  en: How long an address is lent.\n"
            .write(to: root.appendingPathComponent("Content/glossary.yaml"), atomically: true, encoding: .utf8)
        let library = ContentLibrary(root: root, knownScenes: [], knownGenerators: [])
        let style = library.check().filter { $0.message.hasPrefix("Korean style") }
        #expect(style.map { "\(($0.file as NSString).lastPathComponent):\($0.line) \($0.severity)" }.sorted() == ["a.md:12 warning", "a.yaml:6 warning", "glossary.yaml:2 warning"])
    }
}
