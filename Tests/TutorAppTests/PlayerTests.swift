import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

func playerHarness(_ scene: SceneSpec, size: Size = Size(width: 80, height: 24), language: Language = .en) throws -> AppHarness {
    var h = AppHarness(size: size, language: language, lessons: Fixtures.all)
    h.state.push(.player(try PlayerScreen.State(scene: scene)))
    return h
}

@Suite("Scene player")
struct PlayerTests {
    /// Every playable scene, stepped through every event at three sizes, renders full-width rows
    /// and never crashes.
    @Test("Every scene steps through every event at 80x24, 93x27 and 200x60", arguments: SceneCatalog.all.filter { $0.kind == .sequence })
    func stepsThroughAllEvents(scene: SceneSpec) throws {
        for size in [Size(width: 80, height: 24), Size(width: 93, height: 27), Size(width: 200, height: 60)] {
            var h = try playerHarness(scene, size: size)
            let count = h.state.player!.trace.events.count
            for _ in 0...count {
                h.press("right")
                let grid = h.frame()
                for y in 0..<grid.height { #expect(TextWidth.width(of: grid.rowText(y)) == size.width) }
            }
            #expect(h.state.player!.cursor == count - 1)
            h.press("s")
            _ = h.frame()
        }
    }

    @Test("← rewinds to the previous event exactly (true rewind)")
    func rewind() throws {
        var h = try playerHarness(.tcp3Way)
        h.press("right", "right", "right")
        let before = h.screenText
        h.press("right", "left")
        #expect(h.screenText == before)
        #expect(h.state.player!.cursor == 2)
    }

    @Test("v switches away from the view on screen, also when the layout chose the ladder by itself")
    func viewToggleFromShown() throws {
        var h = try playerHarness(.tls13Handshake)
        h.press("right")
        _ = h.frame()
        #expect(h.state.player!.layoutMemo?.layout.mode == .ladder, "80 columns: the labels need the ladder")
        h.press("v")
        _ = h.frame()
        #expect(h.state.player!.layoutMemo?.layout.mode == .slanted)
        h.press("v")
        _ = h.frame()
        #expect(h.state.player!.layoutMemo?.layout.mode == .ladder)
    }

    @Test("d drops the next segment: the future re-simulates with a retransmission; u undoes it")
    func dropAndUndo() throws {
        var h = try playerHarness(.tcp3Way)
        h.press("right")  // LISTEN
        h.press("d")      // the SYN
        let p = h.state.player!
        #expect(p.injected == [1])
        #expect(p.trace.events.contains { $0.kind == .drop && $0.n == 1 })
        #expect(p.trace.events.filter { $0.kind == .send && $0.segment?.flags == .syn }.count == 2)
        #expect(h.state.message?.contains("#1 SYN seq=1000") == true)
        h.press("u")
        #expect(h.state.player!.injected.isEmpty)
        #expect(!h.state.player!.trace.events.contains { $0.kind == .drop })
    }

    @Test("Space plays: ticks advance time and events; playing animates, paused does not")
    func playback() throws {
        var h = try playerHarness(.tcp4Way)
        #expect(!h.state.isAnimating)
        h.press("space")
        #expect(h.state.isAnimating)
        h.tick(2)  // the first events at t=0 shown in turn, then the FIN on its way
        #expect(h.state.player!.time > 0)
        #expect(h.state.player!.cursor > 0)
        h.press("space")
        #expect(!h.state.isAnimating)
        h.press("space")
        for _ in 0..<400 { h.tick(0.1) }
        #expect(!h.state.isAnimating, "stops at the end")
        #expect(h.state.player!.cursor == h.state.player!.trace.events.count - 1)
    }

    @Test("A packet in flight is drawn part-way between the lifelines")
    func inFlight() throws {
        var h = try playerHarness(.tcp3Way)
        h.press("right", "right")  // the SYN is sent at t=0
        h.press("space")
        h.tick(0.9)  // the dwell, then about 25 ms of the 50 (past its label, which hides it at the start)
        let text = h.screenText
        #expect(text.contains("•"))
    }

    @Test("Predict mode hides each segment until the user guesses its flags and numbers")
    func predict() throws {
        var h = try playerHarness(.tcp3Way)
        h.press("p", "right")  // LISTEN: not a segment
        #expect(h.state.player!.awaitingGuess == nil)
        h.press("right")       // the SYN: hidden, a guess is asked for
        #expect(h.state.player!.awaitingGuess == 1)
        #expect(h.screenText.contains("#1 ?") && !h.screenText.contains("#1 SYN"))
        h.type("syn 1000")
        h.press("enter")
        #expect(h.state.player!.verdict?.correct == true)
        #expect(h.screenText.contains("#1 SYN seq=1000"))
        while h.state.player!.currentEvent?.segment?.flags != [.syn, .ack] || h.state.player!.currentEvent?.kind != .send { h.press("right") }
        h.type("SYN+ACK 5000 1000")  // wrong ack: the SYN occupies a number
        h.press("enter")
        #expect(h.state.player!.verdict?.correct == false)
        #expect(h.state.player!.verdict?.expected == "SYN+ACK 5000 1001")
        #expect(h.state.player!.verdict?.wrong == ["ack"], "the feedback names the field that was wrong")
        #expect(h.screenText.contains("It was: SYN+ACK 5000 1001  wrong: ack"))
        #expect(h.state.player!.score == (1, 2))
        #expect(h.state.player!.prediction.check("ack, seq=1001 ack=5001", against: h.state.player!.trace.events.first { $0.kind == .send && $0.segment?.flags == .ack }!))
    }

    @Test("+ and - change the speed within limits; q leaves the player")
    func speedAndBack() throws {
        var h = try playerHarness(.arqGoBackN)
        h.press("+", "+", "+", "+")
        #expect(h.state.player!.speed == 4)
        h.press("-", "-", "-", "-", "-", "-")
        #expect(h.state.player!.speed == 0.25)
        h.press("q")
        #expect(h.state.screen == .home && h.state.player == nil)
    }

    @Test("Home lists the playable scenes under Labs; Enter plays one")
    func labs() {
        var h = AppHarness(lessons: Fixtures.all)
        h.press("end")  // the labs come last, in catalog order
        for _ in SceneCatalog.all where h.state.home?.selectedID != "scene:flow-control" { h.press("up") }
        #expect(h.state.home?.selectedID == "scene:flow-control")
        h.press("enter")
        #expect(h.state.screen == .player)
        h.press("q")
        #expect(h.state.screen == .home)
    }

    @Test("In the reader, Enter plays the scene card on screen")
    func readerEnterPlaysScene() {
        var h = AppHarness(lessons: Fixtures.all)
        h.press("enter", "end")
        h.press("enter")
        #expect(h.state.screen == .reader, "no scene card on the last screen: Enter does nothing")
        h.press("home")
        h.press("enter")
        #expect(h.state.screen == .player && h.state.player?.scene == .tcp3Way)
        h.press("q")
        #expect(h.state.screen == .reader)
    }
}

@Suite("Player snapshots")
struct PlayerSnapshotTests {
    /// The three moments each scene is pinned at: just after its first send, half-way through
    /// its events, its last event.
    static func moments(_ trace: Trace) -> [(name: String, cursor: Int)] {
        [("start", trace.events.firstIndex { $0.kind == .send } ?? 0), ("middle", trace.events.count / 2), ("end", trace.events.count - 1)]
    }

