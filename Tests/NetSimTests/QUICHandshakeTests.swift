import Testing
import TutorCore
@testable import NetSim

/// The QUIC handshake scenes' rules, each against the RFC section it comes from.
struct QUICHandshakeTests {
    /// A packet's type, number and ACKed numbers, read from its label `Type[pn] ACK(0-1),…`.
    struct Packet { let from: String; let type: String; let pn: Int?; let acks: [Int]; let t: Double; let lost: Bool }
    func packets(_ t: Trace) -> [Packet] {
        t.events.filter { $0.kind == .send }.map { e in
            let label = e.label ?? ""
            let head = label.split(separator: " ").first.map(String.init) ?? ""
            let type = String(head.prefix { $0 != "[" })
            let pn = head.split(separator: "[").dropFirst().first.flatMap { Int($0.dropLast()) }
            var acks: [Int] = []
            if let r = label.range(of: "ACK("), let close = label[r.upperBound...].firstIndex(of: ")") {
                for part in label[r.upperBound..<close].split(separator: ",") {
                    let ends = part.split(separator: "-").compactMap { Int($0) }
                    acks += Array(ends[0]...(ends.last ?? ends[0]))
                }
            }
            return Packet(from: e.from ?? "", type: type, pn: pn, acks: acks, t: e.t, lost: t.isLost(e))
        }
    }
    static func space(_ type: String) -> String { ["0-RTT", "1-RTT"].contains(type) ? "Application" : type }

    @Test("RFC 9000 §7, RFC 9001 §4.1: the client sends 1-RTT data 1 RTT after its first Initial; TCP + TLS 1.3 needs 2 RTT after the SYN",
          arguments: [50.0, 100, 300])
    func oneRoundTrip(rtt: Double) throws {
        let q = try trace("quic-handshake") { $0.rtt = rtt }
        let initial = try #require(sends(q, from: "client", "Initial[0]").first)
        let data = try #require(sends(q, from: "client", "1-RTT").first)
        #expect(abs((data.t - initial.t) - rtt) < 10)
        // The tls13-handshake scene's own trace: the SYN at 0, the request two RTTs later.
        let tls = try trace("tls13-handshake") { $0.rtt = rtt }
        let syn = try #require(sends(tls, from: "client", "SYN").first)
        let request = try #require(sends(tls, from: "client", "[ApplicationData]").first)
        #expect(abs((request.t - syn.t) - 2 * rtt) < 10)
        #expect(request.t - syn.t > data.t - initial.t + rtt / 2)
    }

    @Test("RFC 9000 §12.3, RFC 9002 §3: each packet number space starts at 0 and is acknowledged only within itself",
          arguments: ["quic-handshake", "quic-lost-initial", "quic-retry", "quic-0rtt"])
    func ackPerSpace(id: String) throws {
        for drops in [Set<Int>(), [3], [5]] {
            let ps = packets(try trace(id) { $0.drops = drops })
            for p in ps where !p.acks.isEmpty {
                let peer = p.from == "client" ? "server" : "client"
                let theirs = ps.filter { $0.from == peer && Self.space($0.type) == Self.space(p.type) && $0.t < p.t }.compactMap(\.pn)
                #expect(Set(p.acks).isSubset(of: Set(theirs)), "\(id) drops \(drops): \(p.type)[\(p.pn ?? -1)] acks \(p.acks), peer sent \(theirs)")
            }
            // Numbers start at 0 in each space and never repeat (a resent frame gets a new number).
            for lane in ["client", "server"] {
                for space in ["Initial", "Handshake", "Application"] {
                    let pns = ps.filter { $0.from == lane && Self.space($0.type) == space }.compactMap(\.pn)
                    #expect(pns == Array(0..<pns.count), "\(id) \(lane) \(space): \(pns)")
                }
            }
            // Every ack-eliciting packet that arrived is acknowledged, in its own space.
            let full = packets(try trace(id) { $0.drops = drops })
            #expect(!full.filter { $0.type == "Handshake" && $0.from == "server" && !$0.lost }.isEmpty)
            for p in full where p.type == "Initial" && p.from == "server" && !p.lost {
                #expect(full.contains { $0.from == "client" && $0.type == "Initial" && $0.acks.contains(p.pn!) }, "\(id): server Initial \(p.pn!)")
            }
        }
    }

