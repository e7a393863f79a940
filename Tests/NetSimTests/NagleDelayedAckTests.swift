import Testing
import TutorCore
@testable import NetSim

/// The Nagle / delayed-ACK scenes' rules, each against the RFC section it comes from.
struct NagleDelayedAckTests {
    static let ids = ["tcp-nagle-delayed-ack", "tcp-nodelay", "tcp-no-delayed-ack", "tcp-single-write"]

    func run(_ setup: NagleDelayedAck.Setup, rtt: Double = 100, drops: Set<Int> = []) throws -> Trace {
        var o = SceneOptions()
        o.rtt = rtt; o.drops = drops
        return try NagleDelayedAck.simulate(setup, scene: "test", o)
    }
    /// When the response reached the client.
    func responseTime(_ t: Trace) throws -> Double {
        try #require(t.events.first { $0.kind == .deliver && $0.to == "client" && ($0.label ?? "").contains("(response)") }).t
    }
    func field(_ label: String?, _ name: String) -> Int? {
        (label ?? "").split(separator: " ").first { $0.hasPrefix(name + "=") }.flatMap { Int($0.dropFirst(name.count + 1)) }
    }

    @Test("RFC 1122 §4.2.3.4, RFC 9293 §3.7.4: with Nagle on, a small segment leaves only when nothing sent is unacknowledged",
          arguments: [Set<Int>(), [1], [2], [3], [4], [1, 2]])
    func nagleNeverSendsSmallWhileUnacked(drops: Set<Int>) throws {
        for setup in [NagleDelayedAck.Setup(), .init(delayedAck: false), .init(singleWrite: true)] {
            let t = try run(setup, drops: drops)
            // Replay the client's view: the highest byte sent and the highest acknowledged.
            var nxt = 1, una = 1
            for e in t.events {
                if e.kind == .deliver, e.to == "client", let ack = field(e.label, "ack") { una = max(una, ack) }
                guard e.kind == .send, e.from == "client", let seq = field(e.label, "seq"), let len = field(e.label, "len") else { continue }
                if !e.retransmission && len < NagleDelayedAck.mss {
                    #expect(nxt == una, "\(setup) drops \(drops): \(e.label!) sent at \(e.t) with \(nxt - una) B unacknowledged")
                }
                nxt = max(nxt, seq + len)
            }
            #expect(try responseTime(t) > 0)
        }
    }

    @Test("RFC 1122 §4.2.3.2, RFC 9293 §3.8.6.3: the delayed ACK is sent by its timer, which is under 500 ms",
          arguments: [40.0, 200, 499])
    func delayedAckByTimer(delay: Double) throws {
        let t = try run(.init(delayedAckTime: delay))
        let start = try #require(t.events.first { $0.kind == .timerStart && $0.timer == "delayed-ACK" })
        #expect(start.endpoint == "server" && start.duration == delay && delay < 500)
        let fire = try #require(t.events.first { $0.kind == .timerFire && $0.timer == "delayed-ACK" })
        let ack = try #require(sends(t, from: "server", "ACK").first)
        let header = try #require(t.events.first { $0.kind == .deliver && $0.to == "server" })
        // The ACK leaves when the timer fires, delay ms after the data arrived, and not before.
        #expect(fire.t == start.t + delay && ack.t == fire.t && ack.t - header.t == delay)
        #expect(ack.label == "ACK ack=101")
    }

    @Test("RFC 1122 §4.2.3.2: without delayed ACK the server acknowledges the header at once")
    func immediateAck() throws {
        let t = try trace("tcp-no-delayed-ack")
        let header = try #require(t.events.first { $0.kind == .deliver && $0.to == "server" })
        let ack = try #require(sends(t, from: "server", "ACK").first)
        #expect(ack.t == header.t && !t.events.contains { $0.kind == .timerStart })
        // The client, without delayed ACK too, acknowledges the response the moment it arrives.
        let final = try #require(sends(t, from: "client", "ACK").first)
        let arrived = try responseTime(t)
        #expect(final.label == "ACK ack=201" && final.t == arrived)
    }

    @Test("Write–write–read with Nagle and delayed ACK ends a delayed-ACK time after the immediate-ACK run, and D + RTT after TCP_NODELAY",
          arguments: [(40.0, 100.0), (200, 100), (200, 20), (100, 300)])
    func stallIsTheDelayedAckTime(delay: Double, rtt: Double) throws {
        let both = try responseTime(run(.init(delayedAckTime: delay), rtt: rtt))
        let immediate = try responseTime(run(.init(delayedAck: false, delayedAckTime: delay), rtt: rtt))
        let nodelay = try responseTime(run(.init(nagle: false, delayedAckTime: delay), rtt: rtt))
        #expect(both - immediate == delay)
        // TCP_NODELAY also saves the round trip the body waited for; the writes are 1 ms apart.
        #expect(abs(both - nodelay - (delay + rtt)) <= 1)
        #expect(both == 2 * rtt + delay)
    }

