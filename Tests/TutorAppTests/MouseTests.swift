import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

@Suite("Mouse: wheel and click")
struct MouseTests {
    @Test("The wheel scrolls the reader three lines a notch, and the help while it is open; a screen without up/down ignores it")
    func wheel() throws {
        var h = AppHarness(language: .en, lessons: Fixtures.all)
        h.press("enter", "wheeldown")
        #expect(h.state.reader?.top == 3)
        h.press("wheelup")
        #expect(h.state.reader?.top == 0)
        var q = quizHarness(language: .en)
        q.press("?", "wheeldown")
        #expect(q.state.showHelp && q.state.helpScroll == 3, "the wheel scrolls help instead of closing it")
        var p = try playerHarness(.tcp3Way)
        let before = p.state
        p.press("wheeldown")
        #expect(p.state == before)
    }

    @Test("A click on a home row selects it; a click on the selected row opens it")
    func clickHome() {
        var h = AppHarness(language: .en, lessons: Fixtures.all)
        // Rows: 3 is the top border's next line, the transport heading; 4 tcp, 5 udp.
        h.press("click:10,5")
        #expect(h.state.home?.selectedID == "udp" && h.state.screen == .home)
        h.press("click:10,5")
        #expect(h.state.screen == .reader && h.state.reader?.lessonID == "udp")
        h.press("q", "click:10,3")
        #expect(h.state.screen == .home && h.state.home?.selectedID == "udp", "a heading is not selectable")
    }

    @Test("A click on a scene card in the reader plays that card")
    func clickScene() {
        var h = AppHarness(language: .ko, lessons: Fixtures.all + [twoScenesKo])
        h.state.home?.selectedID = "pair"
        h.press("enter")
        let row = (0..<24).first { h.frame().rowText($0).contains("TCP 4-way") }!
        h.press("click:20,\(row + 1)")
        #expect(h.state.player?.scene.id == "tcp-4way")
    }

    @Test("A click in the glossary list selects the term")
    func clickGlossary() {
        var h = AppHarness(language: .en, lessons: Fixtures.all)
        h.state.context.glossary = glossaryFixture
        h.press("w", "click:5,5")
        #expect(h.state.top!.glossaryState?.selected == "REST")
    }
}
