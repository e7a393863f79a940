import TutorCore

/// "What happens when you type a URL": one page load as messages crossing a path of hops, each
/// with the headers on every link and what each device does with it. Addresses come from the
/// documentation ranges (RFC 5737, RFC 3849) except the real root and .com servers.

public enum JourneyVariant: String, CaseIterable, Sendable, Hashable {
    case standard, cdnHit = "cdn-hit", dnsCached = "dns-cached", http, tls12
    public var title: Localized {
        switch self {
        case .standard: Localized(ko: "기본(HTTPS, TLS 1.3, 캐시 미스)", en: "standard (HTTPS, TLS 1.3, cache miss)")
        case .cdnHit: Localized(ko: "CDN 캐시 적중", en: "CDN cache hit")
        case .dnsCached: Localized(ko: "DNS 캐시 적중", en: "DNS cached")
        case .http: Localized(ko: "HTTP(TLS 없음)", en: "HTTP (no TLS)")
        case .tls12: Localized(ko: "TLS 1.2(2-RTT)", en: "TLS 1.2 (2-RTT)")
        }
    }
}

extension JourneyVariant {
    /// For title bars.
    public var shortTitle: Localized {
        switch self {
        case .standard: Localized(ko: "기본", en: "standard")
        case .cdnHit: Localized(ko: "CDN 적중", en: "CDN hit")
        case .dnsCached: Localized(ko: "DNS 캐시", en: "DNS cached")
        case .http: Localized(ko: "HTTP", en: "HTTP")
        case .tls12: Localized(ko: "TLS 1.2", en: "TLS 1.2")
        }
    }
}

public enum JourneyStage: String, CaseIterable, Sendable, Hashable {
    case url, dns, arp, tcp, tls, http, render, close
    public var title: Localized {
        switch self {
        case .url: Localized(ko: "URL 해석", en: "URL")
        case .dns: Localized(ko: "DNS", en: "DNS")
        case .arp: Localized(ko: "ARP", en: "ARP")
        case .tcp: Localized(ko: "TCP 연결", en: "TCP connect")
        case .tls: Localized(ko: "TLS 핸드셰이크", en: "TLS handshake")
        case .http: Localized(ko: "HTTP", en: "HTTP")
        case .render: Localized(ko: "렌더링", en: "rendering")
        case .close: Localized(ko: "연결 종료", en: "close")
        }
    }
}

public enum JourneyLayer: String, Sendable, Hashable { case application, tls, transport, network, link }

/// The devices on the path, left to right, then the DNS servers off the path.
public enum HopID: String, CaseIterable, Sendable, Hashable {
    case browser, os, lanSwitch = "switch", router, isp, core, firewall, cache, server
    case resolver, root, tld, authoritative

    public static let path: [HopID] = [.browser, .os, .lanSwitch, .router, .isp, .core, .firewall, .cache, .server]
    public var isOnPath: Bool { Self.path.contains(self) }

    public var title: Localized {
        switch self {
        case .browser: Localized(ko: "브라우저", en: "Browser")
        case .os: Localized(ko: "OS/NIC", en: "OS/NIC")
        case .lanSwitch: Localized(ko: "스위치", en: "Switch")
        case .router: Localized(ko: "공유기(NAT)", en: "Router/NAT")
        case .isp: Localized(ko: "ISP", en: "ISP")
        case .core: Localized(ko: "인터넷 코어", en: "Core")
        case .firewall: Localized(ko: "방화벽", en: "Firewall")
        case .cache: Localized(ko: "CDN/프록시", en: "CDN/proxy")
        case .server: Localized(ko: "웹 서버", en: "Web server")
        case .resolver: Localized(ko: "재귀 리졸버", en: "Resolver")
        case .root: Localized(ko: "루트", en: "Root")
        case .tld: Localized(ko: ".com TLD", en: ".com TLD")
        case .authoritative: Localized(ko: "권한 서버", en: "Authoritative")
        }
    }
    /// The on-path hop a DNS server hangs off (the resolver at the ISP, the others beyond the core).
    public var attachment: HopID? {
        switch self {
        case .resolver: .isp
        case .root, .tld, .authoritative: .core
        default: nil
        }
    }
    /// Devices that forward by IP address (and so decrement TTL).
    var isRouter: Bool { [.router, .isp, .core, .firewall].contains(self) }
}

