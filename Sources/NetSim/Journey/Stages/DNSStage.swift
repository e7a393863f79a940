import TutorCore

/// 2. DNS: the local answers first, then (after ARP) the iterative resolution.
extension JourneyBuilder {
    /// The hosts file, an IP literal or the browser's cache; true when the name must be
    /// resolved on the network (the stub resolver has been asked).
    mutating func dnsLocalStage() -> Bool {
        let literal = host == "localhost" || host.allSatisfy({ $0.isNumber || $0 == "." }) || host.hasPrefix("[")
        if literal {
            note(.dns, at: .browser, host == "localhost" ? "localhost: hosts file" : "IP literal: no DNS",
                 ko: host == "localhost" ? "localhost는 OS의 hosts 파일에서 바로 풀리므로 DNS 질의가 나가지 않습니다." : "호스트가 IP 주소 그대로라 DNS가 필요 없습니다.",
                 en: host == "localhost" ? "localhost is answered from the OS hosts file: no DNS query leaves the machine." : "The host is an IP address already: no DNS is needed.", takes: 0.1)
            return false
        }
        if p.variant == .dnsCached {
            note(.dns, at: .browser, "DNS cache: hit \(serverIP)",
                 ko: "브라우저 DNS 캐시에 TTL이 남은 답(\(serverIP))이 있어 네트워크 질의 없이 바로 씁니다. ARP 캐시에도 공유기 MAC이 남아 있습니다.",
                 en: "The browser's DNS cache holds an answer whose TTL has not run out (\(serverIP)), so no query is sent. The ARP cache still holds the router's MAC too.", takes: 0.1)
            return false
        }
        note(.dns, at: .browser, "DNS cache: miss",
             ko: "브라우저 DNS 캐시에 \(host)가 없습니다.", en: "The browser's own DNS cache has no entry for \(host).", takes: 0.1)
        send(.dns, .application, "getaddrinfo(\(host))", from: .browser, to: .os,
             flow: Flow(proto: nil, srcIP: "", dstIP: "", payload: "getaddrinfo(\"\(host)\")"), after: 0.2,
             ko: "브라우저가 OS의 stub 리졸버에 이름을 묻습니다. OS는 hosts 파일과 자기 캐시를 먼저 보고, 없으면 설정된 재귀 리졸버(\(Self.resolverIP))에 UDP로 묻습니다.",
             en: "The browser asks the OS stub resolver. The OS checks the hosts file and its own cache, then asks the configured recursive resolver (\(Self.resolverIP)) over UDP.")
        return true
    }

    /// The stub's recursive query and the resolver's iteration from the root.
    mutating func dnsResolutionStage() {
        let records = zone.answer(forClient: p.client)
        let answerText = "\(host) CNAME \(zone.cname); \(zone.cname) A \(records.joined(separator: ", "))"
            + (zone.ipv6.isEmpty ? "" : "; AAAA \(zone.ipv6.joined(separator: ", "))") + " TTL \(zone.ttl)"
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
}
