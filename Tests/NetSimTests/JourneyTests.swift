import NetSim
import Testing

func journey(_ variant: JourneyVariant = .standard, url: String = "https://www.example.com/", client: Int = 0,
             measured: MeasuredFetch? = nil) throws -> Journey {
    var p = JourneyParameters()
    p.variant = variant; p.url = url; p.client = client; p.measured = measured
    return try URLJourney.build(p)
}

extension Journey {
    func message(_ label: String) -> JourneyMessage? { messages.first { $0.label == label } }
    func link(_ m: JourneyMessage, _ from: HopID, _ to: HopID) -> WireHeaders? { m.steps.first { $0.from == from && $0.to == to }?.headers }
    var rtt: Double { 2 * oneWayToEdge }
    func phase(_ k: JourneyPhase.Kind) -> JourneyPhase? { phases.first { $0.kind == k } }
}

@Suite("URL journey model")
struct JourneyModelTests {
    @Test("Stage order: URL, local DNS caches, ARP for the gateway, the DNS queries, TCP, TLS, HTTP, rendering, close")
    func stageOrder() throws {
        #expect(try journey().stages == [.url, .dns, .arp, .dns, .tcp, .tls, .http, .render, .close])
        #expect(try journey(.dnsCached).stages == [.url, .dns, .tcp, .tls, .http, .render, .close])
        #expect(try journey(.http).stages == [.url, .dns, .arp, .dns, .tcp, .http, .render, .close])
        let j = try journey()
        #expect(zip(j.messages, j.messages.dropFirst()).allSatisfy { $0.t <= $1.t }, "messages in time order")
    }

