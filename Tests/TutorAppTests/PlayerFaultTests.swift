import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// `d`, `u` and `r` as a new user tried them (issue 13 review): a drop never skips what has not
/// been seen, never drops a lost segment twice, and a restart says the drops are kept.
@Suite("Player faults: drop, undo, restart")
struct PlayerFaultTests {
    @Test("d drops the next segment and stays on the same event: nothing is skipped unseen")
    func dropKeepsCursor() throws {
        var h = try playerHarness(.tcp3Way)
        h.press("right")  // LISTEN, at t=0 like the SYN and its state and timer
        h.press("d")
        #expect(h.state.player!.cursor == 0 && h.state.player!.injected == [1], "it once jumped to the last event at t=0")
        h.press("right")
        #expect(h.state.player!.currentEvent?.kind == .send && h.state.player!.currentEvent?.n == 1, "the dropped SYN is still shown being sent")
    }

    @Test("d r d u: the second d drops the next segment not already lost, u undoes only it, r says what is kept")
    func dropRestartUndo() throws {
        var h = try playerHarness(.tcp3Way)
        h.press("d", "r")
        #expect(h.state.message?.contains("#1 still dropped") == true)
        h.press("d")
        #expect(h.state.player!.injected == [1, 2], "#1 is already lost: d drops #2, the retransmitted SYN")
        h.press("u")
        #expect(h.state.player!.injected == [1])
        #expect(h.state.player!.trace.events.contains { $0.kind == .drop && $0.n == 1 })
    }

    @Test("In predict mode d names only the ordinal it dropped, not the segment")
    func dropInPredictMode() throws {
        var h = try playerHarness(.tcp3Way)
        h.press("p", "d")
        #expect(h.state.message == "\(UIText.dropped[.en]) #1")
    }

    /// The event log's arrow follows lane order: the UDP pair (lanes 2 and 3) sends left to right.
    @Test("The event log points each send from its sender's lane to its receiver's")
    func logDirection() throws {
        var h = try playerHarness(.udpVsTcp, size: Size(width: 120, height: 40))
        while h.state.player!.currentEvent?.label?.hasPrefix("datagram") != true { h.press("right") }
        let text = h.screenText
        #expect(text.contains("→ datagram 1") && !text.contains("← datagram"), "\(text)")
    }
}
