import TutorCore

/// 3. ARP: the query must leave the LAN, so the host needs the gateway's MAC (RFC 826).
extension JourneyBuilder {
    mutating func arpStage() {
        send(.arp, .link, "ARP who-has \(Self.gatewayIP)", from: .os, to: .router,
             flow: Flow(proto: nil, srcIP: Self.hostIP, dstIP: Self.gatewayIP, payload: "ARP request: who has \(Self.gatewayIP)? tell \(Self.hostIP)", broadcast: true), after: 0.1,
             ko: "리졸버는 다른 네트워크에 있으므로 패킷은 기본 게이트웨이(\(Self.gatewayIP))로 가야 합니다. 그 MAC 주소를 몰라 ARP 요청을 브로드캐스트합니다(RFC 826).",
             en: "The resolver is on another network, so the packet must go to the default gateway (\(Self.gatewayIP)). Its MAC is unknown, so an ARP request is broadcast (RFC 826).")
        send(.arp, .link, "ARP \(Self.gatewayIP) is-at \(Self.mac(.router, facing: .os))", from: .router, to: .os,
             flow: Flow(proto: nil, srcIP: Self.gatewayIP, dstIP: Self.hostIP, payload: "ARP reply: \(Self.gatewayIP) is at \(Self.mac(.router, facing: .os))"), after: 0.1,
             ko: "공유기가 자기 MAC을 유니캐스트로 알려 줍니다. 호스트는 이를 ARP 캐시에 넣고, 이제 LAN 밖으로 가는 모든 프레임의 목적지 MAC으로 씁니다.",
             en: "The router answers with its MAC by unicast. The host stores it in its ARP cache and uses it as the destination MAC of every frame leaving the LAN.")
    }
}
