import TutorCore

/// Builds the URL journey (see URLJourney.swift): stage by stage, message by message, each
/// crossing the links of its route with the headers a capture would show there.
public enum URLJourney {
    public static func build(_ p: JourneyParameters) throws -> Journey {
        var b = try JourneyBuilder(p)
        return b.build()
    }
}

struct JourneyBuilder {
    let p: JourneyParameters
    let url: ParsedURL
    let tls: Bool
    let tls13: Bool
    let zone: DNSZone
    let serverIP: String
    var now = 0.0
    var messages: [JourneyMessage] = []
    var clientSeq: UInt32 = 0, serverSeq: UInt32 = 0

    // Addresses (RFC 5737 documentation ranges; the root and .com servers are the real ones).
    static let hostIP = "192.168.0.10", gatewayIP = "192.168.0.1", publicIP = "203.0.113.7"
    static let resolverIP = "198.51.100.53", rootIP = "198.41.0.4", tldIP = "192.5.6.30", authIP = "192.0.2.53"
    static let originIP = "10.0.0.5"
    static let clientPort = 51_000, natPort = 40_001, dnsPort = 53_000, dnsNatPort = 40_002
    static let mss = 1460

    init(_ p: JourneyParameters) throws {
        self.p = p
        var u = try ParsedURL.parse(p.url)
        if p.variant == .http && u.scheme == "https" { u.scheme = "http"; if !u.explicitPort { u.port = 80 } }
        url = u
        tls = u.scheme == "https"
        tls13 = p.measured?.tlsVersion.map { $0.contains("1.3") } ?? (p.variant != .tls12)
        let labels = u.host.split(separator: ".")
        let domain = labels.count >= 2 ? labels.suffix(2).joined(separator: ".") : u.host
        let addresses = p.measured.map { [$0.remoteIP] } ?? ["192.0.2.80", "192.0.2.81", "192.0.2.82"]
        zone = DNSZone(name: u.host, cname: "edge.\(domain)", addresses: addresses, ipv6: p.measured == nil ? ["2001:db8::80"] : [], ttl: 60)
        serverIP = zone.answer(forClient: p.client).first ?? "192.0.2.80"
    }

    // MARK: the network

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

    /// What a packet is, independent of where it is.
    struct Flow {
        var proto: String?         // "TCP", "UDP"; nil for ARP
        var srcIP: String, dstIP: String
        var srcPort = 0, dstPort = 0
        var detail = ""
        var tlsRecord: String?
        var payload: String
        var broadcast = false
    }

    /// The link steps of a packet along `hops`, with NAT, TTL and per-link MACs applied.
    func steps(_ hops: [HopID], _ flow: Flow, notes: [HopID: Localized] = [:]) -> [LinkStep] {
        var out: [LinkStep] = []
        var t = now
        let outbound = flow.srcIP.hasPrefix("192.168.")
        for i in 0..<(hops.count - 1) {
            let a = hops[i], b = hops[i + 1]
            let d = Self.delay(a, b)
            var headers: WireHeaders?
            if a != .browser && b != .browser {
                // Ethernet: between the IP nodes around a (transparent) switch.
                let l2From = a == .lanSwitch ? hops[i - 1] : a
                let l2To = b == .lanSwitch && i + 2 < hops.count ? hops[i + 2] : b
                let eth = WireHeaders.Ethernet(src: Self.mac(l2From, facing: l2To),
                                               dst: flow.broadcast ? "ff:ff:ff:ff:ff:ff" : Self.mac(l2To, facing: l2From))
                var ip: WireHeaders.IP?, transport: WireHeaders.Transport?
                if let proto = flow.proto {
                    let inside = Self.insideLinks.contains([a, b])
                    var src = flow.srcIP, dst = flow.dstIP, sport = flow.srcPort, dport = flow.dstPort
                    // Source NAT (RFC 3022): inside, the private address; outside, the router's.
                    let natPort = proto == "UDP" ? Self.dnsNatPort : Self.natPort
                    if outbound && !inside { src = Self.publicIP; sport = natPort }
                    if !outbound && dst == Self.hostIP && !inside { dst = Self.publicIP; dport = natPort }
                    let routersPassed = i == 0 ? 0 : hops[1...i].filter(\.isRouter).count
                    ip = WireHeaders.IP(src: src, dst: dst, ttl: 64 - routersPassed)
                    transport = WireHeaders.Transport(proto: proto, srcPort: sport, dstPort: dport, detail: flow.detail)
                }
                headers = WireHeaders(ethernet: eth, ip: ip, transport: transport, tls: flow.tlsRecord, payload: flow.payload)
            }
            out.append(LinkStep(from: a, to: b, t: t, arrival: t + d, headers: headers,
                                device: notes[b] ?? deviceNote(b, from: a, flow: flow, last: i == hops.count - 2)))
            t += d
        }
        return out
    }

