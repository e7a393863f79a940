import Foundation
import NetSim
import Testing
import TutorContent
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// A lesson with two scene cards next to each other (both on the first screen).
let twoScenesKo = Fixtures.parse("""
---
id: pair
title: 장면 둘
topic: transport
order: 5
summary: 카드 두 장
scenes: [tcp-3way, tcp-4way]
---
## 열기와 닫기

```scene tcp-3way
```

```scene tcp-4way
```
""", .ko)

/// The shipped glossary (the tests read it as the app does).
func shippedGlossary() throws -> [GlossaryEntry] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let text = try String(contentsOf: root.appendingPathComponent("Content/glossary.yaml"), encoding: .utf8)
    return GlossaryParser.parse(text, file: "Content/glossary.yaml").0
}

@Suite("Reader: search, contents, scene cards")
struct ReaderFindTests {
    @Test("Hits are case-folded, found in Hangul and English, at display columns (Hangul two wide)")
    func hits() {
        let lines = [LaidLine(line: [Span("IPv6는 "), Span("ipv6", Style(.code))], block: 0), LaidLine(line: [Span("브로드캐스트 없음")], block: 1)]
        #expect(ReaderFind.hits(lines, query: "IPV6") == [SearchHit(line: 0, column: 0, width: 4), SearchHit(line: 0, column: 7, width: 4)])
        #expect(ReaderFind.hits(lines, query: "없음") == [SearchHit(line: 1, column: 13, width: 4)])
        #expect(ReaderFind.hits(lines, query: "").isEmpty)
    }

    @Test("/ types a search, Enter keeps it; n and N step through the hits (wrapping), each brought into view and counted")
    func searchSteps() {
        var h = AppHarness(language: .en, lessons: Fixtures.all)
        h.press("enter", "/")
        #expect(h.state.top!.capturesText, "the search line takes the text")
        h.type("CONNECTION")
        let hits = h.state.reader!.hits(size: h.state.size, glyphs: .unicode)
        #expect(hits.count == 72, "six per part, twelve parts")
        #expect(h.frame().rowText(23).hasPrefix(" Search: CONNECTION") && h.frame().rowText(23).hasSuffix("1/72 "))
        h.press("enter")
        #expect(!h.state.top!.capturesText && h.state.reader?.query == "CONNECTION")
        h.press("N")
        #expect(h.state.reader?.currentHit == 71, "N from the first hit wraps to the last")
        let last = hits[71].line
        #expect(h.state.reader!.top <= last && last < h.state.reader!.top + 21, "the last hit is on screen")
        #expect(h.frame().rowText(23).contains("72/72"))
        h.press("n")
        #expect(h.state.reader?.currentHit == 0 && h.state.reader?.top == 0)
        h.press("n", "n")
        #expect(h.frame().rowText(23).contains("3/72"))
        // The current hit is bold, underlined and reversed; the others only reversed.
        let frame = h.frame()
        let current = hits[2], other = hits[3]
        let x = ReaderScreen.State.textWidth(h.state.size) < 76 ? 0 : (80 - ReaderScreen.State.textWidth(h.state.size)) / 2
        let cur = frame[max(2, x) + current.column, 2 + current.line - h.state.reader!.top].style
        let oth = frame[max(2, x) + other.column, 2 + other.line - h.state.reader!.top].style
        #expect(cur.reverse && cur.bold && cur.underline)
        #expect(oth.reverse && !oth.underline)
        h.press("escape")
        #expect(h.state.reader?.query == "" && h.state.screen == .reader, "Esc clears the search, the lesson stays")
        h.press("n")
        #expect(h.state.reader?.lessonID == "udp", "without a search, n is the next lesson again")
    }

