import Foundation
import NetSim
import Testing
import TutorContent
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

func expectSnapshot(_ h: AppHarness, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if let why = Snapshot.failure(Snapshot.check(h.frame(), named: name)) { Issue.record(Comment(rawValue: why), sourceLocation: sourceLocation) }
}

@Suite("Screen snapshots")
struct SnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 93, height: 27)]

    /// Reviewer: topic headings (전송 계층, 인프라), the three lessons with summaries, a ✓ on
    /// TCP와 UDP only, "읽음 1/3" in the title bar, the detail box for the first lesson, key bar.
    @Test("Home, Korean", arguments: sizes)
    func homeKorean(size: Size) {
        let h = AppHarness(size: size, lessons: Fixtures.all, readLessons: ["udp"])
        expectSnapshot(h, "home-ko-\(size.width)x\(size.height)")
    }

    /// Reviewer: the same screen in English with English topic names and key labels.
    @Test("Home, English", arguments: [Size(width: 80, height: 24)])
    func homeEnglish(size: Size) {
        let h = AppHarness(size: size, language: .en, lessons: Fixtures.all)
        expectSnapshot(h, "home-en-\(size.width)x\(size.height)")
    }

    /// Reviewer: the filter prompt with Hangul typed, only the matching lesson listed.
    @Test("Home, filtering in Hangul")
    func homeFilter() {
        var h = AppHarness(lessons: Fixtures.all)
        h.press("/")
        h.type("핸드")
        expectSnapshot(h, "home-filter-80x24")
        #expect(h.frame().cursor != nil, "the cursor shows where text goes")
    }

    /// Reviewer: a content warning line under the title bar when a lesson was skipped.
    @Test("Home with a skipped lesson warning")
    func homeWarning() {
        let h = AppHarness(lessons: Fixtures.all, warnings: ["Content/ko/bad.md:1: missing field 'topic' in front matter"])
        expectSnapshot(h, "home-warning-80x24")
    }

    /// Reviewer: the Korean table's column rules line up on every row (Hangul = 2 columns),
    /// bold and code text, the quote bar, bullets, title bar with %, progress row, key bar.
    @Test("Reader with a Korean table", arguments: sizes)
    func readerKoreanTable(size: Size) {
        var h = AppHarness(size: size, lessons: Fixtures.all)
        h.state.home?.selectedID = "ip"; h.press("enter")
        expectSnapshot(h, "reader-table-ko-\(size.width)x\(size.height)")
    }

    /// Reviewer: the English version of the same lesson.
    @Test("Reader, English table")
    func readerEnglishTable() {
        var h = AppHarness(size: Size(width: 80, height: 24), language: .en, lessons: Fixtures.all)
        h.state.home?.selectedID = "ip"; h.press("enter")
        expectSnapshot(h, "reader-table-en-80x24")
    }

    /// Reviewer: a scene card framed in the text with its title and the coming-soon note.
    @Test("Reader, scene card scrolled into view")
    func readerSceneCard() {
        var h = AppHarness(lessons: Fixtures.all)
        h.press("enter")
        for _ in 0..<14 { h.press("down") }
        expectSnapshot(h, "reader-scene-ko-80x24")
    }

    /// Reviewer: the end of a long lesson: "끝" marker, sources, 100%.
    @Test("Reader at the end of a lesson")
    func readerEnd() {
        var h = AppHarness(lessons: Fixtures.all)
        h.press("enter", "end")
        expectSnapshot(h, "reader-end-ko-80x24")
    }

    /// Reviewer: ASCII mode: no box-drawing or bullets, only ASCII glyphs around Hangul.
    @Test("Reader in ASCII mode")
    func readerASCII() {
        var h = AppHarness(lessons: Fixtures.all, ascii: true)
        h.state.home?.selectedID = "ip"; h.press("enter")
        expectSnapshot(h, "reader-table-ko-ascii-80x24")
        for y in 0..<24 {
            #expect(h.frame().rowText(y).unicodeScalars.allSatisfy { $0.isASCII || $0.properties.isAlphabetic || $0.value == 0xD7 || $0.value == 0xA7 }, "row \(y)")
        }
    }

    /// Reviewer: help box centred over home listing home and global keys, Korean labels.
    @Test("Help overlay", arguments: [Size(width: 80, height: 24), Size(width: 100, height: 30)])
    func help(size: Size) {
        var h = AppHarness(size: size, lessons: Fixtures.all)
        h.press("?")
        expectSnapshot(h, "help-home-ko-\(size.width)x\(size.height)")
    }

    /// Reviewer: help over the reader lists the reader's keys.
    @Test("Help overlay over the reader, English")
    func helpReader() {
        var h = AppHarness(language: .en, lessons: Fixtures.all)
        h.press("enter", "?")
        expectSnapshot(h, "help-reader-en-80x24")
    }

    /// Reviewer: a centred notice with the current size; nothing else drawn.
    @Test("Too-small notice", arguments: [Size(width: 79, height: 24), Size(width: 30, height: 10), Size(width: 80, height: 23)])
    func tooSmall(size: Size) {
        var h = AppHarness(lessons: Fixtures.all)
        h.resize(size.width, size.height)
        expectSnapshot(h, "too-small-ko-\(size.width)x\(size.height)")
    }

    /// Reviewer: at a tiny size the notice is what is drawn (as much of it as fits), and the
    /// lesson comes back intact at 80x24.
    @Test("Too-small notice at tiny sizes never crashes", arguments: [Size(width: 1, height: 1), Size(width: 0, height: 0), Size(width: 5, height: 2), Size(width: 79, height: 30)])
    func tiny(size: Size) {
        var h = AppHarness(language: .en, lessons: Fixtures.all)
        h.press("enter")
        let title = Fixtures.all.first { $0.meta.id == h.state.reader!.lessonID && $0.meta.language == .en }!.meta.title
        h.resize(size.width, size.height)
        let frame = h.frame()
        #expect(frame.width == size.width && frame.height == size.height)
        let text = (0..<frame.height).map { frame.rowText($0) }.joined(separator: "\n")
        #expect(!text.contains(String(title.prefix(min(size.width, 8)))) || size.width == 0, "the lesson is not drawn squeezed")
        if size.width >= 5 { #expect(text.contains(String("Please enlarge the terminal".prefix(size.width))) || text.contains("80×24")) }
        h.resize(80, 24)
        #expect(h.screenText.contains(title) && h.state.reader?.lesson != nil)
    }
}

