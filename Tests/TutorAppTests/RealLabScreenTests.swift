import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// `cwnd --real` on a terminal, on made-up TCP_INFO samples: slow start to 40, a fast
/// recovery down to 20 at 0.2 s, the RTT rising from 1 ms to 9 ms as the queue fills.
@Suite("Kernel TCP lab screen")
struct RealLabScreenTests {
    static func result() -> RealLabResult {
        var samples: [KernelSample] = []
        for i in 0...40 {
            let t = Double(i) * 0.01
            let lossy = i >= 20
            let cwnd = lossy ? 20 + (i - 20) : 10 + i * 3 / 2
            samples.append(KernelSample(t: t, cwnd: cwnd, ssthresh: lossy ? 20 : nil, rttMs: 1 + Double(min(i, 20)) * 0.4,
                                        retrans: lossy ? 2 : 0, state: i == 20 ? "Recovery" : "Open", deliveryRate: nil, bytesAcked: i * 10_000))
        }
        return RealLabResult(samples: samples, algorithm: .reno)
    }

    /// A capture whose events are 10 ms apart, the first at 0 (the SYN, 15 ms before the samples' clock).
    static func capture() -> SceneSpec {
        let events = (0..<50).map { i in
            TraceEvent(t: Double(i) * 10, kind: .send, n: i + 1, from: "A", to: "B", segment: Segment(flags: .ack, seq: UInt32(i), ack: 1, win: 100), arrival: Double(i) * 10, narration: Localized(ko: "", en: ""))
        }
        let trace = Trace(scene: "capture", endpoints: ["A", "B"], events: events)
        return SceneSpec(id: "capture", order: 0, title: Localized(ko: "캡처", en: "capture"), summary: Localized(ko: "", en: ""),
                         options: [], prediction: .label, stateMachine: .tcp, simulate: { _ in trace })
    }

    static func harness(language: Language = .en, capture: SceneSpec? = capture()) throws -> AppHarness {
        var h = AppHarness(size: Size(width: 80, height: 24), language: language, lessons: Fixtures.all, ascii: true)
        h.state.push(.realLab(try RealLabScreen.State(result: result(), settings: "20mbit, queue 64kb", capture: capture, captureOffset: 0.015, chart: .ascii)))
        return h
    }

    static func lab(_ h: AppHarness) -> RealLabScreen.State? { if case .realLab(let s) = h.state.stack.last { s } else { nil } }

    @Test("n jumps to the loss response (RFC 5681 §3.2: cwnd fell with a retransmission) and the reading names it; N goes back, and says when there is none")
    func lossResponseReading() throws {
        var h = try Self.harness()
        h.press("n")
        #expect(Self.lab(h)?.cursor == 20)
        #expect(h.screenText.contains("At 0.200 s: kernel cwnd 20"))
        #expect(h.screenText.contains("ssthresh 20"))
        #expect(h.screenText.contains("Last loss response: at 0.200 s: cwnd 38 → 20 (fast recovery)"))
        h.press("n")
        #expect(h.state.message == "No more loss responses that way." && Self.lab(h)?.cursor == 20)
        h.press("end", "N")
        #expect(Self.lab(h)?.cursor == 20)
        h.press("N")
        #expect(Self.lab(h)?.cursor == 20 && h.state.message == "No more loss responses that way.")
    }

    @Test("Enter opens the capture at the same moment (the samples' clock plus the capture's offset); without a capture it says so")
    func enterOpensPackets() throws {
        var h = try Self.harness()
        h.press("n", "enter")
        // 0.200 s + 0.015 s = 215 ms: the last event at or before it is the one at 210 ms.
        #expect(h.state.player?.cursor == 21)
        h.press("q")
        #expect(Self.lab(h)?.cursor == 20)
        var bare = try Self.harness(capture: nil)
        bare.press("enter")
        #expect(bare.state.player == nil && bare.state.message == "No packets were captured in this run.")
    }

    @Test("The screen at 80x24 in ASCII: both charts, the loss mark, the unloaded RTT line, the reading at the cursor")
    func snapshot() throws {
        var h = try Self.harness()
        h.press("n")
        expectGrid(h.frame(), [
            " Kernel TCP (Reno): 20mbit, queue 64kb                0.200 / 0.40 s  [English] ",
            " At 0.200 s: kernel cwnd 20 (model 89.0), ssthresh 20, RTT 9.00 ms (empty queue ",
            " 1.00), 2 retransmitted so far, state Recovery                                  ",
            " Last loss response: at 0.200 s: cwnd 38 → 20 (fast recovery)                   ",
            "+- Congestion window (segments): kernel vs model ------------------------------+",
            "|100 seg|                                ..:                                   |",
            "|       |              ........:'''''''''' :                              .... |",
            "|       |   ..:'''''''''                   :            .........:'''''''''    |",
            "|     50|   :                              x....:''''''''                      |",
            "|       |  :'                ...........:'':             .............:''''''' |",
            "|       | .:..........:'''''''             :.::::::'::::':..... .... ...... .. |",
            "|      0|''''                              :                                   |",
            "|       +--------------------------------------------------------------------- |",
            "|        0.00                                                           0.40 s |",
            "| = kernel cwnd  * model (Reno, same losses)  - ssthresh  x loss response      |",
            "+------------------------------------------------------------------------------+",
            "+- RTT (ms): it grows as the queue fills --------------------------------------+",
            "|  10 ms|                  ............'''':'''''''''''''''''''''''''''''''''' |",
            "|      5|....:':':':':':':'. . . . . . . . : . . . . . . . . . . . . . . . . . |",
            "|       +--------------------------------------------------------------------- |",
            "|        0.00                                                           0.40 s |",
            "| = the kernel's srtt  - empty queue 1.00 ms: above it is queueing delay       |",
            "+------------------------------------------------------------------------------+",
            " Left/Right move in time  n next loss  Enter packets  q/Esc back  ? help        ",
        ])
    }

    @Test("Korean mode is Korean: title, reading, chart titles, legends and keys")
    func korean() throws {
        var h = try Self.harness(language: .ko)
        h.press("n")
        let text = h.screenText
        for phrase in ["커널 TCP(Reno)", "0.200초: 커널 cwnd 20", "혼잡 윈도우(세그먼트): 커널 vs 모델", "RTT(ms): 큐가 차면 늘어납니다", "손실 대응", "빈 큐", "다음 손실", "패킷"] {
            #expect(text.contains(phrase), "\(phrase)")
        }
        #expect(!text.contains("kernel") && !text.contains("loss response"))
    }
}
