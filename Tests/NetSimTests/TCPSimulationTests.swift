import NetSim
import Testing

/// Helpers over a trace.
extension Trace {
    func states(_ endpoint: String) -> [String] { events.filter { $0.kind == .state && $0.endpoint == endpoint }.compactMap(\.state) }
    var sent: [TraceEvent] { events.filter { $0.kind == .send } }
    func sends(from: String) -> [Segment] { sent.filter { $0.from == from }.compactMap(\.segment) }
    func timerStarts(_ endpoint: String, _ timer: String) -> [Double] {
        events.filter { $0.kind == .timerStart && $0.endpoint == endpoint && $0.timer == timer }.compactMap(\.duration)
    }
}

@Suite("TCP simulation (RFC 9293, RFC 6298)")
struct TCPSimulationTests {
    @Test("RFC 9293 §3.5: the 3-way handshake moves client CLOSED→SYN-SENT→ESTABLISHED and server LISTEN→SYN-RECEIVED→ESTABLISHED")
    func threeWayStates() throws {
        let t = try SceneSpec.tcp3Way.simulate()
        #expect(t.states("client") == ["SYN-SENT", "ESTABLISHED"])
        #expect(t.states("server") == ["LISTEN", "SYN-RECEIVED", "ESTABLISHED"])
        #expect(t.sent.count == 3)
    }

    @Test("RFC 9293 §3.4: SYN occupies one sequence number, so SYN+ACK acks ISN+1 and the final ACK has seq ISN+1")
    func handshakeNumbers() throws {
        var o = SceneOptions(); o.clientISN = 4_294_967_295; o.serverISN = 77
        let t = try SceneSpec.tcp3Way.simulate(o)
        let c = t.sends(from: "client"), s = t.sends(from: "server")
        #expect(c[0].flags == .syn && c[0].seq == 4_294_967_295)
        #expect(s[0].flags == [.syn, .ack] && s[0].seq == 77 && s[0].ack == 0)  // wraps mod 2^32
        #expect(c[1].flags == .ack && c[1].seq == 0 && c[1].ack == 78)
    }

    @Test("RFC 9293 §3.6: active close FIN-WAIT-1→FIN-WAIT-2→TIME-WAIT→CLOSED; passive close CLOSE-WAIT→LAST-ACK→CLOSED")
    func fourWayStates() throws {
        let t = try SceneSpec.tcp4Way.simulate()
        #expect(t.states("client") == ["SYN-SENT", "ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2", "TIME-WAIT", "CLOSED"])
        #expect(t.states("server") == ["LISTEN", "SYN-RECEIVED", "ESTABLISHED", "CLOSE-WAIT", "LAST-ACK", "CLOSED"])
        let fins = t.sent.filter { $0.segment!.flags.contains(.fin) }
        #expect(fins.count == 2)
        // FIN occupies a sequence number: the ACK of the client's FIN (seq 1001) is 1002.
        #expect(t.sends(from: "server").contains { $0.flags == .ack && $0.ack == 1002 })
    }

    @Test("RFC 9293 §3.6.1: TIME-WAIT lasts 2 x MSL before CLOSED")
    func timeWaitDuration() throws {
        let t = try SceneSpec.tcp4Way.simulate()
        let enter = t.events.first { $0.kind == .state && $0.state == "TIME-WAIT" }!.t
        let leave = t.events.last { $0.kind == .state && $0.endpoint == "client" && $0.state == "CLOSED" }!.t
        #expect(leave - enter == 2 * TCPScene.scaledMSL)
    }

    @Test("RFC 9293 §3.10.7.4: a lost final ACK makes LAST-ACK retransmit its FIN; TIME-WAIT re-ACKs and restarts 2 x MSL")
    func lostFinalAck() throws {
        let t = try SceneSpec.tcpLostFinalAck.simulate()
        #expect(t.events.contains { $0.kind == .drop && $0.n == 7 })
        let serverFins = t.sends(from: "server").filter { $0.flags.contains(.fin) }
        #expect(serverFins.count == 2 && serverFins[0] == serverFins[1])
        #expect(t.timerStarts("client", "TIME-WAIT").count == 2)
        #expect(t.states("server").suffix(2) == ["LAST-ACK", "CLOSED"])
        #expect(t.states("client").last == "CLOSED")
        // The client closes 2 x MSL after the re-ACK, not after the first TIME-WAIT entry.
        let reAck = t.sent.last { $0.from == "client" }!.t
        let closed = t.events.last { $0.kind == .state && $0.endpoint == "client" }!.t
        #expect(closed - reAck == 2 * TCPScene.scaledMSL)
    }

