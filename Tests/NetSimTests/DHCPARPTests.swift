import Testing
import TutorCore
@testable import NetSim

/// The DHCP and ARP scenes' rules, each against the RFC section it comes from.
struct DHCPARPTests {
    func trace(_ id: String, drops: Set<Int> = []) throws -> Trace { try NetSimTests.trace(id) { $0.drops = drops } }
    func kind(_ e: TraceEvent) -> String { String((e.label ?? "").split(separator: " ").first ?? "") }
    /// The text after `field=` in a label.
    func field(_ e: TraceEvent, _ name: String) -> String? {
        (e.label ?? "").split(separator: " ").first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }
    }
    func states(_ t: Trace, _ lane: String = "host") -> [TraceEvent] {
        t.events.filter { $0.kind == .state && $0.endpoint == lane }
    }
    static let dhcpKinds: Set<String> = ["DISCOVER", "OFFER", "REQUEST", "ACK", "DECLINE"]

    @Test("RFC 2131 §3.1, §4.1: DISCOVER, OFFER, REQUEST, ACK in that order; the client's two are broadcast from 0.0.0.0:68, the server's unicast to it")
    func fourMessages() throws {
        let t = try trace("dhcp-arp")
        let dhcp = t.events.filter { $0.kind == .send && Self.dhcpKinds.contains(kind($0)) }
        #expect(dhcp.map(kind) == ["DISCOVER", "OFFER", "REQUEST", "ACK"])
        try #require(dhcp.count == 4)
        #expect(dhcp.map(\.from!) == ["host", "DHCP server", "host", "DHCP server"])
        // Each goes only after the one before it has arrived.
        for (a, b) in zip(dhcp, dhcp.dropFirst()) { #expect(b.t >= a.arrival!) }
        #expect(dhcp[0].label == "DISCOVER bcast 0.0.0.0:68")
        #expect(dhcp[2].label?.contains("bcast") == true)
        #expect(dhcp[1].to == "host" && dhcp[3].to == "host" && !dhcp[1].label!.contains("bcast") && !dhcp[3].label!.contains("bcast"))
        #expect(states(t).map(\.state!).prefix(3) == ["INIT", "SELECTING", "REQUESTING"])
        #expect(states(t).last?.state == "BOUND")
    }

    @Test("RFC 2131 §3.1 step 3, §4.4.1: the REQUEST names the server identifier of the OFFER it takes", arguments: ["dhcp-arp", "dhcp-relay"])
    func serverIdentifier(id: String) throws {
        let t = try trace(id)
        let offer = try #require(sends(t, to: "host", "OFFER").first)
        let request = try #require(sends(t, from: "host", "REQUEST").first)
        #expect(field(offer, "sid") != nil && field(request, "sid") == field(offer, "sid"))
        // The ACK commits the offered address.
        let ack = try #require(sends(t, to: "host", "ACK").first)
        #expect(ack.label!.split(separator: " ")[1] == offer.label!.split(separator: " ")[1])
    }

    @Test("RFC 2131 §4.4.5: at T1 = 0.5 × lease the renewal REQUEST is unicast to the server that leased the address, and its ACK extends the lease")
    func renewAtT1() throws {
        let t = try trace("dhcp-renew")
        let first = try #require(sends(t, from: "host", "REQUEST").first)
        let renewal = try #require(sends(t, from: "host", "REQUEST").dropFirst().first)
        #expect(renewal.label == "REQUEST unicast 192.168.0.2" && renewal.to == "DHCP server")
        #expect(renewal.t - first.t == DHCPARP.lease(.renew) * 0.5)
        #expect(sends(t, to: "host", "ACK").count == 2)
        #expect(states(t).map(\.state!).suffix(2) == ["RENEWING", "BOUND"])
        #expect(sends(t, "DISCOVER").count == 1)
    }

    @Test("RFC 2131 §4.4.5: no answer at T1, so at T2 = 0.875 × lease the REQUEST is broadcast and another server acknowledges it")
    func rebindAtT2() throws {
        let t = try trace("dhcp-rebind")
        let requests = sends(t, from: "host", "REQUEST")
        try #require(requests.count == 3)
        #expect(t.events.contains { $0.kind == .drop && $0.label == requests[1].label })
        #expect(requests[2].label == "REQUEST bcast ciaddr=192.168.0.50" && requests[2].to == "backup server")
        #expect(requests[2].t - requests[0].t == DHCPARP.lease(.rebind) * 0.875)
        let ack = try #require(sends(t, to: "host", "ACK").last)
        #expect(ack.from == "backup server" && ack.t > requests[2].t)
        #expect(states(t).map(\.state!).suffix(3) == ["RENEWING", "REBINDING", "BOUND"])
    }

    @Test("RFC 2131 §4.4.5: a renewal lost in dhcp-renew is not retried before T2 (the retry waits at least 60 s); the host rebinds by broadcast")
    func lostRenewal() throws {
        let t = try trace("dhcp-renew", drops: [5])
        let requests = sends(t, from: "host", "REQUEST")
        #expect(requests.map(\.label!) == ["REQUEST bcast sid=192.168.0.2", "REQUEST unicast 192.168.0.2", "REQUEST bcast ciaddr=192.168.0.50"])
        #expect(sends(t, from: "DHCP server", to: "host", "ACK").count == 2)
    }

    @Test("RFC 2131 §4.1, RFC 1542 §4.1: the relay sets giaddr and unicasts to the server; the server answers the relay, which delivers to the client")
    func relay() throws {
        let t = try trace("dhcp-relay")
        let up = sends(t, from: "relay", to: "DHCP server")
        #expect(up.map(kind) == ["DISCOVER", "REQUEST"] && up.allSatisfy { field($0, "giaddr") == "192.168.0.1" })
        #expect(sends(t, from: "DHCP server").allSatisfy { $0.to == "relay" })
        #expect(sends(t, from: "host").allSatisfy { $0.to == "relay" })
        #expect(sends(t, from: "relay", to: "host").map(kind) == ["OFFER", "ACK"])
        #expect(sends(t, from: "host", "REQUEST").first.flatMap { field($0, "sid") } == "10.0.5.2")
        #expect(states(t).last?.state == "BOUND")
    }

    @Test("RFC 826: the ARP request is broadcast, the reply unicast; the second packet to the gateway finds the MAC cached and sends no ARP")
    func arpCache() throws {
        let t = try trace("dhcp-arp")
        let whoHas = sends(t, "who-has")
        try #require(whoHas.count == 1)
        #expect(whoHas[0].label == "who-has 192.168.0.1 bcast" && whoHas[0].from == "host")
        let isAt = try #require(sends(t, "is-at").first)
        #expect(isAt.from == "gateway" && isAt.to == "host" && !isAt.label!.contains("bcast"))
        let echoes = sends(t, from: "host", to: "gateway", "echo")
        try #require(echoes.count == 2)
        #expect(echoes[0].t >= isAt.arrival! && whoHas[0].t < echoes[0].t)
        // Nothing but the second packet between the two.
        #expect(t.events.filter { $0.kind == .send && $0.t > echoes[0].t && $0.t < echoes[1].t }.isEmpty)
        // The ARP for the gateway comes after the host is bound: the probes are not it.
        let bound = try #require(states(t).last { $0.state == "BOUND" })
        #expect(whoHas[0].t > bound.t)
    }

    @Test("RFC 5227 §2.1.1, §2.3: three probes from 0.0.0.0, one second apart; BOUND after ANNOUNCE_WAIT without a reply; two announcements")
    func probes() throws {
        let t = try trace("dhcp-arp")
        let probes = sends(t, from: "host", "ARP-probe")
        try #require(probes.count == 3)
        #expect(probes.allSatisfy { $0.label == "ARP-probe 192.168.0.50 from 0.0.0.0" })
        #expect(zip(probes, probes.dropFirst()).allSatisfy { $1.t - $0.t == 1000 })
        let ack = try #require(sends(t, to: "host", "ACK").first)
        #expect(probes[0].t >= ack.arrival!)
        let bound = try #require(states(t).last { $0.state == "BOUND" })
        #expect(bound.t - probes[2].t == 2000)  // ANNOUNCE_WAIT
        let announcements = sends(t, from: "host", "ARP-announce")
        try #require(announcements.count == 2)
        #expect(announcements[0].t == bound.t && announcements[1].t - announcements[0].t == 2000)
    }

    @Test("RFC 2131 §3.1 step 5, §4.4.4, RFC 5227 §2.1.1: a reply to the probe means the address is in use: DECLINE, never bound to it, start over after 10 s")
    func duplicate() throws {
        let t = try trace("arp-duplicate")
        let reply = try #require(sends(t, from: "other host", to: "host", "is-at").first)
        let decline = try #require(sends(t, from: "host", "DECLINE").first)
        #expect(decline.label == "DECLINE 192.168.0.50 bcast" && decline.t >= reply.arrival!)
        // No more probes of .50 after the reply, no announcement of it, and no BOUND before the decline.
        #expect(sends(t, from: "host", "ARP-probe 192.168.0.50").allSatisfy { $0.t < reply.arrival! })
        #expect(sends(t, "ARP-announce 192.168.0.50").isEmpty)
        #expect(!states(t).contains { $0.state == "BOUND" && $0.t < decline.t })
        let discovers = sends(t, from: "host", "DISCOVER")
        try #require(discovers.count == 2)
        #expect(discovers[1].t - decline.t == 10_000)
        // The server skips the declined address.
        #expect(sends(t, to: "host", "OFFER").map { $0.label!.split(separator: " ")[1] } == ["192.168.0.50", "192.168.0.51"])
        #expect(sends(t, "ARP-announce").map(\.label!) == ["ARP-announce 192.168.0.51", "ARP-announce 192.168.0.51"])
        #expect(states(t).last?.state == "BOUND")
    }

    @Test("RFC 2131 §4.1: a lost DISCOVER is sent again after 4 s, a second loss after 8 s more; a lost REQUEST after 4 s")
    func retransmission() throws {
        let once = sends(try trace("dhcp-arp", drops: [1]), from: "host", "DISCOVER")
        try #require(once.count == 2)
        #expect(once[1].retransmission && once[1].t - once[0].t == 4000)
        let twice = sends(try trace("dhcp-arp", drops: [1, 2]), from: "host", "DISCOVER")
        try #require(twice.count == 3)
        #expect(twice[2].t - twice[1].t == 8000)
        let t = try trace("dhcp-arp", drops: [3])
        let requests = sends(t, from: "host", "REQUEST")
        try #require(requests.count == 2)
        #expect(requests[1].t - requests[0].t == 4000)
        #expect(states(t).last?.state == "BOUND")
    }

    @Test("RFC 1122 §2.3.2.1: a lost ARP request is asked again after 1 s, and the waiting packet then goes")
    func arpRetry() throws {
        let t = try trace("dhcp-arp", drops: [10])
        let whoHas = sends(t, "who-has")
        try #require(whoHas.count == 2)
        #expect(whoHas[1].t - whoHas[0].t == 1000)
        #expect(sends(t, "echo").count == 2)
    }

    @Test("The same options give the same trace", arguments: ["dhcp-arp", "dhcp-renew", "dhcp-rebind", "dhcp-relay", "arp-duplicate"])
    func deterministic(id: String) throws {
        #expect(try trace(id, drops: [2]) == trace(id, drops: [2]))
        #expect(try trace(id) == trace(id))
    }
}