/// Headers on one link, outermost first.
public struct WireHeaders: Sendable, Hashable {
    public struct Ethernet: Sendable, Hashable { public var src: String; public var dst: String }
    public struct IP: Sendable, Hashable { public var src: String; public var dst: String; public var ttl: Int }
    public struct Transport: Sendable, Hashable {
        public var proto: String        // TCP or UDP
        public var srcPort: Int
        public var dstPort: Int
        public var detail: String       // "SYN seq=1000", "len=48"
    }
    public var ethernet: Ethernet?
    public var ip: IP?
    public var transport: Transport?
    /// The TLS record ("Handshake: ClientHello", "Application Data (encrypted)").
    public var tls: String?
    /// The application message (DNS, HTTP) or an ARP body.
    public var payload: String
}

/// One link crossed by a message: when it leaves and arrives, the headers on the wire, and what
/// the receiving device reads or rewrites.
public struct LinkStep: Sendable, Hashable {
    public var from: HopID
    public var to: HopID
    public var t: Double
    public var arrival: Double
    public var headers: WireHeaders?
    public var device: Localized
}

public struct JourneyMessage: Sendable, Hashable {
    public var stage: JourneyStage
    public var layer: JourneyLayer
    public var label: String
    public var from: HopID
    public var to: HopID
    /// When it starts and when it is done (notes have t == arrival and no steps).
    public var t: Double
    public var arrival: Double
    public var steps: [LinkStep]
    public var narration: Localized
}

/// httpstat-like phases with their times in ms.
public struct JourneyPhase: Sendable, Hashable {
    public enum Kind: String, CaseIterable, Sendable { case dns, connect, tls, server, transfer }
    public var kind: Kind
    public var start: Double
    public var end: Double
    public var duration: Double { end - start }
    public var title: Localized {
        switch kind {
        case .dns: Localized(ko: "DNS 조회", en: "DNS lookup")
        case .connect: Localized(ko: "TCP 연결", en: "TCP connection")
        case .tls: Localized(ko: "TLS 핸드셰이크", en: "TLS handshake")
        case .server: Localized(ko: "서버 처리", en: "Server processing")
        case .transfer: Localized(ko: "콘텐츠 전송", en: "Content transfer")
        }
    }
}

/// What a live fetch measured (cumulative times in ms from the start, as libcurl reports them).
public struct MeasuredFetch: Sendable, Hashable {
    public var nameLookup: Double
    public var connect: Double
    public var tlsDone: Double
    public var startTransfer: Double
    public var total: Double
    public var remoteIP: String
    public var remotePort: Int
    public var httpVersion: String
    public var tlsVersion: String?
    public var status: Int
    public var bytes: Int
    /// Where the fetch stopped and the real error, when it failed.
    public var failure: (stage: JourneyStage, message: String)?

    public init(nameLookup: Double, connect: Double, tlsDone: Double, startTransfer: Double, total: Double, remoteIP: String,
                remotePort: Int, httpVersion: String, tlsVersion: String?, status: Int, bytes: Int, failure: (stage: JourneyStage, message: String)? = nil) {
        self.nameLookup = nameLookup; self.connect = connect; self.tlsDone = tlsDone; self.startTransfer = startTransfer
        self.total = total; self.remoteIP = remoteIP; self.remotePort = remotePort; self.httpVersion = httpVersion
        self.tlsVersion = tlsVersion; self.status = status; self.bytes = bytes; self.failure = failure
    }
    public static func == (a: MeasuredFetch, b: MeasuredFetch) -> Bool {
        a.nameLookup == b.nameLookup && a.connect == b.connect && a.tlsDone == b.tlsDone && a.startTransfer == b.startTransfer
            && a.total == b.total && a.remoteIP == b.remoteIP && a.remotePort == b.remotePort && a.httpVersion == b.httpVersion
            && a.tlsVersion == b.tlsVersion && a.status == b.status && a.bytes == b.bytes
            && a.failure?.stage == b.failure?.stage && a.failure?.message == b.failure?.message
    }
    public func hash(into h: inout Hasher) { h.combine(total); h.combine(remoteIP); h.combine(status) }
}

