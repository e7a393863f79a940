import Testing
@testable import NetSim

/// Each analysis rule against the RFC (and Wireshark's packet-tcp.c) it follows, on segments
/// built byte by byte.
struct TCPStreamAnalysisTests {
    let p = PacketBuilder()
    // MSS 1460, SACK permitted, window scale 7.
    static let synOptions: [UInt8] = [2, 4, 0x05, 0xB4, 4, 2, 3, 3, 7]

    func handshake(_ t0: Double = 0) -> [(Double, [UInt8])] {
        [(t0, p.tcp(fromClient: true, flags: .syn, seq: 1000, window: 64240, options: Self.synOptions)),
         (t0 + 0.010, p.tcp(fromClient: false, flags: [.syn, .ack], seq: 5000, ack: 1001, window: 65160, options: Self.synOptions)),
         (t0 + 0.020, p.tcp(fromClient: true, flags: .ack, seq: 1001, ack: 5001, window: 502))]
    }

    @Test("RFC 9293 §3.5: the handshake's states at both ends, numbers relative to each ISN, and the handshake RTT")
    func handshakeStates() {
        let s = p.analyse(handshake())
        #expect(s.segments.map(\.seq) == [0, 0, 1] && s.segments.map(\.ack) == [0, 1, 1])
        #expect(s.segments.map(\.stateA) == ["SYN-SENT", "ESTABLISHED", "ESTABLISHED"])
        #expect(s.segments.map(\.stateB) == ["SYN-RECEIVED", "SYN-RECEIVED", "ESTABLISHED"])
        #expect(abs((s.handshakeRTT ?? 0) - 0.020) < 1e-9)
        #expect(s.segments[0].options.mss == 1460 && s.segments[0].options.windowScale == 7 && s.segments[0].options.sackPermitted)
    }

    @Test("RFC 7323 §2.2: the window is scaled once both SYNs carried the option, never in a SYN itself")
    func windowScaling() {
        let s = p.analyse(handshake())
        #expect(s.segments[0].win == 64240 && s.segments[1].win == 65160)
        #expect(s.segments[2].win == 502 << 7)
    }

    @Test("RFC 5681 §2, §3.2: three duplicate ACKs, then the resent segment is a fast retransmission")
    func fastRetransmit() {
        var f = handshake()
        for i in 0..<4 { f.append((0.1 + Double(i) * 0.001, p.tcp(fromClient: true, flags: .ack, seq: 1001 + UInt32(i) * 100, ack: 5001, window: 502, payload: 100))) }
        // Segment 2 (seq 1101) is lost: the server acks 1101 again for 3 and 4.
        f.append((0.111, p.tcp(fromClient: false, flags: .ack, seq: 5001, ack: 1101, window: 500)))
        f.append((0.112, p.tcp(fromClient: false, flags: .ack, seq: 5001, ack: 1101, window: 500)))
        f.append((0.113, p.tcp(fromClient: false, flags: .ack, seq: 5001, ack: 1101, window: 500)))
        f.append((0.114, p.tcp(fromClient: true, flags: .ack, seq: 1101, ack: 5001, window: 502, payload: 100)))
        let s = p.analyse(f)
        #expect(s.segments.filter { $0.analysis.contains(.dupAck) }.map(\.frame) == [9, 10])
        #expect(s.segments.last?.analysis == [.fastRetransmission, .retransmission])
    }

    @Test("A finding is on its arrow (as Wireshark's flow graph marks it): the fast retransmission's label names it; the capture is a measured trace")
    func arrowLabels() {
        var f = handshake()
        for i in 0..<4 { f.append((0.1 + Double(i) * 0.001, p.tcp(fromClient: true, flags: .ack, seq: 1001 + UInt32(i) * 100, ack: 5001, window: 502, payload: 100))) }
        for k in 0..<3 { f.append((0.111 + Double(k) * 0.001, p.tcp(fromClient: false, flags: .ack, seq: 5001, ack: 1101, window: 500))) }
        f.append((0.114, p.tcp(fromClient: true, flags: .ack, seq: 1101, ack: 5001, window: 502, payload: 100)))
        let trace = CaptureTrace.trace(p.analyse(f), name: "t")
        let sends = trace.events.filter { $0.kind == .send }
        #expect(sends.last?.label?.hasSuffix("len=100 win=64256 [fast-retransmission,retransmission]") == true, "\(sends.last?.label ?? "")")
        #expect(sends[0].label?.contains("[") == false)
        #expect(trace.measured)
    }

    @Test("RFC 6298 §5: a segment resent long after, not after duplicate ACKs, is a retransmission; resending acknowledged bytes is spurious")
    func retransmissions() {
        var f = handshake()
        f.append((0.1, p.tcp(fromClient: true, flags: .ack, seq: 1001, ack: 5001, window: 502, payload: 100)))
        f.append((1.1, p.tcp(fromClient: true, flags: .ack, seq: 1001, ack: 5001, window: 502, payload: 100)))
        f.append((1.2, p.tcp(fromClient: false, flags: .ack, seq: 5001, ack: 1101, window: 500)))
        f.append((1.3, p.tcp(fromClient: true, flags: .ack, seq: 1001, ack: 5001, window: 502, payload: 100)))
        let s = p.analyse(f)
        #expect(s.segments[4].analysis == [.retransmission])
        #expect(s.segments[6].analysis == [.spuriousRetransmission, .retransmission])
        // Karn's rule (RFC 6298 §3): the ACK of a resent segment gives no RTT sample.
        #expect(s.segments[5].rtt == nil)
    }

