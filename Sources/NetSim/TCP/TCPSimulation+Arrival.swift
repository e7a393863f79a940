/// Segment arrival (RFC 9293 §3.10.7), by the receiving endpoint's state.
extension TCPSimulation {
    func arrive(_ seg: Segment, at e: Int, n: Int) {
        let name = endpoints[e].name, other = endpoints[1 - e].name
        record(TraceEvent(t: now, kind: .deliver, n: n, from: other, to: name, segment: seg, narration: Say.receives(name, seg.label)))
        switch endpoints[e].state {
        case .closed: closedArrival(seg, at: e)
        case .listen: listenArrival(seg, at: e)
        case .synSent: synSentArrival(seg, at: e)
        default: synchronizedArrival(seg, at: e)
        }
    }

    /// §3.10.7.1: anything but a RST to a closed port is answered with a RST.
    func closedArrival(_ seg: Segment, at e: Int) {
        guard !seg.flags.contains(.rst) else { return }
        let rst = seg.flags.contains(.ack)
            ? Segment(flags: .rst, seq: seg.ack)
            : Segment(flags: [.rst, .ack], seq: 0, ack: seg.seq &+ seg.seqLength)
        transmit(e, rst, Say.closedAnswersRST)
    }

    /// §3.10.7.2: a RST is ignored, an ACK is answered with a RST, a SYN is answered with SYN+ACK.
    func listenArrival(_ seg: Segment, at e: Int) {
        if seg.flags.contains(.rst) { return }
        if seg.flags.contains(.ack) {
            transmit(e, Segment(flags: .rst, seq: seg.ack), Say.listenRejectsACK)
            return
        }
        guard seg.flags.contains(.syn) else { return }
        var ep = endpoints[e]
        ep.irs = seg.seq
        ep.rcvNxt = seg.seq &+ 1
        ep.sndWnd = seg.win
        ep.sndUna = ep.iss
        ep.sndNxt = ep.iss &+ 1
        let synAck = Segment(flags: [.syn, .ack], seq: ep.iss, ack: ep.rcvNxt, win: ep.window)
        ep.retransmissionQueue = [synAck]
        endpoints[e] = ep
        transmit(e, synAck, Say.synAck(peerISN: seg.seq, ack: ep.rcvNxt, iss: ep.iss))
        setState(e, .synReceived, Say.synReceived)
        restartRetransmitTimer(e)
    }

    /// §3.10.7.3: the ACK of its SYN (or an old duplicate), a RST (refused), the peer's SYN.
    func synSentArrival(_ seg: Segment, at e: Int) {
        var ep = endpoints[e]
        if seg.flags.contains(.ack) && (seg.ack == ep.iss || !inWindow(seg.ack, after: ep.iss, upTo: ep.sndNxt)) {
            if !seg.flags.contains(.rst) { transmit(e, Segment(flags: .rst, seq: seg.ack), Say.oldDuplicateACK) }
            return
        }
        if seg.flags.contains(.rst) {
            if seg.flags.contains(.ack) { setState(e, .closed, Say.refused) }
            return
        }
        guard seg.flags.contains(.syn) else { return }
        ep.irs = seg.seq
        ep.rcvNxt = seg.seq &+ 1
        ep.sndWnd = seg.win
        if seg.flags.contains(.ack) {
            ep.sndUna = seg.ack
            ep.retransmissionQueue.removeAll()
            ep.retransmissions = 0
            endpoints[e] = ep
            cancelTimer(e, .retransmit)
            transmit(e, ackSegment(e), Say.completesHandshake(peerISN: seg.seq, ack: ep.rcvNxt))
            setState(e, .established, Say.establishedByClient)
            pump(e)
        } else {
            // Simultaneous open (Figure 7): answer with SYN+ACK and go to SYN-RECEIVED.
            let synAck = Segment(flags: [.syn, .ack], seq: ep.iss, ack: ep.rcvNxt, win: ep.window)
            ep.retransmissionQueue = [synAck]
            endpoints[e] = ep
            transmit(e, synAck, Say.simultaneousOpen)
            setState(e, .synReceived, Say.simultaneousOpenWaits)
        }
    }

    /// §3.10.7.4, for SYN-RECEIVED and every synchronized state, step by step.
    func synchronizedArrival(_ seg: Segment, at e: Int) {
        // TIME-WAIT: the only thing that can arrive is a retransmission of the peer's FIN.
        // Acknowledge it and restart the 2 MSL timeout (eighth step).
        if endpoints[e].state == .timeWait {
            if seg.flags.contains(.fin) {
                transmit(e, ackSegment(e), Say.timeWaitReACK)
                startTimer(e, .timeWait, after: 2 * parameters.msl, Say.timeWaitRestarts)
            }
            return
        }
        if seg.flags.contains(.rst) {
            setState(e, .closed, Say.reset)
            return
        }
        let seg = trimmed(seg, at: e)
        let ep = endpoints[e]
        // Sequence check (first step): data or FIN must start at RCV.NXT.
        if seg.seqLength > 0 && seg.seq != ep.rcvNxt {
            if seg.len > 0 && inWindow(seg.seq, after: ep.rcvNxt, upTo: ep.rcvNxt &+ UInt32(ep.window)) && !seg.flags.contains(.fin) && ep.window > 0 {
                endpoints[e].outOfOrder[seg.seq] = seg.len
                transmit(e, ackSegment(e), Say.outOfOrder(expected: ep.rcvNxt))
            } else {
                transmit(e, ackSegment(e), Say.unexpected(seq: seg.seq, expected: ep.rcvNxt))
            }
            return
        }
        // Zero window: a probe's data cannot be accepted, but it is answered with the window.
        if seg.len > 0 && ep.window == 0 {
            transmit(e, ackSegment(e), Say.zeroWindowRefuses)
            return
        }
        if seg.flags.contains(.ack) && !acknowledgment(seg, at: e) { return }
        var sendAck = receiveData(seg, at: e)
        if receiveFIN(seg, at: e) { sendAck = false }
        if sendAck {
            transmit(e, ackSegment(e), Say.acknowledgesData(ack: endpoints[e].rcvNxt, window: endpoints[e].window))
        }
        pump(e)
    }

