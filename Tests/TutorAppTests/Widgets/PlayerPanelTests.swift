import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// Which side panel the player shows, and where: the latest one at or before the cursor, the
/// initial one before the first event, nothing from an event whose segment is being guessed.
@Suite("PlayerPanel: which panel, how tall, drawn above the diagram")
struct PlayerPanelTests {
    /// Reviewer: the diagram gives up two rows to either panel and none when a scene has none.
    @Test("Two rows for either panel, none without one")
    func height() throws {
        let arq = try SceneSpec.arqGoBackN.simulate(SceneOptions()), flow = try SceneSpec.flowControl.simulate(SceneOptions())
        #expect(PlayerPanel.height(arq.initialPanel) == 2 && PlayerPanel.height(flow.initialPanel) == 2)
        #expect(PlayerPanel.height(nil) == 0)
    }

    /// Reviewer: with event 5's panel removed, cursor 5 still shows event 4's (the latest one
    /// carried), -1 shows the initial panel, and a send awaiting a guess shows the one before.
    @Test("The panel is the latest at or before the cursor; the initial one at -1; the one before a send being guessed")
    func choice() throws {
        var t = try SceneSpec.flowControl.simulate(SceneOptions())
        #expect(PlayerPanel.panel(of: t, cursor: -1, awaitingGuess: nil) == t.initialPanel)
        t.events[5].panel = nil
        #expect(PlayerPanel.panel(of: t, cursor: 5, awaitingGuess: nil) == t.events[4].panel)
        #expect(PlayerPanel.panel(of: t, cursor: 6, awaitingGuess: 6) == t.events[4].panel)
        #expect(PlayerPanel.panel(of: t, cursor: 6, awaitingGuess: nil) == t.events[6].panel)
    }

    /// Reviewer: in the player at 80x24, Go-Back-N starts at base=0 next=0, and the first step
    /// (pkt 0 sent) moves next to 1.
    @Test("Go-Back-N in the player: next=0 before the start, next=1 after pkt 0")
    func goBackNInPlayer() throws {
        var h = try playerHarness(.arqGoBackN)
        #expect(h.screenText.contains(" sender   [0  1  2  3] 4  5  6  7   base=0 next=0 · seq numbers mod 8"), "\(h.screenText)")
        h.press("right")
        #expect(h.screenText.contains("base=0 next=1"))
    }

    /// Reviewer: the flow-control scene shows the gauge under the endpoints' header before the
    /// first event, in Korean too.
    @Test("Flow control in the player: the gauge from the start")
    func flowInPlayer() throws {
        let en = try playerHarness(.flowControl).screenText
        #expect(en.contains(" server receive buffer [░░░░░░░░░] 0/3000 B unread · no rwnd advertised yet"), "\(en)")
        #expect(en.contains(" client 0 B in flight · no rwnd heard yet"))
        let ko = try playerHarness(.flowControl, language: .ko).screenText
        #expect(ko.contains("수신 버퍼") && ko.contains("아직 받은 rwnd 없음"), "\(ko)")
    }

    /// Reviewer: in predict mode the strip does not give the guessed packet away: while pkt 0's
    /// label is hidden the window is not shown at all (its next= would be the answer).
    @Test("Predict mode: the panel of the send being guessed is not shown")
    func predictHidesThePanel() throws {
        var h = try playerHarness(.arqGoBackN)
        h.press("p", "right")
        #expect(h.state.player!.awaitingGuess == 0)
        #expect(!h.screenText.contains("next=") && h.screenText.contains("The window is hidden until you have made your guess"), "\(h.screenText)")
        h.type("pkt 0"); h.press("enter")
        #expect(h.screenText.contains("base=0 next=1"), "after the guess the window is back, as after the send")
    }
}