    @Test("RFC 9293 §3.7.4 (MUST-17): with TCP_NODELAY the second write leaves before any ACK arrives")
    func nodelaySendsAtOnce() throws {
        let t = try trace("tcp-nodelay")
        let data = sends(t, from: "client", "DATA")
        try #require(data.count == 2)
        #expect(data[1].label == "DATA seq=101 len=50 (body)")
        let firstToClient = try #require(t.events.first { $0.kind == .deliver && $0.to == "client" })
        #expect(data[1].t < firstToClient.t && data[1].t - data[0].t == 1)
        // The server's delayed-ACK timer started but never fired: the response carried the ACK.
        #expect(t.events.contains { $0.kind == .timerStart && $0.endpoint == "server" })
        #expect(!t.events.contains { $0.kind == .timerFire && $0.endpoint == "server" } && sends(t, from: "server", "ACK").isEmpty)
        #expect(try responseTime(t) == 101)
    }

    @Test("One write of the whole request: one segment, no pure ACK, the response one RTT later")
    func singleWrite() throws {
        for rtt in [20.0, 100, 300] {
            let t = try trace("tcp-single-write") { $0.rtt = rtt }
            #expect(sends(t, from: "client", "DATA").map(\.label) == ["DATA seq=1 len=150 (request)"])
            #expect(sends(t, from: "server", "ACK").isEmpty && !t.events.contains { $0.kind == .timerStart && $0.endpoint == "server" })
            #expect(try responseTime(t) == rtt)
        }
    }

    @Test("The default scene: the ACK waits for the timer, the body for the ACK, the response for the body")
    func segmentOrder() throws {
        let t = try trace("tcp-nagle-delayed-ack")
        #expect(t.events.filter { $0.kind == .send }.map(\.label!) ==
                ["DATA seq=1 len=100 (header)", "ACK ack=101", "DATA seq=101 len=50 (body)", "DATA len=200 ack=151 (response)", "ACK ack=201"])
        #expect(try responseTime(t) == 400)
        #expect(t.events.contains { $0.kind == .note && $0.narration.en.hasPrefix("Nagle holds 50 B: 100 B are still unacknowledged") })
        #expect(t.events.last?.narration.en.hasPrefix("Response arrived at 400 ms") == true)
    }

    @Test("RFC 6298 §5.4, §5.5: a lost data segment is sent again after the RTO (1 s at least), the timeout doubling",
          arguments: [("tcp-nagle-delayed-ack", 1, "DATA seq=1 len=100"), ("tcp-nagle-delayed-ack", 3, "DATA seq=101 len=50"),
                      ("tcp-nodelay", 1, "DATA seq=1 len=100"), ("tcp-nodelay", 2, "DATA seq=101 len=50"),
                      ("tcp-single-write", 1, "DATA seq=1 len=150")])
    func lostDataRecovered(id: String, drop: Int, label: String) throws {
        let t = try trace(id) { $0.drops = [drop] }
        let copies = sends(t, from: "client", label)
        try #require(copies.count == 2)
        #expect(!copies[0].retransmission && copies[1].retransmission)
        #expect(t.events.contains { $0.kind == .drop && $0.n == drop })
        #expect(copies[1].t - copies[0].t >= 1000)
        #expect(try responseTime(t) > 1000)
        // Lost twice: the second retransmission waits twice the first RTO (1 s at RTT 100 ms).
        let twice = try trace(id) { $0.drops = [drop, copies[1].n!] }
        let again = sends(twice, from: "client", label)
        try #require(again.count == 3)
        #expect(again[2].t - again[1].t == 2000)
    }

    @Test("RFC 9293 §3.10.7.4, RFC 6298 §5.4: a lost delayed ACK: the header goes again and the server ACKs the duplicate at once")
    func lostAckRecovered() throws {
        let t = try trace("tcp-nagle-delayed-ack") { $0.drops = [2] }
        let headers = sends(t, from: "client", "DATA seq=1 len=100")
        try #require(headers.count == 2)
        #expect(headers[1].retransmission && headers[1].t == 1000)
        let acks = sends(t, from: "server", "ACK")
        try #require(acks.count == 2)
        #expect(acks[1].t == headers[1].t + 50)
        #expect(try responseTime(t) == 1200)
    }

    @Test("RFC 6298 §5.4: a lost response is sent again by the server")
    func lostResponseRecovered() throws {
        let t = try trace("tcp-nagle-delayed-ack") { $0.drops = [4] }
        let responses = sends(t, from: "server", "DATA")
        try #require(responses.count == 2)
        #expect(responses[1].retransmission)
        #expect(try responseTime(t) == responses[1].t + 50)
    }

    @Test("RFC 9293 §3.10.7.4: the client's lost ACK of the response: the server sends the response again, the client ACKs it at once")
    func lostFinalAck() throws {
        let t = try trace("tcp-nagle-delayed-ack") { $0.drops = [5] }
        let responses = sends(t, from: "server", "DATA")
        let acks = sends(t, from: "client", "ACK")
        try #require(responses.count == 2)
        #expect(responses[1].retransmission && responses[1].t - responses[0].t == 1000)
        try #require(acks.count == 2)
        #expect(acks[1].t == responses[1].t + 50)
        #expect(try responseTime(t) == 400)
    }

    @Test("The same options give the same trace", arguments: ids)
    func deterministic(id: String) throws {
        for drops in [Set<Int>(), [1], [2, 3]] {
            #expect(try trace(id) { $0.drops = drops } == trace(id) { $0.drops = drops })
        }
    }
}