    @Test("RFC 9000 §8.1.2, §17.2.5: a Retry costs one round trip; the next Initial carries the token, its number goes on")
    func retry() throws {
        let rtt = 100.0
        let t = try trace("quic-retry")
        let retry = try #require(sends(t, from: "server", "Retry").first)
        #expect(retry.label == "Retry token")
        let initials = sends(t, from: "client", "Initial")
        #expect(initials[0].label == "Initial[0] CRYPTO(CH)")
        #expect(initials[1].label == "Initial[1] CRYPTO(CH) token" && initials[1].t > retry.t)
        #expect(initials.dropFirst().allSatisfy { $0.label!.hasSuffix(" token") })
        // The server answers only the Initial with the token: ACK(1), not ACK(0).
        let serverInitial = try #require(sends(t, from: "server", "Initial").first)
        #expect(serverInitial.label == "Initial[0] ACK(1),CRYPTO(SH)")
        let data = try #require(sends(t, from: "client", "1-RTT").first)
        #expect(abs(data.t - initials[0].t - 2 * rtt) < 10)
    }

    @Test("RFC 9002 §6.2.1, §6.2.2: a lost first Initial goes again when the PTO fires, 999 ms (kInitialRtt 333 ms) later, in a new packet")
    func lostInitial() throws {
        let t = try trace("quic-lost-initial")
        #expect(t.events.contains { $0.kind == .drop && $0.n == 1 })
        let armed = try #require(t.events.first { $0.kind == .timerStart && $0.endpoint == "client" })
        #expect(armed.timer == "PTO" && armed.duration == 333 + 4 * 333 / 2)
        let fired = try #require(t.events.first { $0.kind == .timerFire && $0.endpoint == "client" })
        #expect(fired.timer == "PTO" && fired.t == 999)
        let again = try #require(sends(t, from: "client", "Initial[1]").first)
        #expect(again.label == "Initial[1] CRYPTO(CH)" && again.retransmission && again.t == 999)
        // The PTO doubles for the next expiry (RFC 9002 §6.2.1).
        #expect(t.events.contains { $0.kind == .timerStart && $0.endpoint == "client" && $0.duration == 1998 })
        // And the handshake completes one RTT after the probe.
        let data = try #require(sends(t, from: "client", "1-RTT").first)
        #expect(abs(data.t - again.t - 100) < 10)
    }

    @Test("RFC 9001 §4.6, RFC 9000 §17.2.3: 0-RTT data leaves with the first flight; its ACK comes in a 1-RTT packet")
    func zeroRTT() throws {
        let t = try trace("quic-0rtt")
        let early = try #require(sends(t, from: "client", "0-RTT[0]").first)
        let firstFromServer = try #require(t.events.first { $0.kind == .deliver && $0.to == "client" })
        #expect(early.t < firstFromServer.t && early.label!.contains("STREAM(0)"))
        #expect(sends(t, from: "client", "1-RTT").allSatisfy { !$0.label!.contains("STREAM") })
        let ack = try #require(sends(t, from: "server", "1-RTT").first { $0.label!.contains("ACK(0)") })
        #expect(ack.label!.contains("STREAM(0)"))
        // No certificate on a resumed connection (RFC 8446 §2.2).
        #expect(sends(t, from: "server", "Handshake").allSatisfy { !$0.label!.contains("CERT") })
    }

    @Test("RFC 9001 §4.1.2, RFC 9000 §19.20: the server confirms the handshake with HANDSHAKE_DONE after the client's Finished")
    func handshakeDone() throws {
        let t = try trace("quic-handshake")
        let fin = try #require(t.events.first { $0.kind == .deliver && $0.to == "server" && ($0.label ?? "").contains("CRYPTO(FIN)") })
        let done = try #require(sends(t, from: "server", "1-RTT").first { $0.label!.contains("HANDSHAKE_DONE") })
        #expect(done.t >= fin.t)
        #expect(t.events.last { $0.kind == .state && $0.endpoint == "client" }?.state == "confirmed")
    }

    @Test("The same options give the same trace")
    func deterministic() throws {
        for id in ["quic-handshake", "quic-lost-initial", "quic-retry", "quic-0rtt"] {
            #expect(try trace(id) { $0.drops = [2, 5] } == trace(id) { $0.drops = [2, 5] })
        }
    }
}