    @Test("RFC 2018 §3: SACK blocks name the other side's bytes, so they are relative to its ISN")
    func sackRelative() {
        var f = handshake()
        f.append((0.1, p.tcp(fromClient: false, flags: .ack, seq: 5001, ack: 1001, window: 500, options: [1, 1, 5, 10] + PacketBuilder.be32(1101) + PacketBuilder.be32(1201))))
        #expect(p.analyse(f).segments.last?.options.sack == [101...201])
    }

    @Test("A gap in the sequence numbers: the previous segment was not captured")
    func lostSegment() {
        var f = handshake()
        f.append((0.1, p.tcp(fromClient: true, flags: .ack, seq: 1201, ack: 5001, window: 502, payload: 100)))
        #expect(p.analyse(f).segments.last?.analysis == [.lostSegment])
    }

    @Test("RFC 9293 §3.8.6.1: a zero window, the one-byte probe into it, then the window update")
    func zeroWindow() {
        var f = handshake()
        f.append((0.1, p.tcp(fromClient: true, flags: .ack, seq: 1001, ack: 5001, window: 502, payload: 100)))
        f.append((0.2, p.tcp(fromClient: false, flags: .ack, seq: 5001, ack: 1101, window: 0)))
        f.append((0.5, p.tcp(fromClient: true, flags: .ack, seq: 1101, ack: 5001, window: 502, payload: 1)))
        f.append((0.6, p.tcp(fromClient: false, flags: .ack, seq: 5001, ack: 1101, window: 0)))
        f.append((0.7, p.tcp(fromClient: false, flags: .ack, seq: 5001, ack: 1101, window: 300)))
        let s = p.analyse(f)
        #expect(s.segments[4].analysis == [.zeroWindow])
        #expect(s.segments[5].analysis == [.windowProbe])
        #expect(s.segments[7].analysis == [.windowUpdate])
    }

    @Test("RFC 9293 §3.8.6.1 as Linux does it: into a zero window the probe carries an old sequence number and no data; it is a window probe, not a keep-alive")
    func linuxZeroWindowProbe() {
        var f = handshake()
        f.append((0.1, p.tcp(fromClient: true, flags: .ack, seq: 1001, ack: 5001, window: 502, payload: 100)))
        f.append((0.2, p.tcp(fromClient: false, flags: .ack, seq: 5001, ack: 1101, window: 0)))
        f.append((0.4, p.tcp(fromClient: true, flags: .ack, seq: 1100, ack: 5001, window: 502)))
        let s = p.analyse(f)
        #expect(s.segments[4].analysis == [.zeroWindow])
        #expect(s.segments[5].analysis == [.windowProbe])
    }

    @Test("RFC 1122 §4.2.3.6: a keep-alive carries the sequence number one below the next")
    func keepAlive() {
        var f = handshake()
        f.append((60, p.tcp(fromClient: true, flags: .ack, seq: 1000, ack: 5001, window: 502)))
        #expect(p.analyse(f).segments.last?.analysis == [.keepAlive])
    }

    @Test("RFC 9293 §3.5.2: RST aborts: both ends CLOSED")
    func reset() {
        var f = handshake()
        f.append((0.1, p.tcp(fromClient: false, flags: [.rst, .ack], seq: 5001, ack: 1001, window: 0)))
        let last = p.analyse(f).segments.last!
        #expect(last.analysis == [.rst] && last.stateA == "CLOSED" && last.stateB == "CLOSED")
    }

    @Test("RFC 9293 §3.6: the close's states: FIN-WAIT-1, CLOSE-WAIT, FIN-WAIT-2, LAST-ACK, TIME-WAIT, CLOSED")
    func close() {
        var f = handshake()
        f.append((0.1, p.tcp(fromClient: true, flags: [.fin, .ack], seq: 1001, ack: 5001, window: 502)))
        f.append((0.11, p.tcp(fromClient: false, flags: .ack, seq: 5001, ack: 1002, window: 500)))
        f.append((0.12, p.tcp(fromClient: false, flags: [.fin, .ack], seq: 5001, ack: 1002, window: 500)))
        f.append((0.13, p.tcp(fromClient: true, flags: .ack, seq: 1002, ack: 5002, window: 502)))
        let s = p.analyse(f).segments
        #expect(s[3...].map { "\($0.stateA)/\($0.stateB)" } == ["FIN-WAIT-1/CLOSE-WAIT", "FIN-WAIT-2/CLOSE-WAIT", "TIME-WAIT/LAST-ACK", "TIME-WAIT/CLOSED"])
        #expect(s.allSatisfy { $0.analysis.isEmpty })
    }

    @Test("RFC 6298 §2: the first ACK of data sent once gives an RTT sample; bytes in flight count what is unacknowledged")
    func rttAndFlight() {
        var f = handshake()
        f.append((0.100, p.tcp(fromClient: true, flags: .ack, seq: 1001, ack: 5001, window: 502, payload: 100)))
        f.append((0.101, p.tcp(fromClient: true, flags: .ack, seq: 1101, ack: 5001, window: 502, payload: 100)))
        f.append((0.130, p.tcp(fromClient: false, flags: .ack, seq: 5001, ack: 1201, window: 500)))
        let s = p.analyse(f).segments
        #expect(s[3].inFlight == 100 && s[4].inFlight == 200)
        #expect(abs((s[5].rtt ?? 0) - 0.029) < 1e-9)
    }
}