    /// RFC 9293 §3.10.7.4 (first step): a segment that starts before RCV.NXT but reaches past it
    /// carries new data after old; the old bytes are trimmed off and only the new part goes on
    /// (e.g. a retransmission after a zero-window probe's byte was already taken).
    func trimmed(_ seg: Segment, at e: Int) -> Segment {
        let rcvNxt = endpoints[e].rcvNxt, end = seg.seq &+ UInt32(seg.len)
        guard seg.len > 0, inWindow(rcvNxt, after: seg.seq, upTo: end), rcvNxt != end || seg.flags.contains(.fin) else { return seg }
        var out = seg
        let old = Int(rcvNxt &- seg.seq)
        out.seq = rcvNxt; out.len -= old
        note(Say.trimsOldBytes(old, keeping: out.len, from: rcvNxt), endpoint: endpoints[e].name)
        return out
    }

    /// The ACK (fifth step): SND.UNA advances, the window is taken, and a FIN being
    /// acknowledged moves the closing states on. False when processing stops here.
    func acknowledgment(_ seg: Segment, at e: Int) -> Bool {
        let name = endpoints[e].name
        var ep = endpoints[e]
        if ep.state == .synReceived {
            guard inWindow(seg.ack, after: ep.sndUna, upTo: ep.sndNxt) else {
                transmit(e, Segment(flags: .rst, seq: seg.ack), Say.unacceptableACK)
                return false
            }
            setState(e, .established, Say.establishedByServer)
            ep = endpoints[e]
        }
        // SND.UNA and SND.WND change together, before the timer's event is recorded, so the
        // flow panel never shows the new SND.UNA with the old window.
        let oldWindow = ep.sndWnd
        ep.sndWnd = seg.win
        if inWindow(seg.ack, after: ep.sndUna, upTo: ep.sndNxt) {
            ep.sndUna = seg.ack
            ep.retransmissionQueue.removeAll { !inWindow($0.seq &+ $0.seqLength, after: seg.ack, upTo: ep.sndNxt) || ($0.seq &+ $0.seqLength) == seg.ack }
            ep.retransmissions = 0
            if ep.finSent && seg.ack == ep.sndNxt { ep.finAcked = true }
            endpoints[e] = ep
            if ep.retransmissionQueue.isEmpty { cancelTimer(e, .retransmit) } else { restartRetransmitTimer(e) }
        }
        endpoints[e].sndWnd = seg.win
        if seg.win > 0 && oldWindow == 0 {
            endpoints[e].persistInterval = 0
            cancelTimer(e, .persist)
            note(Say.windowOpens(name, seg.win), endpoint: name)
        }
        ep = endpoints[e]
        switch ep.state {
        case .finWait1 where ep.finAcked:
            setState(e, .finWait2, Say.finWait2)
        case .closing where ep.finAcked:
            enterTimeWait(e)
        case .lastAck where ep.finAcked:
            setState(e, .closed, Say.closedByLastACK)
            return false
        default: break
        }
        return true
    }

    /// The segment text (seventh step), in order, filling a gap with held segments. True when
    /// data was taken and needs an ACK.
    func receiveData(_ seg: Segment, at e: Int) -> Bool {
        var ep = endpoints[e]
        guard seg.len > 0, [.established, .finWait1, .finWait2].contains(ep.state) else { return false }
        let take = min(seg.len, ep.window)
        ep.rcvNxt = ep.rcvNxt &+ UInt32(take)
        ep.buffered += take
        while let len = ep.outOfOrder.removeValue(forKey: ep.rcvNxt) {
            ep.rcvNxt = ep.rcvNxt &+ UInt32(len); ep.buffered += len
        }
        endpoints[e] = ep
        return true
    }

    /// The FIN (eighth step): acknowledged at once, and the state moves towards closing. True
    /// when a FIN was taken (its ACK covers any data too).
    func receiveFIN(_ seg: Segment, at e: Int) -> Bool {
        var ep = endpoints[e]
        guard seg.flags.contains(.fin) && seg.seq &+ UInt32(seg.len) == ep.rcvNxt else { return false }
        ep.rcvNxt = ep.rcvNxt &+ 1
        ep.eofSeen = true
        endpoints[e] = ep
        transmit(e, ackSegment(e), Say.acknowledgesFIN(ep.rcvNxt))
        switch ep.state {
        case .synReceived, .established:
            setState(e, .closeWait, Say.closeWait)
            if let delay = ep.behaviour.closeAfterEOF { schedule(.close, on: e, at: now + delay) }
        case .finWait1:
            setState(e, .closing, Say.closing)
        case .finWait2:
            enterTimeWait(e)
        default: break
        }
        return true
    }

    func enterTimeWait(_ e: Int) {
        setState(e, .timeWait, Say.timeWait)
        cancelTimer(e, .retransmit)
        startTimer(e, .timeWait, after: 2 * parameters.msl, Say.timeWaitTimer(2 * parameters.msl))
    }
}
