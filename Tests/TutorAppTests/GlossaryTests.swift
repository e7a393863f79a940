import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

let glossaryFixture = [
    GlossaryEntry(term: "ACK", definition: Localized(ko: "확인 응답입니다.", en: "Acknowledgment: the next byte expected.")),
    GlossaryEntry(term: "Certificate authority (CA)", definition: Localized(ko: "인증서에 서명하는 기관입니다.", en: "Signs certificates.")),
    GlossaryEntry(term: "REST", definition: Localized(ko: "자원 중심의 아키텍처 스타일입니다.", en: "An architectural style.")),
    GlossaryEntry(term: "SACK", definition: Localized(ko: "선택적 확인 응답입니다.", en: "Selective ACK.")),
]

@Suite("Glossary: search and screen")
struct GlossaryTests {
    @Test("A query matches a term's start first, then a word of a term, then a word of a definition (Hangul too)")
    func matching() {
        #expect(GlossarySearch.matches(glossaryFixture, "ack").map(\.term) == ["ACK", "SACK"], "SACK by its definition's word 'ACK'")
        #expect(GlossarySearch.matches(glossaryFixture, "auth").map(\.term) == ["Certificate authority (CA)"])
        #expect(GlossarySearch.matches(glossaryFixture, "확인").map(\.term) == ["ACK", "SACK"], "Hangul: the start of a word of the Korean definition")
        #expect(GlossarySearch.matches(glossaryFixture, "선택").map(\.term) == ["SACK"])
        #expect(GlossarySearch.matches(glossaryFixture, "답").isEmpty, "inside a word is no match")
        #expect(GlossarySearch.matches(glossaryFixture, "zzz").isEmpty)
        #expect(GlossarySearch.matches(glossaryFixture, "").count == 4)
    }

    @Test("A lesson's terms are whole words: ACK in ACK를, not in stack; REST only in capitals; CA by its short form")
    func lessonTerms() {
        func terms(_ text: String) -> [String] { GlossarySearch.terms(in: text, glossaryFixture).map(\.term) }
        #expect(terms("서버는 ACK를 보냅니다") == ["ACK"])
        #expect(terms("a stack and the rest of it").isEmpty)
        #expect(terms("a REST API signed by a CA") == ["Certificate authority (CA)", "REST"])
        #expect(terms("SACK blocks") == ["SACK"])
    }

    /// Reviewer: the term list on the left with ACK selected, both definitions on the right,
    /// Korean first under [한국어], the search line with the typed Hangul, the key bar.
    @Test("The glossary screen at 80x24 after typing a Hangul search")
    func screen() {
        var h = AppHarness(lessons: Fixtures.all)
        h.state.context.glossary = glossaryFixture
        h.press("w", "/")
        h.type("확인")
        let grid = h.frame()
        expectGrid(grid, [
            " 용어집 (2)                                                            [한국어] ",
            " 용어 검색: 확인                                                                ",
            "┌─ 용어집 ───────────────────┐┌─ ACK ──────────────────────────────────────────┐",
            "│ ACK                        ││ [한국어]                                       │",
            "│ SACK                       ││ 확인 응답입니다.                               │",
            "│                            ││                                                │",
            "│                            ││ [English]                                      │",
            "│                            ││ Acknowledgment: the next byte expected.        │",
        ] + Array(repeating: "│                            ││                                                │", count: 14) + [
            "└────────────────────────────┘└────────────────────────────────────────────────┘",
            " Enter 검색 확정  Esc 검색 취소                                                 ",
        ])
        #expect(grid.cursor?.y == 1, "the cursor is on the search line")
        h.press("enter", "escape")
        #expect(h.state.screen == .glossary && h.state.top!.glossaryState?.query == "", "Esc clears the kept search first")
        h.press("escape")
        #expect(h.state.screen == .home)
    }

    @Test("The shipped glossary (at least 220 terms): from home w opens it with its count, typing selects the best match")
    func shipped() throws {
        var h = AppHarness(language: .en, lessons: Fixtures.all)
        h.state.context.glossary = try shippedGlossary()
        let count = h.state.context.glossary.count
        #expect(count >= 220)
        h.press("w")
        #expect(h.frame().rowText(0).contains("Glossary (\(count))"))
        h.press("/")
        h.type("slow")
        h.press("enter")
        #expect(h.state.top!.glossaryState?.selected == "Slow start")
        #expect(h.screenText.contains("[한국어]") && h.screenText.contains("[English]"))
        h.press("G")
        let last = GlossaryScreen.entries(h.state.top!.glossaryState!, h.state.context).last!.term
        #expect(h.state.top!.glossaryState?.selected == last && h.screenText.contains("─ \(last) ─"))
    }

    @Test("nettutor glossary: a TERM names the terms it starts; Hangul falls back to definitions; text has both languages")
    func commandText() {
        #expect(GlossaryText.lookup(glossaryFixture, term: "ack").map(\.term) == ["ACK"], "not SACK: a term that ACK starts wins")
        #expect(GlossaryText.lookup(glossaryFixture, term: "ca").map(\.term) == ["Certificate authority (CA)"])
        #expect(GlossaryText.lookup(glossaryFixture, term: "선택").map(\.term) == ["SACK"])
        #expect(GlossaryText.lookup(glossaryFixture, term: nil).count == 4)
        #expect(GlossaryText.lookup(glossaryFixture, term: "zzz").isEmpty)
        #expect(GlossaryText.text([glossaryFixture[0]], language: .ko) == "ACK\n  확인 응답입니다.\n  Acknowledgment: the next byte expected.\n")
        #expect(GlossaryText.json([glossaryFixture[0]]) == [GlossaryText.Entry(term: "ACK", ko: "확인 응답입니다.", en: "Acknowledgment: the next byte expected.")])
    }
}
