import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// The player reads what it needs from the scene and the trace, not from TCP: the state
/// diagram, what predict mode asks for, and the colour of each arrow.
@Suite("Scene player: what the scene says")
struct PlayerSceneTests {
    /// The role of the cells where `text` is written on screen.
    func role(of text: String, in h: AppHarness) -> Role? {
        let grid = h.frame()
        for y in 0..<grid.height {
            let row = Array(grid.rowText(y))
            guard let start = (0...max(0, row.count - text.count)).first(where: { String(row[$0..<min(row.count, $0 + text.count)]) == text }) else { continue }
            return grid[start, y].style.role
        }
        return nil
    }

    @Test("s draws the TCP state diagram for a TCP scene; an ARQ scene has none and says so")
    func stateDiagram() throws {
        var tcp = try playerHarness(.tcp3Way)
        tcp.press("right", "right", "s")
        #expect(tcp.state.player!.showStates)
        #expect(tcp.screenText.contains("TCP states (RFC 9293 Figure 5)"))
        var arq = try playerHarness(.arqGoBackN)
        arq.press("right", "s")
        #expect(!arq.state.player!.showStates)
        #expect(!arq.screenText.contains("TCP states"))
        #expect(arq.state.message == "This scene has no state diagram to draw.")
    }

    @Test("Predict mode asks an ARQ scene for the packet's label, and checks it")
    func predictLabel() throws {
        var h = try playerHarness(.arqGoBackN)
        h.press("p", "right")
        #expect(h.state.player!.awaitingGuess == 0)
        #expect(h.screenText.contains("Predict this packet: pkt or ACK"))
        #expect(!h.screenText.contains("flags, seq, ack"))
        h.type("pkt 0")
        h.press("enter")
        #expect(h.state.player!.verdict?.correct == true)
        h.press("right")
        while h.state.player!.awaitingGuess == nil { h.press("right") }
        h.type("pkt 0")  // the next send is pkt 1
        h.press("enter")
        #expect(h.state.player!.verdict?.correct == false)
        #expect(h.state.player!.verdict?.expected == "pkt 1")
    }

    @Test("Arrows are coloured by the message's role: an ARQ packet is data, its ACK an ack, a SYN opens")
    func colours() throws {
        // 80 columns: no event list, whose rows name the packets too.
        var arq = try playerHarness(.arqStopAndWait, size: Size(width: 80, height: 40))
        for _ in 0..<7 { arq.press("right") }  // pkt 0 and its ACK on screen
        #expect(role(of: "#1 pkt 0", in: arq) == .data)
        #expect(role(of: "#2 ACK 0", in: arq) == .ack)
        var tcp = try playerHarness(.tcp3Way)
        tcp.press("right", "right")
        #expect(role(of: "#1 SYN seq=1000", in: tcp) == .syn)
    }

    @Test("The journey's TLS part (a fixed trace) takes no drops")
    func fixedTraceNoDrops() throws {
        var h = AppHarness(language: .en, lessons: Fixtures.all)
        let journey = try URLJourney.build(JourneyParameters())
        h.state.push(.player(PlayerScreen.State(trace: journey.sequenceTrace(.tls), scene: .urlJourney)))
        h.press("d")
        #expect(h.state.player!.injected.isEmpty)
        #expect(h.state.message == UIText.fixedTrace[.en])
    }
}
