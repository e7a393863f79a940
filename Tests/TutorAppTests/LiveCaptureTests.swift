import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// `trace --live`: the player polls the capture four times a second and grows its trace; it
/// follows the newest segment while that is on screen, and stays put while one is read.
@Suite("Live capture in the player")
struct LiveCaptureTests {
    static func trace(_ n: Int) -> Trace {
        let events = (0..<n).map { i in
            TraceEvent(t: Double(i), kind: .send, n: i + 1, from: "A", to: "B", segment: Segment(flags: .ack, seq: UInt32(i), ack: 1, win: 100), arrival: Double(i), narration: Localized(ko: "", en: "seg \(i)"))
        }
        return Trace(scene: "live", endpoints: ["A", "B"], events: events)
    }

    static func harness(language: Language = .en) -> AppHarness {
        var start = StartUp(catalog: LessonCatalog(Fixtures.all.map(\.meta)), language: language, size: Size(width: 80, height: 24), screen: .liveCapture(source: "lo (tcp port 8080)", stream: 0))
        start.ascii = true
        var h = AppHarness(size: Size(width: 80, height: 24), language: language, lessons: Fixtures.all)
        h.state = AppState(start: start)
        return h
    }

    @Test("Before any segment it says where it listens; it ticks every 250 ms only to poll, and a poll that finds nothing changes nothing")
    func waiting() {
        var h = Self.harness()
        #expect(h.state.tickInterval == 250)
        #expect(h.screenText.contains("Waiting for TCP segments on lo (tcp port 8080)"))
        let before = h.screenText
        h.tick(0.25)
        #expect(h.shell.livePolls == 1 && h.screenText == before)
        #expect(h.effects.last == .pollLiveCapture)
    }

    @Test("New segments follow the cursor when it was on the newest; a rewound cursor stays where it is; the packet count is shown")
    func grows() throws {
        var h = Self.harness()
        h.shell.liveUpdates = [(Self.trace(3), 5, 1), (Self.trace(6), 9, 1), (Self.trace(8), 12, 2)]
        h.tick(0.25)
        #expect(h.state.player?.cursor == 2 && h.state.player?.trace.events.count == 3)
        #expect(h.screenText.contains("live 5 pkts"))
        h.tick(0.25)
        #expect(h.state.player?.cursor == 5)
        h.press("left", "left")
        h.tick(0.25)
        #expect(h.state.player?.cursor == 3 && h.state.player?.trace.events.count == 8)
        #expect(h.screenText.contains("live 12 pkts, 2 TCP streams"))
        #expect(h.state.message == "A new TCP conversation began (2 so far); this player follows stream 0. --stream N follows another.")
    }

    @Test("Korean mode: the waiting note and the packet count are Korean")
    func korean() {
        var h = Self.harness(language: .ko)
        #expect(h.screenText.contains("lo (tcp port 8080)에서 TCP 세그먼트를 기다리는 중입니다"))
        h.shell.liveUpdates = [(Self.trace(1), 2, 1)]
        h.tick(0.25)
        #expect(h.screenText.contains("실시간 2패킷"))
    }

    @Test("A scene that is not live never polls and does not tick while paused")
    func notLive() throws {
        var h = AppHarness(size: Size(width: 80, height: 24), language: .en, lessons: Fixtures.all)
        h.state.push(.player(try PlayerScreen.State(scene: .tcp3Way)))
        #expect(h.state.tickInterval == nil)
        h.tick(0.25)
        #expect(h.shell.livePolls == 0)
    }
}

/// `trace FILE` with several TCP conversations on a terminal: pick one, Enter plays it.
@Suite("Capture conversation chooser")
struct CaptureChooserTests {
    static func conversation(_ port: UInt16, frames: Int) -> Conversation {
        var c = Conversation(proto: .tcp, a: Endpoint(ip: "127.0.0.1", port: port), b: Endpoint(ip: "127.0.0.1", port: 8000), start: Double(port - 40000) / 10, end: Double(port - 40000) / 10 + 0.5)
        c.framesAB = frames; c.bytesAB = frames * 100
        return c
    }

    static func harness(language: Language = .en) -> AppHarness {
        var h = AppHarness(size: Size(width: 80, height: 24), language: language, lessons: Fixtures.all, ascii: true)
        h.state.push(.captureChooser(CaptureChooserScreen.State(path: "/tmp/x/http.pcap", conversations: [conversation(40001, frames: 12), conversation(40002, frames: 7)])))
        return h
    }

    @Test("The list reads like --list; ↓ Enter asks the shell for stream 1 and plays it; q from the player comes back to the list")
    func choose() throws {
        var h = Self.harness()
        expectGrid(h.frame(), [
            " Capture http.pcap: 2 TCP conversations                          1/2  [English] ",
            " Pick the TCP conversation to play (Enter); --stream N opens one directly.      ",
            " #  A                B               Packets  Bytes    Start  Duration          ",
            " 0  127.0.0.1:40001  127.0.0.1:8000       12   1200  0.100 s   0.500 s          ",
            " 1  127.0.0.1:40002  127.0.0.1:8000        7    700  0.200 s   0.500 s          ",
        ], area: Rect(x: 0, y: 0, width: 80, height: 5))
        h.shell.captures = ["/tmp/x/http.pcap": [1: LiveCaptureTests.traceScene()]]
        h.press("down", "enter")
        #expect(h.effects.last == .openCapture(path: "/tmp/x/http.pcap", stream: 1))
        #expect(h.state.player?.trace.events.count == 4)
        h.press("q")
        if case .captureChooser(let s) = h.state.top { #expect(s.selected == 1) } else { Issue.record("not back on the chooser") }
    }

    @Test("A stream the shell cannot read is a message, and the list stays")
    func failure() {
        var h = Self.harness()
        h.press("enter")
        #expect(h.state.message == "/tmp/x/http.pcap: cannot read")
        if case .captureChooser = h.state.top {} else { Issue.record("left the chooser") }
    }

    @Test("Korean mode is Korean: title, hint, header")
    func korean() {
        let h = Self.harness(language: .ko)
        for phrase in ["캡처 http.pcap: TCP 대화 2개", "재생할 TCP 대화를 고르세요", "번호", "패킷", "바이트"] { #expect(h.screenText.contains(phrase), "\(phrase)") }
    }
}

extension LiveCaptureTests {
    static func traceScene() -> SceneSpec {
        let t = trace(4)
        return SceneSpec(id: "capture", order: 0, title: Localized(ko: "캡처", en: "capture"), summary: Localized(ko: "", en: ""), options: [], prediction: .label, stateMachine: .tcp, simulate: { _ in t })
    }
}
