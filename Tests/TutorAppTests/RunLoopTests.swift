import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// The real run loop (`AppLoop`) driven by a scripted back end and a fake clock.
@Suite("Run loop")
struct RunLoopTests {
    func loop(_ screen: StartUp.StartScreen, _ steps: [TestBackend.Step], lessons: [Lesson] = []) -> (AppLoop<TestBackend, FakeShell, FakeClock>, TestBackend) {
        let clock = FakeClock()
        let backend = TestBackend(clock: clock, steps: steps)
        var start = StartUp(catalog: LessonCatalog(lessons.map(\.meta)), language: .en, size: backend.size, screen: screen)
        start.now = clock.wall
        return (AppLoop(state: AppState(start: start), backend: backend, runner: FakeShell(lessons: lessons), clock: clock), backend)
    }

    /// The bug of issue 12: Go-Back-N played, paused, left for 6 s and resumed jumped to its
    /// last event, because the first tick after the pause carried the whole pause.
    @Test("Pause, wait 6 s, resume: the next frame plays one frame's time, not the pause")
    func pauseResume() throws {
        var (loop, backend) = loop(.scene(.arqGoBackN, SceneOptions()),
                                   [.press("space"), .frame, .frame, .frame, .press("space"), .wait(6), .press("space"), .frame])
        loop.run()
        let p = try #require(loop.state.player)
        let total = p.trace.events.count
        #expect(p.cursor < total - 1, "the player is not at its last event")
        #expect(p.playing && p.cursor >= 0)
        #expect(!backend.presented.last!.rowText(0).contains("\(total)/\(total)"))
        // Four frames of 33 ms (the first event and a little of its dwell), not 6 s worth:
        // 6 s would have shown a dozen events and 150 ms of simulated time.
        #expect(p.cursor < 3 && p.time < 4 * 0.034 * 50 + 1, "played \(p.time) ms, \(p.cursor + 1) events")
    }

    @Test("Idle, the loop blocks with no timeout; playing, it asks for 30 frames a second")
    func ticksOnlyWhileAnimating() {
        var (loop, backend) = loop(.scene(.tcp3Way, SceneOptions()), [.wait(5), .press("space"), .frame, .press("space")])
        loop.run()
        #expect(backend.timeouts == [nil, 33, 33, nil])
        #expect(backend.presented.count == 4, "the first frame, then one per event but the last (Ctrl-C quits)")
    }

    @Test("Effects run through the runner (a lesson loads); Ctrl-Z suspends and repaints at the new size; Ctrl-C quits")
    func effectsSuspendQuit() {
        var (loop, backend) = loop(.home, [.press("enter"), .press("ctrl+z")], lessons: [Fixtures.ipEn])
        loop.run()
        #expect(loop.state.screen == .reader && loop.state.reader?.lesson != nil)
        #expect(backend.suspensions == 1)
        #expect(backend.presented.last!.snapshotText().contains("IPv4 vs IPv6"))
    }

    /// Start-up draws the first frame before reading the glossary (only the glossary needs
    /// it), and reads it before the first key acts, so `w` finds it.
    @Test("The glossary is read once, after the first frame and before the first key")
    func glossaryAfterFirstFrame() throws {
        var (loop, backend) = loop(.home, [.press("w")])
        loop.runner.glossary = [GlossaryEntry(term: "handshake", definition: Localized(ko: "연결을 여는 교환", en: "the exchange that opens a connection"))]
        loop.run()
        #expect(loop.runner.glossaryReads == 1)
        #expect(loop.state.glossary.count == 1)
        #expect(loop.state.screen == .glossary)
        #expect(backend.presented.count == 2, "the first frame, then the glossary")
        #expect(backend.presented.last!.snapshotText().contains("handshake"))
    }

    @Test("Saving later: the loop asks the store once a second, and the footer turns to saved when a retry wrote the answers")
    func savingLaterTurnsToSaved() {
        var (loop, backend) = loop(.home, [.wait(5), .frame, .frame, .press("t")])
        loop.state.saving = .savingLater
        var asked = 0
        loop.currentSaving = { asked += 1; return asked >= 2 ? .saved : .savingLater }
        loop.run()
        #expect(loop.state.saving == .saved)
        // Polled while waiting (1 s, no animation), then blocked again once saved: idle is idle.
        #expect(backend.timeouts.prefix(3) == [1000, 1000, nil])
    }
}
