import Testing
import TutorCore
import TutorTestSupport
@testable import TutorApp

/// Ticks belong to one animation: pausing and resuming starts a new one, so time spent paused
/// is never played. (Before, the first tick after a pause carried the whole pause: Go-Back-N
/// paused at 32/76 for 6 s jumped to 76/76 on resume.)
@Suite("Animation ticks")
struct TickTests {
    /// The run loop measures a tick from the previous one of the same generation; a tick it
    /// measured across a pause still carries the old generation and must change nothing.
    @Test("Player: a tick measured across a pause is ignored after resume")
    func playerPauseResume() throws {
        var h = try playerHarness(.arqGoBackN)
        h.press("space")
        let first = h.state.animationGeneration
        h.tick(0.5)
        h.press("space")  // pause
        let paused = h.state.player!
        h.press("space")  // resume: a new animation
        #expect(h.state.animationGeneration != first)
        h.send(.tick(elapsed: 6, generation: first))  // the stale 6 s the old loop would send
        #expect(h.state.player!.cursor == paused.cursor, "resume does not jump")
        #expect(h.state.player!.time == paused.time)
        h.tick(0.1)
        #expect(h.state.player!.time > paused.time, "ticks of the new animation play")
        #expect(h.state.player!.cursor < h.state.player!.trace.events.count - 1)
    }

    @Test("Cwnd lab: a tick measured across a pause is ignored after resume")
    func cwndPauseResume() {
        var h = cwndHarness()
        h.press("space")
        let first = h.state.animationGeneration
        h.tick(0.5)
        h.press("space", "space")
        let cursor = h.state.cwnd!.cursor
        h.send(.tick(elapsed: 6, generation: first))
        #expect(h.state.cwnd!.cursor == cursor)
        #expect(h.state.isAnimating)
    }

    @Test("Journey: a tick measured across a pause is ignored after resume")
    func journeyPauseResume() {
        var h = journeyHarness()
        h.press("space")
        let first = h.state.animationGeneration
        h.tick(0.5)
        h.press("space", "space")
        let before = h.state.journey!
        h.send(.tick(elapsed: 6, generation: first))
        #expect(h.state.journey! == before)
        #expect(h.state.isAnimating)
    }
}
