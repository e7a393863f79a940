@testable import NetSim
import Testing
import TutorCore

/// A small trace by hand: a client with states, a stateless lane, one lost and one delivered send.
private func sample() -> Trace {
    let n = Localized(ko: "", en: "")
    let syn = Segment(flags: .syn, seq: 1000)
    return Trace(scene: "sample", endpoints: ["client", "server", "lane"], events: [
        TraceEvent(t: 0, kind: .send, n: 1, from: "client", to: "server", segment: syn, arrival: 25, narration: n),
        TraceEvent(t: 0, kind: .state, endpoint: "client", state: "SYN-SENT", narration: n),
        TraceEvent(t: 0, kind: .timerStart, endpoint: "client", timer: "RTO", duration: 1000, narration: n),
        TraceEvent(t: 10, kind: .send, from: "lane", to: "server", label: "datagram 1", role: .data, arrival: 60, narration: n),
        TraceEvent(t: 25, kind: .drop, n: 1, from: "client", to: "server", segment: syn, narration: n),
        TraceEvent(t: 60, kind: .deliver, from: "lane", to: "server", label: "datagram 1", role: .data, narration: n),
        TraceEvent(t: 1000, kind: .timerStart, endpoint: "client", timer: "RTO", duration: 2000, narration: n),
        TraceEvent(t: 1000, kind: .state, endpoint: "client", state: "CLOSED", narration: n),
    ], initialState: "CLOSED")
}

@Suite("Trace queries (what the player asks of a trace)")
struct TraceQueryTests {
    @Test("An endpoint's state: the initial state before its first change, the latest change at the cursor, nil for a lane without states")
    func stateAtCursor() {
        let t = sample()
        #expect(t.state(of: "client", at: -1) == "CLOSED")
        #expect(t.state(of: "client", at: 0) == "CLOSED")
        #expect(t.state(of: "client", at: 1) == "SYN-SENT")
        #expect(t.state(of: "client", at: 6) == "SYN-SENT")
        #expect(t.state(of: "client", at: 7) == "CLOSED")
        #expect(t.state(of: "lane", at: 7) == nil)
        #expect(t.state(of: "server", at: 7) == nil)
    }

    @Test("A send is lost when a drop has its ordinal, or (lanes without ordinals) its sender and label")
    func lost() throws {
        let t = sample()
        #expect(t.isLost(t.events[0]))
        #expect(!t.isLost(t.events[3]))
        var lane = t
        let quiet = Localized(ko: "", en: "")
        lane.events.append(TraceEvent(t: 12, kind: .send, from: "lane", to: "server", label: "datagram 2", role: .data, arrival: 37, narration: quiet))
        lane.events.append(TraceEvent(t: 35, kind: .drop, from: "lane", to: "server", label: "datagram 1", narration: quiet))
        #expect(lane.isLost(lane.events[3]))
        #expect(!lane.isLost(lane.events[8]))  // same lane, another label: not this one's drop
        // A real one: the client's final ACK (transmission 7) of tcp-lost-final-ack.
        let real = try SceneSpec.tcpLostFinalAck.simulate()
        let sends = real.events.filter { $0.kind == .send }
        #expect(sends.filter { real.isLost($0) }.map(\.n) == [7])
    }

    @Test("In flight at t: sent at or before t, arriving (or lost) after t")
    func inFlight() {
        let t = sample()
        #expect(t.inFlight(at: 0).map(\.n) == [1])
        #expect(t.inFlight(at: 24.9).count == 2)
        #expect(t.inFlight(at: 25).map(\.label) == ["datagram 1"])  // the lost SYN is gone at its drop
        #expect(t.inFlight(at: 60).isEmpty)
        #expect(t.inFlight(at: -1).isEmpty)
    }

    @Test("The latest start of a timer up to the cursor")
    func lastTimerStart() {
        let t = sample()
        #expect(t.lastStart(ofTimer: "RTO", on: "client", through: -1) == nil)
        #expect(t.lastStart(ofTimer: "RTO", on: "client", through: 5)?.duration == 1000)
        #expect(t.lastStart(ofTimer: "RTO", on: "client", through: 7)?.duration == 2000)
        #expect(t.lastStart(ofTimer: "TIME-WAIT", on: "client", through: 7) == nil)
    }

