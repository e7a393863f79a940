import TutorCore

/// DNS resolution (RFC 1034 §5.3.3): a stub sends one recursive query (RD=1) to a recursive
/// resolver, which asks iteratively from the root down, following referrals (NS records with
/// glue A records) until an authoritative server answers, and caches what it learns for its
/// TTL. Queries go over UDP port 53; the resolver asks again when an answer does not come.
public enum DNSResolution {
    public enum Variant: Sendable { case basic, cname, nxdomain, truncated, lostQuery }

    static let client = "client", resolver = "resolver", root = "root", tld = "TLD", auth = "auth"
    static let lanes = [client, resolver, root, tld, auth]
    static let options: [SceneOption] = [.drop]

    /// The resolver asks a server again after 2 s without an answer (RFC 1035 §4.2.1: a
    /// minimum retransmission interval of 2–5 s); the stub after 5 s (resolv.conf's default).
    static let resolverTimeout = 2000.0, stubTimeout = 5000.0, maxTries = 3
    /// The second lookup (basic, NXDOMAIN) reaches the resolver this long after it cached.
    static let secondLookupAfter = 30_000.0
    /// Classic DNS over UDP: at most 512 bytes without EDNS(0) (RFC 1035 §2.3.4, §4.2.1).
    static let udpLimit = 512

    /// One-way delays in ms: the stub is near its resolver, the servers farther away.
    static func delay(_ a: String, _ b: String) -> Double {
        switch Set([a, b]) {
        case [client, resolver]: 10
        case [resolver, root]: 30
        case [resolver, tld]: 20
        default: 25
        }
    }

    static func simulate(_ variant: Variant, scene: String, _ options: SceneOptions) throws -> Trace {
        var drops = options.drops
        if variant == .lostQuery { drops.insert(4) }  // the resolver's query to the TLD server
        let ex = Exchange(scene: scene, lanes: lanes, drops: drops, delay: delay)
        let r = Resolver(ex: ex, variant: variant)
        let stub = Stub(ex: ex, resolver: r, variant: variant)
        stub.lookup(first: true)
        ex.onArrival = { a, _ in
            if a.to == resolver || a.to == client, stub.tcp(a) { return }
            switch a.to {
            case client: stub.received(a)
            case resolver where a.message.kind == "Query": r.queried(a)
            case resolver: r.responded(a)
            default: r.serve(a)
            }
        }
        var trace = ex.run()
        trace.scaleNote = Words.legend(variant)
        trace.stateNames = Words.stateNames
        return trace
    }
}

/// A DNS answer as the resolver keeps it: the records, how long they live, and whether it
/// says the name does not exist.
struct DNSResult {
    var text: String
    var ttl: Int
    var negative = false
    var bytes = 100
    var cname: String?
}

extension DNSResolution {
    /// What each server holds: the root and the TLD servers delegate, the authoritative
    /// server answers from its zones (RFC 1034 §4.3.2).
    enum Response {
        case referral(zone: String, ns: String, glue: String, lane: String)
        case answer(DNSResult)
    }

    static func response(at lane: String, name: String, type: String, variant: Variant) -> Response {
        switch lane {
        case root:
            let zone = name.hasSuffix(".net.") ? "net." : "com."
            return .referral(zone: zone, ns: "a.gtld-servers.net.", glue: "192.5.6.30", lane: tld)
        case tld:
            return name.hasSuffix("example.net.")
                ? .referral(zone: "example.net.", ns: "ns1.example.net.", glue: "198.51.100.53", lane: auth)
                : .referral(zone: "example.com.", ns: "ns1.example.com.", glue: "192.0.2.53", lane: auth)
        default:
            switch (name, type) {
            case ("www.example.com.", "A") where variant == .cname:
                return .answer(DNSResult(text: "CNAME www.example.net.", ttl: 3600, cname: "www.example.net."))
            case ("www.example.com.", "A"): return .answer(DNSResult(text: "A 192.0.2.10", ttl: 300))
            case ("www.example.net.", "A"): return .answer(DNSResult(text: "A 198.51.100.7", ttl: 300))
            case ("example.com.", "TXT"): return .answer(DNSResult(text: "TXT x6 900 B", ttl: 3600, bytes: 900))
            default:
                // The SOA's TTL is 3600 and its MINIMUM 300: negative answers live 300 s (RFC 2308 §5).
                return .answer(DNSResult(text: "SOA MINIMUM=300", ttl: min(3600, 300), negative: true))
            }
        }
    }

    static func query(_ name: String, _ type: String, rd: Bool, edns: Bool = false, tcp: Bool = false, retry: Bool = false,
                      narration: Localized) -> ExchangeMessage {
        var detail = "\(type) \(name.dropLast())"
        if tcp { detail += " (TCP 53)" } else if rd { detail += " RD=1" } else if edns { detail += " EDNS" }
        return ExchangeMessage("Query", detail: detail, role: .open, narration: narration,
                               info: ["name": name, "type": type, "tcp": tcp ? "1" : "", "retry": retry ? "1" : ""])
    }
}