    /// Reviewer (each checked against `nettutor play <id> --plain`): the lanes named in the
    /// reader's language with their states; each message a line from its sender's lifeline to
    /// the receiver's (slanted where labels fit, else the ladder, said in the title bar), its
    /// label on its own line and never over another, ✕ where it is lost, ↻ on a
    /// retransmission; states and timers whole in the margins; the side panel (ARQ window,
    /// receive buffer) where the scene has one; the narration of the current event; from 110
    /// columns the event log up to the cursor.
    @Test("Every scene at its start, middle and end, 80x24 and 120x40, English and Korean",
          arguments: SceneCatalog.all.filter { $0.kind == .sequence }.map(\.id))
    func everyScene(id: String) throws {
        let spec = try SceneCatalog.lookup(id)
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            for language in [Language.en, .ko] {
                var h = try playerHarness(spec, size: size, language: language)
                for (name, cursor) in Self.moments(h.state.player!.trace) {
                    while h.state.player!.cursor < cursor { h.press("right") }
                    expectSnapshot(h, "scene-\(id)-\(name)-\(language == .ko ? "ko" : "en")-\(size.width)x\(size.height)")
                }
            }
        }
    }

    /// Reviewer: the `s` overlay over the 4-way close scene at step 14 (just after the
    /// handshake): RFC 9293 Figure 5 with its edges and labels filling the 76×22 box; both ends
    /// ESTABLISHED, and the legend names the server's SYN-RECEIVED → ESTABLISHED just taken.
    @Test("State diagram overlay")
    func stateDiagram() throws {
        var h = try playerHarness(.tcp4Way)
        for _ in 0..<14 { h.press("right") }
        h.press("s")
        expectSnapshot(h, "player-states-80x24")
    }
}
