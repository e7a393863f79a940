/// What the application asks of its socket (RFC 9293 §3.10.1–3.10.4), and the sending it
/// causes: data within the peer's window, then the FIN.
extension TCPSimulation {
    func perform(_ action: SocketCall, on e: Int) {
        let name = endpoints[e].name
        switch action {
        case .listen:
            setState(e, .listen, Say.listens(name))
        case .connect:
            var ep = endpoints[e]
            ep.sndUna = ep.iss
            ep.sndNxt = ep.iss &+ 1
            let syn = Segment(flags: .syn, seq: ep.iss, win: ep.window)
            ep.retransmissionQueue = [syn]
            endpoints[e] = ep
            transmit(e, syn, Say.activeOpen(iss: ep.iss))
            setState(e, .synSent, Say.synSent)
            restartRetransmitTimer(e)
        case .send(let bytes):
            endpoints[e].appToSend += bytes
            note(Say.writes(name, bytes), endpoint: name)
            pump(e)
        case .close:
            note(Say.closes(name), endpoint: name)
            switch endpoints[e].state {
            case .listen, .synSent:
                setState(e, .closed, Say.closedBeforeConnecting)
            case .established, .closeWait:
                // The FIN goes after the queued data (§3.10.4).
                endpoints[e].closeRequested = true
                pump(e)
            default: break
            }
        case .read(let bytes):
            readData(e, bytes)
        }
    }

    func readData(_ e: Int, _ bytes: Int) {
        let take = min(bytes, endpoints[e].buffered)
        guard take > 0 else { return }
        let before = endpoints[e].advertisedWindow
        endpoints[e].buffered -= take
        let name = endpoints[e].name
        note(Say.reads(name, take, free: endpoints[e].window), endpoint: name)
        // Window update only when it opens by at least one MSS or half the buffer (SWS
        // avoidance, RFC 9293 §3.8.6.2.2), so the receiver does not advertise tiny windows.
        let opened = endpoints[e].window - before
        if [.established, .finWait1, .finWait2].contains(endpoints[e].state),
           opened >= min(parameters.mss, endpoints[e].bufferCapacity / 2) {
            transmit(e, ackSegment(e), Say.windowUpdate(endpoints[e].window))
        }
    }

    /// Sends queued data (within the peer's window) and then a FIN once everything is sent.
    func pump(_ e: Int) {
        var ep = endpoints[e]
        guard [.established, .closeWait].contains(ep.state) else { return }
        let inFlight = Int(ep.sndNxt &- ep.sndUna)
        var usable = ep.sndWnd - inFlight
        while ep.appToSend > 0 && usable > 0 {
            let len = min(parameters.mss, ep.appToSend, usable)
            let seg = Segment(flags: .ack, seq: ep.sndNxt, ack: ep.rcvNxt, len: len, win: ep.window)
            ep.sndNxt = ep.sndNxt &+ UInt32(len)
            ep.appToSend -= len
            usable -= len
            ep.retransmissionQueue.append(seg)
            endpoints[e] = ep
            transmit(e, seg, Say.sendsData(len, windowLeft: usable))
            if ep.retransmissionQueue.count == 1 { restartRetransmitTimer(e) }
            ep = endpoints[e]
        }
        // A zero window with nothing in flight: only the persist timer can reopen it (§3.8.6.1).
        if ep.appToSend > 0 && ep.sndWnd == 0 && inFlight == 0 && ep.persistInterval == 0 {
            endpoints[e].persistInterval = ep.rto
            startTimer(e, .persist, after: ep.rto, Say.persistStarts)
        }
        if ep.closeRequested && ep.appToSend == 0 && !ep.finSent { sendFIN(e) }
    }

    func sendFIN(_ e: Int) {
        var ep = endpoints[e]
        let fin = Segment(flags: [.fin, .ack], seq: ep.sndNxt, ack: ep.rcvNxt, win: ep.window)
        ep.sndNxt = ep.sndNxt &+ 1
        ep.finSent = true
        ep.retransmissionQueue.append(fin)
        endpoints[e] = ep
        let active = ep.state == .established
        transmit(e, fin, Say.sendsFIN(active: active))
        if active {
            setState(e, .finWait1, Say.finWait1)
        } else {
            setState(e, .lastAck, Say.lastAck)
        }
        if endpoints[e].retransmissionQueue.count == 1 { restartRetransmitTimer(e) }
    }
}
