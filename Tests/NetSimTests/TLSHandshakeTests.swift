import Testing
import TutorCore
@testable import NetSim

/// The TLS scenes' protocol rules, each against the RFC section it comes from.
struct TLSHandshakeTests {
    func arrival(_ t: Trace, at lane: String, _ prefix: String) -> TraceEvent? {
        t.events.first { $0.kind == .deliver && $0.to == lane && ($0.label ?? "").hasPrefix(prefix) }
    }

    @Test("RFC 8446 §2: the client sends application data only after the server's Finished has arrived",
          arguments: ["tls13-handshake", "tls13-hello-retry", "tls12-handshake"])
    func dataAfterFinished(id: String) throws {
        let t = try trace(id)
        let finished = try #require(arrival(t, at: "client", id == "tls12-handshake" ? "Finished" : "{Finished}"))
        let request = try #require(sends(t, from: "client", "[ApplicationData]").first)
        #expect(request.t >= finished.t)
    }

    @Test("RFC 8446 §2 against RFC 5246 §7.3: the request leaves 1 RTT after the ClientHello in TLS 1.3, 2 RTT in TLS 1.2",
          arguments: [50.0, 100, 300])
    func roundTrips(rtt: Double) throws {
        for (id, rounds) in [("tls13-handshake", 1.0), ("tls12-handshake", 2.0), ("tls13-hello-retry", 2.0)] {
            let t = try trace(id) { $0.rtt = rtt }
            let hello = try #require(sends(t, from: "client", "ClientHello").first)
            let request = try #require(sends(t, from: "client", "[ApplicationData]").first)
            // The flight's messages leave a millisecond apart: the spacing, not a round trip.
            #expect(abs((request.t - hello.t) - rounds * rtt) < 10, "\(id) at RTT \(rtt)")
        }
    }

    @Test("RFC 8446 §4.1.4 and §4.2.8: a HelloRetryRequest names the group; the second ClientHello carries a share for it")
    func helloRetry() throws {
        let t = try trace("tls13-hello-retry")
        let hellos = sends(t, from: "client", "ClientHello")
        #expect(hellos.count == 2)
        let hrr = try #require(sends(t, from: "server", "HelloRetryRequest").first)
        #expect(hrr.label == "HelloRetryRequest key_share=x25519")
        #expect(hellos[0].label?.contains("x25519") == false && hellos[1].label?.contains("key_share=x25519") == true)
        #expect(hellos[1].t > hrr.t)
        // Only one ServerHello, and only after the retried ClientHello.
        #expect(sends(t, from: "server", "ServerHello").map(\.t).allSatisfy { $0 > hellos[1].t })
    }

    @Test("RFC 8446 §2.3: 0-RTT data leaves with the ClientHello, before anything from the server arrives; with a PSK no certificate is sent (§2.2)")
    func zeroRTT() throws {
        let t = try trace("tls13-resumption-0rtt")
        let early = try #require(sends(t, from: "client", "(ApplicationData)").first)
        let firstFromServer = try #require(t.events.first { $0.kind == .deliver && $0.to == "client" && $0.from == "server" && !($0.label ?? "").hasPrefix("SYN") })
        #expect(early.t < firstFromServer.t)
        #expect(sends(t, from: "server", "{Certificate").isEmpty)
        // EndOfEarlyData (§4.5) goes before the client's Finished.
        let eoed = try #require(sends(t, from: "client", "(EndOfEarlyData)").first)
        let finished = try #require(sends(t, from: "client", "{Finished}").first)
        #expect(eoed.t < finished.t)
        #expect(t.events.contains { $0.narration.en.contains("replayed") })
    }

    @Test("RFC 8446 §6.2: an expired certificate ends the handshake with a certificate_expired alert and no application data")
    func badCertificate() throws {
        let t = try trace("tls13-bad-certificate")
        #expect(sends(t, from: "client", "{Alert} certificate_expired").count == 1)
        #expect(sends(t, from: "client", "[ApplicationData]").isEmpty && sends(t, from: "client", "{Finished}").isEmpty)
        // The alert is fatal: both ends end CLOSED, neither keeps "application keys".
        for lane in ["client", "server"] {
            #expect(t.events.last { $0.kind == .state && $0.endpoint == lane }?.state == "CLOSED", "\(lane)")
        }
    }

    @Test("RFC 8446 §2: after the ServerHello everything the server sends is protected, { } or [ ]")
    func protection() throws {
        for id in ["tls13-handshake", "tls13-resumption-0rtt"] {
            let t = try trace(id)
            let serverHello = try #require(sends(t, from: "server", "ServerHello").first)
            let after = t.events.filter { $0.kind == .send && $0.from == "server" && $0.t >= serverHello.t && $0.n! > serverHello.n! }
            #expect(!after.isEmpty && after.allSatisfy { ["{", "["].contains($0.label?.first) }, "\(id)")
        }
    }

    @Test("RFC 6298 §5.4, §2.4: a lost ClientHello is sent again by TCP after the RTO, at least 1 s")
    func lostClientHello() throws {
        let t = try trace("tls13-handshake") { $0.drops = [4] }
        let hellos = sends(t, from: "client", "ClientHello")
        #expect(hellos.count == 2 && hellos[1].retransmission)
        #expect(hellos[1].t - hellos[0].t == 1000)
        #expect(t.events.contains { $0.kind == .drop && $0.n == 4 })
        #expect(sends(t, from: "client", "[ApplicationData]").count == 1)
    }

    @Test("The same options give the same trace")
    func deterministic() throws {
        for id in ["tls13-handshake", "tls13-hello-retry", "tls13-resumption-0rtt", "tls13-bad-certificate", "tls12-handshake"] {
            #expect(try trace(id) { $0.drops = [5] } == trace(id) { $0.drops = [5] })
        }
    }
}
