/// What a segment of a real capture shows, in a fixed vocabulary (the names Wireshark's
/// `tcp.analysis.*` flags use), each explained in a lesson.
public enum TCPAnalysisFlag: String, Sendable, Hashable, CaseIterable {
    case retransmission, fastRetransmission = "fast-retransmission", spuriousRetransmission = "spurious-retransmission"
    case dupAck = "dup-ack", outOfOrder = "out-of-order", lostSegment = "lost-segment"
    case zeroWindow = "zero-window", windowFull = "window-full", windowProbe = "window-probe", windowUpdate = "window-update"
    case keepAlive = "keep-alive", rst
}

/// One TCP segment of a capture after analysis: numbers relative to each side's initial
/// sequence number, the window scaled, both ends' RFC 9293 state after it, and what it shows.
public struct AnalyzedSegment: Sendable, Hashable {
    /// 1-based, in the whole capture (as Wireshark numbers frames).
    public var frame: Int
    /// Seconds from the capture's first packet.
    public var t: Double
    public var fromA: Bool
    public var flags: WireFlags
    public var seq: UInt32, ack: UInt32
    public var len: Int
    /// The window in bytes: the field shifted by the sender's scale when both SYNs agreed on
    /// scaling (RFC 7323 §2.2), else the field as sent.
    public var win: Int
    public var options: TCPOptions
    public var analysis: [TCPAnalysisFlag] = []
    public var stateA: String, stateB: String
    /// Bytes the sender has sent that the other side has not acknowledged, after this segment.
    public var inFlight: Int?
    /// The round trip this segment's acknowledgment measures (seconds), if it acknowledges data
    /// sent once only (Karn's rule, RFC 6298 §3).
    public var rtt: Double?
    /// What the payload is, when recognised ("GET /", "TLS ClientHello").
    public var appLabel: String?
}

/// Wireshark-style analysis of one TCP conversation, segment by segment (RFC 9293 for states
/// and sequence space, RFC 5681 for duplicate ACKs and fast retransmit, RFC 9293 §3.8.6.1 for
/// zero windows and probes, RFC 1122 §4.2.3.6 for keep-alives).
public struct TCPStreamAnalysis: Sendable {
    public let a: Endpoint, b: Endpoint
    public private(set) var segments: [AnalyzedSegment] = []
    /// SYN to the ACK of the SYN-ACK, in seconds (what tshark calls the initial RTT).
    public private(set) var handshakeRTT: Double?

    struct Side {
        var base: UInt32?                 // ISN (or first sequence number seen)
        var nextSeq: UInt32?              // highest sequence number sent + its length
        var nextSeqTime = 0.0
        var lastAck: UInt32?, lastWindow: Int?, lastAckTime = 0.0
        var dupAcks = 0
        var scale: Int?                   // from its SYN
        var sawSYN = false, finSeq: UInt32?
        var state = "?"
        var sent: [(end: UInt32, time: Double, again: Bool)] = []  // unacknowledged, for RTT samples
    }
    var sides = [Side(), Side()]
    var synTime: Double?, synAckSeen = false
    var scalingAgreed: Bool { sides[0].scale != nil && sides[1].scale != nil }

    public init(a: Endpoint, b: Endpoint) { self.a = a; self.b = b }

    /// `seq1 < seq2` in sequence space (RFC 9293 §3.4: modulo 2^32).
    static func lt(_ x: UInt32, _ y: UInt32) -> Bool { Int32(bitPattern: x &- y) < 0 }
    static func le(_ x: UInt32, _ y: UInt32) -> Bool { x == y || lt(x, y) }

