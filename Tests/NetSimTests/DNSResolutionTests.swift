import Testing
import TutorCore
@testable import NetSim

/// The DNS scenes' rules, each against the RFC section it comes from.
struct DNSResolutionTests {
    func trace(_ id: String, drops: Set<Int> = []) throws -> Trace { try NetSimTests.trace(id) { $0.drops = drops } }
    /// The number after `field=` in a label.
    func field(_ e: TraceEvent, _ name: String) -> Int? {
        (e.label ?? "").split(separator: " ").first { $0.hasPrefix(name + "=") }.flatMap { Int($0.dropFirst(name.count + 1)) }
    }
    static let servers = ["root", "TLD", "auth"]

    @Test("RFC 1034 §5.3.3, §4.3.2: the resolver follows referrals root -> TLD -> authoritative, each with NS and glue A records")
    func referrals() throws {
        let t = try trace("dns-resolution")
        let upstream = sends(t, from: "resolver").filter { Self.servers.contains($0.to!) }
        #expect(upstream.map(\.to!) == ["root", "TLD", "auth"])
        let referrals = sends(t, "Referral")
        #expect(referrals.map(\.from!) == ["root", "TLD"])
        #expect(referrals.map(\.label!) == ["Referral com. NS+A glue", "Referral example.com. NS+A glue"])
        // Each query goes only after the referral that names its server has arrived.
        for (referral, next) in zip(referrals, upstream.dropFirst()) {
            #expect(next.t >= referral.arrival!)
        }
        #expect(sends(t, from: "auth", "Answer").first?.label?.contains("AA=1") == true)
    }

    @Test("RFC 1034 §4.3.1: the stub asks recursively (RD=1), the resolver iteratively (RD clear); UDP port 53")
    func recursiveAndIterative() throws {
        let t = try trace("dns-resolution")
        let stub = sends(t, from: "client", "Query")
        #expect(!stub.isEmpty && stub.allSatisfy { field($0, "RD") == 1 })
        let iterative = sends(t, from: "resolver", "Query")
        #expect(iterative.count == 3 && iterative.allSatisfy { field($0, "RD") == nil })
        #expect(t.scaleNote?.en.contains("UDP port 53") == true)
    }

    @Test("RFC 1035 §3.2.1: a second lookup within the TTL is answered from the resolver's cache, with the TTL smaller by the time elapsed")
    func cacheAndTTLCountdown() throws {
        let t = try trace("dns-resolution")
        let answers = sends(t, from: "resolver", to: "client", "Answer")
        #expect(answers.count == 2)
        let second = try #require(sends(t, from: "client", "Query").last)
        // Nothing goes beyond the resolver after the second query.
        #expect(t.events.filter { $0.kind == .send && $0.t >= second.t && Self.servers.contains($0.to!) }.isEmpty)
        let ttl1 = try #require(field(answers[0], "TTL")), ttl2 = try #require(field(answers[1], "TTL"))
        let elapsed = Int(((answers[1].t - answers[0].t) / 1000).rounded(.down))
        #expect(ttl1 == 300 && elapsed == 30 && ttl2 == ttl1 - elapsed)
    }

    @Test("RFC 1034 §3.6.2, §5.3.3 step 3: at a CNAME the resolver restarts the lookup at the canonical name")
    func cname() throws {
        let t = try trace("dns-cname")
        let alias = try #require(sends(t, from: "auth", "Answer CNAME").first)
        let queries = sends(t, from: "resolver", "Query")
        let before = queries.filter { $0.t < alias.t }, after = queries.filter { $0.t > alias.t }
        #expect(before.allSatisfy { $0.label == "Query A www.example.com" })
        // It starts over from the root (no servers of net. are cached) for the new name.
        #expect(after.map(\.to!) == ["root", "TLD", "auth"] && after.allSatisfy { $0.label == "Query A www.example.net" })
        let final = try #require(sends(t, from: "resolver", to: "client").last)
        #expect(final.label == "Answer CNAME+A 198.51.100.7 TTL=300")
    }