    @Test("Korean search finds Hangul; a search with no hit says so and is dropped")
    func koreanSearch() {
        var h = AppHarness(language: .ko, lessons: Fixtures.all)
        h.state.home?.selectedID = "ip"
        h.press("enter")
        #expect(h.state.reader?.lessonID == "ip")
        h.press("/")
        h.type("브로드캐스트")
        #expect(h.state.reader!.hits(size: h.state.size, glyphs: .unicode).count == 1)
        #expect(h.frame().rowText(23).contains("찾기: 브로드캐스트") && h.frame().rowText(23).hasSuffix("1/1 "))
        h.press("backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
        h.type("없는말")
        #expect(h.frame().rowText(23).hasSuffix("0/0 "))
        h.press("enter")
        #expect(h.state.message == "이 레슨에 '없는말'이(가) 없습니다." && h.state.reader?.query == "")
    }

    @Test("o lists the headings; Enter jumps to the chosen one, q closes without moving")
    func contents() {
        var h = AppHarness(language: .en, lessons: Fixtures.all)
        h.press("enter", "o")
        #expect(h.screenText.contains("Contents") && h.screenText.contains("Part 12"))
        #expect(h.state.reader?.mode == .contents(selected: 0))
        h.press("down", "down", "down", "enter")
        let lines = h.state.reader!.lines(size: h.state.size, glyphs: .unicode)
        #expect(lines[h.state.reader!.top].line.plainText == "Part 4", "Part 4's heading is the top line")
        h.press("o")
        #expect(h.state.reader?.mode == .contents(selected: 3), "contents open on the section being read")
        h.press("q")
        #expect(h.state.reader?.mode == .reading && h.state.screen == .reader)
        #expect(lines[h.state.reader!.top].line.plainText == "Part 4")
    }

    @Test("Two scene cards on screen: Enter plays the marked one, Tab moves the mark, the bar offers Tab")
    func chooseScene() {
        var h = AppHarness(language: .ko, lessons: Fixtures.all + [twoScenesKo])
        h.state.stack = [.home(HomeScreen.State())]
        h.state.home?.selectedID = "pair"
        h.press("enter")
        #expect(h.state.reader?.scenesInView.count == 2)
        #expect(h.frame().rowText(23).contains("Tab 다음 장면"))
        let first = h.frame().rowText(5), second = h.frame().rowText(10)
        #expect(first.hasPrefix("▸ ┌─ ▶ 장면: TCP 3-way") && !second.hasPrefix("▸"), "\(first)\n\(second)")
        h.press("tab")
        #expect(h.frame().rowText(10).hasPrefix("▸ ┌─ ▶ 장면: TCP 4-way"), "\(h.screenText)")
        h.press("enter")
        #expect(h.state.player?.scene.id == "tcp-4way")
        h.press("q", "tab", "enter")
        #expect(h.state.player?.scene.id == "tcp-3way", "Tab wraps around to the first card")
    }

    @Test("w in the reader lists the lesson's glossary terms; a shows all; q returns to the lesson")
    func lessonTerms() throws {
        var h = AppHarness(language: .en, lessons: Fixtures.all)
        h.state.context.glossary = try shippedGlossary()
        h.state.home?.selectedID = "ip"
        h.press("enter", "w")  // IPv4 vs IPv6 mentions NAT and DHCP
        #expect(h.state.screen == .glossary)
        let terms = GlossaryScreen.entries(h.state.top!.glossaryState!, h.state.context).map(\.term)
        #expect(terms.contains("DHCP") && terms.contains("SLAAC") && !terms.contains("ACK"), "\(terms)")
        #expect(h.frame().rowText(0).contains("Terms in: IPv4 vs IPv6"))
        h.press("a")
        #expect(h.frame().rowText(0).contains("Glossary (\(h.state.context.glossary.count))"))
        h.press("q")
        #expect(h.state.screen == .reader && h.state.reader?.lessonID == "ip")
    }
}

extension Screen {
    var glossaryState: GlossaryScreen.State? { if case .glossary(let s) = self { s } else { nil } }
}