    public mutating func add(_ p: DecodedPacket, frame: Int, t: Double) {
        guard let h = p.tcp else { return }
        let fromA = Endpoint(ip: p.src, port: h.srcPort) == a
        let s = fromA ? 0 : 1, r = 1 - s
        let f = h.flags, len = max(0, p.payloadLength)
        let synFinRst = f.contains(.syn) || f.contains(.fin) || f.contains(.rst)
        let seqLen = UInt32(len) + (f.contains(.syn) ? 1 : 0) + (f.contains(.fin) ? 1 : 0)

        if f.contains(.syn) {
            sides[s].base = h.seq; sides[s].sawSYN = true; sides[s].scale = h.options.windowScale
            if !f.contains(.ack) { synTime = synTime ?? t }
        }
        if sides[s].base == nil { sides[s].base = h.seq }
        if segments.isEmpty {
            let opened = f.contains(.syn) && !f.contains(.ack)
            sides[0].state = opened ? "CLOSED" : "ESTABLISHED"; sides[1].state = opened ? "LISTEN" : "ESTABLISHED"
        }
        // The window field is not scaled in a SYN (RFC 7323 §2.2).
        let shift = !f.contains(.syn) && scalingAgreed ? sides[s].scale ?? 0 : 0
        let win = Int(h.window) << shift
        var flags: [TCPAnalysisFlag] = []
        let me = sides[s], peer = sides[r]

        // Checked in Wireshark's order and by its rules (packet-tcp.c, tcp_analyze_sequence_number).
        let ackSame = me.lastAck.map { $0 == h.ack } ?? false
        if len == 1, let next = me.nextSeq, h.seq == next, peer.lastWindow == 0 {
            flags.append(.windowProbe)
        } else {
            if win == 0 && !synFinRst { flags.append(.zeroWindow) }
            if let next = me.nextSeq, Self.lt(next, h.seq), !f.contains(.rst) { flags.append(.lostSegment) }
            // An old sequence number, no data: a keep-alive (RFC 1122 §4.2.3.6), unless the other
            // side's window is zero: then it is Linux's zero-window probe (tcp_xmit_probe_skb
            // sends it in this form; Wireshark still calls it a keep-alive).
            if len <= 1, !synFinRst, let next = me.nextSeq, h.seq == next &- 1 { flags.append(peer.lastWindow == 0 && len == 0 ? .windowProbe : .keepAlive) }
            if len == 0, !synFinRst, win != 0, me.nextSeq == h.seq, ackSame, let lw = me.lastWindow, lw != win { flags.append(.windowUpdate) }
            if len > 0, !synFinRst, let pa = peer.lastAck, let pw = peer.lastWindow, h.seq &+ UInt32(len) == pa &+ UInt32(pw) { flags.append(.windowFull) }
            if len == 0, !synFinRst, win != 0, me.nextSeq == h.seq, ackSame, me.lastWindow == win {
                flags.append(.dupAck); sides[s].dupAcks += 1
            }
            // Sent again: it does not advance the sequence space (and is no keep-alive).
            if seqLen > 0, !flags.contains(.keepAlive), !flags.contains(.windowProbe), let next = me.nextSeq, Self.lt(h.seq, next) {
                let threshold = handshakeRTT ?? 0.003  // Wireshark: the first RTT, else 3 ms
                if peer.dupAcks >= 2, peer.lastAck == h.seq, t - peer.lastAckTime < 0.02 { flags += [.fastRetransmission, .retransmission] }
                else if t - me.nextSeqTime < threshold, next != h.seq &+ UInt32(len) { flags.append(.outOfOrder) }
                else if len > 0, let pa = peer.lastAck, Self.le(h.seq &+ UInt32(len), pa) { flags += [.spuriousRetransmission, .retransmission] }
                else { flags.append(.retransmission) }
            }
        }
        if f.contains(.rst) { flags.append(.rst) }

        // Bookkeeping for the next segments.
        let resent = flags.contains(.retransmission) || flags.contains(.outOfOrder)
        if seqLen > 0 {
            let end = h.seq &+ seqLen
            if sides[s].nextSeq.map({ Self.lt($0, end) }) ?? true { sides[s].nextSeq = end; sides[s].nextSeqTime = t }
            if let i = sides[s].sent.firstIndex(where: { $0.end == end }) { sides[s].sent[i].again = true }
            else if !resent { sides[s].sent.append((end, t, false)) }
            if f.contains(.fin) { sides[s].finSeq = end }
        } else if sides[s].nextSeq == nil { sides[s].nextSeq = h.seq }
        var rtt: Double?
        if f.contains(.ack) {
            if sides[s].lastAck != h.ack { sides[s].dupAcks = 0 }
            // The first acknowledgment of data sent once gives an RTT sample.
            if let i = sides[r].sent.lastIndex(where: { Self.le($0.end, h.ack) }) {
                if !sides[r].sent[i].again { rtt = t - sides[r].sent[i].time }
                sides[r].sent.removeFirst(i + 1)
            }
            sides[s].lastAck = h.ack; sides[s].lastAckTime = t
        }
        sides[s].lastWindow = win
        if handshakeRTT == nil, synAckSeen, f.contains(.ack), !f.contains(.syn), let t0 = synTime { handshakeRTT = t - t0 }
        if f.contains(.syn) && f.contains(.ack) { synAckSeen = true }
        advanceStates(sender: s, flags: f, ack: h.ack)

        let base = sides[s].base ?? h.seq, peerBase = sides[r].base ?? 0
        // SACK blocks name the other side's bytes (RFC 2018 §3): relative to its ISN too.
        var options = h.options
        options.sack = h.options.sack.compactMap { b in
            let lo = b.lowerBound &- peerBase, hi = b.upperBound &- peerBase
            return lo <= hi ? lo...hi : nil
        }
        var inFlight: Int?
        if let next = sides[s].nextSeq, let acked = sides[r].lastAck, len > 0 || f.contains(.fin) { inFlight = max(0, Int(Int32(bitPattern: next &- acked))) - (sides[s].finSeq != nil ? 1 : 0) }
        segments.append(AnalyzedSegment(frame: frame, t: t, fromA: fromA, flags: f, seq: h.seq &- base, ack: f.contains(.ack) ? h.ack &- peerBase : 0,
                                        len: len, win: win, options: options, analysis: flags,
                                        stateA: sides[0].state, stateB: sides[1].state, inFlight: inFlight.map { max(0, $0) }, rtt: rtt,
                                        appLabel: AppLabel.tcp(p.payload, ports: (h.srcPort, h.dstPort))))
    }

