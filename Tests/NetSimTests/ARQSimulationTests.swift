import NetSim
import Testing

extension Trace {
    func packetsSent() -> [String] { sent.filter { $0.from == "sender" }.compactMap { $0.segment?.label } }
    func acksSent() -> [String] { sent.filter { $0.from == "receiver" }.compactMap { $0.segment?.label } }
    var deliveredCount: Int { events.last?.panel?.arqWindow?.delivered ?? -1 }
}

func arq(_ proto: ARQProtocol, packets: Int = 6, window: Int = 4, drops: Set<Int>) throws -> Trace {
    var p = ARQParameters(); p.packets = packets; p.window = window
    return try ARQSimulation(proto, parameters: p, faults: Faults(drops: drops)).run(scene: proto.rawValue)
}

@Suite("ARQ (Kurose & Ross §3.4: packets from 0, ACK n acknowledges packet n)")
struct ARQSimulationTests {
    @Test("Stop-and-wait: one packet outstanding; a lost packet is resent after its timeout")
    func stopAndWaitLostPacket() throws {
        let t = try arq(.stopAndWait, packets: 3, window: 1, drops: [3])  // pkt 1's first copy
        #expect(t.packetsSent() == ["pkt 0", "pkt 1", "pkt 1", "pkt 2"])
        #expect(t.acksSent() == ["ACK 0", "ACK 1", "ACK 2"])
        #expect(t.deliveredCount == 3)
    }

    @Test("Stop-and-wait: a lost ACK makes the sender resend; the receiver discards the duplicate and re-ACKs")
    func stopAndWaitLostAck() throws {
        let t = try arq(.stopAndWait, packets: 2, window: 1, drops: [2])  // ACK 0
        #expect(t.packetsSent() == ["pkt 0", "pkt 0", "pkt 1"])
        #expect(t.acksSent() == ["ACK 0", "ACK 0", "ACK 1"])
        #expect(t.deliveredCount == 2)
    }

    @Test("Go-Back-N: the receiver discards out-of-order packets and re-ACKs the last in-order one; the timeout resends the whole window")
    func goBackNLostPacket() throws {
        let t = try arq(.goBackN, drops: [3])  // pkt 2
        let acks = t.acksSent()
        #expect(acks.prefix(3) == ["ACK 0", "ACK 1", "ACK 1"])  // pkt 3 discarded, ACK 1 repeated
        let sent = t.packetsSent()
        let firstResend = sent.firstIndex(of: "pkt 2")!
        let secondPkt2 = sent[(firstResend + 1)...].firstIndex(of: "pkt 2")!
        #expect(Array(sent[secondPkt2...].prefix(4)) == ["pkt 2", "pkt 3", "pkt 4", "pkt 5"])
        #expect(t.deliveredCount == 6)
        #expect(t.events.filter { $0.kind == .timerFire }.count == 1)
    }

    @Test("Go-Back-N: a lost ACK is covered by the next cumulative ACK, nothing is resent")
    func goBackNLostAck() throws {
        let t = try arq(.goBackN, drops: [5])  // ACK 0
        #expect(t.packetsSent() == ["pkt 0", "pkt 1", "pkt 2", "pkt 3", "pkt 4", "pkt 5"])
        #expect(t.deliveredCount == 6)
    }

    @Test("Selective Repeat: the receiver ACKs every correct packet in or out of order and buffers it; only the lost packet is resent")
    func selectiveRepeatLostPacket() throws {
        let t = try arq(.selectiveRepeat, drops: [3])  // pkt 2
        #expect(t.acksSent().prefix(3) == ["ACK 0", "ACK 1", "ACK 3"])
        #expect(t.packetsSent().filter { $0 == "pkt 2" }.count == 2)
        #expect(t.packetsSent().filter { $0 == "pkt 3" }.count == 1)
        let buffering = t.events.contains { ($0.panel?.arqWindow?.buffered.contains(3) ?? false) && ($0.panel?.arqWindow?.expected == 2) }
        #expect(buffering)
        #expect(t.deliveredCount == 6)
    }

    @Test("Selective Repeat: a lost ACK makes only that packet time out; the receiver re-ACKs the duplicate")
    func selectiveRepeatLostAck() throws {
        let t = try arq(.selectiveRepeat, drops: [5])  // ACK 0
        #expect(t.packetsSent().filter { $0 == "pkt 0" }.count == 2)
        #expect(t.acksSent().filter { $0 == "ACK 0" }.count == 2)
        #expect(t.packetsSent().count == 7)
        #expect(t.deliveredCount == 6)
    }

    @Test("Selective Repeat window at most half the sequence space; Go-Back-N at most 2^k - 1")
    func windowLimits() {
        var p = ARQParameters(); p.sequenceBits = 3; p.window = 5
        #expect(throws: ARQError.windowTooLarge(window: 5, limit: 4, protocol: .selectiveRepeat)) { try ARQSimulation(.selectiveRepeat, parameters: p) }
        p.window = 8
        #expect(throws: ARQError.windowTooLarge(window: 8, limit: 7, protocol: .goBackN)) { try ARQSimulation(.goBackN, parameters: p) }
        p.window = 4
        #expect(throws: Never.self) { try ARQSimulation(.selectiveRepeat, parameters: p) }
        var o = SceneOptions(); o.window = 5
        #expect(throws: SceneError.self) { try SceneSpec.arqSelectiveRepeat.simulate(o) }
    }

    @Test("Sequence numbers wrap modulo 2^k in labels")
    func wrap() throws {
        var p = ARQParameters(); p.packets = 10; p.window = 4; p.sequenceBits = 3
        let t = try ARQSimulation(.selectiveRepeat, parameters: p).run(scene: "x")
        #expect(t.packetsSent().suffix(2) == ["pkt 0", "pkt 1"])
    }
}