    @Test("RFC 2308 §5: NXDOMAIN is cached for min(SOA TTL, SOA MINIMUM); a repeat gets NXDOMAIN from the cache")
    func negativeCaching() throws {
        let t = try trace("dns-nxdomain")
        let fromAuth = try #require(sends(t, from: "auth", "NXDOMAIN").first)
        #expect(fromAuth.label?.contains("MINIMUM=300") == true)
        let toStub = sends(t, from: "resolver", to: "client")
        #expect(toStub.map { $0.label!.split(separator: " ").first! } == ["NXDOMAIN", "NXDOMAIN"])
        #expect(field(toStub[0], "TTL") == 300 && field(toStub[1], "TTL") == 270)
        let repeatQuery = try #require(sends(t, from: "client", "Query").last)
        #expect(t.events.filter { $0.kind == .send && $0.t >= repeatQuery.t && Self.servers.contains($0.to!) }.isEmpty)
    }

    @Test("RFC 1035 §4.2.1, RFC 7766 §5: an answer over 512 bytes comes with TC=1 over UDP and is asked again over TCP port 53")
    func truncated() throws {
        let t = try trace("dns-truncated")
        let tc = try #require(sends(t, from: "resolver", to: "client", "Answer TC=1").first)
        let syn = try #require(sends(t, from: "client", "SYN").first)
        #expect(syn.t >= tc.arrival!)
        let tcpQuery = try #require(sends(t, from: "client", "Query").last)
        #expect(tcpQuery.label == "Query TXT example.com (TCP 53)")
        #expect(tcpQuery.t > sends(t, from: "resolver", "SYN+ACK").first!.arrival!)
        let full = try #require(sends(t, from: "resolver", to: "client").last)
        #expect(full.label?.hasSuffix("(TCP)") == true && full.label?.contains("TC=1") == false)
        // The full answer comes from the cache: no second query upstream.
        #expect(sends(t, from: "resolver", to: "auth").count == 1)
    }

    @Test("RFC 1035 §4.2.1: a lost query is asked again after the resolver's timeout, and the lookup completes")
    func lostQuery() throws {
        let t = try trace("dns-lost-query")
        #expect(t.events.contains { $0.kind == .drop && $0.n == 4 })
        let toTLD = sends(t, from: "resolver", to: "TLD")
        #expect(toTLD.count == 2 && toTLD[1].retransmission && !toTLD[0].retransmission)
        #expect(toTLD[1].t - toTLD[0].t == DNSResolution.resolverTimeout)
        #expect(sends(t, from: "resolver", to: "client", "Answer").count == 1)
        // The stub's own timer (5 s) never fired: it asked once.
        #expect(sends(t, from: "client", "Query").count == 1)
    }

    @Test("The stub asks again after its timeout when its query is lost; an answer lost on the way back is answered from the cache")
    func stubRetry() throws {
        let lostQuery = try trace("dns-resolution", drops: [1])
        let queries = sends(lostQuery, from: "client", "Query")
        #expect(queries.count >= 2 && queries[1].t - queries[0].t == DNSResolution.stubTimeout)
        let lostAnswer = try trace("dns-resolution", drops: [8])
        let retried = sends(lostAnswer, from: "client", "Query")
        #expect(retried.count == 3)  // the retry, then the second lookup
        #expect(sends(lostAnswer, from: "resolver", to: "auth").count == 1)
    }

    @Test("A server that never answers: the resolver gives up after three tries with SERVFAIL")
    func givesUp() throws {
        let t = try trace("dns-resolution", drops: [2, 3, 4])
        #expect(sends(t, from: "resolver", to: "root").count == 3)
        #expect(sends(t, from: "resolver", to: "client", "SERVFAIL").count >= 1)
    }

    @Test("The same options give the same trace", arguments: ["dns-resolution", "dns-cname", "dns-nxdomain", "dns-truncated", "dns-lost-query"])
    func deterministic(id: String) throws {
        #expect(try trace(id, drops: [5]) == trace(id, drops: [5]))
    }
}