    /// Both ends' states as the capture point sees them, after each segment arrives (RFC 9293
    /// §3.3.2 and Figure 5).
    mutating func advanceStates(sender s: Int, flags f: WireFlags, ack: UInt32) {
        let r = 1 - s
        if f.contains(.rst) { sides[0].state = "CLOSED"; sides[1].state = "CLOSED"; return }
        // The sender's FIN acknowledged by this segment.
        let acksPeerFIN = f.contains(.ack) && sides[r].finSeq.map { Self.le($0, ack) } == true
        if f.contains(.syn) && !f.contains(.ack) { sides[s].state = "SYN-SENT"; sides[r].state = "SYN-RECEIVED" }
        else if f.contains(.syn) { sides[s].state = "SYN-RECEIVED"; sides[r].state = "ESTABLISHED" }
        else if f.contains(.ack) && sides[r].state == "SYN-RECEIVED" { sides[r].state = "ESTABLISHED" }
        if acksPeerFIN {
            switch sides[r].state {
            case "FIN-WAIT-1": sides[r].state = "FIN-WAIT-2"
            case "CLOSING": sides[r].state = "TIME-WAIT"
            case "LAST-ACK": sides[r].state = "CLOSED"
            default: break
            }
        }
        if f.contains(.fin) {
            switch sides[s].state {
            case "CLOSE-WAIT": sides[s].state = "LAST-ACK"
            case "FIN-WAIT-1", "FIN-WAIT-2", "CLOSING", "TIME-WAIT", "LAST-ACK", "CLOSED": break
            default: sides[s].state = "FIN-WAIT-1"
            }
            switch sides[r].state {
            case "FIN-WAIT-1": sides[r].state = acksPeerFIN ? "TIME-WAIT" : "CLOSING"
            case "FIN-WAIT-2": sides[r].state = "TIME-WAIT"
            case "ESTABLISHED", "SYN-RECEIVED": sides[r].state = "CLOSE-WAIT"
            default: break
            }
        }
    }
}