    /// What the receiving device reads and rewrites.
    func deviceNote(_ hop: HopID, from: HopID, flow: Flow, last: Bool) -> Localized {
        let outbound = flow.srcIP.hasPrefix("192.168.")
        switch hop {
        case .os where from == .browser:
            return Localized(ko: "OS의 네트워크 스택이 소켓 요청을 받아 패킷을 만듭니다.", en: "The OS network stack takes the socket call and builds the packet.")
        case .os:
            return Localized(ko: "NIC가 자기 MAC으로 온 프레임을 받고, 커널이 포트 \(flow.srcPort == 0 ? flow.dstPort : (outbound ? flow.srcPort : flow.dstPort)) 소켓에 내용을 넘깁니다.",
                             en: "The NIC accepts the frame addressed to its MAC; the kernel hands the payload to the socket on port \(outbound ? flow.srcPort : flow.dstPort).")
        case .browser:
            return Localized(ko: "브라우저가 결과를 받습니다.", en: "The browser gets the result.")
        case .lanSwitch:
            return flow.broadcast
                ? Localized(ko: "스위치: 목적지가 브로드캐스트(ff:ff:ff:ff:ff:ff)이므로 모든 포트로 내보내고(flooding), 출발지 MAC이 어느 포트에 있는지 MAC 테이블에 배웁니다.",
                            en: "Switch: the destination is the broadcast address, so it floods every port, and learns which port the source MAC is on (MAC table).")
                : Localized(ko: "스위치: 목적지 MAC을 MAC 테이블에서 찾아 그 포트로만 보내고, 출발지 MAC을 배웁니다. IP 헤더는 보지 않고 프레임을 바꾸지 않습니다.",
                            en: "Switch: looks up the destination MAC in its MAC table and forwards out of that port only, learning the source MAC. It neither reads the IP header nor changes the frame.")
        case .router:
            guard flow.proto != nil else {
                return Localized(ko: "공유기가 ARP 요청의 대상 IP가 자기 주소임을 보고 응답합니다.", en: "The router sees that the ARP request asks for its own address and answers.")
            }
            return outbound
                ? Localized(ko: "공유기: 이더넷 헤더를 벗기고 목적지 IP로 경로를 찾습니다(기본 경로: ISP). TTL을 1 줄이고, NAT가 출발지 \(flow.srcIP):\(flow.srcPort)를 \(Self.publicIP):\(flow.proto == "UDP" ? Self.dnsNatPort : Self.natPort)로 바꾸며 이 매핑을 기록합니다. WAN 쪽 MAC으로 새 프레임을 만듭니다.",
                            en: "Router: strips the Ethernet header and routes on the destination IP (default route: the ISP). TTL − 1; NAT rewrites the source \(flow.srcIP):\(flow.srcPort) to \(Self.publicIP):\(flow.proto == "UDP" ? Self.dnsNatPort : Self.natPort) and records the mapping; a new frame leaves with its WAN MAC.")
                : Localized(ko: "공유기: NAT 테이블에서 \(Self.publicIP):\(flow.proto == "UDP" ? Self.dnsNatPort : Self.natPort)의 매핑을 찾아 목적지를 \(Self.hostIP):\(flow.dstPort)로 되돌리고 TTL을 1 줄여 LAN으로 보냅니다.",
                            en: "Router: NAT finds the mapping for \(Self.publicIP):\(flow.proto == "UDP" ? Self.dnsNatPort : Self.natPort), rewrites the destination back to \(Self.hostIP):\(flow.dstPort), TTL − 1, and sends it onto the LAN.")
        case .isp, .core:
            return Localized(ko: "라우터: 목적지 IP를 라우팅 테이블에서 가장 긴 접두사로 찾고(longest prefix match) TTL을 1 줄인 뒤, 다음 링크용 MAC으로 새 프레임을 만듭니다. IP 주소는 그대로입니다.",
                             en: "Router: longest-prefix match on the destination IP, TTL − 1, and a new frame with the next link's MACs. The IP addresses stay the same.")
        case .firewall:
            return outbound
                ? Localized(ko: "상태 기반 방화벽: 포트 \(flow.dstPort)로 가는 새 연결이 허용 규칙에 맞아 통과시키고 상태 테이블에 기록합니다.",
                            en: "Stateful firewall: a new connection to port \(flow.dstPort) matches an allow rule; it passes and is recorded in the state table.")
                : Localized(ko: "상태 기반 방화벽: 이미 기록된 연결의 응답이므로 통과시킵니다.", en: "Stateful firewall: a reply on a connection in its state table, so it passes.")
        case .cache:
            return Localized(ko: "CDN 에지(리버스 프록시)가 받습니다. 브라우저의 TCP와 TLS 연결은 원 서버가 아니라 여기서 끝납니다.",
                             en: "The CDN edge (a reverse proxy) receives it. The browser's TCP and TLS connection ends here, not at the origin server.")
        case .server:
            return Localized(ko: "원 서버(origin)가 프록시의 요청을 받습니다.", en: "The origin server receives the proxy's request.")
        case .resolver:
            return Localized(ko: "재귀 리졸버가 받습니다(ISP가 DHCP로 알려 준 DNS 서버).", en: "The recursive resolver receives it (the DNS server the ISP handed out by DHCP).")
        case .root, .tld, .authoritative:
            return Localized(ko: "\(hop.title.ko) 서버가 질의를 받습니다.", en: "The \(hop.title.en) server receives the query.")
        }
    }

    // MARK: messages

    mutating func note(_ stage: JourneyStage, at hop: HopID, _ label: String, ko: String, en: String, takes: Double = 0) {
        messages.append(JourneyMessage(stage: stage, layer: .application, label: label, from: hop, to: hop, t: now, arrival: now + takes,
                                       steps: [], narration: Localized(ko: ko, en: en)))
        now += takes
    }

    /// Sends a message along its route; `after` is the processing time at the far end.
    mutating func send(_ stage: JourneyStage, _ layer: JourneyLayer, _ label: String, from: HopID, to: HopID, flow: Flow,
                       after: Double = 0, ko: String, en: String, notes: [HopID: Localized] = [:]) {
        let hops = Self.route(from, to)
        let s = steps(hops, flow, notes: notes)
        let arrival = s.last?.arrival ?? now
        messages.append(JourneyMessage(stage: stage, layer: layer, label: label, from: from, to: to, t: now, arrival: arrival,
                                       steps: s, narration: Localized(ko: ko, en: en)))
        now = arrival + after
    }

    var oneWay: Double { zip(Self.route(.os, .cache), Self.route(.os, .cache).dropFirst()).map { Self.delay($0, $1) }.reduce(0, +) }
    var host: String { url.host }

    /// A TCP segment between the client and the edge, with the sequence numbers kept.
    func tcpFlow(fromClient: Bool, flags: String, len: Int, tlsRecord: String?, payload: String) -> Flow {
        let seq = fromClient ? clientSeq : serverSeq, ack = fromClient ? serverSeq : clientSeq
        let detail = "\(flags) seq=\(seq) ack=\(ack)" + (len > 0 ? " len=\(len)" : "")
        return fromClient
            ? Flow(proto: "TCP", srcIP: Self.hostIP, dstIP: serverIP, srcPort: Self.clientPort, dstPort: url.port, detail: detail, tlsRecord: tlsRecord, payload: payload)
            : Flow(proto: "TCP", srcIP: serverIP, dstIP: Self.hostIP, srcPort: url.port, dstPort: Self.clientPort, detail: detail, tlsRecord: tlsRecord, payload: payload)
    }