    @Test("DNS (RFC 1034 §5.3.3): browser → stub → recursive resolver, which iterates root → TLD → authoritative")
    func dnsChain() throws {
        let j = try journey()
        let hops = j.messages.filter { $0.stage == .dns && !$0.steps.isEmpty }.map { "\($0.from.rawValue)>\($0.to.rawValue)" }
        #expect(hops == ["browser>os", "os>resolver", "resolver>root", "root>resolver", "resolver>tld", "tld>resolver",
                         "resolver>authoritative", "authoritative>resolver", "resolver>os", "os>browser"])
        let stub = j.message("DNS query A? AAAA? www.example.com")!
        #expect(stub.steps.last!.headers!.payload.contains("RD=1"))
        let iterative = j.messages.filter { $0.from == .resolver && $0.label.hasPrefix("DNS query") }
        #expect(iterative.count == 3 && iterative.allSatisfy { $0.steps[0].headers!.payload.contains("RD=0") })
        let answer = j.messages.first { $0.from == .authoritative }!.steps[0].headers!.payload
        #expect(answer.contains("CNAME edge.example.com") && answer.contains("A 192.0.2.80, 192.0.2.81, 192.0.2.82") && answer.contains("TTL 60"))
        #expect(answer.contains("AAAA 2001:db8::80"))
        #expect(j.link(stub, .os, .lanSwitch)!.transport!.proto == "UDP" && j.link(stub, .os, .lanSwitch)!.transport!.dstPort == 53)
    }

    @Test("DNS round robin (RFC 1794): successive clients get the A records rotated and connect to the first")
    func roundRobin() throws {
        let zone = try journey().zone
        #expect(zone.answer(forClient: 0) == ["192.0.2.80", "192.0.2.81", "192.0.2.82"])
        #expect(zone.answer(forClient: 1) == ["192.0.2.81", "192.0.2.82", "192.0.2.80"])
        #expect(zone.answer(forClient: 3) == zone.answer(forClient: 0))
        #expect(try journey(client: 1).remoteIP == "192.0.2.81")
        let syn = try journey(client: 2).messages.first { $0.stage == .tcp && !$0.steps.isEmpty }!
        #expect(syn.steps.last!.headers!.ip!.dst == "192.0.2.82")
    }

    @Test("ARP (RFC 826): the request for the gateway is broadcast and flooded by the switch; the reply is unicast")
    func arp() throws {
        let j = try journey()
        let request = j.messages.first { $0.stage == .arp }!
        #expect(request.steps.allSatisfy { $0.headers!.ethernet!.dst == "ff:ff:ff:ff:ff:ff" && $0.headers!.ip == nil })
        #expect(request.steps[0].device.en.contains("floods"))
        let reply = j.messages.filter { $0.stage == .arp }[1]
        #expect(reply.steps.allSatisfy { $0.headers!.ethernet!.dst != "ff:ff:ff:ff:ff:ff" })
    }

    @Test("NAT (RFC 3022): the source is rewritten to the router's address and port on the way out, and back on the way in")
    func nat() throws {
        let j = try journey()
        let syn = j.messages.first { $0.stage == .tcp && $0.label.hasPrefix("SYN seq") }!
        let inside = j.link(syn, .os, .lanSwitch)!, outside = j.link(syn, .router, .isp)!
        #expect(inside.ip!.src == "192.168.0.10" && inside.transport!.srcPort == 51_000)
        #expect(outside.ip!.src == "203.0.113.7" && outside.transport!.srcPort == 40_001)
        #expect(outside.ip!.dst == inside.ip!.dst, "the destination is not touched")
        let synAck = j.messages.first { $0.label.hasPrefix("SYN+ACK") }!
        #expect(j.link(synAck, .isp, .router)!.ip!.dst == "203.0.113.7" && j.link(synAck, .isp, .router)!.transport!.dstPort == 40_001)
        #expect(j.link(synAck, .router, .lanSwitch)!.ip!.dst == "192.168.0.10" && j.link(synAck, .router, .lanSwitch)!.transport!.dstPort == 51_000)
        #expect(j.link(syn, .lanSwitch, .router)!.ip!.src == "192.168.0.10", "still private up to the router")
    }

    @Test("MAC addresses change at every router but not through the switch; IP addresses stay; TTL drops by one per router")
    func macsAndTTL() throws {
        let j = try journey()
        let syn = j.messages.first { $0.stage == .tcp && $0.label.hasPrefix("SYN seq") }!
        let eth = syn.steps.map { $0.headers!.ethernet! }
        #expect(eth[0] == eth[1], "the switch forwards the frame unchanged")
        #expect(Set(eth[1...].map(\.src)).count == eth.count - 1, "a new source MAC after every router")
        let ips = syn.steps.dropFirst(2).map { $0.headers!.ip! }
        #expect(Set(ips.map(\.src)).count == 1 && Set(ips.map(\.dst)).count == 1)
        #expect(syn.steps.map { $0.headers!.ip!.ttl } == [64, 64, 63, 62, 61, 60])  // router, ISP, core, firewall
    }

    @Test("TCP comes from the sequence-diagram simulator: SYN, SYN+ACK, ACK with the ISNs, and connect takes one RTT")
    func tcpHandshake() throws {
        let j = try journey()
        let labels = j.messages.filter { $0.stage == .tcp && !$0.steps.isEmpty }.map(\.label)
        #expect(labels == ["SYN seq=1000", "SYN+ACK seq=5000 ack=1001 win=4000", "ACK seq=1001 ack=5001 win=4000"])
        #expect(abs(j.phase(.connect)!.duration - j.rtt) < 0.5)
    }

    @Test("TLS 1.3 takes one round trip (RFC 8446 §2) and the request rides with Finished; TLS 1.2 takes two")
    func tlsRoundTrips() throws {
        let t13 = try journey(), t12 = try journey(.tls12)
        #expect(abs(t13.phase(.tls)!.duration - t13.rtt) < 1)
        #expect(abs(t12.phase(.tls)!.duration - 2 * t12.rtt) < 2)
        #expect(t13.messages.filter { $0.stage == .tls }.map(\.label) == ["ClientHello", "ServerHello … Finished", "Finished"])
        #expect(t12.messages.filter { $0.stage == .tls }.count == 4)
        let finished = t13.message("Finished")!, get = t13.message("GET /")!
        #expect(get.t - finished.t < 1, "the GET leaves right behind Finished")
        #expect(t13.tlsVersion == "TLSv1.3" && t12.tlsVersion == "TLSv1.2")
        #expect(t13.link(get, .core, .firewall)!.tls == "Application Data (encrypted)")
    }

    @Test("The edge terminates TCP and TLS; a cache miss goes to the origin, a CDN hit does not")
    func cache() throws {
        let miss = try journey(), hit = try journey(.cdnHit)
        #expect(miss.messages.contains { $0.to == .server })
        #expect(!hit.messages.contains { $0.to == .server || $0.from == .server })
        #expect(miss.messages.filter { $0.stage == .tcp || $0.stage == .tls }.allSatisfy { $0.to == .cache || $0.from == .cache || $0.steps.isEmpty })
        #expect(hit.phase(.server)!.duration < miss.phase(.server)!.duration)
        #expect(hit.message("200 OK (HIT)")!.steps[0].headers!.payload.contains("age: 120"))
    }

    @Test("Plain HTTP: port 80, no TLS, HTTP/1.1; the DNS-cached variant sends no DNS query and no ARP")
    func httpAndCached() throws {
        let h = try journey(.http)
        #expect(h.url.port == 80 && h.tlsVersion == nil && h.httpVersion == "HTTP/1.1")
        #expect(!h.messages.contains { $0.stage == .tls } && h.phase(.tls) == nil)
        let get = h.message("GET /")!
        #expect(h.link(get, .os, .lanSwitch)!.transport!.dstPort == 80 && h.link(get, .os, .lanSwitch)!.tls == nil)
        let c = try journey(.dnsCached)
        #expect(!c.messages.contains { $0.to == .resolver } && c.phase(.dns)!.duration < 1)
    }

    @Test("URLs: default ports, the fragment stays in the browser, bare hosts get https, other schemes are refused")
    func urls() throws {
        let u = try ParsedURL.parse("HTTPS://User@WWW.Example.com/a?b=1#frag")
        #expect(u.scheme == "https" && u.host == "www.example.com" && u.port == 443 && u.path == "/a?b=1")
        #expect(try ParsedURL.parse("example.com").text == "https://example.com/")
        #expect(try ParsedURL.parse("http://127.0.0.1:8080").port == 8080)
        #expect(throws: SceneError.self) { try ParsedURL.parse("ftp://example.com/") }
        #expect(throws: SceneError.self) { try ParsedURL.parse("http://example.com:99999/") }
        #expect(throws: SceneError.self) { try ParsedURL.parse("") }
    }

    @Test("Live: the phases take the measured times; a failure ends the journey at its stage with the real error")
    func fitToMeasured() throws {
        let m = MeasuredFetch(nameLookup: 20, connect: 50, tlsDone: 90, startTransfer: 150, total: 200, remoteIP: "192.0.2.9",
                              remotePort: 443, httpVersion: "HTTP/2", tlsVersion: "TLSv1.3", status: 200, bytes: 1000)
        let j = try journey(url: "https://www.example.org/", measured: m)
        let d = Dictionary(uniqueKeysWithValues: j.phases.map { ($0.kind, $0.duration) })
        #expect(abs(d[.dns]! - 20) < 1e-6 && abs(d[.connect]! - 30) < 1e-6 && abs(d[.tls]! - 40) < 1e-6)
        #expect(abs(d[.server]! - 60) < 1e-6 && abs(d[.transfer]! - 50) < 1e-6)
        #expect(j.remoteIP == "192.0.2.9" && j.message("live: measured") != nil)
        var refused = m
        refused.failure = (.tcp, "Failed to connect to 127.0.0.1 port 9: Couldn't connect to server")
        let f = try journey(url: "http://127.0.0.1:9/", measured: refused)
        #expect(f.failure?.stage == .tcp)
        #expect(!f.messages.contains { $0.stage == .http || $0.stage == .tls })
        #expect(f.messages.last!.label.contains("Couldn't connect") && f.messages.last!.stage == .tcp)
        #expect(f.messages.contains { $0.label == "IP literal: no DNS" })
    }
}
