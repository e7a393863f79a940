import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

@Suite("App behaviour (reduce + effects)")
struct AppBehaviourTests {
    @Test("Home lists lessons grouped by topic in reading order")
    func homeGroupsByTopic() {
        let h = AppHarness(lessons: Fixtures.all)
        let rows = HomeScreen.rows(HomeScreen.visibleLessons(h.state.home!, h.state.context))
        #expect(rows.map { row -> String in
            switch row { case .topic(let t): "#\(t.rawValue)"; case .lesson(let m): m.id; case .labsHeading: "#labs"; case .lab(let s): s.id }
        } == ["#transport", "tcp", "udp", "#infrastructure", "ip"])
    }

    @Test("Enter opens the selected lesson: a loadLesson effect, then the reader shows it")
    func enterOpensLesson() {
        var h = AppHarness(lessons: Fixtures.all)
        h.press("down", "enter")
        #expect(h.effects.first == .loadLesson(id: "udp", language: .ko))
        #expect(h.state.screen == .reader)
        #expect(h.state.reader?.lesson == Fixtures.udpKo)
    }

    @Test("A short lesson is marked read at once; a long one only when scrolled to the end")
    func readMarking() {
        var h = AppHarness(lessons: Fixtures.all)
        h.press("enter")  // the long lesson
        #expect(!h.effects.contains(.markRead(lessonID: "tcp")))
        h.press("pgdn")
        #expect(!h.state.readLessons.contains("tcp"))
        h.press("end")
        #expect(h.effects.last == .markRead(lessonID: "tcp"))
        #expect(h.state.readLessons.contains("tcp"))
        h.press("home", "end")
        #expect(h.effects.filter { $0 == .markRead(lessonID: "tcp") }.count == 1, "marked once only")
        h.press("q", "down", "enter")
        #expect(h.effects.last == .markRead(lessonID: "udp"))
    }

    @Test("Scrolling is clamped to the lesson: line, page, Home and End")
    func scrollingClamps() {
        var h = AppHarness(lessons: Fixtures.all)
        h.press("enter", "up")
        #expect(h.state.reader?.top == 0)
        h.press("down", "down")
        #expect(h.state.reader?.top == 2)
        h.press("pgdn")
        #expect(h.state.reader?.top == 2 + 19)
        h.press("end")
        let lines = h.state.reader!.lines(size: h.state.size, glyphs: .unicode).count
        #expect(h.state.reader?.top == lines - 21)
        h.press("down", "pgdn")
        #expect(h.state.reader?.top == lines - 21)
        h.press("home")
        #expect(h.state.reader?.top == 0)
    }

    @Test("n and p move to the next and previous lesson; at the ends a message says so")
    func nextPrevious() {
        var h = AppHarness(lessons: Fixtures.all)
        h.press("enter", "n")
        #expect(h.state.reader?.lessonID == "udp")
        h.press("n")
        #expect(h.state.reader?.lessonID == "ip")
        h.press("n")
        #expect(h.state.reader?.lessonID == "ip")
        #expect(h.state.message == "마지막 레슨입니다.")
        h.press("p", "p", "p")
        #expect(h.state.reader?.lessonID == "tcp")
        #expect(h.state.message == "첫 레슨입니다.")
        h.press("q")
        #expect(h.state.screen == .home && h.state.home?.selectedID == "tcp")
    }

    @Test("q and Esc back out of the reader; from home they quit")
    func backAndQuit() {
        var h = AppHarness(lessons: Fixtures.all)
        h.press("enter", "esc")
        #expect(h.state.screen == .home && !h.quit)
        h.press("q")
        #expect(h.quit && h.effects.last == .quit)
    }

    @Test("Ctrl-C quits from anywhere, even with the help overlay open")
    func ctrlCQuits() {
        var h = AppHarness(lessons: Fixtures.all)
        h.press("enter", "?", "ctrl+c")
        #expect(h.quit)
    }

    @Test("/ filters by title in Hangul or English; Backspace edits, Esc clears")
    func filterByTitle() {
        var h = AppHarness(lessons: Fixtures.all)
        h.press("/")
        h.type("핸드")
        #expect(HomeScreen.visibleLessons(h.state.home!, h.state.context).map(\.id) == ["tcp"])
        h.press("backspace", "backspace")
        h.type("ipv6")
        #expect(HomeScreen.visibleLessons(h.state.home!, h.state.context).map(\.id) == ["ip"])
        #expect(h.state.home?.selectedID == "ip")
        h.press("backspace", "backspace", "backspace", "backspace")
        h.type("UDP")  // English title matches in Korean mode too
        #expect(HomeScreen.visibleLessons(h.state.home!, h.state.context).map(\.id) == ["udp"])
        h.press("enter")  // keep the filter, leave typing
        #expect(h.state.home?.isTypingFilter == false && h.state.home?.filter == "UDP")
        h.press("enter")
        #expect(h.state.reader?.lessonID == "udp")
        h.press("q", "q")  // first q clears the filter rather than quitting
        #expect(h.state.home?.filter.isEmpty == true && !h.quit)
        h.press("/")
        h.type("zz")
        h.press("esc")
        #expect(h.state.home?.filter.isEmpty == true && HomeScreen.visibleLessons(h.state.home!, h.state.context).count == 3)
    }

    @Test("While typing a filter, letters are text, not commands")
    func filterSwallowsCommandKeys() {
        var h = AppHarness(lessons: Fixtures.all)
        h.press("/", "q", "L", "?")
        #expect(h.state.home?.filter == "qL?" && !h.quit && h.state.language == .ko && !h.state.showHelp)
    }

    @Test("L switches Korean and English in place, keeping the reading position")
    func languageSwitchKeepsPlace() {
        var h = AppHarness(lessons: Fixtures.all)
        h.press("L")
        #expect(h.state.language == .en && h.state.screen == .home)
        h.press("L", "enter")
        for _ in 0..<30 { h.press("down") }
        let block = h.state.reader!.anchorBlock(size: h.state.size, glyphs: .unicode)
        #expect(block > 2)
        h.press("L")
        #expect(h.effects.suffix(2) == [.loadLesson(id: "tcp", language: .en), .lessonOpened(lessonID: "tcp")])
        #expect(h.state.reader?.lesson == Fixtures.long(.en))
        #expect(h.state.reader!.anchorBlock(size: h.state.size, glyphs: .unicode) == block)
    }

    @Test("A resize reflows the lesson and keeps the same block at the top")
    func resizeKeepsPlace() {
        var h = AppHarness(lessons: Fixtures.all)
        h.press("enter")
        for _ in 0..<25 { h.press("down") }
        let block = h.state.reader!.anchorBlock(size: h.state.size, glyphs: .unicode)
        h.resize(120, 40)
        #expect(h.state.reader!.anchorBlock(size: h.state.size, glyphs: .unicode) == block)
        h.resize(81, 25)
        #expect(h.state.reader!.anchorBlock(size: h.state.size, glyphs: .unicode) == block)
    }

    @Test("? opens help; any key closes it without acting")
    func helpOverlay() {
        var h = AppHarness(lessons: Fixtures.all)
        h.press("?")
        #expect(h.state.showHelp)
        h.press("q")
        #expect(!h.state.showHelp && !h.quit)
    }

    @Test("The help overlay lists every binding of the screen's table")
    func helpIsGeneratedFromBindings() {
        var h = AppHarness(language: .en, lessons: Fixtures.all)
        h.press("enter", "?")
        let text = h.screenText
        for binding in KeyBindings.reader + KeyBindings.global {
            // Two columns wrap a long label under itself: each word is there.
            for word in binding.label.en.split(separator: " ") { #expect(text.contains(word), "\(binding.label.en)") }
        }
    }

    @Test("A lesson that fails to load returns home with the error shown")
    func loadFailure() {
        var h = AppHarness(lessons: Fixtures.all)
        h.lessons.removeValue(forKey: "ko/udp")
        h.press("down", "enter")
        #expect(h.state.screen == .home)
        #expect(h.state.message == "Content/ko/udp.md:1: cannot read file")
        #expect(h.frame().rowText(23).contains("cannot read file"))
    }

    @Test("Below 80x24 keys still work and the notice replaces the frame")
    func tooSmall() {
        var h = AppHarness(lessons: Fixtures.all)
        h.resize(30, 10)
        #expect(h.state.isTooSmall)
        #expect(h.screenText.contains("터미널 창을 키워 주세요"))
        h.resize(80, 24)
        #expect(!h.screenText.contains("터미널 창을 키워 주세요"))
    }

    @Test("Idle: nothing animates, so the run loop blocks on input without a timeout")
    func idleDoesNotTick() {
        var h = AppHarness(lessons: Fixtures.all)
        #expect(!h.state.isAnimating)
        h.press("enter")
        #expect(!h.state.isAnimating)
        let before = h.state
        h.tick(1)
        #expect(h.state == before)
    }
}