    @Test("Message roles: SYN opens, FIN closes, RST resets, a payload is data, a bare ACK is an ack; ARQ packets say data")
    func roles() throws {
        #expect(Segment(flags: .syn, seq: 1).role == .open)
        #expect(Segment(flags: [.fin, .ack], seq: 1).role == .close)
        #expect(Segment(flags: .rst, seq: 1).role == .reset)
        #expect(Segment(flags: .ack, seq: 1, len: 10).role == .data)
        #expect(Segment(flags: .ack, seq: 1).role == .ack)
        let arq = try SceneSpec.arqGoBackN.simulate()
        let sends = arq.events.filter { $0.kind == .send }
        #expect(sends.filter { $0.from == "sender" }.allSatisfy { $0.role == .data })
        #expect(sends.filter { $0.from == "receiver" }.allSatisfy { $0.role == .ack })
        #expect(sends.allSatisfy { $0.label == $0.segment?.label })
    }
}

@Suite("Prediction rules (predict mode)")
struct PredictionRuleTests {
    @Test("TCP: flags, seq, then ack when ACK is set; field names optional; a named segment is guessed by name")
    func tcp() throws {
        let t = try SceneSpec.tcp3Way.simulate()
        let sends = t.events.filter { $0.kind == .send }
        let rule = try #require(SceneSpec.tcp3Way.prediction)
        #expect(rule.answer(sends[0]) == "SYN 1000")
        #expect(rule.answer(sends[1]) == "SYN+ACK 5000 1001")
        #expect(rule.check("syn+ack seq=5000 ack=1001", against: sends[1]))
        #expect(!rule.check("SYN+ACK 5000 1000", against: sends[1]))  // the SYN occupies a number
        #expect(!rule.check("ACK 5000 1001", against: sends[1]))
        let probe = TraceEvent(t: 0, kind: .send, segment: Segment(flags: .ack, seq: 1, len: 1, label: "PROBE seq=1 len=1"), narration: Localized(ko: "", en: ""))
        #expect(rule.answer(probe) == "PROBE seq=1 len=1")
    }

    @Test("ARQ: the label, and the prompt asks for it")
    func arq() throws {
        let t = try SceneSpec.arqSelectiveRepeat.simulate()
        let first = try #require(t.events.first { $0.kind == .send })
        let rule = try #require(SceneSpec.arqSelectiveRepeat.prediction)
        #expect(rule.answer(first) == "pkt 0")
        #expect(rule.check("PKT 0", against: first) && !rule.check("pkt 1", against: first) && !rule.check("ACK 0", against: first))
        #expect(rule.ask.en.contains("pkt") && !rule.ask.en.contains("flags"))
    }
}

/// Korean narration reads numbers aloud: 1000 is 천, so it takes 을, not 를 (found by a new user).
@Suite("Korean particles after numbers")
struct KoreanParticleTests {
    @Test("The SYN and SYN+ACK narrations put 을/를 after the ISN as it is read")
    func isnParticle() throws {
        var o = SceneOptions(); o.clientISN = 1000; o.serverISN = 5002
        let trace = try SceneSpec.tcp3Way.simulate(o)
        let korean = trace.events.map(\.narration.ko).joined(separator: "\n")
        #expect(korean.contains("ISN 1000을 담은") && !korean.contains("1000를"))
        #expect(korean.contains("ISN 5002를 담은"), "이 has no final consonant: 를")
    }

    /// 으로 after a final consonant (영, 천), 로 after a vowel or ㄹ (일, 칠, 팔): "win=0으로", not "win=0로".
    @Test("The flow-control ACK narration puts 으로/로 after the window as it is read")
    func windowParticle() throws {
        let korean = try SceneSpec.flowControl.simulate(SceneOptions()).events.map(\.narration.ko).joined(separator: "\n")
        #expect(korean.contains("win=0으로") && !korean.contains("win=0로"))
        #expect(korean.contains("win=1000으로") || korean.contains("win=2000으로"))
        #expect(josa(1, "으로") == "로" && josa(7, "으로") == "로" && josa(2, "으로") == "로" && josa(3, "으로") == "으로")
    }
}