    @Test("RFC 6298 §2.1, §5.5: the RTO starts at 1 s and doubles on each retransmission of a lost SYN")
    func synBackoff() throws {
        let t = try SceneSpec.tcpSynRetransmit.simulate()
        let syns = t.sent.filter { $0.from == "client" && $0.segment!.flags == .syn }
        #expect(syns.count == 3)
        #expect(syns.map(\.t) == [0, 1000, 3000])
        #expect(t.timerStarts("client", "RTO") == [1000, 2000, 4000])
        #expect(t.states("client").last == "ESTABLISHED")
    }

    @Test("RFC 9293 §3.8.3: after too many retransmissions the connection is given up")
    func givesUp() {
        var p = TCPParameters(); p.maxRetransmissions = 2
        let sim = TCPSimulation(parameters: p, faults: Faults(drops: Set(1...10)))
        sim.schedule(.listen, on: 1, at: 0)
        sim.schedule(.connect, on: 0, at: 0)
        let t = sim.run()
        #expect(t.sent.filter { $0.from == "client" }.count == 3)
        #expect(t.states("client").last == "CLOSED")
    }

    @Test("RFC 9293 §3.6: simultaneous close goes FIN-WAIT-1→CLOSING→TIME-WAIT on both sides")
    func simultaneousClose() throws {
        let t = try SceneSpec.tcpSimultaneousClose.simulate()
        for side in ["client", "server"] {
            #expect(Array(t.states(side).suffix(4)) == ["FIN-WAIT-1", "CLOSING", "TIME-WAIT", "CLOSED"], "\(side)")
        }
    }

    @Test("RFC 9293 §3.5 Figure 7: simultaneous open passes through SYN-RECEIVED on both sides")
    func simultaneousOpen() {
        let sim = TCPSimulation()
        sim.schedule(.connect, on: 0, at: 0)
        sim.schedule(.connect, on: 1, at: 0)
        let t = sim.run()
        #expect(t.states("client") == ["SYN-SENT", "SYN-RECEIVED", "ESTABLISHED"])
        #expect(t.states("server") == ["SYN-SENT", "SYN-RECEIVED", "ESTABLISHED"])
    }

    @Test("RFC 9293 §3.10.7.1: a SYN to a closed port is answered with RST; the client sees connection refused")
    func rstOnClosedPort() {
        let sim = TCPSimulation()
        sim.schedule(.connect, on: 0, at: 0)
        let t = sim.run()
        let rst = t.sends(from: "server").first!
        #expect(rst.flags == [.rst, .ack] && rst.ack == 1001)
        #expect(t.states("client") == ["SYN-SENT", "CLOSED"])
    }

    @Test("RFC 9293 §3.8.6, §3.8.6.1: a full receive window stops the sender; zero-window probes until the reader frees space")
    func zeroWindowProbe() {
        var p = TCPParameters(); p.receiveBuffer = 2000; p.mss = 1000
        let sim = TCPSimulation(parameters: p, behaviours: (.init(), .init(readEvery: (interval: 2500, bytes: 2000))))
        sim.schedule(.listen, on: 1, at: 0)
        sim.schedule(.connect, on: 0, at: 0)
        sim.schedule(.send(bytes: 4000), on: 0, at: 200)
        let t = sim.run(limit: 10_000)
        let data = t.sends(from: "client").filter { $0.len > 0 && $0.customLabel == nil }
        #expect(data.reduce(0) { $0 + $1.len } == 4000)
        #expect(t.sends(from: "server").contains { $0.win == 0 })
        #expect(t.sends(from: "client").contains { $0.customLabel?.hasPrefix("PROBE") == true })
        // Bytes in flight never exceed the advertised window.
        #expect(data.prefix(2).map(\.len) == [1000, 1000])
    }

    @Test("RFC 9293 §3.10.7.4: a segment straddling RCV.NXT is trimmed and its new bytes taken (flow-control --drop 12,13 finishes)")
    func straddlingSegmentIsTrimmed() throws {
        var o = SceneOptions(); o.drops = [12, 13]
        let t = try SceneSpec.flowControl.simulate(o)
        // The window update is lost, a probe's byte is taken, then the sender's retransmission
        // starts one byte early: the receiver trims it instead of refusing it forever.
        #expect(t.events.contains { $0.kind == .note && $0.narration.en.contains("trimmed off") })
        #expect(!t.events.contains { $0.narration.en.contains("given up") })
        let acks = t.sends(from: "server").map(\.ack)
        let total = t.sends(from: "client").filter { $0.len > 1 }.map { $0.seq &+ UInt32($0.len) }.max()!
        #expect(acks.contains(total))  // every byte acknowledged
    }