public struct ParsedURL: Sendable, Hashable {
    public var scheme: String
    public var host: String
    public var port: Int
    public var path: String
    public var explicitPort: Bool

    /// http and https URLs only; a bare host gets https (as browsers now try first).
    public static func parse(_ text: String) throws -> ParsedURL {
        var rest = Substring(text.trimmingSpacesAround())
        guard !rest.isEmpty else { throw SceneError.invalid("empty URL") }
        var scheme = "https"
        // The stdlib has no substring search: find "://" by hand.
        let chars = Array(rest)
        if let i = (0..<max(0, chars.count - 2)).first(where: { chars[$0] == ":" && chars[$0 + 1] == "/" && chars[$0 + 2] == "/" }) {
            scheme = String(chars[..<i]).lowercased()
            rest = Substring(String(chars[(i + 3)...]))
        }
        guard scheme == "http" || scheme == "https" else { throw SceneError.invalid("only http and https URLs can be followed ('\(scheme)' given)") }
        let hostEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var authority = rest[..<hostEnd]
        var path = String(rest[hostEnd...])
        if let hash = path.firstIndex(of: "#") { path = String(path[..<hash]) }  // the fragment never leaves the browser
        if path.isEmpty || path.first == "?" { path = "/" + path }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host = String(authority), port = scheme == "https" ? 443 : 80, explicit = false
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            guard let p = Int(authority[authority.index(after: colon)...]), (1...65535).contains(p) else {
                throw SceneError.invalid("bad port in '\(text)'")
            }
            port = p; explicit = true; host = String(authority[..<colon])
        }
        host = host.lowercased()
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || ".-[]:_".contains($0) }) else {
            throw SceneError.invalid("bad host in '\(text)'")
        }
        return ParsedURL(scheme: scheme, host: host, port: port, path: path, explicitPort: explicit)
    }

    public var text: String { "\(scheme)://\(host)\(explicitPort ? ":\(port)" : "")\(path)" }
}

extension StringProtocol {
    func trimmingSpacesAround() -> String {
        String(drop { $0 == " " || $0 == "\t" || $0 == "\n" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\n" }.reversed())
    }
}

/// The site's zone: a CNAME to the edge name, whose A records rotate for successive clients
/// (DNS round robin, RFC 1794).
public struct DNSZone: Sendable, Hashable {
    public var name: String
    public var cname: String
    public var addresses: [String]
    /// The AAAA records (asked for in parallel with A; RFC 3596).
    public var ipv6: [String] = []
    public var ttl: Int

    /// The records in the order the n-th client receives them (0-based).
    public func answer(forClient n: Int) -> [String] {
        guard !addresses.isEmpty else { return [] }
        let k = ((n % addresses.count) + addresses.count) % addresses.count
        return Array(addresses[k...] + addresses[..<k])
    }
}

public struct JourneyParameters: Sendable, Hashable {
    public var url = "https://www.example.com/"
    public var variant: JourneyVariant = .standard
    /// Which client of the round-robin zone this is (rotates the A records).
    public var client = 0
    /// Real measurements (`journey --live`): the phases take these times.
    public var measured: MeasuredFetch?
    public init() {}
}

public struct Journey: Sendable, Hashable {
    public var parameters: JourneyParameters
    public var url: ParsedURL
    public var messages: [JourneyMessage]
    public var phases: [JourneyPhase]
    public var zone: DNSZone
    public var remoteIP: String
    /// Nil when not measured (live) or not used (plain HTTP): never shown as if it were.
    public var tlsVersion: String?
    public var httpVersion: String?
    /// Set when a live fetch failed: the stage where the journey stops.
    public var failure: (stage: JourneyStage, message: String)?

    public static func == (a: Journey, b: Journey) -> Bool {
        a.parameters == b.parameters && a.messages == b.messages && a.phases == b.phases && a.remoteIP == b.remoteIP
            && a.failure?.stage == b.failure?.stage && a.failure?.message == b.failure?.message
    }
    public func hash(into h: inout Hasher) { h.combine(parameters); h.combine(messages.count) }

    public var total: Double { messages.map(\.arrival).max() ?? 0 }
    public var stages: [JourneyStage] {
        var out: [JourneyStage] = []
        for m in messages where out.last != m.stage { out.append(m.stage) }
        return out
    }
}
