import TutorCore

/// A message crossing its route link by link: the headers on each link (NAT, TTL, MACs) and
/// what each receiving device does with it.
extension JourneyBuilder {
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
}