    @Test("udp-vs-tcp: with the same loss TCP retransmits and delivers every byte; UDP loses that datagram")
    func udpVersusTCP() throws {
        let t = try SceneSpec.udpVsTcp.simulate()
        #expect(t.endpoints == ["TCP client", "TCP server", "UDP client", "UDP server"])
        let tcpData = t.sent.filter { $0.from == "TCP client" && ($0.segment?.len ?? 0) > 0 }.compactMap(\.segment)
        #expect(tcpData.count == 5)                               // 4 segments + 1 retransmission
        #expect(tcpData.filter { $0.seq == 2001 }.count == 2)      // the lost second segment, twice
        #expect(t.sends(from: "TCP server").last?.ack == 5001)     // every byte acknowledged
        let udpDelivered = t.events.filter { $0.kind == .deliver && $0.to == "UDP server" }.compactMap { $0.segment?.label }
        #expect(udpDelivered == ["datagram 1", "datagram 3", "datagram 4"])
        #expect(t.events.contains { $0.kind == .drop && $0.from == "UDP client" && $0.segment?.label == "datagram 2" })
    }

    @Test("RFC 9293 §3.10.4: CLOSE in LISTEN or SYN-SENT deletes the connection (CLOSED) without sending anything")
    func closeBeforeConnection() {
        let sim = TCPSimulation()
        sim.schedule(.listen, on: 1, at: 0)
        sim.schedule(.close, on: 1, at: 10)
        let t = sim.run()
        #expect(t.states("server") == ["LISTEN", "CLOSED"])
        #expect(t.sent.isEmpty)
    }

    @Test("RFC 9293 §3.6: when the passive side closes at once, its ACK and FIN leave back to back and FIN-WAIT-2 is brief")
    func passiveClosesAtOnce() {
        let sim = TCPSimulation(behaviours: (.init(), .init(closeAfterEOF: 0)))
        sim.schedule(.listen, on: 1, at: 0)
        sim.schedule(.connect, on: 0, at: 0)
        sim.schedule(.close, on: 0, at: 300)
        let t = sim.run()
        let client = t.states("client")
        #expect(client.suffix(4) == ["FIN-WAIT-1", "FIN-WAIT-2", "TIME-WAIT", "CLOSED"])
        let fw2 = t.events.first { $0.state == "FIN-WAIT-2" }!.t, tw = t.events.first { $0.state == "TIME-WAIT" }!.t
        #expect(tw - fw2 == TCPParameters().serialization)
        #expect(t.states("server").suffix(3) == ["CLOSE-WAIT", "LAST-ACK", "CLOSED"])
    }

    @Test("Traces are deterministic for the same scene, options and seed")
    func deterministic() throws {
        var o = SceneOptions(); o.lossRate = 0.3; o.seed = 9
        #expect(try SceneSpec.tcp4Way.simulate(o) == SceneSpec.tcp4Way.simulate(o))
    }

    @Test("Bad options are clear errors")
    func badOptions() {
        var o = SceneOptions(); o.rtt = 0
        #expect(throws: SceneError.invalid("--rtt must be between 1 and 10000 ms")) { try SceneSpec.tcp3Way.simulate(o) }
        // The cwnd lab is a chart (CongestionLab) and the URL journey a map (URLJourney), not sequence traces.
        #expect(throws: SceneError.invalid("cwnd-lab is a chart, not a sequence diagram: see 'nettutor cwnd'")) { try SceneSpec.cwndLab.simulate() }
        #expect(throws: SceneError.invalid("url-journey is a map of hops, not a sequence diagram: see 'nettutor journey'")) { try SceneSpec.urlJourney.simulate() }
        o = SceneOptions(); o.lossRate = 1.5
        #expect(throws: SceneError.invalid("--loss must be between 0 and 1")) { try SceneSpec.tcp4Way.simulate(o) }
        o = SceneOptions(); o.window = 500
        #expect(throws: SceneError.invalid("--window (receive buffer) must be between 1000 and 65535 bytes")) { try SceneSpec.flowControl.simulate(o) }
        // Exactly these two have screens of their own; every other scene plays as a sequence.
        #expect(SceneCatalog.all.filter { $0.kind != .sequence }.map { "\($0.id) \($0.kind)" } == ["cwnd-lab chart", "url-journey map"])
    }
}
