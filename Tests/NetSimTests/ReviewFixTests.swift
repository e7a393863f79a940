@testable import NetSim
import Testing
import TutorCore

/// Rules a new user's review found broken (issue 13), each named after what it checks.
@Suite("Simulation rules found by review")
struct ReviewFixTests {
    /// RFC 9293 §3.8.6: RCV.WND is the buffer still free, and out-of-order data held for later
    /// takes room in it: each duplicate ACK after a loss advertises less, not the whole buffer.
    @Test("RFC 9293 §3.8.6: held out-of-order data shrinks the advertised window")
    func heldDataShrinksWindow() throws {
        let trace = try SceneSpec.udpVsTcp.simulate(SceneOptions())
        let acks = trace.events.filter { $0.kind == .send && $0.from == "TCP server" && $0.segment?.flags == .ack }.compactMap(\.segment)
        let duplicates = acks.filter { $0.ack == acks.first?.ack }
        #expect(duplicates.count >= 3)
        #expect(zip(duplicates, duplicates.dropFirst()).allSatisfy { $1.win < $0.win }, "\(duplicates.map(\.win))")
    }

    /// Kurose & Ross §3.4.4: the Selective Repeat receiver delivers the expected packet at
    /// once; only out-of-order packets wait in its buffer, so the panel never shows a packet
    /// both expected and held.
    @Test("Selective Repeat: the expected packet is never also in the buffer")
    func expectedNotBuffered() throws {
        let trace = try SceneSpec.arqSelectiveRepeat.simulate(SceneOptions())
        for e in trace.events {
            guard let a = e.panel?.arqWindow else { continue }
            #expect(!a.buffered.contains(a.expected), "at \(e.t)ms: expects \(a.expected), holds \(a.buffered.sorted())")
        }
    }

    /// RFC 9293 §3.6: in a simultaneous close both ends close before hearing the other, so both
    /// are active closers; the narration must not call either "the side that closes first".
    @Test("Simultaneous close: both FINs are active closes, neither is first")
    func simultaneousCloseNarration() throws {
        let text = try SceneSpec.tcpSimultaneousClose.simulate(SceneOptions()).events.map(\.narration.en).joined(separator: "\n")
        #expect(!text.contains("closes first") && !text.contains("closed first"))
        #expect(text.contains("active close"))
    }

    /// Korean narration names the lanes as the player does (클라이언트, 서버) with the particle
    /// their last syllable takes (서버가, 클라이언트의), and 으로/로 after numbers (ACK 0으로, ACK 1로).
    @Test("Korean narration: lane names in Korean, particles after them and after numbers")
    func koreanNarration() throws {
        let tcp = try SceneSpec.tcp4Way.simulate(SceneOptions()).events.map(\.narration.ko).joined(separator: "\n")
        #expect(tcp.contains("서버가") && tcp.contains("클라이언트의") && !tcp.contains("server") && !tcp.contains("client"))
        let arq = try SceneSpec.arqGoBackN.simulate(SceneOptions()).events.map(\.narration.ko).joined(separator: "\n")
        #expect(!arq.contains("0로") && !arq.contains("3로") && !arq.contains("6로"), "0 영, 3 삼, 6 육 end in a consonant: 으로")
        #expect(arq.contains("base=1로") || arq.contains("base=2로"), "1 일 (ㄹ) and 2 이 take 로")
        #expect(josa(label: "서버", "이") == "가" && josa(label: "클라이언트", "을") == "를" && josa(label: "파일", "으로") == "로")
    }

    /// The window strip must tell a finished transfer from a fresh window: the snapshot says how
    /// many packets there are in all.
    @Test("An ARQ snapshot knows how many packets there are in all")
    func snapshotTotal() throws {
        let trace = try SceneSpec.arqStopAndWait.simulate(SceneOptions())
        let last = try #require(trace.panel(at: trace.events.count - 1)?.arqWindow)
        #expect(last.total != nil && last.base >= last.total!)
    }
}
