/// The path: its devices' addresses, the links between them and their delays.
extension JourneyBuilder {
    // Addresses (RFC 5737 documentation ranges; the root and .com servers are the real ones).
    static let hostIP = "192.168.0.10", gatewayIP = "192.168.0.1", publicIP = "203.0.113.7"
    static let resolverIP = "198.51.100.53", rootIP = "198.41.0.4", tldIP = "192.5.6.30", authIP = "192.0.2.53"
    static let originIP = "10.0.0.5"
    static let clientPort = 51_000, natPort = 40_001, dnsPort = 53_000, dnsNatPort = 40_002
    static let mss = 1460

    /// One-way delay of a link in ms.
    static func delay(_ a: HopID, _ b: HopID) -> Double {
        switch Set([a, b]) {
        case [.browser, .os]: 0.1
        case [.os, .lanSwitch], [.lanSwitch, .router]: 0.3
        case [.router, .isp]: 4
        case [.isp, .core], [.core, .firewall]: 8
        case [.firewall, .cache]: 0.3
        case [.cache, .server]: 0.5
        case [.isp, .resolver]: 0.5
        case [.core, .root]: 6
        case [.core, .tld]: 8
        case [.core, .authoritative]: 10
        default: 1
        }
    }

    /// The hops a packet crosses from a to b.
    static func route(_ a: HopID, _ b: HopID) -> [HopID] {
        if let att = a.attachment { return b == att ? [a, b] : [a] + route(att, b) }
        if let att = b.attachment { return a == att ? [a, b] : route(a, att) + [b] }
        let i = HopID.path.firstIndex(of: a)!, j = HopID.path.firstIndex(of: b)!
        return i <= j ? Array(HopID.path[i...j]) : Array(HopID.path[j...i].reversed())
    }

    /// A made-up but consistent MAC for a device's interface facing a neighbour.
    static func mac(_ device: HopID, facing other: HopID) -> String {
        let d = HopID.allCases.firstIndex(of: device)!, o = HopID.allCases.firstIndex(of: other)!
        return "02:00:00:00:" + hex2(d) + ":" + hex2(o)
    }
    static func hex2(_ v: Int) -> String { let s = String(v, radix: 16); return s.count < 2 ? "0" + s : s }

    static let insideLinks: Set<Set<HopID>> = [[.os, .lanSwitch], [.lanSwitch, .router]]

    /// One-way delay from the client's NIC to the edge.
    var oneWay: Double { zip(Self.route(.os, .cache), Self.route(.os, .cache).dropFirst()).map { Self.delay($0, $1) }.reduce(0, +) }
}
