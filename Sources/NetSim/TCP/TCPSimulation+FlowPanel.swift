/// The flow-control panel (RFC 9293 §3.8.6) for scenes that ask for it: every event carries
/// the receiver's buffer and window and the sender's flight as they are when it is recorded,
/// so stepping through the trace shows the buffer fill and drain one event at a time. An
/// arrival is recorded before it is processed: it shows what was known as the segment
/// arrives, and what it changes shows from the next event (the ACK it causes, a timer, a note).
extension TCPSimulation {
    /// The direction the panel follows: `sender` writes the data, `receiver` buffers it.
    public struct FlowSides: Sendable, Hashable {
        public var sender: Int
        public var receiver: Int
        public init(sender: Int, receiver: Int) { self.sender = sender; self.receiver = receiver }
    }

    /// Appends an event, with the flow panel as of now when the scene asked for one.
    func record(_ event: TraceEvent) {
        var event = event
        if let f = flowSnapshot() { event.panel = .flowWindow(f) }
        events.append(event)
    }

    func flowSnapshot() -> FlowSnapshot? {
        guard let sides = flowPanel else { return nil }
        let s = endpoints[sides.sender], r = endpoints[sides.receiver]
        // A SYN or FIN takes a sequence number but no room in the peer's buffer: not counted.
        var flight = Int(s.sndNxt &- s.sndUna)
        if flight > 0 && s.sndUna == s.iss { flight -= 1 }
        if s.finSent && !s.finAcked { flight -= 1 }
        // SND.WND means nothing until a segment from the peer set it (SYN-SENT has heard none).
        let heard = ![.closed, .listen, .synSent].contains(s.state)
        return FlowSnapshot(sender: s.name, receiver: r.name, capacity: r.bufferCapacity, unread: r.buffered,
                            advertised: lastAdvertised, inFlight: max(0, flight), senderWindow: heard ? s.sndWnd : nil,
                            unsent: s.appToSend, persistTimer: s.persistInterval > 0 && s.state != .closed)
    }
}
