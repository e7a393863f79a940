import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// Enter on a capture's finding opens the lesson at the section that explains it.
@Suite("A capture's finding opens its lesson section")
struct CaptureFindingLinkTests {
    static let lesson = Fixtures.parse("""
    ---
    id: congestion-control
    title: Congestion control
    topic: transport
    order: 5
    summary: cwnd.
    ---
    ## The big picture

    \((1...40).map { "Line \($0) of the first section." }.joined(separator: "\n\n"))

    ## Reacting to loss: timeout vs 3 duplicate ACKs

    Three duplicate ACKs start a fast retransmit.
    """, .en)

    static func capture() -> (SceneSpec, Trace) {
        func send(_ n: Int, _ findings: [String]) -> TraceEvent {
            var e = TraceEvent(t: Double(n), kind: .send, n: n, from: "A", to: "B", segment: Segment(flags: .ack, seq: 1, ack: 1, win: 100), arrival: Double(n), narration: Localized(ko: "", en: ""))
            e.findings = findings
            return e
        }
        var trace = Trace(scene: "capture", endpoints: ["A", "B"], events: [send(1, []), send(2, ["dup-ack"]), send(3, [])])
        trace.measured = true
        let measured = trace
        let spec = SceneSpec(id: "capture", order: 0, title: Localized(ko: "캡처", en: "capture"), summary: Localized(ko: "", en: ""),
                             options: [], prediction: .label, stateMachine: .tcp, simulate: { _ in measured })
        return (spec, measured)
    }

    @Test("Enter after a dup-ack opens congestion-control at 'Reacting to loss'; before any finding it says so")
    func enterOpensSection() throws {
        var h = AppHarness(size: Size(width: 80, height: 24), language: .en, lessons: Fixtures.all + [Self.lesson])
        let (spec, _) = Self.capture()
        h.state.push(.player(try PlayerScreen.State(scene: spec)))
        h.press("right", "enter")
        #expect(h.state.player != nil && h.state.message == "No finding up to here; n goes to the next one.")
        h.press("right", "right", "enter")   // past the finding: the last one so far counts
        let reader = try #require(h.state.reader)
        #expect(reader.lessonID == "congestion-control")
        #expect(h.screenText.contains("Reacting to loss: timeout vs 3 duplicate ACKs"))
        #expect(!h.screenText.contains("Line 1 of the first section."))
        h.press("q")
        #expect(h.state.player?.cursor == 2)
    }

    @Test("The key bar shows what works: a capture's n and Enter, no d or u; a scene that re-simulates drops keeps d and has no Enter")
    func keysThatWork() throws {
        let (spec, _) = Self.capture()
        var player = try PlayerScreen.State(scene: spec)
        let capture = PlayerScreen.bindings(player)
        #expect(capture.contains { $0.command == .nextFinding && $0.inBar } && capture.contains { $0.command == .open && !$0.inBar })
        player.go(to: 1)   // the dup-ack: now Enter has something to open
        #expect(PlayerScreen.bindings(player).contains { $0.command == .open && $0.inBar })
        #expect(!capture.contains { ($0.command == .dropNext || $0.command == .undoFault) && $0.inBar })
        let scene = PlayerScreen.bindings(try PlayerScreen.State(scene: .tcp3Way))
        #expect(scene.contains { $0.command == .dropNext } && !scene.contains { $0.command == .open })
    }

    @Test("n stops once per run of one kind: the first duplicate ACK, then the fast retransmission, then the next duplicate ACK")
    func nextFindingSkipsRuns() throws {
        func send(_ n: Int, _ findings: [String]) -> TraceEvent {
            var e = TraceEvent(t: Double(n), kind: .send, n: n, from: "A", to: "B", segment: Segment(flags: .ack, seq: 1, ack: 1, win: 100), arrival: Double(n), narration: Localized(ko: "", en: ""))
            e.findings = findings
            return e
        }
        let trace = Trace(scene: "capture", endpoints: ["A", "B"], events: [send(1, ["dup-ack"]), send(2, ["dup-ack"]), send(3, []), send(4, ["dup-ack"]),
                                                                              send(5, ["fast-retransmission", "retransmission"]), send(6, ["dup-ack"])])
        let spec = SceneSpec(id: "capture", order: 0, title: Localized(ko: "캡처", en: "capture"), summary: Localized(ko: "", en: ""),
                             options: [], prediction: .label, stateMachine: .tcp, simulate: { _ in trace })
        var h = AppHarness(size: Size(width: 80, height: 24), language: .en, lessons: Fixtures.all)
        h.state.push(.player(try PlayerScreen.State(scene: spec)))
        var stops: [Int] = []
        for _ in 0..<3 { h.press("n"); stops.append(h.state.player?.cursor ?? -9) }
        #expect(stops == [0, 4, 5])
        h.press("n")
        #expect(h.state.player?.cursor == 5 && h.state.message == "No more findings after this point.")
    }

    @Test("A capture within 100 ms reads in microseconds (not '0ms' on every packet); a scene's whole milliseconds stay as they are")
    func fineTimes() throws {
        func at(_ t: Double) -> TraceEvent { TraceEvent(t: t, kind: .send, n: 1, from: "A", to: "B", segment: Segment(flags: .syn, seq: 0), arrival: t, narration: Localized(ko: "", en: "")) }
        var capture = Trace(scene: "c", endpoints: ["A", "B"], events: [at(0), at(0.019), at(0.037), at(12.3456)])
        capture.measured = true
        #expect(DiagramLayout.fineTimes(capture))
        #expect([0, 0.019, 12.3456].map { DiagramLayout.timeText($0, fine: true) } == ["0.000ms", "0.019ms", "12.346ms"])
        #expect(!DiagramLayout.fineTimes(try SceneSpec.tcp3Way.simulate(SceneOptions())))
        #expect(DiagramLayout.timeText(305.4, fine: false) == "305ms")
    }

    @Test("Predict mode is off for a capture (it guesses a model's next message; a capture is what was sent), and p says so")
    func noPredictOnCaptures() throws {
        var (spec, trace) = Self.capture()
        trace.measured = true
        let measured = trace
        let live = SceneSpec(id: "capture", order: 0, title: spec.title, summary: spec.summary, options: [], prediction: .label, stateMachine: .tcp, simulate: { _ in measured })
        var h = AppHarness(size: Size(width: 80, height: 24), language: .en, lessons: Fixtures.all)
        h.state.push(.player(try PlayerScreen.State(scene: live)))
        h.press("p")
        #expect(h.state.player?.predictMode == false && h.state.message == "Predict mode guesses what a model sends next; a capture is what was sent: step it with →.")
    }
}