    /// `alongside`: the next message leaves right behind this one (same flight), not after it arrives.
    mutating func data(_ stage: JourneyStage, _ layer: JourneyLayer, _ label: String, fromClient: Bool, len: Int, tlsRecord: String?,
                       payload: String, after: Double = 0, extra: Double = 0, alongside: Bool = false, ko: String, en: String) {
        let f = tcpFlow(fromClient: fromClient, flags: "ACK", len: len, tlsRecord: tlsRecord, payload: payload)
        let departure = now
        send(stage, layer, label, from: fromClient ? .os : .cache, to: fromClient ? .cache : .os, flow: f, after: after, ko: ko, en: en)
        if alongside { now = departure + 0.1 }
        if extra > 0, var m = messages.popLast() {
            // Several segments (slow start rounds): the last byte arrives later.
            m.arrival += extra
            messages.append(m)
            now += extra
        }
        if fromClient { clientSeq &+= UInt32(len) } else { serverSeq &+= UInt32(len) }
    }

    // MARK: the journey

    mutating func build() -> Journey {
        let cached = p.variant == .dnsCached
        let https = tls
        let domain = zone.cname.dropFirst("edge.".count)

        // 1. URL and the browser's decisions.
        note(.url, at: .browser, url.text,
             ko: "주소창의 글자를 URL로 해석합니다(WHATWG URL 표준): scheme \(url.scheme), host \(host), port \(url.port)\(url.explicitPort ? "" : "(기본값)"), path \(url.path). #fragment는 서버로 가지 않습니다.",
             en: "The address bar text is parsed as a URL (WHATWG URL Standard): scheme \(url.scheme), host \(host), port \(url.port)\(url.explicitPort ? "" : " (default)"), path \(url.path). A #fragment never leaves the browser.", takes: 0.5)
        note(.url, at: .browser, https ? "HSTS: https" : "HSTS: no entry",
             ko: https ? "이미 https입니다. http로 입력했어도 HSTS 목록에 있는 사이트라면 브라우저가 요청을 보내기 전에 https로 바꿉니다(RFC 6797)."
                       : "HSTS 목록에 이 호스트가 없어 평문 HTTP로 갑니다. 목록에 있었다면 브라우저가 보내기 전에 https로 바꿨을 것입니다(RFC 6797).",
             en: https ? "Already https. Had it been typed as http, a host on the HSTS list would be upgraded to https before anything is sent (RFC 6797)."
                       : "The host is not on the HSTS list, so plain HTTP is used. On the list, the browser would have upgraded to https before sending anything (RFC 6797).", takes: 0.1)
        note(.url, at: .browser, "HTTP cache: miss",
             ko: "서비스 워커도 없고 HTTP 캐시(메모리, 디스크)에도 신선한 사본이 없어 네트워크로 갑니다(RFC 9111).",
             en: "No service worker answers and the HTTP cache (memory, disk) has no fresh copy, so the request goes to the network (RFC 9111).", takes: 0.2)

        // 2. DNS: the local caches first.
        let records = zone.answer(forClient: p.client)
        let answerText = "\(host) CNAME \(zone.cname); \(zone.cname) A \(records.joined(separator: ", "))"
            + (zone.ipv6.isEmpty ? "" : "; AAAA \(zone.ipv6.joined(separator: ", "))") + " TTL \(zone.ttl)"
        let literal = host == "localhost" || host.allSatisfy({ $0.isNumber || $0 == "." }) || host.hasPrefix("[")
        if literal {
            note(.dns, at: .browser, host == "localhost" ? "localhost: hosts file" : "IP literal: no DNS",
                 ko: host == "localhost" ? "localhost는 OS의 hosts 파일에서 바로 풀리므로 DNS 질의가 나가지 않습니다." : "호스트가 IP 주소 그대로라 DNS가 필요 없습니다.",
                 en: host == "localhost" ? "localhost is answered from the OS hosts file: no DNS query leaves the machine." : "The host is an IP address already: no DNS is needed.", takes: 0.1)
        } else if cached {
            note(.dns, at: .browser, "DNS cache: hit \(serverIP)",
                 ko: "브라우저 DNS 캐시에 TTL이 남은 답(\(serverIP))이 있어 네트워크 질의 없이 바로 씁니다. ARP 캐시에도 공유기 MAC이 남아 있습니다.",
                 en: "The browser's DNS cache holds an answer whose TTL has not run out (\(serverIP)), so no query is sent. The ARP cache still holds the router's MAC too.", takes: 0.1)
        } else {
            note(.dns, at: .browser, "DNS cache: miss",
                 ko: "브라우저 DNS 캐시에 \(host)가 없습니다.", en: "The browser's own DNS cache has no entry for \(host).", takes: 0.1)
            send(.dns, .application, "getaddrinfo(\(host))", from: .browser, to: .os,
                 flow: Flow(proto: nil, srcIP: "", dstIP: "", payload: "getaddrinfo(\"\(host)\")"), after: 0.2,
                 ko: "브라우저가 OS의 stub 리졸버에 이름을 묻습니다. OS는 hosts 파일과 자기 캐시를 먼저 보고, 없으면 설정된 재귀 리졸버(\(Self.resolverIP))에 UDP로 묻습니다.",
                 en: "The browser asks the OS stub resolver. The OS checks the hosts file and its own cache, then asks the configured recursive resolver (\(Self.resolverIP)) over UDP.")

            // 3. ARP: the query must leave the LAN, so the host needs the gateway's MAC.
            send(.arp, .link, "ARP who-has \(Self.gatewayIP)", from: .os, to: .router,
                 flow: Flow(proto: nil, srcIP: Self.hostIP, dstIP: Self.gatewayIP, payload: "ARP request: who has \(Self.gatewayIP)? tell \(Self.hostIP)", broadcast: true), after: 0.1,
                 ko: "리졸버는 다른 네트워크에 있으므로 패킷은 기본 게이트웨이(\(Self.gatewayIP))로 가야 합니다. 그 MAC 주소를 몰라 ARP 요청을 브로드캐스트합니다(RFC 826).",
                 en: "The resolver is on another network, so the packet must go to the default gateway (\(Self.gatewayIP)). Its MAC is unknown, so an ARP request is broadcast (RFC 826).")
            send(.arp, .link, "ARP \(Self.gatewayIP) is-at \(Self.mac(.router, facing: .os))", from: .router, to: .os,
                 flow: Flow(proto: nil, srcIP: Self.gatewayIP, dstIP: Self.hostIP, payload: "ARP reply: \(Self.gatewayIP) is at \(Self.mac(.router, facing: .os))"), after: 0.1,
                 ko: "공유기가 자기 MAC을 유니캐스트로 알려 줍니다. 호스트는 이를 ARP 캐시에 넣고, 이제 LAN 밖으로 가는 모든 프레임의 목적지 MAC으로 씁니다.",
                 en: "The router answers with its MAC by unicast. The host stores it in its ARP cache and uses it as the destination MAC of every frame leaving the LAN.")

            // The iterative resolution (RFC 1034 §5.3.3).
            let q = "A? AAAA? \(host)"
            send(.dns, .application, "DNS query \(q)", from: .os, to: .resolver,
                 flow: Flow(proto: "UDP", srcIP: Self.hostIP, dstIP: Self.resolverIP, srcPort: Self.dnsPort, dstPort: 53, detail: "len=\(33 + host.count)", payload: "DNS query id=0x2f1a RD=1: \(q)"), after: 0.5,
                 ko: "stub 리졸버가 재귀 질의(RD=1)를 보냅니다: \(host)의 A(IPv4)와 AAAA(IPv6) 레코드를 나란히 묻습니다. 리졸버 캐시에도 없어 리졸버가 루트부터 차례로 묻습니다.",
                 en: "The stub sends recursive queries (RD=1) for \(host)'s A (IPv4) and AAAA (IPv6) records side by side. The resolver's cache has nothing either, so it iterates from the root.")
            send(.dns, .application, "DNS query \(q)", from: .resolver, to: .root,
                 flow: Flow(proto: "UDP", srcIP: Self.resolverIP, dstIP: Self.rootIP, srcPort: 33_333, dstPort: 53, detail: "len=\(33 + host.count)", payload: "DNS query RD=0: \(q)"), after: 1,
                 ko: "리졸버가 루트 서버(a.root-servers.net, \(Self.rootIP))에 묻습니다. 루트 서버 주소는 리졸버에 미리 들어 있습니다(root hints).",
                 en: "The resolver asks a root server (a.root-servers.net, \(Self.rootIP)); root addresses come built in (root hints).")
            send(.dns, .application, "referral: com. NS a.gtld-servers.net", from: .root, to: .resolver,
                 flow: Flow(proto: "UDP", srcIP: Self.rootIP, dstIP: Self.resolverIP, srcPort: 53, dstPort: 33_333, detail: "len=500", payload: "referral: com. NS a.gtld-servers.net (glue A \(Self.tldIP))"), after: 0.5,
                 ko: "루트는 답을 모르지만 .com을 맡은 TLD 서버를 알려 줍니다(referral, 글루 레코드 포함).",
                 en: "The root does not know the answer but refers the resolver to the .com TLD servers (a referral with glue records).")
            send(.dns, .application, "DNS query \(q)", from: .resolver, to: .tld,
                 flow: Flow(proto: "UDP", srcIP: Self.resolverIP, dstIP: Self.tldIP, srcPort: 33_334, dstPort: 53, detail: "len=\(33 + host.count)", payload: "DNS query RD=0: \(q)"), after: 1,
                 ko: "리졸버가 .com TLD 서버에 같은 질문을 합니다.", en: "The resolver asks the .com TLD server the same question.")
            send(.dns, .application, "referral: \(domain). NS ns1.\(domain)", from: .tld, to: .resolver,
                 flow: Flow(proto: "UDP", srcIP: Self.tldIP, dstIP: Self.resolverIP, srcPort: 53, dstPort: 33_334, detail: "len=200", payload: "referral: \(domain). NS ns1.\(domain) (glue A \(Self.authIP))"), after: 0.5,
                 ko: "TLD는 \(domain)의 권한 네임서버를 알려 줍니다.", en: "The TLD refers the resolver to \(domain)'s authoritative name server.")
            send(.dns, .application, "DNS query \(q)", from: .resolver, to: .authoritative,
                 flow: Flow(proto: "UDP", srcIP: Self.resolverIP, dstIP: Self.authIP, srcPort: 33_335, dstPort: 53, detail: "len=\(33 + host.count)", payload: "DNS query RD=0: \(q)"), after: 1,
                 ko: "리졸버가 권한 서버(ns1.\(domain))에 묻습니다.", en: "The resolver asks the authoritative server (ns1.\(domain)).")
            send(.dns, .application, "answer: CNAME \(zone.cname), A \(records[0])", from: .authoritative, to: .resolver,
                 flow: Flow(proto: "UDP", srcIP: Self.authIP, dstIP: Self.resolverIP, srcPort: 53, dstPort: 33_335, detail: "len=140", payload: "answer AA=1: \(answerText)"), after: 0.3,
                 ko: "권한 서버가 답합니다: \(host)는 \(zone.cname)의 별칭(CNAME)이고, 그 A 레코드는 \(records.joined(separator: ", ")), AAAA는 \(zone.ipv6.joined(separator: ", "))입니다(TTL \(zone.ttl)초). DNS 라운드 로빈이라 다음 클라이언트는 A 레코드 순서가 돌아간 목록을 받습니다. 브라우저는 두 주소 계열을 Happy Eyeballs(RFC 8305)로 겨루게 하지만, 여기서는 IPv4로 따라갑니다.",
                 en: "The authoritative answer: \(host) is an alias (CNAME) of \(zone.cname), whose A records are \(records.joined(separator: ", ")) and AAAA \(zone.ipv6.joined(separator: ", ")) (TTL \(zone.ttl) s). It is DNS round robin: the next client gets the A records rotated. Browsers race the two address families (Happy Eyeballs, RFC 8305); this journey follows IPv4.")
            send(.dns, .application, "DNS answer \(records[0])", from: .resolver, to: .os,
                 flow: Flow(proto: "UDP", srcIP: Self.resolverIP, dstIP: Self.hostIP, srcPort: 53, dstPort: Self.dnsPort, detail: "len=140", payload: "DNS answer id=0x2f1a RA=1: \(answerText)"), after: 0.2,
                 ko: "리졸버가 답을 TTL 동안 캐시하고 호스트에 돌려줍니다. NAT가 목적지를 \(Self.hostIP):\(Self.dnsPort)로 되돌립니다.",
                 en: "The resolver caches the answer for its TTL and returns it; NAT maps the destination back to \(Self.hostIP):\(Self.dnsPort).")
            send(.dns, .application, "\(host) = \(serverIP)", from: .os, to: .browser,
                 flow: Flow(proto: nil, srcIP: "", dstIP: "", payload: "getaddrinfo → \(records.joined(separator: ", "))"),
                 ko: "OS가 주소 목록을 브라우저에 돌려줍니다. 브라우저는 보통 첫 주소(\(serverIP))로 연결합니다.",
                 en: "The OS returns the addresses to the browser, which normally connects to the first (\(serverIP)).")
        }
        let dnsEnd = now
        if let m = p.measured {
            let loopback = m.remoteIP.hasPrefix("127.") || m.remoteIP == "::1"
            note(.tcp, at: .browser, loopback ? "live: loopback" : "live: measured",
                 ko: loopback ? "실측: 서버가 이 컴퓨터에 있어(루프백 \(m.remoteIP)) 패킷이 밖으로 나가지 않습니다. 시간은 실제로 잰 값이고, 지도는 원격 서버라면 지날 경로입니다."
                              : "실측: 시간은 실제로 잰 값입니다(\(m.remoteIP):\(m.remotePort)). 측정으로는 중간 장비가 보이지 않으므로 지도는 전형적인 경로입니다.",
                 en: loopback ? "Live: the server is on this machine (loopback \(m.remoteIP)), so no packet leaves it. The times are measured; the map shows the path a remote server would take."
                              : "Live: the times are measured (\(m.remoteIP):\(m.remotePort)). A measurement cannot see the devices in between, so the map shows the typical path.")
        }

        // 4. TCP: the same simulator as the sequence diagrams, with this path's delay.
        var tp = TCPParameters()
        tp.oneWayDelay = oneWay; tp.serialization = 0.1
        let sim = TCPSimulation(parameters: tp, names: ("client", "edge"))
        sim.schedule(.listen, on: 1, at: 0)
        sim.schedule(.connect, on: 0, at: 0)
        let handshake = sim.run(scene: "url-journey").events.filter { $0.kind == .send }.prefix(3)
        let tcpStart = now
        var connectEnd = now
        for (i, e) in handshake.enumerated() {
            guard let seg = e.segment else { continue }
            let fromClient = e.from == "client"
            let detail = seg.label
            let flow = fromClient
                ? Flow(proto: "TCP", srcIP: Self.hostIP, dstIP: serverIP, srcPort: Self.clientPort, dstPort: url.port, detail: detail, payload: "(no data)")
                : Flow(proto: "TCP", srcIP: serverIP, dstIP: Self.hostIP, srcPort: url.port, dstPort: Self.clientPort, detail: detail, payload: "(no data)")
            now = tcpStart + e.t
            let (ko, en): (String, String) = switch i {
            case 0: ("브라우저가 \(serverIP):\(url.port)에 connect()합니다. SYN이 클라이언트 ISN \(seg.seq)을 알립니다(RFC 9293 §3.5).",
                     "The browser connect()s to \(serverIP):\(url.port). The SYN carries the client's ISN \(seg.seq) (RFC 9293 §3.5).")
            case 1: ("에지가 SYN+ACK로 자기 ISN \(seg.seq)을 알리고 ack=\(seg.ack)로 SYN을 확인합니다. 클라이언트에게는 이 도착이 connect()의 완료입니다.",
                     "The edge answers SYN+ACK with its ISN \(seg.seq), acknowledging the SYN with ack=\(seg.ack). For the client, its arrival completes connect().")
            default: ("클라이언트가 ACK를 보내고 바로 데이터를 이어 보낼 수 있습니다: 연결에 1 RTT가 들었습니다.",
                      "The client sends the ACK and may send data right behind it: the connection cost one RTT.")
            }
            send(.tcp, .transport, detail, from: fromClient ? .os : .cache, to: fromClient ? .cache : .os, flow: flow, ko: ko, en: en)
            if i == 1 { connectEnd = messages.last!.arrival }
            if i == 0 { clientSeq = seg.seq &+ 1 } else if i == 1 { serverSeq = seg.seq &+ 1 }
        }
        now = connectEnd

        // 5. TLS.
        var tlsEnd = connectEnd
        if https {
            if tls13 {
                data(.tls, .tls, "ClientHello", fromClient: true, len: 517, tlsRecord: "Handshake: ClientHello",
                     payload: "TLS 1.3 ClientHello: SNI \(host), key_share x25519, supported_versions 1.3, ALPN h2, http/1.1",
                     ko: "ClientHello: 지원하는 암호 묶음, SNI(\(host)), ALPN(h2), 그리고 key_share에 ECDHE 공개 키를 미리 담아 보냅니다(RFC 8446 §4.1.2).",
                     en: "ClientHello: cipher suites, SNI (\(host)), ALPN (h2), and an ECDHE public key already in key_share (RFC 8446 §4.1.2).")
                data(.tls, .tls, "ServerHello … Finished", fromClient: false, len: 4_200, tlsRecord: "Handshake: ServerHello; then encrypted EncryptedExtensions, Certificate, CertificateVerify, Finished",
                     payload: "ServerHello (key_share) + {EncryptedExtensions, Certificate, CertificateVerify, Finished}", after: 0.5,
                     ko: "에지가 ServerHello로 자기 key_share를 보내면 양쪽이 같은 비밀을 계산합니다. 이어지는 EncryptedExtensions, Certificate, CertificateVerify, Finished는 이미 암호화됩니다. 인증서 서명으로 서버를 인증하고, 데이터는 대칭 AEAD 암호로 보호합니다.",
                     en: "The edge's ServerHello carries its key_share; both sides now derive the same secrets. EncryptedExtensions, Certificate, CertificateVerify and Finished follow, already encrypted. The certificate signature authenticates the server; the data is protected by a symmetric AEAD cipher.")
                tlsEnd = now
                data(.tls, .tls, "Finished", fromClient: true, len: 74, tlsRecord: "Application Data (encrypted Finished)",
                     payload: "{Finished}", alongside: true,
                     ko: "클라이언트가 Finished를 보내고 같은 비행에 HTTP 요청을 바로 붙입니다: TLS 1.3은 1-RTT입니다. 재방문이면 0-RTT(early data)로 첫 요청을 더 일찍 보낼 수 있지만 재전송 공격에 취약해 멱등 요청에만 씁니다.",
                     en: "The client sends Finished and its HTTP request right behind it in the same flight: TLS 1.3 takes one round trip. On a return visit 0-RTT early data can carry the first request even sooner, but it can be replayed, so only for idempotent requests.")
            } else {
                data(.tls, .tls, "ClientHello", fromClient: true, len: 300, tlsRecord: "Handshake: ClientHello",
                     payload: "TLS 1.2 ClientHello: cipher suites, SNI \(host), ALPN h2",
                     ko: "TLS 1.2 ClientHello: 아직 키 공유가 없습니다.", en: "TLS 1.2 ClientHello: no key share yet.")
                data(.tls, .tls, "ServerHello, Certificate, ServerKeyExchange, ServerHelloDone", fromClient: false, len: 4_300, tlsRecord: "Handshake (plaintext)",
                     payload: "ServerHello, Certificate, ServerKeyExchange (ECDHE), ServerHelloDone", after: 0.5,
                     ko: "서버가 인증서와 ECDHE 매개변수를 보냅니다. 인증서까지 평문으로 오갑니다.", en: "The server sends its certificate and ECDHE parameters; the certificate travels in the clear.")
                data(.tls, .tls, "ClientKeyExchange, ChangeCipherSpec, Finished", fromClient: true, len: 126, tlsRecord: "Handshake + ChangeCipherSpec",
                     payload: "ClientKeyExchange, ChangeCipherSpec, Finished",
                     ko: "클라이언트가 자기 키 공유를 보내고 암호화로 전환합니다. 아직 요청은 못 보냅니다.", en: "The client sends its key share and switches to encryption; it still cannot send the request.")
                data(.tls, .tls, "ChangeCipherSpec, Finished", fromClient: false, len: 51, tlsRecord: "ChangeCipherSpec + Finished",
                     payload: "ChangeCipherSpec, Finished",
                     ko: "서버의 Finished가 와야 끝납니다: TLS 1.2는 2-RTT로, 1.3보다 왕복 한 번이 더 듭니다.", en: "Only the server's Finished ends it: TLS 1.2 takes two round trips, one more than 1.3.")
                tlsEnd = now
            }
        }

        // 6. HTTP: request, the edge's cache, the origin, the response.
        // Browsers speak HTTP/2 only over TLS (negotiated with ALPN).
        let version = p.measured?.httpVersion ?? (https ? "HTTP/2" : "HTTP/1.1")
        let request = version == "HTTP/2"
            ? "HEADERS :method GET :scheme \(url.scheme) :authority \(host) :path \(url.path); user-agent, accept: text/html, accept-encoding: gzip, br"
            : "GET \(url.path) \(version); Host: \(host); User-Agent; Accept: text/html; Accept-Encoding: gzip, br; Connection: keep-alive"
        let requestStart = now
        data(.http, .application, "GET \(url.path)", fromClient: true, len: 320, tlsRecord: https ? "Application Data (encrypted)" : nil, payload: request,
             ko: "\(version) 요청: GET \(url.path). GET은 안전하고 멱등이며 본문이 없습니다. \(https ? "TLS 레코드 안에 암호화되어 중간 장비는 내용을 볼 수 없습니다." : "평문이라 경로의 모든 장비가 내용을 볼 수 있습니다.")",
             en: "\(version) request: GET \(url.path). GET is safe and idempotent and has no body. \(https ? "It is encrypted inside TLS records: devices on the path cannot read it." : "It is plain text: every device on the path can read it.")")
        let bodySize = 30_720
        let rtt = 2 * oneWay
        // Slow start from IW10 (RFC 6928): how many round trips the body takes.
        var flights = 0, sentBytes = 0, window = 10 * Self.mss
        while sentBytes < bodySize { sentBytes += window; window *= 2; flights += 1 }
        let transferExtra = Double(max(0, flights - 1)) * rtt + 2
        let responseHead = "\(version == "HTTP/2" ? ":status 200" : "\(version) 200 OK"); content-type: text/html; charset=utf-8; cache-control: max-age=300; etag: \"v42\"; content-length: \(bodySize)"
        if p.variant == .cdnHit {
            note(.http, at: .cache, "cache HIT (age 120)",
                 ko: "에지 캐시에 신선한 사본이 있습니다(Cache-Control: max-age=300, 저장된 지 120초). 원 서버에 가지 않고 바로 응답합니다(RFC 9111 §4.2).",
                 en: "The edge cache holds a fresh copy (Cache-Control: max-age=300, stored 120 s ago), so it answers without going to the origin (RFC 9111 §4.2).", takes: 0.5)
            data(.http, .application, "200 OK (HIT)", fromClient: false, len: bodySize, tlsRecord: https ? "Application Data (encrypted)" : nil,
                 payload: responseHead + "; age: 120; x-cache: HIT", extra: transferExtra,
                 ko: "200 OK가 캐시에서 옵니다(Age: 120). 본문 \(bodySize / 1024) KB는 IW10(\(10 * Self.mss)바이트)에서 시작하는 slow start로 \(flights)번의 왕복에 나뉘어 옵니다.",
                 en: "200 OK comes from the cache (Age: 120). The \(bodySize / 1024) KB body arrives in \(flights) round trip\(flights == 1 ? "" : "s") of slow start from IW10 (\(10 * Self.mss) bytes).")
        } else {
            note(.http, at: .cache, "cache MISS",
                 ko: "에지 캐시에 사본이 없습니다(MISS). 에지가 원 서버로 요청을 넘깁니다. 에지와 원 서버 사이에는 미리 열어 둔 keep-alive 연결이 있습니다.",
                 en: "The edge cache has no copy (MISS), so the edge forwards the request to the origin over a keep-alive connection it already holds.", takes: 0.5)
            send(.http, .application, "GET \(url.path) (to origin)", from: .cache, to: .server,
                 flow: Flow(proto: "TCP", srcIP: "10.0.0.2", dstIP: Self.originIP, srcPort: 47_000, dstPort: 80, detail: "ACK len=380", payload: "GET \(url.path) HTTP/1.1; Host: \(host); Via: 1.1 edge; X-Forwarded-For: \(Self.publicIP)"),
                 after: 25,
                 ko: "리버스 프록시가 새 요청을 만들어 원 서버로 보냅니다(Via, X-Forwarded-For에 클라이언트 정보를 남김). 원 서버가 페이지를 만드는 데 25 ms가 걸립니다.",
                 en: "The reverse proxy makes its own request to the origin (Via and X-Forwarded-For record the client). The origin takes 25 ms to build the page.")
            send(.http, .application, "200 OK (from origin)", from: .server, to: .cache,
                 flow: Flow(proto: "TCP", srcIP: Self.originIP, dstIP: "10.0.0.2", srcPort: 80, dstPort: 47_000, detail: "ACK len=\(bodySize + 200)", payload: responseHead),
                 after: 0.5,
                 ko: "원 서버의 200 OK. Cache-Control: max-age=300이라 에지가 5분 동안 저장해 다음 요청에 씁니다.",
                 en: "The origin's 200 OK. With Cache-Control: max-age=300 the edge stores it for five minutes for the next requests.")
            data(.http, .application, "200 OK", fromClient: false, len: bodySize, tlsRecord: https ? "Application Data (encrypted)" : nil,
                 payload: responseHead + "; age: 0; x-cache: MISS", extra: transferExtra,
                 ko: "에지가 200 OK를 브라우저에 보냅니다. 본문 \(bodySize / 1024) KB는 IW10(\(10 * Self.mss)바이트)에서 시작하는 slow start로 \(flights)번의 왕복에 나뉘어 옵니다.",
                 en: "The edge sends 200 OK to the browser. The \(bodySize / 1024) KB body arrives in \(flights) round trip\(flights == 1 ? "" : "s") of slow start from IW10 (\(10 * Self.mss) bytes).")
        }
        let lastByte = now
        let firstByte = messages.last!.steps.last!.arrival

        // 7. Rendering and sub-resources on the same connection.
        note(.render, at: .browser, "parse HTML → DOM",
             ko: "브라우저가 HTML을 받는 대로 파싱해 DOM을 만들고, <link rel=stylesheet>와 <script>를 발견합니다.",
             en: "The browser parses the HTML as it streams in, builds the DOM, and discovers a stylesheet and a script.", takes: 3)
        data(.render, .application, "GET /style.css, /app.js", fromClient: true, len: 160, tlsRecord: https ? "Application Data (encrypted)" : nil,
             payload: version == "HTTP/2" ? "HEADERS stream 3 :path /style.css; HEADERS stream 5 :path /app.js" : "GET /style.css HTTP/1.1 (keep-alive)",
             ko: version == "HTTP/2" ? "하위 리소스 두 개를 같은 연결에서 스트림 두 개로 동시에 요청합니다(HTTP/2 멀티플렉싱). 새 DNS, TCP, TLS가 필요 없습니다."
                                     : "하위 리소스를 같은 keep-alive 연결로 요청합니다. HTTP/1.1은 한 연결에서 한 번에 하나라 브라우저는 연결을 몇 개 더 엽니다.",
             en: version == "HTTP/2" ? "Both sub-resources are requested at once as two streams on the same connection (HTTP/2 multiplexing): no new DNS, TCP or TLS."
                                     : "The sub-resources are requested on the same keep-alive connection; HTTP/1.1 carries one at a time, so browsers open a few more connections.")
        note(.render, at: .cache, "cache HIT ×2",
             ko: "정적 파일은 에지 캐시에 있습니다.", en: "The static files are in the edge cache.", takes: 0.5)
        data(.render, .application, "200 OK ×2", fromClient: false, len: 20_000, tlsRecord: https ? "Application Data (encrypted)" : nil,
             payload: "200 text/css (stream 3); 200 application/javascript (stream 5); cache-control: max-age=31536000, immutable", after: 2,
             ko: "CSS와 JS가 도착합니다. 긴 max-age와 immutable로 다음 방문에는 네트워크 없이 씁니다.", en: "The CSS and JS arrive; a long max-age with immutable lets the next visit skip the network.")
        note(.render, at: .browser, "layout → paint",
             ko: "CSSOM과 DOM으로 렌더 트리를 만들고, 레이아웃, 페인트, 합성을 거쳐 화면에 픽셀이 나옵니다.",
             en: "DOM and CSSOM make the render tree; layout, paint and compositing put pixels on the screen.", takes: 8)

        // 8. The connection stays open (keep-alive), then closes when idle.
        note(.close, at: .browser, "keep-alive (idle)",
             ko: "연결은 바로 닫지 않고 열어 둡니다(HTTP 지속 연결). 같은 사이트의 다음 요청은 연결 비용 없이 갑니다. 한동안 쓰이지 않으면 닫습니다.",
             en: "The connection is kept open (persistent HTTP connection) so the next request to the site skips the set-up cost; after a while unused, it is closed.", takes: 1)
        if https {
            data(.close, .tls, "close_notify", fromClient: true, len: 24, tlsRecord: "Alert: close_notify (encrypted)", payload: "TLS alert close_notify",
                 ko: "TLS를 먼저 정중하게 끝냅니다(close_notify). 잘린 응답과 정상 종료를 구별하게 해 줍니다.", en: "TLS is ended first with close_notify, so a truncated response can be told from a clean end.")
        }
        let fin = tcpFlow(fromClient: true, flags: "FIN+ACK", len: 0, tlsRecord: nil, payload: "(no data)")
        send(.close, .transport, "FIN+ACK", from: .os, to: .cache, flow: fin,
             ko: "클라이언트가 FIN을 보냅니다. 먼저 닫은 쪽이 나중에 TIME-WAIT에 머뭅니다.", en: "The client sends FIN; the side that closes first is the one that waits in TIME-WAIT.")
        clientSeq &+= 1
        let finAck = tcpFlow(fromClient: false, flags: "FIN+ACK", len: 0, tlsRecord: nil, payload: "(no data)")
        send(.close, .transport, "FIN+ACK", from: .cache, to: .os, flow: finAck,
             ko: "에지가 ACK와 함께 자기 FIN도 보냅니다(ACK와 FIN을 한 세그먼트에 실을 수 있음).", en: "The edge acknowledges and sends its own FIN in the same segment.")
        serverSeq &+= 1
        let lastAck = tcpFlow(fromClient: true, flags: "ACK", len: 0, tlsRecord: nil, payload: "(no data)")
        send(.close, .transport, "ACK", from: .os, to: .cache, flow: lastAck,
             ko: "마지막 ACK. 클라이언트는 2·MSL 동안 TIME-WAIT에 머물러, 이 ACK가 사라져 FIN이 다시 오면 다시 답합니다.",
             en: "The last ACK. The client stays in TIME-WAIT for 2·MSL so it can answer again if this ACK is lost and the FIN comes back.")

        let phases = Self.phases(dnsEnd: dnsEnd, tcpStart: tcpStart, connectEnd: connectEnd, tlsEnd: https ? tlsEnd : connectEnd,
                                 requestStart: requestStart, firstByte: firstByte, lastByte: lastByte, https: https)
        var journey = Journey(parameters: p, url: url, messages: messages, phases: phases, zone: zone, remoteIP: serverIP,
                              tlsVersion: https ? (p.measured?.tlsVersion ?? (tls13 ? "TLSv1.3" : "TLSv1.2")) : nil, httpVersion: version, failure: nil)
        if let m = p.measured { journey = Self.fit(journey, to: m) }
        return journey
    }

