import NetSim
import Testing

/// The side panels the scenes carry: the flow-control gauge's numbers against the trace and
/// the RFC rules, and the panels before anything has happened.
@Suite("Side panels: the flow-control window (RFC 9293 §3.8.6) and the initial ARQ window")
struct SidePanelTests {
    static let client = "client", server = "server"

    /// The flow-control scene's events, each with the panel it carries.
    static func flowEvents() throws -> [(event: TraceEvent, flow: FlowSnapshot)] {
        try SceneSpec.flowControl.simulate().events.map { ($0, try #require($0.panel?.flowWindow)) }
    }

    @Test("RFC 9293 §3.8.6: the window the receiver advertises is its free buffer, capacity − unread bytes")
    func advertisedIsFreeBuffer() throws {
        let events = try Self.flowEvents()
        var sends = 0
        for (e, f) in events where e.kind == .send && e.from == Self.server {
            let win = try #require(e.segment?.win)
            #expect(f.advertised == win, "at \(e.t)ms the panel shows the window of the segment just sent")
            #expect(win == f.capacity - f.unread, "at \(e.t)ms: win=\(win), capacity \(f.capacity), unread \(f.unread)")
            sends += 1
        }
        #expect(sends > 10)
        #expect(events.contains { $0.flow.unread == $0.flow.capacity && $0.flow.advertised == 0 }, "the buffer fills to a zero window")
        #expect(events.allSatisfy { (0...$0.flow.capacity).contains($0.flow.unread) })
    }

    @Test("Unread bytes are the bytes the receiver acknowledged minus what its application read (1000 B per read)")
    func unreadMatchesTheTrace() throws {
        var reads = 0, received = 0
        for (e, f) in try Self.flowEvents() {
            if e.kind == .note && e.endpoint == Self.server { reads += 1 }  // the server's only notes are its reads
            if e.kind == .send && e.from == Self.server, let ack = e.segment?.ack, ack > 1001 { received = Int(ack) - 1001 }
            if e.kind == .send && e.from == Self.server { #expect(f.unread == received - 1000 * reads, "at \(e.t)ms") }
        }
        #expect(reads == 6)
    }

    /// An arrival shows the state as the segment arrives: its ACK and window count from the next
    /// event on, together (SND.UNA and SND.WND are taken from the same segment).
    @Test("Bytes in flight = SND.NXT − SND.UNA; SND.WND is the window of the last segment the sender got (a probe's byte is sent again with the next data)")
    func inFlightIsSndNxtMinusSndUna() throws {
        var sndNxt = 1001, sndUna = 1001, sndWnd = 0, arrived: Segment?, established = false, sawFull = false
        let events = try Self.flowEvents()
        for (i, (e, f)) in events.enumerated() {
            if let a = arrived { sndUna = max(sndUna, Int(a.ack)); sndWnd = a.win; arrived = nil }
            // The last event shows how the scene ended: its own arrival taken in.
            if i == events.count - 1, let s = e.segment, e.kind == .deliver, e.to == Self.client { sndUna = max(sndUna, Int(s.ack)); sndWnd = s.win }
            if let s = e.segment, e.kind == .send, e.from == Self.client, s.len > 0, s.customLabel == nil {
                sndNxt = max(sndNxt, Int(s.seq) + s.len)
            }
            if let s = e.segment, e.kind == .deliver, e.to == Self.client, s.flags.contains(.ack) { arrived = s }
            if e.kind == .state && e.endpoint == Self.client && e.state == "ESTABLISHED" { established = true }
            guard established else { #expect(f.inFlight == 0, "the SYN is no byte of data (at \(e.t)ms)"); continue }
            #expect(f.inFlight == sndNxt - sndUna, "at \(e.t)ms (#\(e.n ?? 0)): SND.NXT \(sndNxt), SND.UNA \(sndUna)")
            #expect(f.senderWindow == sndWnd, "at \(e.t)ms (\(e.kind)): SND.WND")
            // Flow control itself: never more in flight than the window the sender heard.
            if let w = f.senderWindow, e.kind == .send, e.from == Self.client { #expect(f.inFlight <= w, "at \(e.t)ms") }
            if f.inFlight == 3000 { sawFull = true }
        }
        #expect(sawFull, "the first burst fills the 3000-byte window")
    }

    @Test("RFC 9293 §3.8.6.1: a zero window with data waiting and nothing in flight runs the persist timer; probes only then")
    func zeroWindowRunsPersist() throws {
        let events = try Self.flowEvents()
        var zeroWindows = 0
        for (e, f) in events {
            if f.senderWindow == 0 && f.unsent > 0 && f.inFlight == 0 {
                #expect(f.persistTimer, "at \(e.t)ms the sender hears rwnd 0 with \(f.unsent) B waiting")
                zeroWindows += 1
            }
            if f.persistTimer { #expect(f.senderWindow == 0, "at \(e.t)ms the persist timer runs only on a zero window") }
            if e.segment?.customLabel?.hasPrefix("PROBE") == true { #expect(f.persistTimer) }
        }
        #expect(zeroWindows > 5)
        // Once all the data is sent a zero window is nothing to wait for: no timer.
        let last = try #require(events.last?.flow)
        #expect(last.unsent == 0 && !last.persistTimer)
    }

    @Test("Before anything happened: an empty buffer, no window advertised or heard, nothing in flight")
    func initialFlowPanel() throws {
        let trace = try SceneSpec.flowControl.simulate()
        let f = try #require(trace.initialPanel?.flowWindow)
        #expect(f == FlowSnapshot(sender: "client", receiver: "server", capacity: 3000, unread: 0, advertised: nil, inFlight: 0,
                                  senderWindow: nil, unsent: 0, persistTimer: false))
        #expect(trace.panel(at: -1) == trace.initialPanel)
    }

    @Test("The panel changes no event: the flow-control trace without it is the same trace")
    func panelChangesNoEvent() {
        func run(panel: Bool) -> [TraceEvent] {
            var p = TCPParameters(); p.msl = 1000; p.receiveBuffer = 3000
            let sim = TCPSimulation(parameters: p, behaviours: (.init(), .init(readEvery: (interval: 1500, bytes: 1000))))
            if panel { sim.flowPanel = .init(sender: 0, receiver: 1) }
            sim.schedule(.listen, on: 1, at: 0)
            sim.schedule(.connect, on: 0, at: 0)
            sim.schedule(.send(bytes: 6000), on: 0, at: 200)
            return sim.run(limit: 20_000).events.map { var e = $0; e.panel = nil; return e }
        }
        #expect(run(panel: true) == run(panel: false))
    }

    @Test("Only the flow-control scene carries the flow panel among the TCP scenes")
    func otherScenesCarryNone() throws {
        for scene in [SceneSpec.tcp3Way, .tcp4Way, .tcpLostFinalAck, .tcpSynRetransmit, .tcpSimultaneousClose, .udpVsTcp] {
            let t = try scene.simulate()
            #expect(t.initialPanel == nil && t.events.allSatisfy { $0.panel == nil }, "\(scene.id)")
        }
    }

    @Test("Kurose & Ross §3.4: before the first packet the ARQ window is base 0, next 0 (the first event has sent pkt 0)",
          arguments: [ARQProtocol.stopAndWait, .goBackN, .selectiveRepeat])
    func initialARQPanel(_ proto: ARQProtocol) throws {
        let t = try ARQSimulation(proto).run(scene: proto.rawValue)
        let initial = try #require(t.panel(at: -1)?.arqWindow)
        #expect(initial.base == 0 && initial.next == 0 && initial.expected == 0 && initial.delivered == 0)
        #expect(t.panel(at: 0)?.arqWindow?.next == 1)
    }

    @Test("The panel at a cursor is the latest one carried at or before it")
    func panelAtCursor() throws {
        let t = try SceneSpec.flowControl.simulate()
        var stripped = t
        stripped.events[3].panel = nil
        #expect(stripped.panel(at: 3) == t.events[2].panel)
        #expect(stripped.panel(at: 4) == t.events[4].panel)
    }
}
