import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// Many lessons with no body (what the catalog knows), so the home list must scroll even at 120x40.
func manyLessons(_ n: Int) -> [Lesson] {
    (1...n).map { i in
        Lesson(meta: LessonMeta(id: "l\(i)", language: .en, title: "Lesson \(i)", topic: Topic.allCases[i % 5], order: i, summary: "Summary \(i)", blockCount: 10), blocks: [])
    }
}

@Suite("Home: progress per lesson, resume, scrolling")
struct HomeProgressTests {
    /// The row of the selected item on screen, if it is there and drawn highlighted.
    static func highlightedRow(_ h: AppHarness) -> Int? {
        let frame = h.frame()
        let list = HomeScreen.layout(h.state.size).list
        return (list.y + 1..<list.maxY - 1).first { y in frame[2, y].style.reverse && frame[list.maxX - 3, y].style.reverse }
    }

    @Test("End, PgDn and ↓ keep the selected row on screen and highlighted; the last lab is reachable, at 80x24 and 120x40",
          arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func scrolling(size: Size) {
        var h = AppHarness(size: size, language: .en, lessons: manyLessons(30))
        h.press("end")
        #expect(h.state.home?.selectedID == "scene:url-journey")
        let row = Self.highlightedRow(h)
        #expect(row != nil && h.frame().rowText(row!).contains("url-journey"), "\(h.screenText)")
        h.press("home")
        for _ in 0..<6 {
            h.press("pgdn")
            #expect(Self.highlightedRow(h) != nil, "after PgDn: \(h.state.home!)")
        }
        h.press("home")
        for n in 1...40 {
            h.press("down")
            #expect(Self.highlightedRow(h) != nil, "after \(n) ↓")
        }
    }

    @Test("Each started lesson shows how far it was read and its quiz state; the detail box says it in words")
    func statusColumn() {
        var h = AppHarness(language: .en, lessons: Fixtures.all)
        let blocks = h.state.catalog.meta(id: "tcp", language: .en)!.blockCount
        #expect(blocks > 20)
        h.state.context.positions = ["tcp": blocks / 2]
        h.state.context.now = 1000
        h.state.context.cards = ["tcp/a": Card(due: 500), "tcp/b": Card(due: 5000), "udp/a": Card(due: 5000)]
        let tcp = h.frame().rowText(4), udp = h.frame().rowText(5)
        let percent = blocks / 2 * 100 / blocks
        #expect(tcp.hasSuffix("\(percent)%  quiz 2  due 1 │"), "\(tcp)")
        #expect(udp.hasSuffix("quiz 1 │"), "\(udp)")
        #expect(h.screenText.contains("Read to \(percent)%. Quiz: 2 answered, 1 due now."))
    }

    /// The catalog parses only started lessons' bodies (start-up); a lesson first opened in this
    /// run learns its block count when it loads, so home shows its percent read at once.
    @Test("A lesson the catalog has no block count for gets it when opened; home then shows its percent read")
    func blockCountFromOpening() {
        var h = AppHarness(language: .en, lessons: Fixtures.all)
        let blocks = h.state.catalog.meta(id: "tcp", language: .en)!.blockCount
        h.state.catalog = LessonCatalog(Fixtures.all.map { l in var m = l.meta; m.blockCount = 0; return m })
        h.state.context.positions = ["tcp": blocks / 2]
        #expect(!h.frame().rowText(4).contains("%"), "no block count: no percent yet")
        h.press("enter")
        #expect(h.state.screen == .reader)
        #expect(h.state.catalog.meta(id: "tcp", language: .en)!.blockCount == blocks)
        h.press("q")
        #expect(h.frame().rowText(4).contains("\(blocks / 2 * 100 / blocks)%"), "\(h.screenText)")
    }

    @Test("Home offers the lesson opened last; c opens it where reading stopped; opening another moves the offer")
    func resume() {
        var h = AppHarness(language: .en, lessons: Fixtures.all)
        h.press("c")
        #expect(h.state.message == "No lesson was opened yet." && h.state.screen == .home)
        h.state.context.lastLesson = "tcp"
        h.state.context.positions = ["tcp": 10]
        #expect(h.frame().rowText(1).hasPrefix(" c continue: TCP handshake "), "\(h.frame().rowText(1))")
        h.press("c")
        #expect(h.state.screen == .reader && h.state.reader?.lessonID == "tcp")
        #expect(h.state.reader!.anchorBlock(size: h.state.size, glyphs: .unicode) >= 9, "opened at its saved block")
        h.press("n")  // the next lesson is now the last one opened
        h.press("q")
        #expect(h.state.lastLesson == "udp" && h.frame().rowText(1).contains("continue: TCP vs UDP"))
    }
}
