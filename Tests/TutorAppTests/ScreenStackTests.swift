import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// The screen stack: screens ask for pushes and pops, popping the last one quits, and every
/// key goes through the top screen's keymap, the same table the key bar and `?` show.
@Suite("Screen stack and keymaps")
struct ScreenStackTests {
    @Test("Lesson, then its scene, then back twice: each q returns to the screen below, intact")
    func pushAndPop() {
        var h = AppHarness(language: .en, lessons: Fixtures.all)
        h.press("enter")                        // the tcp lesson (its scene card is on the first page)
        h.press("pgdn")
        let top = h.state.reader!.top
        h.press("home", "enter")                // the card plays
        #expect(h.state.stack.map(\.kind) == [.home, .reader, .player])
        h.press("space")
        h.press("q")
        #expect(h.state.stack.map(\.kind) == [.home, .reader] && h.state.reader?.top == 0)
        h.press("pgdn")
        #expect(h.state.reader!.top == top, "the reader kept its lesson and scroll state")
        h.press("q")
        #expect(h.state.stack.map(\.kind) == [.home] && h.state.home?.selectedID == "tcp")
        #expect(!h.quit)
        h.press("q")
        #expect(h.quit, "popping the last screen quits")
    }

    @Test("A screen started alone (nettutor play) quits when left; so does a quiz started alone")
    func startedAlone() throws {
        var h = AppHarness(language: .en, lessons: Fixtures.all)
        h.state = AppState(size: h.state.size, language: .en, catalog: h.state.catalog, screen: .player(try PlayerScreen.State(scene: .tcp3Way)))
        h.press("right", "escape")
        #expect(h.quit && h.state.stack.isEmpty)
    }

    @Test("Ticks reach only the top screen: a scene playing below a pushed diagram does not move")
    func ticksOnlyOnTop() {
        var h = journeyHarness()
        h.press("space")
        h.goTo("SYN seq=1000")
        h.press("v")                            // the handshake player over the journey
        #expect(!h.state.isAnimating, "the player starts paused")
        h.tick(5)
        h.press("q")
        #expect(h.state.screen == .journey && h.trip.message.label == "SYN seq=1000")
    }

    @Test("While text is typed, ? and L are text; Ctrl-Z still suspends")
    func typingKeymap() {
        var h = AppHarness(language: .en, lessons: Fixtures.all)
        h.press("/")
        h.type("?L")
        #expect(h.state.home?.filter == "?L" && !h.state.showHelp && h.state.language == .en)
        h.press("ctrl+z")
        #expect(h.effects.last == .suspend)
    }

    /// Every key the key bar offers does what its keymap says: the bar is drawn from the same
    /// bindings the router reads, for every mode of every screen reached here.
    @Test("The key bar offers only keys of the top screen's keymap, and each one is routed")
    func barMatchesKeymap() {
        var h = quizHarness()
        for _ in 0..<30 where h.state.screen == .quiz {
            let top = h.state.top!
            let bar = KeyBindings.bar(top.bindings, includeGlobal: !top.capturesText, language: .en, ascii: false)
            let row = h.frame().rowText(h.state.size.height - 1)
            for entry in bar.prefix(2) { #expect(row.contains(entry.key + " " + entry.label), "\(row)") }
            for b in top.bindings { #expect(KeyBindings.command(for: b.keys[0], in: top.bindings, includeGlobal: !top.capturesText) == b.command) }
            h.answerAnything()  // every phase in turn: answering, rubric, feedback
        }
    }

    /// The last lab must be reachable: the list's height is the box's inner height, so the
    /// selection is never scrolled below the box (it once was, by one row).
    @Test("End selects the last lab and it is on screen, at 80x24")
    func lastRowVisible() {
        var h = AppHarness(language: .en, lessons: Fixtures.all)
        h.press("G")
        #expect(h.state.home?.selectedID == "scene:url-journey")
        #expect(h.screenText.contains("url-journey  "), "\(h.screenText)")
    }

    @Test("The feedback keymap offers v only when the question has a scene")
    func replayOnlyWithScene() {
        var h = quizHarness()
        var seen: Set<Bool> = []
        for _ in 0..<9 where h.state.screen == .quiz && h.quiz.phase != .summary {
            h.answerAnything()
            if h.quiz.phase == .rubric { h.press("enter") }
            guard h.quiz.phase == .feedback else { continue }
            let hasScene = h.quiz.answered?.question.scene != nil
            seen.insert(hasScene)
            #expect(h.state.top!.bindings.contains { $0.command == .replayScene } == hasScene)
            #expect(h.frame().rowText(23).contains("replay") == hasScene)
            h.press("enter")
        }
        #expect(seen == [true, false], "the fixture has questions with and without a scene")
    }

    @Test("Restarting a scene clears the last predict verdict")
    func restartClearsVerdict() throws {
        var h = try playerHarness(.tcp3Way)
        h.press("p", "right", "right")
        h.press("escape")
        #expect(h.state.player?.verdict != nil)
        h.press("r")
        #expect(h.state.player?.verdict == nil && !h.screenText.contains("It was"))
    }
}