/// Every shipped lesson, in both languages, at 80×24: the first screen as a snapshot, and every
/// page checked for rows of exactly 80 display columns.
@Suite("Shipped lessons in the reader")
struct ShippedLessonSnapshots {
    static let library = ContentLibrary(root: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent(),
                                        knownScenes: Set(SceneCatalog.ids))
    static let ids: [String] = library.loadCatalog().0.ids

    /// The scene cards of the lab lessons open their labs (Enter with the card on screen).
    @Test("Enter on the congestion-control card opens the cwnd lab; on url-to-page and dns-round-robin, the URL journey",
          arguments: ["congestion-control", "url-to-page", "dns-round-robin"])
    func labCards(id: String) throws {
        let lessons = Language.allCases.compactMap { try? Self.library.loadLesson(id: id, language: $0).get() }
        var h = AppHarness(size: Size(width: 80, height: 24), language: .en, lessons: lessons)
        h.state.home?.selectedID = id
        h.press("enter")
        var pages = 0
        while h.state.screen == .reader && pages < 40 {
            h.press("enter")
            if h.state.screen == .reader { h.press("pgdn"); pages += 1 }
        }
        #expect(h.state.screen == (id == "congestion-control" ? .cwnd : .journey))
        h.press("q")
        #expect(h.state.screen == .reader, "back to the lesson")
    }

    /// Reviewer: the lesson's title bar, first heading and opening paragraphs, wrapped at 76
    /// columns, Hangul aligned; nothing overflows.
    @Test("Reader snapshot per lesson", arguments: ids)
    func lesson(id: String) throws {
        for language in Language.allCases {
            let lessons = Language.allCases.compactMap { try? Self.library.loadLesson(id: id, language: $0).get() }
            var h = AppHarness(size: Size(width: 80, height: 24), language: language, lessons: lessons)
            h.state.home?.selectedID = id
            h.press("enter")
            #expect(h.state.reader?.lesson?.meta.language == language)
            expectSnapshot(h, "lesson-\(id)-\(language.rawValue)-80x24")
            var last = -1
            while h.state.reader!.top != last {
                last = h.state.reader!.top
                let grid = h.frame()
                for y in 0..<grid.height {
                    let row = grid.rowText(y)
                    #expect(TextWidth.width(of: row) == 80, "\(id) \(language) top \(last) row \(y)")
                    #expect(!row.unicodeScalars.contains { $0.value < 0x20 }, "control character in \(id)")
                }
                h.press("pgdn")
            }
        }
    }
}