    static func phases(dnsEnd: Double, tcpStart: Double, connectEnd: Double, tlsEnd: Double, requestStart: Double,
                       firstByte: Double, lastByte: Double, https: Bool) -> [JourneyPhase] {
        var out = [JourneyPhase(kind: .dns, start: 0, end: dnsEnd),
                   JourneyPhase(kind: .connect, start: dnsEnd, end: connectEnd)]
        if https { out.append(JourneyPhase(kind: .tls, start: connectEnd, end: tlsEnd)) }
        out.append(JourneyPhase(kind: .server, start: https ? tlsEnd : connectEnd, end: firstByte))
        out.append(JourneyPhase(kind: .transfer, start: firstByte, end: lastByte))
        return out
    }

    /// Maps the model's times onto measured ones, phase by phase (piecewise linear), so the
    /// journey plays with the real durations; a failed fetch ends at the stage where it stopped.
    static func fit(_ j: Journey, to m: MeasuredFetch) -> Journey {
        var j = j
        // Measured phase ends, cumulative (curl: namelookup, connect, appconnect, starttransfer, total).
        let tlsEnd = j.url.scheme == "https" ? max(m.tlsDone, m.connect) : m.connect
        let measuredEnds: [JourneyPhase.Kind: Double] = [.dns: m.nameLookup, .connect: m.connect, .tls: tlsEnd,
                                                         .server: max(m.startTransfer, tlsEnd), .transfer: max(m.total, m.startTransfer)]
        var knots: [(model: Double, real: Double)] = [(0, 0)]
        for ph in j.phases {
            let real = max(measuredEnds[ph.kind] ?? ph.end, knots.last!.real)
            if ph.end > knots.last!.model { knots.append((ph.end, real)) }
        }
        func map(_ t: Double) -> Double {
            for (a, b) in zip(knots, knots.dropFirst()) where t <= b.model {
                return a.real + (t - a.model) / (b.model - a.model) * (b.real - a.real)
            }
            return knots.last!.real + (t - knots.last!.model)  // after the last byte: model time
        }
        j.messages = j.messages.map { msg in
            var msg = msg
            msg.t = map(msg.t); msg.arrival = map(msg.arrival)
            msg.steps = msg.steps.map { var s = $0; s.t = map(s.t); s.arrival = map(s.arrival); return s }
            return msg
        }
        j.phases = j.phases.map { var p = $0; p.start = map(p.start); p.end = map(p.end); return p }
        j.remoteIP = m.remoteIP
        if let f = m.failure {
            // Keep what happened before the failing stage, then say where and why it stopped.
            let order = JourneyStage.allCases
            let cut = order.firstIndex(of: f.stage) ?? order.count
            j.messages = j.messages.filter { (order.firstIndex(of: $0.stage) ?? 0) < cut }
            let at = j.messages.last?.arrival ?? 0
            let hop: HopID = f.stage == .dns ? .os : .browser
            j.messages.append(JourneyMessage(stage: f.stage, layer: .application, label: "failed: \(f.message)", from: hop, to: hop,
                                             t: at, arrival: at, steps: [], narration: Localized(
                                                ko: "\(f.stage.title.ko) 단계에서 멈췄습니다: \(f.message)", en: "The journey stopped at the \(f.stage.title.en) stage: \(f.message)")))
            j.phases = j.phases.filter { ph in
                switch (ph.kind, f.stage) {
                case (.dns, _): f.stage != .url
                case (.connect, .tls), (.connect, .http), (.tls, .http): true
                default: false
                }
            }
            j.failure = f
        }
        return j
    }
}
